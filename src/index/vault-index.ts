import {
	type CachedMetadata,
	Component,
	debounce,
	Events,
	type EventRef,
	getAllTags,
	type MetadataCache,
	type TAbstractFile,
	TFile,
	type Vault,
	type Workspace,
} from "obsidian";
import { parseNote } from "../model/note-parser";
import { isTrackedNote, normalizeTrackedTags } from "../model/tags";
import type { NoteRecord, Progress } from "../model/types";
import { ProgressTable } from "./progress";
import { type Session, SessionTable } from "./sessions";

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

/** Why a note could not be indexed. */
export interface SkippedNote {
	path: string;
	reason: string;
}

const CHANGED = "changed";

/**
 * Keeps the model of every tracked note. The first full build waits for the layout; after that it
 * follows the metadata cache one note at a time and never rescans the vault on an event.
 */
export class VaultIndex extends Component {
	/** Bumped on every change to the model. */
	revision = 0;
	/** True once the first full build has finished. */
	ready = false;
	private readonly records = new Map<string, NoteRecord>();
	private readonly skipped = new Map<string, string>();
	private readonly sessionTable = new SessionTable();
	private readonly progressTable = new ProgressTable();
	private readonly events = new Events();
	private tracked: string[] = [];
	private started = false;
	private buildRun = 0;
	private readonly announce: () => void;

	constructor(
		private readonly services: IndexServices,
		private readonly options: IndexOptions,
	) {
		super();
		this.announce = debounce(() => this.events.trigger(CHANGED), options.announceDelay ?? 100, false);
	}

	override onload(): void {
		const { metadataCache, vault, workspace } = this.services;
		this.registerEvent(metadataCache.on("changed", (file, data, cache) => this.onChanged(file, data, cache)));
		this.registerEvent(metadataCache.on("deleted", (file) => this.onDeleted(file)));
		this.registerEvent(vault.on("rename", (file, oldPath) => this.onRenamed(file, oldPath)));
		this.registerEvent(vault.on("create", (file) => this.onPdf(file, true)));
		this.registerEvent(vault.on("delete", (file) => this.onPdf(file, false)));
		workspace.onLayoutReady(() => {
			void this.rebuild();
		});
	}

	override onunload(): void {
		this.started = false;
		this.buildRun++;
	}

	/** Subscribes to model changes (debounced). The returned ref must be passed to `offChange`. */
	onChange(callback: () => void): EventRef {
		return this.events.on(CHANGED, callback);
	}

	offChange(ref: EventRef): void {
		this.events.offref(ref);
	}

	/** Reads every tracked note again: at start, and when the tracked tags change. */
	async rebuild(): Promise<void> {
		const run = ++this.buildRun;
		this.started = true;
		this.tracked = normalizeTrackedTags(this.options.trackedTags());
		for (const path of [...this.records.keys()]) {
			this.apply(path, null);
		}
		this.skipped.clear();
		const { vault } = this.services;
		for (const file of vault.getFiles()) {
			if (file.extension.toLowerCase() === "pdf") {
				this.sessionTable.addPdfFile(file.path);
			}
		}
		await Promise.all(vault.getMarkdownFiles().map((file) => this.indexFile(file, run)));
		if (run === this.buildRun) {
			this.ready = true;
			this.revision++;
			this.announce();
		}
	}

	/** Re-reads one note from the vault (e.g. after a write the cache has not caught up with). */
	async refreshNote(path: string): Promise<void> {
		const file = this.services.vault.getFileByPath(path);
		if (file) {
			await this.indexFile(file, this.buildRun);
		} else {
			this.apply(path, null);
		}
	}

	// ----- queries -----

	note(path: string): NoteRecord | null {
		return this.records.get(path) ?? null;
	}

	/** Tracked notes, by path. */
	notes(): NoteRecord[] {
		return [...this.records.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	}

	sessions(): Session[] {
		return this.sessionTable.all();
	}

	session(id: string): Session | null {
		return this.sessionTable.session(id);
	}

	/** The session a study item or question belongs to, resolved across notes. */
	sessionOf(sessionKey: string | null): string | null {
		return this.sessionTable.resolve(sessionKey);
	}

	skippedNotes(): SkippedNote[] {
		return [...this.skipped].map(([path, reason]) => ({ path, reason })).sort((a, b) => (a.path < b.path ? -1 : 1));
	}

	progress(): Progress {
		return { ...this.progressTable.total };
	}

	noteProgress(path: string): Progress {
		return this.progressTable.note(path);
	}

	yearProgress(year: number | null): Progress {
		return this.progressTable.year(year);
	}

	/** Progress of each session, merging items that name it by link or by code. */
	sessionProgress(): Map<string, Progress> {
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

	// ----- updates -----

	/**
	 * Indexes one note from metadata the cache handed over: no read when it is untracked, the text
	 * from the event when there is one.
	 */
	updateNote(path: string, text: string, cache: CachedMetadata): void {
		const tags = getAllTags(cache) ?? [];
		if (!isTrackedNote(tags, this.tracked)) {
			this.skipped.delete(path);
			this.apply(path, null);
			return;
		}
		try {
			const record = parseNote({
				path,
				text,
				cache,
				tags,
				trackedTags: this.tracked,
				resolveLink: (linkpath, source) => this.services.metadataCache.getFirstLinkpathDest(linkpath, source)?.path ?? null,
			});
			this.skipped.delete(path);
			this.apply(path, record);
		} catch (error) {
			this.skip(path, error);
		}
	}

	private async indexFile(file: TFile, run: number): Promise<void> {
		const cache = this.services.metadataCache.getFileCache(file);
		if (cache === null) {
			// Not parsed yet: the cache's `changed` event brings it later.
			return;
		}
		if (!isTrackedNote(getAllTags(cache), this.tracked)) {
			this.apply(file.path, null);
			return;
		}
		let text: string;
		try {
			text = await this.services.vault.cachedRead(file);
		} catch (error) {
			this.skip(file.path, error);
			return;
		}
		if (run === this.buildRun) {
			this.updateNote(file.path, text, cache);
		}
	}

	private skip(path: string, error: unknown): void {
		const reason = error instanceof Error ? error.message : String(error);
		this.skipped.set(path, reason);
		this.apply(path, null);
		console.error(`GopherChina Dashboard: skipped ${path}: ${reason}`);
	}

	private apply(path: string, record: NoteRecord | null): void {
		const previous = this.records.get(path);
		if (!previous && !record) {
			return;
		}
		this.sessionTable.setNote(path, previous?.sessions ?? [], record?.sessions ?? []);
		this.progressTable.setNote(path, record);
		if (record) {
			this.records.set(path, record);
		} else {
			this.records.delete(path);
		}
		this.revision++;
		this.announce();
	}

	private onChanged(file: TFile, data: string, cache: CachedMetadata): void {
		if (this.started && file.extension === "md") {
			this.updateNote(file.path, data, cache);
		}
	}

	private onDeleted(file: TFile): void {
		if (this.started) {
			this.skipped.delete(file.path);
			this.apply(file.path, null);
		}
	}

	private onRenamed(file: TAbstractFile, oldPath: string): void {
		if (!this.started || !(file instanceof TFile)) {
			return;
		}
		if (file.extension.toLowerCase() === "pdf") {
			this.sessionTable.removePdfFile(oldPath);
			this.sessionTable.addPdfFile(file.path);
			this.revision++;
			this.announce();
			return;
		}
		this.skipped.delete(oldPath);
		this.apply(oldPath, null);
		void this.indexFile(file, this.buildRun);
	}

	private onPdf(file: TAbstractFile, created: boolean): void {
		if (!this.started || !(file instanceof TFile) || file.extension.toLowerCase() !== "pdf") {
			return;
		}
		if (created) {
			this.sessionTable.addPdfFile(file.path);
		} else {
			this.sessionTable.removePdfFile(file.path);
		}
		this.revision++;
		this.announce();
	}
}
