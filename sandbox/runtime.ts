/**
 * An in-memory Obsidian for tests and scripts: the maintained `obsidian-test-mocks` app, vault and
 * workspace, with a metadata cache that builds its data with `buildMetadata` (proven against real
 * captures) and raises the events the real cache raises: `changed`, `deleted` and `resolved`.
 */
import type { App as ObsidianApp, CachedMetadata } from "obsidian";
import { App, type TAbstractFile, TFile, TFolder } from "obsidian-test-mocks/obsidian";
import { buildMetadata } from "./metadata-builder";

type MockApp = ReturnType<typeof App.createConfigured__>;

interface CacheInternals {
	cache__: Map<string, CachedMetadata>;
	parseFileMetadata: (file: unknown) => void;
	updateLinks: (path: string, cache: CachedMetadata) => void;
	trigger: (name: string, ...data: unknown[]) => void;
}

export interface Runtime {
	/** The app as plugin code sees it. */
	app: ObsidianApp;
	mock: MockApp;
	/** How many times the metadata cache built metadata (for "never rescans" checks). */
	parses: number;
	addFile(path: string, content: string): TFile;
	modify(path: string, content: string): Promise<void>;
	read(path: string): Promise<string>;
	/** Deletes a file or a folder (with everything in it). */
	remove(path: string): Promise<void>;
	/** Renames or moves a file or a folder (with everything in it). */
	rename(path: string, newPath: string): Promise<void>;
	file(path: string): TFile;
	/** Puts metadata into the cache as the app's parser would have, and announces it. */
	setCache(path: string, cache: CachedMetadata): void;
	/** Opens a file in a new tab and makes it the active one, announcing it as the app does. */
	openFile(path: string): Promise<void>;
	/** Marks the layout ready, as the app does once it has started. */
	layoutReady(): void;
	/**
	 * Holds the cache's parsing back, as the app's worker does (often a second or more): writes land
	 * at once, their metadata and `changed` events wait for `releaseMetadata`.
	 */
	holdMetadata(): void;
	/** Parses what was held (only `path`'s when given), in order, and announces it; stops holding when all is released. */
	releaseMetadata(path?: string): void;
	/** Parses a note again from its text on disk and announces it (after a write that bypassed the vault). */
	reparse(path: string): void;
}

export function createRuntime(files: Record<string, string> = {}, options: { parseOnCreate?: boolean } = {}): Runtime {
	const mock = App.createConfigured__({});
	const internals = mock.metadataCache as unknown as CacheInternals;
	const runtime: Runtime = {
		app: mock.asOriginalType__(),
		mock,
		parses: 0,
		addFile(path, content) {
			const slash = path.lastIndexOf("/");
			if (slash > 0 && !mock.vault.getFolderByPath(path.slice(0, slash))) {
				mock.vault.createFolderSync__(path.slice(0, slash));
			}
			return mock.vault.createSync__(path, content);
		},
		async modify(path, content) {
			await mock.vault.modify(runtime.file(path), content);
		},
		async read(path) {
			return mock.vault.read(runtime.file(path));
		},
		async remove(path) {
			await mock.vault.delete(fileOrFolder(path));
		},
		async rename(path, newPath) {
			await mock.vault.rename(fileOrFolder(path), newPath);
		},
		file(path) {
			const file = mock.vault.getFileByPath(path);
			if (!(file instanceof TFile)) {
				throw new Error(`no file ${path}`);
			}
			return file;
		},
		setCache(path, cache) {
			const file = runtime.file(path);
			internals.cache__.set(path, cache);
			internals.trigger("changed", file, mock.vault.readSync__(file), cache);
		},
		async openFile(path) {
			const file = runtime.file(path);
			const leaf = mock.workspace.getLeaf("tab");
			await leaf.openFile(file);
			mock.workspace.setActiveLeaf(leaf);
			mock.workspace.trigger("file-open", file);
		},
		layoutReady() {
			mock.workspace.setLayoutReady__();
		},
		holdMetadata() {
			held = [];
		},
		releaseMetadata(path) {
			const waiting = held ?? [];
			held = path === undefined ? null : waiting.filter((entry) => entry.file.path !== path);
			for (const entry of waiting) {
				if (path === undefined || entry.file.path === path) {
					announce(entry.file, entry.content);
				}
			}
		},
		reparse(path) {
			internals.parseFileMetadata(runtime.file(path));
		},
	};
	const fileOrFolder = (path: string): TAbstractFile => {
		const found = mock.vault.getAbstractFileByPath(path);
		if (found === null) {
			throw new Error(`no file or folder ${path}`);
		}
		return found;
	};
	announceFolderContents(mock.vault);
	let held: Array<{ file: TFile; content: string }> | null = null;
	const announce = (file: TFile, content: string): void => {
		const cache = buildMetadata(content);
		runtime.parses++;
		internals.cache__.set(file.path, cache);
		internals.updateLinks(file.path, cache);
		internals.trigger("changed", file, content, cache);
	};
	let parseOnCreate = options.parseOnCreate ?? true;
	internals.parseFileMetadata = (file: unknown): void => {
		if (!(file instanceof TFile) || file.extension !== "md") {
			return;
		}
		if (!parseOnCreate) {
			return;
		}
		const content = mock.vault.readSync__(file);
		if (held !== null) {
			held.push({ file, content });
			return;
		}
		announce(file, content);
	};
	mock.vault.on("delete", (file: unknown) => {
		if (file instanceof TFile && internals.cache__.has(file.path)) {
			const previous = internals.cache__.get(file.path);
			internals.cache__.delete(file.path);
			internals.trigger("deleted", file, previous);
		}
	});
	mock.vault.on("rename", (file: unknown, oldPath: unknown) => {
		if (file instanceof TFile && typeof oldPath === "string" && internals.cache__.has(oldPath)) {
			const cache = internals.cache__.get(oldPath) as CachedMetadata;
			internals.cache__.delete(oldPath);
			internals.cache__.set(file.path, cache);
		}
	});
	for (const [path, content] of Object.entries(files)) {
		runtime.addFile(path, content);
	}
	// Lets a test start with an empty cache and parse later, as the app does on a cold start.
	(runtime as Runtime & { parseAll: () => void }).parseAll = () => {
		parseOnCreate = true;
		for (const file of mock.vault.getMarkdownFiles()) {
			internals.parseFileMetadata(file);
		}
		internals.trigger("resolved");
	};
	return runtime;
}

/**
 * Obsidian announces a folder's move or deletion for the folder and then for each file and folder
 * inside it, each with its own old path (moves breadth first), so that the metadata cache and every
 * plugin follow the files one by one. The mocks announce only the folder, and keep a deleted
 * folder's contents listed.
 */
function announceFolderContents(vault: MockApp["vault"]): void {
	const rename = vault.rename.bind(vault);
	vault.rename = async (file: TAbstractFile, newPath: string): Promise<void> => {
		const inside = file instanceof TFolder ? contents(file).map((child) => ({ child, oldPath: child.path })) : [];
		await rename(file, newPath);
		for (const { child, oldPath } of inside) {
			vault.trigger("rename", child, oldPath);
		}
	};
	const removing = (remove: (file: TAbstractFile, flag: boolean) => Promise<void>) => async (file: TAbstractFile, flag = false): Promise<void> => {
		const inside = file instanceof TFolder ? contents(file) : [];
		await remove(file, flag);
		for (const child of inside.reverse()) {
			vault.deleteVaultAbstractFile__(child.path);
			vault.trigger("delete", child);
		}
	};
	vault.delete = removing(vault.delete.bind(vault));
	vault.trash = removing(vault.trash.bind(vault));
}

/** Everything inside a folder, breadth first. */
function contents(folder: TFolder): TAbstractFile[] {
	const found: TAbstractFile[] = [...folder.children];
	for (let i = 0; i < found.length; i++) {
		const entry = found[i];
		if (entry instanceof TFolder) {
			found.push(...entry.children);
		}
	}
	return found;
}

/** Starts with files whose metadata the cache has not built yet; `parseAll` builds it. */
export function createColdRuntime(files: Record<string, string>): Runtime & { parseAll: () => void } {
	return createRuntime(files, { parseOnCreate: false }) as Runtime & { parseAll: () => void };
}
