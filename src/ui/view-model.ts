import type { Session } from "../index/sessions";
import type { VaultIndex } from "../index/vault-index";
import { isOpenState } from "../model/status";
import type { NoteRecord, Question, StudyItem } from "../model/types";
import type { DashboardState } from "./state";

/** A year and edition as one key (`2023`, `2023-shanghai`), or `""` for unknown. */
export function yearKey(year: number | null, edition: string | null): string {
	if (year === null) {
		return "";
	}
	return edition ? `${year}-${edition}` : String(year);
}

export function yearLabel(key: string): string {
	const [year, ...edition] = key.split("-");
	const rest = edition.join("-");
	return rest === "" ? (year ?? "") : `${year ?? ""} · ${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
}

export interface RowItem<T> {
	entry: T;
	sessionId: string | null;
	session: Session | null;
	yearKey: string;
}

/** What one dashboard shows after the filter, the year and the completed toggle. */
export interface VisibleModel {
	notes: NoteRecord[];
	sessions: Session[];
	studyItems: Array<RowItem<StudyItem>>;
	questions: Array<RowItem<Question>>;
	years: string[];
}

function matches(filter: string, ...fields: Array<string | null | undefined>): boolean {
	if (filter === "") {
		return true;
	}
	return fields.some((field) => field !== null && field !== undefined && field.toLowerCase().includes(filter));
}

export function visibleModel(index: VaultIndex, state: DashboardState, showCompleted: boolean, fixedYear: string | null = null): VisibleModel {
	const filter = state.filter.trim().toLowerCase();
	const wantedYear = fixedYear ?? state.year;
	const inYear = (key: string): boolean => wantedYear === "" || key === wantedYear || key.startsWith(`${wantedYear}-`);
	const notes = index.notes();
	const allSessions = index.sessions();
	const years = new Set<string>();
	for (const session of allSessions) {
		years.add(yearKey(session.year, session.edition));
	}
	for (const note of notes) {
		if (note.year !== null) {
			years.add(String(note.year));
		}
	}
	years.delete("");
	const row = <T extends { sessionKey: string | null }>(entry: T, note: NoteRecord): RowItem<T> => {
		const sessionId = index.sessionOf(entry.sessionKey);
		const session = sessionId === null ? null : index.session(sessionId);
		return { entry, sessionId, session, yearKey: session ? yearKey(session.year, session.edition) : note.year === null ? "" : String(note.year) };
	};
	const studyItems: Array<RowItem<StudyItem>> = [];
	const questions: Array<RowItem<Question>> = [];
	for (const note of notes) {
		for (const item of note.studyItems) {
			if (!showCompleted && !isOpenState(item.state)) {
				continue;
			}
			const entry = row(item, note);
			if (inYear(entry.yearKey) && matches(filter, item.text, note.path, ...item.headings, entry.session?.title, entry.session?.code?.code)) {
				studyItems.push(entry);
			}
		}
		for (const question of note.questions) {
			const entry = row(question, note);
			if (inYear(entry.yearKey) && matches(filter, question.text, note.path, ...question.headings)) {
				questions.push(entry);
			}
		}
	}
	const sessions = allSessions.filter(
		(session) => inYear(yearKey(session.year, session.edition)) && matches(filter, session.title, session.code?.code, session.fileName, ...session.sources.map((source) => source.path)),
	);
	return { notes, sessions, studyItems, questions, years: [...years].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)) };
}
