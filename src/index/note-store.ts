import { getAllTags, type CachedMetadata } from "obsidian";
import { parseNote } from "../model/note-parser";
import { isTrackedNote } from "../model/tags";
import type { NoteRecord, Progress, SessionRef } from "../model/types";
import { yearKeyOf } from "../model/years";
import { ProgramTable, type ProgramSession, type ProgramSource } from "./program-sessions";
import { ProgressTable } from "./progress";
import { type Session, SessionTable } from "./sessions";

/** A note's text and metadata, as the index takes them in. */
export interface NoteSource {
	path: string;
	text: string;
	cache: CachedMetadata;
}

/** Why a note could not be indexed. */
export interface SkippedNote {
	path: string;
	reason: string;
}

/**
 * The index's data, with no events and no app: one record per tracked note, the talks they link and
 * the progress tallies. A note's totals are taken in at once; its talks and its tallies per year and
 * talk when they are next asked for, one pending note at a time, so no change costs more than the
 * notes it touched.
 */
export class NoteStore {
	/** Bumped on every change to the model. */
	revision = 0;
	tracked: readonly string[] = [];
	private readonly records = new Map<string, NoteRecord>();
	private readonly skipped = new Map<string, string>();
	private readonly sessionTable = new SessionTable();
	private readonly progressTable = new ProgressTable();
	private readonly sessionsPending = new Set<string>();
	private readonly sessionsApplied = new Map<string, readonly SessionRef[]>();
	private readonly detailsPending = new Set<string>();
	/** Notes whose questions have not been parsed yet (counting them parses them). */
	private readonly questionsPending = new Set<string>();
	private sortedNotes: NoteRecord[] | null = null;
	private sortedAt = -1;
	private readonly programTable = new ProgramTable();

	constructor(private readonly resolveLink: (linkpath: string, sourcePath: string) => string | null) {}

	/**
	 * Indexes one note from its metadata; an untracked note is dropped without its text being read.
	 * Returns why the note was skipped, when it was.
	 */
	update(path: string, text: string, cache: CachedMetadata, confirmed = false): string | null {
		try {
			const tags = getAllTags(cache);
			if (!isTrackedNote(tags, this.tracked)) {
				this.skipped.delete(path);
				this.set(path, null);
				return null;
			}
			const record = parseNote({ path, text, cache, tags: tags ?? [], trackedTags: this.tracked, resolveLink: this.resolveLink, confirmed });
			if (!confirmed && this.records.has(path)) {
				// Read from disk beside metadata that may be older than the text (the cache has not
				// parsed it yet): keep the record the cache handed over; its `changed` event brings
				// the new one. Only the first read of a note (start-up) is taken from disk.
				return null;
			}
			this.skipped.delete(path);
			this.set(path, record);
			return null;
		} catch (error) {
			return this.skip(path, error);
		}
	}

	/** Whether a note's metadata makes it tracked (decided before any text is read). */
	tracks(cache: CachedMetadata): boolean {
		return isTrackedNote(getAllTags(cache), this.tracked);
	}

	remove(path: string): void {
		this.skipped.delete(path);
		this.set(path, null);
	}

	/** Forgets every note and every PDF file, before the vault is read again. */
	clear(): void {
		for (const path of [...this.records.keys()]) {
			this.set(path, null);
		}
		this.skipped.clear();
		this.sessionTable.clearPdfFiles();
		this.revision++;
	}

	skip(path: string, error: unknown): string {
		const reason = error instanceof Error ? error.message : String(error);
		this.skipped.set(path, reason);
		this.set(path, null);
		return reason;
	}

	/**
	 * A PDF file of the vault arrived, went, or a folder holding PDFs moved or went. Each returns true
	 * when a talk's copy may have changed: a talk has a PDF of that name, or notes wait to be taken in
	 * whose links are not known yet. Other PDFs change nothing shown.
	 */
	addPdfFile(path: string): boolean {
		return this.pdfsChanged(this.sessionTable.addPdfFile(path) ? [path] : []);
	}

	removePdfFile(path: string): boolean {
		return this.pdfsChanged(this.sessionTable.removePdfFile(path) ? [path] : []);
	}

	movePdfFolder(from: string, to: string): boolean {
		return this.pdfsChanged(this.sessionTable.movePdfFolder(from, to));
	}

	removePdfFolder(folder: string): boolean {
		return this.pdfsChanged(this.sessionTable.removePdfFolder(folder));
	}

	private pdfsChanged(paths: readonly string[]): boolean {
		const shown = paths.length > 0 && (this.sessionsPending.size > 0 || paths.some((path) => this.sessionTable.namesTalk(path) || this.programNames(path)));
		if (shown) {
			this.revision++;
		}
		return shown;
	}

	/** True when a PDF of the program has this vault PDF's file name: the file is then a program talk's copy. */
	private programNames(path: string): boolean {
		return this.programTable.namesFile(path.slice(path.lastIndexOf("/") + 1).toLowerCase());
	}

	/** Takes the published program (or none); its talks are built when first asked for. */
	setProgram(program: ProgramSource | null): void {
		this.programTable.set(program);
		this.revision++;
	}

	// ----- queries -----

	note(path: string): NoteRecord | null {
		return this.records.get(path) ?? null;
	}

	/** Tracked notes, by path (sorted once per change, not once per call). */
	notes(): NoteRecord[] {
		if (this.sortedNotes === null || this.sortedAt !== this.revision) {
			this.sortedNotes = [...this.records.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
			this.sortedAt = this.revision;
		}
		return this.sortedNotes;
	}

	noteCount(): number {
		return this.records.size;
	}

	/** How many notes changed since their talks were last taken in. */
	pendingNotes(): number {
		return this.sessionsPending.size;
	}

	sessions(): Session[] {
		this.flushSessions();
		return this.sessionTable.all();
	}

	session(id: string): Session | null {
		this.flushSessions();
		return this.sessionTable.session(id);
	}

	sessionCounts(): { sessions: number; local: number } {
		this.flushSessions();
		return this.sessionTable.counts();
	}

	sessionYears(): string[] {
		this.flushSessions();
		return this.sessionTable.yearKeys();
	}

	/** The program's talks as the program names them, one per PDF (none when no program is set). */
	programTalks(): readonly SessionRef[] {
		return this.programTable.talks();
	}

	/** Every talk of the program and of the notes, each once and flagged (see `mergeProgram`). */
	programSessions(): ProgramSession[] {
		this.flushSessions();
		return this.programTable.merged(this.revision, this.sessionTable).list;
	}

	programSession(id: string): ProgramSession | null {
		this.flushSessions();
		return this.programTable.merged(this.revision, this.sessionTable).byId.get(id) ?? null;
	}

	/** The year keys of the program's and the notes' talks, newest first (the year menu's order). */
	programYears(): string[] {
		this.flushSessions();
		return this.programTable.merged(this.revision, this.sessionTable).years;
	}

	sessionOf(sessionKey: string | null): string | null {
		if (sessionKey === null) {
			return null;
		}
		this.flushSessions();
		return this.sessionTable.resolve(sessionKey);
	}

	skippedNotes(): SkippedNote[] {
		const notes = new Map(this.skipped);
		for (const record of this.records.values()) {
			if (typeof record.problem === "string") {
				notes.set(record.path, record.problem);
			}
		}
		return [...notes].map(([path, reason]) => ({ path, reason })).sort((a, b) => (a.path < b.path ? -1 : 1));
	}

	progress(): Progress {
		return { ...this.progressTable.total };
	}

	noteProgress(path: string): Progress {
		return this.progressTable.note(path);
	}

	yearProgress(year: number | null): Progress {
		this.flush();
		return this.progressTable.year(year);
	}

	/** Progress of each session, merging items that name it by link or by code. */
	sessionProgress(): Map<string, Progress> {
		this.flush();
		const result = new Map<string, Progress>();
		for (const [key, progress] of this.progressTable.sessionKeys()) {
			const id = this.sessionTable.resolve(key);
			if (id === null) {
				continue;
			}
			const total = result.get(id) ?? { open: 0, done: 0 };
			total.open += progress.open;
			total.done += progress.done;
			result.set(id, total);
		}
		return result;
	}

	/**
	 * Items open and done per year key (`2023`, `2023-shanghai`, `""` for none): each item counts in
	 * its talk's year, else in its note's, as the dashboard's year menu places it.
	 */
	yearKeyProgress(): Map<string, Progress> {
		this.flush();
		const yearOf = this.placeYears();
		const result = new Map<string, Progress>();
		this.progressTable.forEachPlace((talkKey, noteYear, progress) => {
			const key = yearOf(talkKey, noteYear);
			const total = result.get(key) ?? { open: 0, done: 0 };
			total.open += progress.open;
			total.done += progress.done;
			result.set(key, total);
		});
		return result;
	}

	/**
	 * How many notes belong to a year that `match` accepts: by their own year, by a talk they link,
	 * or by an item tied to a talk of that year.
	 */
	notesIn(match: (yearKey: string) => boolean): number {
		this.flush();
		const yearOf = this.placeYears();
		const paths = new Set<string>();
		for (const record of this.records.values()) {
			if (match(yearKeyOf(record.year, record.edition))) {
				paths.add(record.path);
				continue;
			}
			const places = this.progressTable.notePlaces(record.path);
			for (const talkKey of places?.talkKeys ?? []) {
				if (match(yearOf(talkKey, (places as { noteYear: string }).noteYear))) {
					paths.add(record.path);
					break;
				}
			}
		}
		for (const session of this.sessionTable.all()) {
			if (match(yearKeyOf(session.year, session.edition))) {
				for (const source of session.sources) {
					paths.add(source.path);
				}
			}
		}
		return paths.size;
	}

	/**
	 * How the index would read `text` as the note at `path` with the metadata `cache` (not taken in):
	 * to check what a write would make of a note before it is made.
	 */
	readAs(path: string, text: string, cache: CachedMetadata): NoteRecord {
		return parseNote({ path, text, cache, tags: getAllTags(cache) ?? [], trackedTags: this.tracked, resolveLink: this.resolveLink, confirmed: true });
	}

	/**
	 * The year key of items tied to a talk (`""`: none) in a note of a year: the talk's year, else
	 * the note's. Talks are looked up once per call.
	 */
	private placeYears(): (key: string, noteYear: string) => string {
		const byKey = new Map<string, string | null>();
		return (key, noteYear) => {
			if (key === "") {
				return noteYear;
			}
			let talkYear = byKey.get(key);
			if (talkYear === undefined) {
				const id = this.sessionTable.resolve(key);
				const session = id === null ? null : this.sessionTable.session(id);
				talkYear = session === null || session.year === null ? null : yearKeyOf(session.year, session.edition);
				byKey.set(key, talkYear);
			}
			return talkYear ?? noteYear;
		};
	}

	/** Brings every derived table up to date with the notes that changed since the last call. */
	flush(): void {
		this.flushSessions();
		if (this.detailsPending.size === 0) {
			return;
		}
		for (const path of this.detailsPending) {
			this.progressTable.setDetail(path, this.records.get(path) ?? null);
		}
		this.detailsPending.clear();
	}

	/**
	 * Does pending work (taking in talks, tallying items, parsing questions) until `deadline` (a
	 * `performance.now()` time), so that a view can spread it over several frames. Returns true when
	 * nothing is left. Each note is taken in whole before the next: what its parse shares (its lines,
	 * its talk finder) is let go at once rather than kept while every other note is read.
	 */
	prepare(deadline: number): boolean {
		for (const path of this.sessionsPending) {
			if (performance.now() > deadline) {
				return false;
			}
			this.takeSessions(path);
			this.sessionsPending.delete(path);
			if (this.detailsPending.delete(path)) {
				this.progressTable.setDetail(path, this.records.get(path) ?? null);
			}
			if (this.questionsPending.delete(path)) {
				void this.records.get(path)?.questions;
			}
		}
		for (const path of this.questionsPending) {
			if (performance.now() > deadline) {
				return false;
			}
			void this.records.get(path)?.questions;
			this.questionsPending.delete(path);
		}
		return true;
	}

	private takeSessions(path: string): void {
		const record = this.records.get(path) ?? null;
		const next = record ? record.sessions : [];
		this.sessionTable.setNote(path, this.sessionsApplied.get(path) ?? [], next);
		if (record) {
			this.sessionsApplied.set(path, next);
		} else {
			this.sessionsApplied.delete(path);
		}
	}

	private flushSessions(): void {
		if (this.sessionsPending.size === 0) {
			return;
		}
		for (const path of this.sessionsPending) {
			this.takeSessions(path);
		}
		this.sessionsPending.clear();
	}

	/** Takes a note's new record (or its removal). Returns false when nothing changed. */
	private set(path: string, record: NoteRecord | null): boolean {
		if (!this.records.has(path) && !record) {
			return false;
		}
		this.progressTable.setCounts(path, record);
		if (record) {
			this.records.set(path, record);
		} else {
			this.records.delete(path);
		}
		this.sessionsPending.add(path);
		this.detailsPending.add(path);
		if (record) {
			this.questionsPending.add(path);
		} else {
			this.questionsPending.delete(path);
		}
		this.revision++;
		return true;
	}
}
