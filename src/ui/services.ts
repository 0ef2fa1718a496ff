import type { App, Events, FileManager, MetadataCache, Vault, Workspace } from "obsidian";
import type { VaultIndex } from "../index/vault-index";
import type { DashboardSettings } from "../settings";

/** The narrow part of the app the views and actions use. */
export interface UiServices {
	vault: Vault;
	workspace: Workspace;
	metadataCache: MetadataCache;
	fileManager: FileManager;
	/** Only to open Obsidian's modals (the talk picker), which take the app; nothing else reads it. */
	app: App;
}

/**
 * The published program, for the Talks tab's button and its "last updated" line. The talks
 * themselves come from the index (`programSessions()`, `programYears()`); an update sets them there,
 * and the views are told through the index as for any change.
 */
export interface ProgramService {
	/** When the program was last updated from GitHub (an ISO date-time), or null while the shipped one is shown. */
	updated(): string | null;
	/** The date of the repository's state the shipped program holds (`2023-11-19`). */
	readonly shippedDate: string;
	/** True while an update runs; `program-changed` is announced on `events` when one starts and ends. */
	updating(): boolean;
	/**
	 * Fetches the program from GitHub once (only ever on the user's action) and ends with a notice
	 * that says how many talks and how many new, or why nothing changed. Never throws; while one runs,
	 * another call waits for it instead of asking again.
	 */
	update(): Promise<void>;
}

/** Everything a dashboard (in a pane or in a note) works with. */
export interface DashboardContext {
	services: UiServices;
	index: VaultIndex;
	settings: () => DashboardSettings;
	updateSettings: (patch: Partial<DashboardSettings>) => Promise<void>;
	/** `settings-changed`, `pending-changed`, `downloads-changed` and `program-changed` are announced here. */
	events: Events;
	program: ProgramService;
}
