import type { ProgramSession } from "../index/program-sessions";
import type { Session } from "../index/sessions";
import type { VaultIndex } from "../index/vault-index";
import { isOpenState } from "../model/status";
import type { NoteRecord, Progress, Question, StudyItem } from "../model/types";
import { compareYearKeys, yearKeyOf } from "../model/years";
import { editionName } from "../i18n";
import type { DashboardState } from "./state";

/** A year and edition as one key (`2023`, `2023-shanghai`), or `""` for unknown. */
export const yearKey = yearKeyOf;

/** What the header sums up: study items, notes, talks and PDFs (of the chosen year, when one is). */
export interface Summary {
	progress: Progress;
	notes: number;
	/** Null while the talks are still being counted. */
	counts: { sessions: number; local: number } | null;
}

/** A year key as people read it: `2023`, `2023 · Shanghai` (`2023 · 上海` in Chinese). */
export function yearLabel(key: string): string {
	const dash = key.indexOf("-");
	return dash === -1 ? key : `${key.slice(0, dash)} · ${editionName(key.slice(dash + 1))}`;
}

export interface RowItem<T> {
	entry: T;
	sessionId: string | null;
	session: Session | null;
	yearKey: string;
}

/** A group of study items: a note, or a talk. Its rows are read only when the group is drawn. */
export interface StudyGroup {
	key: string;
	/** The note's path, or null for a talk group. */
	path: string | null;
	session: Session | null;
	open: number;
	rows: () => Array<RowItem<StudyItem>>;
}

function matches(filter: string, ...fields: Array<string | null | undefined>): boolean {
	if (filter === "") {
		return true;
	}
	return fields.some((field) => field !== null && field !== undefined && field.toLowerCase().includes(filter));
}

/**
 * What one dashboard shows, after the filter, the year and the completed toggle. Everything is
 * worked out on demand: with no filter, the study tab reads only the notes whose groups are open.
 */
export class VisibleModel {
	private readonly filter: string;
	private readonly year: string;
	private studyCache: { groups: StudyGroup[]; count: number } | null = null;
	private talkCache: Array<Session | ProgramSession> | null = null;
	private readonly wholeProgram: boolean;
	private questionCache: Array<RowItem<Question>> | null = null;
	private countCache: { sessions: number; local: number } | null = null;

	constructor(
		private readonly index: VaultIndex,
		state: DashboardState,
		private readonly showCompleted: boolean,
		private readonly bySession: boolean,
		fixedYear: string | null = null,
		/** Questions found by their words (no mark, no callout) are listed; off, they are left out. */
		private readonly questionsWithoutMark = true,
	) {
		this.filter = state.filter.trim().toLowerCase();
		this.wholeProgram = state.wholeProgram;
		this.year = fixedYear ?? state.year;
	}

	get filtered(): boolean {
		return this.filter !== "" || this.year !== "";
	}

	/**
	 * Years and editions that occur, in the Talks tab's order: newest first, a year's main edition
	 * before its others. Every item's year is among them (its talk's, else its note's).
	 */
	years(): string[] {
		const years = new Set(this.wholeProgram ? [...this.index.sessionYears(), ...this.index.programYears()] : this.index.sessionYears());
		for (const note of this.index.notes()) {
			years.add(yearKeyOf(note.year, note.edition));
		}
		years.delete("");
		return [...years].sort(compareYearKeys);
	}

	/**
	 * The header's figures: the whole vault's, or with a year chosen (in the menu or a code block's
	 * `year:`) that year's — its items, the notes that belong to it, its talks and their PDFs.
	 * `countTalks` false leaves the talks to be counted later (the first draw of a large vault).
	 */
	summary(countTalks: boolean): Summary {
		if (this.year === "") {
			return { progress: this.index.progress(), notes: this.index.noteCount(), counts: countTalks ? this.sessionCounts() : null };
		}
		const talks = this.index.sessions().filter((session) => this.inYear(yearKey(session.year, session.edition)));
		return {
			progress: this.progressIn((key) => this.inYear(key)),
			notes: this.index.notesIn((key) => this.inYear(key)),
			counts: { sessions: talks.length, local: talks.filter((session) => session.localPath !== null).length },
		};
	}

	/** Items done and open of exactly one year key (a year group of the Talks tab). */
	yearProgress(key: string): Progress {
		return this.progressIn((other) => other === key);
	}

	private yearTally: Map<string, Progress> | null = null;

	private progressIn(match: (key: string) => boolean): Progress {
		this.yearTally ??= this.index.yearKeyProgress();
		const total: Progress = { open: 0, done: 0 };
		for (const [key, progress] of this.yearTally) {
			if (match(key)) {
				total.open += progress.open;
				total.done += progress.done;
			}
		}
		return total;
	}

	study(): { groups: StudyGroup[]; count: number } {
		this.studyCache ??= this.filtered || this.bySession ? this.studyByScan() : this.studyByNote();
		return this.studyCache;
	}

	/**
	 * The Talks tab's talks: those the notes link, or with the whole program every talk of the
	 * program as well (each once; a program talk no note links has no sources). The filter reads
	 * titles (which carry the speakers' names where the organisers wrote them), codes, file names and
	 * note paths.
	 */
	talks(): Array<Session | ProgramSession> {
		this.talkCache ??= (this.wholeProgram ? this.index.programSessions() : this.index.sessions()).filter((session) => this.inYear(yearKey(session.year, session.edition)) && matches(this.filter, session.title, session.code?.code, session.fileName, ...session.sources.map((source) => source.path)));
		return this.talkCache;
	}

	/** How many talks there are and how many have a copy in the vault (counted once per model). */
	sessionCounts(): { sessions: number; local: number } {
		this.countCache ??= this.index.sessionCounts();
		return this.countCache;
	}

	talkCount(): number {
		return this.filtered || this.wholeProgram ? this.talks().length : this.sessionCounts().sessions;
	}

	questions(): Array<RowItem<Question>> {
		if (this.questionCache === null) {
			const rows: Array<RowItem<Question>> = [];
			for (const note of this.index.notes()) {
				for (const question of note.questions) {
					if ((question.answered && !this.showCompleted) || (question.inferred && !this.questionsWithoutMark)) {
						continue;
					}
					const row = this.row(question, note);
					if (this.inYear(row.yearKey) && matches(this.filter, question.text, question.context, note.path, ...question.headings)) {
						rows.push(row);
					}
				}
			}
			this.questionCache = rows;
		}
		return this.questionCache;
	}

	private inYear(key: string): boolean {
		return this.year === "" || key === this.year || key.startsWith(`${this.year}-`);
	}

	/**
	 * A row whose talk is looked up only when something reads it: grouped by note with no filter and
	 * no year, nothing does, so the first draw never waits for every note's talks.
	 */
	private row<T extends { sessionKey: string | null }>(entry: T, note: NoteRecord): RowItem<T> {
		const index = this.index;
		let resolved: { sessionId: string | null; session: Session | null } | null = null;
		const resolve = (): { sessionId: string | null; session: Session | null } => {
			if (resolved === null) {
				const sessionId = index.sessionOf(entry.sessionKey);
				resolved = { sessionId, session: sessionId === null ? null : index.session(sessionId) };
			}
			return resolved;
		};
		return {
			entry,
			get sessionId() {
				return resolve().sessionId;
			},
			get session() {
				return resolve().session;
			},
			get yearKey() {
				// The talk's year, else the note's: the same rule as the index's tallies per year.
				const { session } = resolve();
				return session && session.year !== null ? yearKey(session.year, session.edition) : yearKey(note.year, note.edition);
			},
		};
	}

	private shown(item: StudyItem): boolean {
		return this.showCompleted || isOpenState(item.state);
	}

	/** No filter: one group per note, counted from the notes' totals; rows parsed when drawn. */
	private studyByNote(): { groups: StudyGroup[]; count: number } {
		const groups: StudyGroup[] = [];
		let count = 0;
		for (const note of this.index.notes()) {
			const size = this.showCompleted ? note.counts.open + note.counts.done : note.counts.open;
			if (size === 0) {
				continue;
			}
			count += size;
			groups.push({
				key: note.path,
				path: note.path,
				session: null,
				open: note.counts.open,
				rows: () => note.studyItems.filter((item) => this.shown(item)).map((item) => this.row(item, note)),
			});
		}
		return { groups, count };
	}

	/** A filter, a year or grouping by talk: every item is read once. */
	private studyByScan(): { groups: StudyGroup[]; count: number } {
		const byKey = new Map<string, Array<RowItem<StudyItem>>>();
		let count = 0;
		for (const note of this.index.notes()) {
			for (const item of note.studyItems) {
				if (!this.shown(item)) {
					continue;
				}
				const row = this.row(item, note);
				if (!this.inYear(row.yearKey) || !matches(this.filter, item.text, note.path, ...item.headings, row.session?.title, row.session?.code?.code)) {
					continue;
				}
				const key = this.bySession ? (row.sessionId ?? "") : note.path;
				const list = byKey.get(key);
				if (list) {
					list.push(row);
				} else {
					byKey.set(key, [row]);
				}
				count++;
			}
		}
		const groups: StudyGroup[] = [...byKey].map(([key, rows]) => ({
			key,
			path: this.bySession ? null : key,
			session: this.bySession ? (rows[0]?.session ?? null) : null,
			open: rows.filter((row) => isOpenState(row.entry.state)).length,
			rows: () => rows,
		}));
		return { groups, count };
	}
}
