import { debounce, Events, Plugin, type WorkspaceLeaf } from "obsidian";
import { setLanguage, t } from "./i18n";
import { VaultIndex } from "./index/vault-index";
import { normalizeStoredProgram, programOf, type StoredProgram } from "./program/program";
import { DashboardSettingTab, type DashboardSettings, normalizeSettings } from "./settings";
import { CheckoffAction } from "./ui/checkoff-action";
import { CODE_BLOCK, DashboardBlock } from "./ui/code-block";
import { DashboardView, ICON, VIEW_TYPE } from "./ui/dashboard-view";
import { PdfActions } from "./ui/pdf-actions";
import { ProgramUpdate } from "./ui/program-update";
import type { DashboardContext } from "./ui/services";
import { type DashboardState, defaultState, normalizeState } from "./ui/state";

/** Wiring only: settings, the index as a child component, the view, commands and the code block. */
export default class GopherChinaDashboardPlugin extends Plugin {
	options: DashboardSettings = normalizeSettings(null);
	private viewState: DashboardState = defaultState();
	/** The program fetched by the last update, or null for the shipped one. */
	private storedProgram: StoredProgram | null = null;
	private lastTags = "";
	index!: VaultIndex;
	/** The published program's update, and when it last happened (the Talks tab's button and line). */
	program!: ProgramUpdate;
	private readonly events = new Events();
	/** Typing in a settings field saves on every key; the index is rebuilt once typing pauses. */
	private readonly rebuildSoon = debounce(() => void this.index.rebuild(), 500, true);
	private readonly persistSoon = debounce(() => void this.persist(), 1000, true);

	override async onload(): Promise<void> {
		const stored = (await this.loadData()) as Record<string, unknown> | null;
		this.options = normalizeSettings(stored);
		this.viewState = normalizeState(stored?.viewState);
		this.storedProgram = normalizeStoredProgram(stored?.program);
		this.lastTags = JSON.stringify(this.options.trackedTags);
		setLanguage(this.options.language === "auto" ? null : this.options.language);

		const { metadataCache, vault, workspace, fileManager } = this.app;
		this.index = this.addChild(new VaultIndex({ metadataCache, vault, workspace }, { trackedTags: () => this.options.trackedTags }));
		// Nothing is parsed here: the program's talks are built when a view first asks for them.
		this.index.setProgram(programOf(this.storedProgram));
		this.program = new ProgramUpdate(this.index, this.events, {
			stored: () => this.storedProgram,
			save: async (next) => {
				await this.persist(next);
				this.storedProgram = next;
			},
		});
		const context: DashboardContext = {
			services: { metadataCache, vault, workspace, fileManager, app: this.app },
			index: this.index,
			settings: () => this.options,
			updateSettings: async (patch) => {
				this.options = { ...this.options, ...patch };
				await this.saveOptions();
			},
			events: this.events,
			program: this.program,
		};
		const checkoff = new CheckoffAction(context);
		this.register(() => checkoff.dispose());
		// Turned off: the view state waiting to be saved is saved now, a pending rebuild dropped.
		this.register(() => {
			this.persistSoon.run();
			this.rebuildSoon.cancel();
		});
		const pdf = new PdfActions(context);

		this.registerView(
			VIEW_TYPE,
			(leaf) =>
				new DashboardView(leaf, {
					context,
					checkoff,
					pdf,
					lastState: () => this.viewState,
					rememberState: (state) => {
						this.viewState = state;
						this.persistSoon();
					},
				}),
		);
		this.registerMarkdownCodeBlockProcessor(CODE_BLOCK, (source, el, ctx) => {
			ctx.addChild(new DashboardBlock(el, source, context, checkoff, pdf));
		});
		this.addRibbonIcon(ICON, t("ribbon.open"), () => void this.openDashboard(false));
		this.addCommand({ id: "open", name: t("command.open"), callback: () => void this.openDashboard(false) });
		this.addCommand({ id: "open-in-tab", name: t("command.openTab"), callback: () => void this.openDashboard(true) });
		this.addCommand({ id: "refresh", name: t("command.refresh"), callback: () => void this.refresh() });
		this.addCommand({ id: "update-program", name: t("command.updateProgram"), callback: () => void this.program.update() });
		this.addSettingTab(new DashboardSettingTab(this));

		if (this.options.openOnStartup) {
			workspace.onLayoutReady(() => void this.openDashboard(false));
		}
	}

	/** Saves the settings and applies them: views redraw at once, new tracked tags rebuild the index. */
	async saveOptions(): Promise<void> {
		setLanguage(this.options.language === "auto" ? null : this.options.language);
		await this.persist();
		this.events.trigger("settings-changed");
		const tags = JSON.stringify(this.options.trackedTags);
		if (tags !== this.lastTags) {
			this.lastTags = tags;
			this.rebuildSoon();
		}
	}

	/** Saves the settings, the view state and the fetched program (none: the shipped one is used). */
	private async persist(program: StoredProgram | null = this.storedProgram): Promise<void> {
		await this.saveData({ ...this.options, viewState: this.viewState, ...(program === null ? {} : { program }) });
	}

	/** Reveals the dashboard: the existing pane, else a new one in the right sidebar or a main tab. */
	async openDashboard(inTab: boolean): Promise<void> {
		const { workspace } = this.app;
		let leaf: WorkspaceLeaf | null = inTab ? null : (workspace.getLeavesOfType(VIEW_TYPE)[0] ?? null);
		if (leaf === null) {
			leaf = inTab ? workspace.getLeaf("tab") : workspace.getRightLeaf(false);
			if (leaf === null) {
				return;
			}
			await leaf.setViewState({ type: VIEW_TYPE, active: true });
		}
		await workspace.revealLeaf(leaf);
	}

	private async refresh(): Promise<void> {
		await this.index.rebuild();
		for (const leaf of this.app.workspace.getLeavesOfType(VIEW_TYPE)) {
			if (leaf.view instanceof DashboardView) {
				leaf.view.refresh();
			}
		}
	}
}
