import { type CachedMetadata, Component, debounce, type Debouncer, Events, type EventRef, type MetadataCache, type TAbstractFile, TFile, TFolder, type Vault, type Workspace } from "obsidian";
import { normalizeTrackedTags } from "../model/tags";
import { platformSegmenter } from "../model/title-words";
import type { NoteRecord, Progress, SessionRef } from "../model/types";
import { type NoteSource, NoteStore, type SkippedNote } from "./note-store";
import type { ProgramSession, ProgramSource } from "./program-sessions";
import type { Session } from "./sessions";

export type { NoteSource, ProgramSession, ProgramSource, SkippedNote };

/** The narrow part of the app the index needs. */
export interface IndexServices {
	metadataCache: MetadataCache;
	vault: Vault;
	workspace: Workspace;
}

export interface IndexOptions {
	/** The tracked tags as the user wrote them (`gopherchina`, `#talks/go`). */
	trackedTags: () => readonly string[];
	/** How long to gather changes before announcing them, in ms. */
	announceDelay?: number;
}

const CHANGED = "changed";
const NOTE_INDEXED = "note-indexed";

/**
 * Keeps the model of every tracked note (in a `NoteStore`). The first full build waits for the
 * layout; after that it follows the metadata cache one note at a time and never rescans the vault on
 * an event. Changes are announced, debounced, to the views.
 */
export class VaultIndex extends Component {
	/** True once the first full build has finished. */
	ready = false;
	private readonly store: NoteStore;
	private readonly events = new Events();
	private started = false;
	private buildRun = 0;
	private bulk = false;
	/** How many holders keep PDF announcements back, and whether one is waiting. */
	private pdfHolds = 0;
	private pdfsWaiting = false;
	private readonly announce: Debouncer<[], void>;

	constructor(
		private readonly services: IndexServices,
		private readonly options: IndexOptions,
	) {
		super();
		this.store = new NoteStore((linkpath, source) => services.metadataCache.getFirstLinkpathDest(linkpath, source)?.path ?? null);
		this.announce = debounce(() => this.events.trigger(CHANGED), options.announceDelay ?? 100, false);
	}

	/** Bumped on every change to the model. */
	get revision(): number {
		return this.store.revision;
	}

	override onload(): void {
		const { metadataCache, vault, workspace } = this.services;
		this.registerEvent(metadataCache.on("changed", (file, data, cache) => this.guard(file.path, () => this.onChanged(file, data, cache))));
		this.registerEvent(metadataCache.on("deleted", (file) => this.guard(file.path, () => this.onDeleted(file))));
		this.registerEvent(vault.on("rename", (file, oldPath) => this.guard(file.path, () => this.onRenamed(file, oldPath))));
		this.registerEvent(vault.on("create", (file) => this.guard(file.path, () => this.onCreated(file))));
		this.registerEvent(vault.on("delete", (file) => this.guard(file.path, () => this.onRemoved(file))));
		workspace.onLayoutReady(() => {
			void this.rebuild();
		});
	}

	override onunload(): void {
		this.started = false;
		this.buildRun++;
		this.announce.cancel();
	}

	/** Subscribes to model changes (debounced). The returned ref must be passed to `offChange`. */
	onChange(callback: () => void): EventRef {
		return this.events.on(CHANGED, callback);
	}

	offChange(ref: EventRef): void {
		this.events.offref(ref);
	}

	/**
	 * Subscribes to every (re-)indexing or removal of a single note, at once and not debounced: the
	 * callback gets the note's path. Unsubscribe with `offChange`.
	 */
	onNoteIndexed(callback: (path: string) => void): EventRef {
		return this.events.on(NOTE_INDEXED, callback as (...data: unknown[]) => unknown);
	}

	/**
	 * Holds back the announcement of PDF files that arrive, move or go until the returned function is
	 * called, e.g. while "download all" saves hundreds of them: the model takes each in at once, and
	 * the views redraw once when the run ends, not every few downloads. Changes to notes are announced
	 * as usual meanwhile (and such a redraw shows the PDFs too).
	 */
	holdPdfAnnouncements(): () => void {
		this.pdfHolds++;
		let held = true;
		return () => {
			if (!held) {
				return;
			}
			held = false;
			this.pdfHolds--;
			if (this.pdfHolds === 0 && this.pdfsWaiting) {
				this.pdfsWaiting = false;
				this.changed();
			}
		};
	}

	/** Forgets every note and takes the tracked tags afresh; `rebuild` then reads the notes. */
	reset(): void {
		this.started = true;
		this.store.tracked = normalizeTrackedTags(this.options.trackedTags());
		this.store.clear();
	}

	/** Reads every tracked note again: at start, and when the tracked tags change. */
	async rebuild(): Promise<void> {
		const run = ++this.buildRun;
		this.reset();
		const { vault, metadataCache } = this.services;
		for (const file of vault.getFiles()) {
			if (isPdfPath(file.path)) {
				this.store.addPdfFile(file.path);
			}
		}
		// Untracked notes are never read: the tags in their metadata decide first. A note whose
		// metadata is not there yet arrives later through the cache's `changed` event.
		const notes: NoteSource[] = [];
		await Promise.all(
			vault.getMarkdownFiles().map(async (file) => {
				const cache = metadataCache.getFileCache(file);
				if (cache === null || !this.store.tracks(cache)) {
					return;
				}
				try {
					const text = await vault.cachedRead(file);
					if (this.isCurrent(file, cache)) {
						notes.push({ path: file.path, text, cache });
					}
				} catch (error) {
					this.skip(file.path, error);
				}
			}),
		);
		if (run !== this.buildRun) {
			return;
		}
		this.indexNotes(notes);
		if (notes.length > 0) {
			// Their talk ties will need the word segmenter, whose first one loads a dictionary (about
			// 25 ms in Chromium): made now, not in the pane's first draw.
			platformSegmenter();
		}
		this.ready = true;
		this.announce();
	}

	/** Indexes many notes at once (the full build): one announcement at the end, not one per note. */
	indexNotes(notes: Iterable<NoteSource>): void {
		this.bulk = true;
		try {
			for (const note of notes) {
				this.report(note.path, this.store.update(note.path, note.text, note.cache));
			}
		} finally {
			this.bulk = false;
		}
		this.announce();
	}

	/**
	 * Indexes one note from metadata the cache handed over (no read when it is untracked).
	 * `confirmed`: the metadata was computed from this very text (the cache's `changed` event).
	 */
	updateNote(path: string, text: string, cache: CachedMetadata, confirmed = false): void {
		this.report(path, this.store.update(path, text, cache, confirmed));
		this.noteChanged(path);
	}

	/** Re-reads one note from the vault (e.g. after a write the cache has not caught up with). */
	async refreshNote(path: string): Promise<void> {
		const file = this.services.vault.getFileByPath(path);
		if (file) {
			await this.indexFile(file, this.buildRun);
		} else {
			this.store.remove(path);
			this.noteChanged(path);
		}
	}

	// ----- queries (see NoteStore) -----

	note(path: string): NoteRecord | null {
		return this.store.note(path);
	}

	notes(): NoteRecord[] {
		return this.store.notes();
	}

	noteCount(): number {
		return this.store.noteCount();
	}

	pendingNotes(): number {
		return this.store.pendingNotes();
	}

	sessions(): Session[] {
		return this.store.sessions();
	}

	session(id: string): Session | null {
		return this.store.session(id);
	}

	/** How many talks there are, and how many of them have a copy in the vault (no sorting). */
	sessionCounts(): { sessions: number; local: number } {
		return this.store.sessionCounts();
	}

	/** The year keys (`2023`, `2023-shanghai`) of every talk, without building the talks. */
	sessionYears(): string[] {
		return this.store.sessionYears();
	}

	/**
	 * Takes the published program (the plugin sets the shipped or the stored one while it loads, and a
	 * new one after an update); the views are told. Its talks are built the first time they are asked
	 * for. What the notes make (`sessions()`, counts, progress) does not change with it.
	 */
	setProgram(program: ProgramSource | null): void {
		this.store.setProgram(program);
		this.changed();
	}

	/** The program's own talks, one per PDF, as its file names say (none when no program is set). */
	programTalks(): readonly SessionRef[] {
		return this.store.programTalks();
	}

	/**
	 * Every talk of the program and of the notes, each once, sorted as `sessions()`: a talk both noted
	 * and in the program is one session (as the notes show it); a talk only the program lists has no
	 * sources. Each is flagged `inProgram` and `noted`; `notedIds` lead to `sessionProgress()`.
	 */
	programSessions(): ProgramSession[] {
		return this.store.programSessions();
	}

	/** One talk of `programSessions()` by id. */
	programSession(id: string): ProgramSession | null {
		return this.store.programSession(id);
	}

	/** The year keys of `programSessions()`, newest first, a year's main edition before its others. */
	programYears(): string[] {
		return this.store.programYears();
	}

	/** The session a study item or question belongs to, resolved across notes. */
	sessionOf(sessionKey: string | null): string | null {
		return this.store.sessionOf(sessionKey);
	}

	skippedNotes(): SkippedNote[] {
		return this.store.skippedNotes();
	}

	progress(): Progress {
		return this.store.progress();
	}

	noteProgress(path: string): Progress {
		return this.store.noteProgress(path);
	}

	yearProgress(year: number | null): Progress {
		return this.store.yearProgress(year);
	}

	sessionProgress(): Map<string, Progress> {
		return this.store.sessionProgress();
	}

	/** Items open and done per year key, each in its talk's year, else its note's. */
	yearKeyProgress(): Map<string, Progress> {
		return this.store.yearKeyProgress();
	}

	/** How many notes belong to a year `match` accepts (own year, linked talk, or tied item). */
	notesIn(match: (yearKey: string) => boolean): number {
		return this.store.notesIn(match);
	}

	/** How the index would read a text of a note, without taking it in (see `NoteStore.readAs`). */
	readAs(path: string, text: string, cache: CachedMetadata): NoteRecord {
		return this.store.readAs(path, text, cache);
	}

	/** Brings every derived table up to date with the notes that changed. */
	flush(): void {
		this.store.flush();
	}

	/** Does pending work until `deadline` (`performance.now()` time); true when none is left. */
	prepare(deadline: number): boolean {
		return this.store.prepare(deadline);
	}

	// ----- events -----

	/** Nothing thrown while handling one file's event escapes into the app: it is logged instead. */
	private guard(path: string, handle: () => void): void {
		try {
			handle();
		} catch (error) {
			console.error(`GopherChina Dashboard: could not handle a change to ${path}:`, error);
		}
	}

	private changed(): void {
		if (!this.bulk) {
			this.announce();
		}
	}

	private noteChanged(path: string): void {
		this.events.trigger(NOTE_INDEXED, path);
		this.changed();
	}

	private skip(path: string, error: unknown): void {
		this.report(path, this.store.skip(path, error));
		this.changed();
	}

	/** A note that could not be indexed is logged with the reason (and listed in the pane). */
	private report(path: string, reason: string | null): void {
		if (reason !== null) {
			console.error(`GopherChina Dashboard: skipped ${path}: ${reason}`);
		}
	}

	private async indexFile(file: TFile, run: number): Promise<void> {
		const cache = this.services.metadataCache.getFileCache(file);
		if (cache === null) {
			return;
		}
		if (!this.store.tracks(cache)) {
			this.store.remove(file.path);
			this.noteChanged(file.path);
			return;
		}
		let text: string;
		try {
			text = await this.services.vault.cachedRead(file);
		} catch (error) {
			this.skip(file.path, error);
			return;
		}
		// The file may have moved, changed or vanished while it was read: a newer event then tells.
		if (run === this.buildRun && this.isCurrent(file, cache)) {
			this.updateNote(file.path, text, cache);
		}
	}

	/** True when the file is still at its path and its metadata is still the one that was read with. */
	private isCurrent(file: TFile, cache: CachedMetadata): boolean {
		return this.services.vault.getAbstractFileByPath(file.path) === file && this.services.metadataCache.getFileCache(file) === cache;
	}

	private onChanged(file: TFile, data: string, cache: CachedMetadata): void {
		if (this.started && file.extension === "md") {
			this.updateNote(file.path, data, cache, true);
		}
	}

	private onDeleted(file: TFile): void {
		if (this.started) {
			this.store.remove(file.path);
			this.noteChanged(file.path);
		}
	}

	/**
	 * A file or folder moved. The old and the new name are each looked at: a PDF renamed to `.bak` is
	 * gone, a download's `.part` renamed to `.pdf` has arrived. A folder's PDFs move with it (Obsidian
	 * then announces each file inside as well; those find the work done).
	 */
	private onRenamed(file: TAbstractFile, oldPath: string): void {
		if (!this.started) {
			return;
		}
		if (file instanceof TFolder) {
			this.pdfsChanged(this.store.movePdfFolder(oldPath, file.path));
			return;
		}
		if (!(file instanceof TFile)) {
			return;
		}
		const wasPdf = isPdfPath(oldPath) && this.store.removePdfFile(oldPath);
		const isPdf = isPdfPath(file.path) && this.store.addPdfFile(file.path);
		this.pdfsChanged(wasPdf || isPdf);
		if (oldPath.endsWith(".md") || file.extension === "md") {
			this.store.remove(oldPath);
			this.noteChanged(oldPath);
			void this.indexFile(file, this.buildRun);
		}
	}

	private onCreated(file: TAbstractFile): void {
		if (this.started && file instanceof TFile && isPdfPath(file.path)) {
			this.pdfsChanged(this.store.addPdfFile(file.path));
		}
	}

	/** A PDF, or a folder that may hold PDFs, was deleted (notes leave through the cache's `deleted`). */
	private onRemoved(file: TAbstractFile): void {
		if (!this.started) {
			return;
		}
		if (file instanceof TFolder) {
			this.pdfsChanged(this.store.removePdfFolder(file.path));
		} else if (file instanceof TFile && isPdfPath(file.path)) {
			this.pdfsChanged(this.store.removePdfFile(file.path));
		}
	}

	/** Announces a change of a talk's copy, unless PDF announcements are held. */
	private pdfsChanged(changed: boolean): void {
		if (!changed) {
			return;
		}
		if (this.pdfHolds > 0) {
			this.pdfsWaiting = true;
		} else {
			this.changed();
		}
	}
}

function isPdfPath(path: string): boolean {
	return path.toLowerCase().endsWith(".pdf");
}
