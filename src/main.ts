import { debounce, Plugin } from "obsidian";
import { VaultIndex } from "./index/vault-index";
import { DashboardSettingTab, type DashboardSettings, normalizeSettings } from "./settings";

/** Wiring only: settings, the index as a child component, the settings tab. */
export default class GopherChinaDashboardPlugin extends Plugin {
	options: DashboardSettings = normalizeSettings(null);
	index!: VaultIndex;
	/** Typing in the tracked-tags field saves on every key; the index is rebuilt once typing pauses. */
	private readonly rebuildSoon = debounce(() => void this.index.rebuild(), 500, true);

	override async onload(): Promise<void> {
		this.options = normalizeSettings(await this.loadData());
		const { metadataCache, vault, workspace } = this.app;
		this.index = this.addChild(new VaultIndex({ metadataCache, vault, workspace }, { trackedTags: () => this.options.trackedTags }));
		this.addSettingTab(new DashboardSettingTab(this));
	}

	async saveOptions(): Promise<void> {
		await this.saveData(this.options);
		this.rebuildSoon();
	}
}
