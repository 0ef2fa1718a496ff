/** Conference years and editions from folders, properties and tags. */
import { BoundedMemo, ownString } from "./memo";

export interface YearEdition {
	year: number;
	edition: string | null;
}

const YEAR_FOLDER = /^((?:19|20)\d{2})(?:[-_ ]+([\p{L}\p{N}][\p{L}\p{N} _-]*))?$/u;

/** `2023` → 2023; `2023-shanghai` → 2023, edition `shanghai`. Anything else → null. */
export function parseYearFolder(folder: string): YearEdition | null {
	const match = YEAR_FOLDER.exec(folder.trim());
	if (!match) {
		return null;
	}
	const edition = match[2]?.trim().toLowerCase() ?? null;
	return { year: Number.parseInt(match[1] ?? "", 10), edition: edition === "" ? null : edition };
}

/** Year folders met so far, each read once and shared (frozen) by every PDF below such a folder. */
const yearFolders = new BoundedMemo<YearEdition | false>(2_000);

/**
 * The innermost folder that names a year, e.g. `conference/2023-shanghai/x.pdf`. The answer is
 * shared and frozen: never change it. A folder that cannot start with a year is not matched at all.
 */
export function yearFromFolders(folders: readonly string[]): YearEdition | null {
	for (let i = folders.length - 1; i >= 0; i--) {
		const parsed = sharedYearFolder(folders[i] ?? "");
		if (parsed) {
			return parsed;
		}
	}
	return null;
}

function sharedYearFolder(folder: string): YearEdition | null {
	if (!mayStartWithYear(folder)) {
		return null;
	}
	let known = yearFolders.get(folder);
	if (known === undefined) {
		const parsed = parseYearFolder(folder);
		known = parsed === null ? false : Object.freeze(parsed);
		yearFolders.set(ownString(folder), known);
	}
	return known === false ? null : known;
}

/** False when a folder, after white space, does not start with `19` or `20`: it names no year. */
function mayStartWithYear(folder: string): boolean {
	let at = 0;
	while (at < folder.length && folder.charCodeAt(at) <= 0x20) {
		at++;
	}
	const first = folder.charCodeAt(at);
	const second = folder.charCodeAt(at + 1);
	return first > 0x20 ? (first === 0x31 && second === 0x39) || (first === 0x32 && second === 0x30) || first > 0x7f : true;
}

/** Forgets the year folders read so far (benchmarks measure cold parses with it). */
export function clearYearFolders(): void {
	yearFolders.clear();
}

const LEADING_YEAR = /^\s*((?:19|20)\d{2})(?!\d)/;

/** A year from a property value: `2023`, `"2023"`, `2023-06-25`, `[2023]`. */
export function yearFromValue(value: unknown): number | null {
	if (typeof value === "number" && Number.isInteger(value) && value >= 1900 && value < 2100) {
		return value;
	}
	if (typeof value === "string") {
		const match = LEADING_YEAR.exec(value);
		return match ? Number.parseInt(match[1] ?? "", 10) : null;
	}
	if (Array.isArray(value) && value.length > 0) {
		return yearFromValue(value[0]);
	}
	return null;
}

/** A year and edition as one key (`2023`, `2023-shanghai`), or `""` when the year is unknown. */
export function yearKeyOf(year: number | null, edition: string | null): string {
	if (year === null) {
		return "";
	}
	return edition ? `${year}-${edition}` : String(year);
}

/**
 * The order of year keys wherever years are listed (the year menu, the Talks tab's year groups):
 * newest first, a year's main edition before its other editions (`2023` before `2023-shanghai`),
 * editions by name, an unknown year (`""`) last. The same order as the talks themselves.
 */
export function compareYearKeys(a: string, b: string): number {
	if (a === b) {
		return 0;
	}
	if (a === "" || b === "") {
		return a === "" ? 1 : -1;
	}
	const dashA = a.indexOf("-");
	const dashB = b.indexOf("-");
	const yearA = Number.parseInt(dashA === -1 ? a : a.slice(0, dashA), 10);
	const yearB = Number.parseInt(dashB === -1 ? b : b.slice(0, dashB), 10);
	if (yearA !== yearB) {
		return yearB - yearA;
	}
	if (dashA === -1 || dashB === -1) {
		return dashA === -1 ? -1 : 1;
	}
	return a < b ? -1 : 1;
}
