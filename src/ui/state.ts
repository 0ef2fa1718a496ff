/** What the user set up in a dashboard: kept across redraws and when the view is reopened. */
export type Tab = "study" | "talks" | "questions";

export interface DashboardState {
	tab: Tab;
	filter: string;
	/** `""` for all years, else a year key such as `2023` or `2023-shanghai`. */
	year: string;
	/** Groups the user opened (true) or closed (false); others use their default. */
	expanded: Record<string, boolean>;
	/** How many rows of a long group are shown. */
	shown: Record<string, number>;
	scrollTop: number;
	/** The Talks tab lists the whole published program, not only the talks the notes link. */
	wholeProgram: boolean;
}

export const TABS: readonly Tab[] = ["study", "talks", "questions"];

export function defaultState(): DashboardState {
	return { tab: "study", filter: "", year: "", expanded: {}, shown: {}, scrollTop: 0, wholeProgram: false };
}

function record<T>(value: unknown, check: (entry: unknown) => entry is T): Record<string, T> {
	const result: Record<string, T> = {};
	if (value !== null && typeof value === "object") {
		for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
			if (check(entry)) {
				result[key] = entry;
			}
		}
	}
	return result;
}

/** A stored state, repaired field by field. */
export function normalizeState(stored: unknown): DashboardState {
	const data = (stored !== null && typeof stored === "object" ? stored : {}) as Record<string, unknown>;
	const fallback = defaultState();
	return {
		tab: TABS.includes(data.tab as Tab) ? (data.tab as Tab) : fallback.tab,
		filter: typeof data.filter === "string" ? data.filter : "",
		year: typeof data.year === "string" ? data.year : "",
		expanded: record(data.expanded, (entry): entry is boolean => typeof entry === "boolean"),
		shown: record(data.shown, (entry): entry is number => typeof entry === "number" && entry > 0),
		scrollTop: typeof data.scrollTop === "number" && data.scrollTop >= 0 ? data.scrollTop : 0,
		wholeProgram: data.wholeProgram === true,
	};
}
