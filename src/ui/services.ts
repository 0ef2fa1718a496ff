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

/** Everything a dashboard (in a pane or in a note) works with. */
export interface DashboardContext {
	services: UiServices;
	index: VaultIndex;
	settings: () => DashboardSettings;
	updateSettings: (patch: Partial<DashboardSettings>) => Promise<void>;
	/** `settings-changed`, `pending-changed` and `downloads-changed` are announced here. */
	events: Events;
}
