import { ItemView, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import { t } from "../i18n";
import type { CheckoffAction } from "./checkoff-action";
import { Dashboard } from "./dashboard";
import type { PdfActions } from "./pdf-actions";
import type { DashboardContext } from "./services";
import { type DashboardState, normalizeState } from "./state";

export const VIEW_TYPE = "gopherchina-dashboard";
export const ICON = "presentation";

export interface ViewDeps {
	context: DashboardContext;
	checkoff: CheckoffAction;
	pdf: PdfActions;
	/** The state the last closed dashboard left behind, so reopening it restores it. */
	lastState: () => DashboardState;
	rememberState: (state: DashboardState) => void;
}

/** The dashboard pane. */
export class DashboardView extends ItemView {
	private dashboard: Dashboard | null = null;
	private state: DashboardState;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly deps: ViewDeps,
	) {
		super(leaf);
		this.state = normalizeState(deps.lastState());
	}

	getViewType(): string {
		return VIEW_TYPE;
	}

	getDisplayText(): string {
		return t("view.title");
	}

	override getIcon(): string {
		return ICON;
	}

	override async onOpen(): Promise<void> {
		this.mount();
		this.registerEvent(this.app.workspace.on("layout-change", () => this.dashboard?.onShown()));
		await Promise.resolve();
	}

	override async onClose(): Promise<void> {
		if (this.dashboard) {
			this.deps.rememberState(this.dashboard.state);
			this.removeChild(this.dashboard);
			this.dashboard = null;
		}
		await Promise.resolve();
	}

	override onResize(): void {
		this.dashboard?.onShown();
	}

	override getState(): Record<string, unknown> {
		return { ...super.getState(), dashboard: this.dashboard?.state ?? this.state };
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const saved = (state as { dashboard?: unknown } | null)?.dashboard;
		if (saved !== undefined) {
			this.state = normalizeState(saved);
			this.mount();
		}
		await super.setState(state, result);
	}

	/** Redraws at once (the refresh command). */
	refresh(): void {
		this.dashboard?.redraw();
	}

	private mount(): void {
		const state = this.state;
		if (this.dashboard) {
			// The dashboard going away saves its state if a save was pending: the state being
			// mounted (set on the view) wins over it.
			this.removeChild(this.dashboard);
			if (this.state !== state) {
				this.state = state;
				this.deps.rememberState(state);
			}
		}
		this.dashboard = this.addChild(
			new Dashboard(this.deps.context, this.contentEl, this.deps.checkoff, this.deps.pdf, {
				only: null,
				fixedYear: null,
				refresh: () => void this.deps.context.index.rebuild(),
				state: this.state,
				saveState: (state) => {
					this.state = state;
					this.deps.rememberState(state);
					this.app.workspace.requestSaveLayout();
				},
			}),
		);
	}
}
