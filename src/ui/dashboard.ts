import { Component, debounce, type EventRef } from "obsidian";
import { t } from "../i18n";
import type { CheckoffAction } from "./checkoff-action";
import { renderControls, renderHeader } from "./header";
import type { ListEnv } from "./list-env";
import type { PdfActions } from "./pdf-actions";
import type { DashboardContext } from "./services";
import type { DashboardState, Tab } from "./state";
import { renderQuestions, renderStudy } from "./study-list";
import { renderTalks } from "./talk-list";
import { visibleModel, type VisibleModel } from "./view-model";

export interface DashboardOptions {
	/** Show only one part (a code block's `show:`); null shows the tabs. */
	only: Tab | null;
	/** A fixed year (a code block's `year:`); null lets the user choose. */
	fixedYear: string | null;
	/** Show the refresh button (the pane does; a block in a note does not). */
	refresh: (() => void) | null;
	state: DashboardState;
	/** Called after the user changed something worth keeping (tab, filter, groups, scroll). */
	saveState: (state: DashboardState) => void;
}

/**
 * The dashboard: header, controls and the lists. Redraws when the index changes, but only while it is
 * shown; the filter, the open groups and the scroll position survive every redraw.
 */
export class Dashboard extends Component {
	readonly state: DashboardState;
	private stale = true;
	private bodyEl: HTMLElement | null = null;
	private filterEl: HTMLInputElement | null = null;
	private refs: EventRef[] = [];
	private readonly filterSoon: () => void;

	constructor(
		private readonly context: DashboardContext,
		readonly containerEl: HTMLElement,
		private readonly checkoff: CheckoffAction,
		private readonly pdf: PdfActions,
		private readonly options: DashboardOptions,
	) {
		super();
		this.state = options.state;
		if (options.only !== null) {
			this.state.tab = options.only;
		}
		this.filterSoon = debounce(() => this.redrawBody(), 120, true);
	}

	override onload(): void {
		this.containerEl.addClass("gopherchina-dashboard");
		const changed = (): void => this.requestRedraw();
		this.refs.push(this.context.index.onChange(changed));
		for (const name of ["settings-changed", "pending-changed", "downloads-changed"]) {
			this.registerEvent(this.context.events.on(name, changed));
		}
		this.registerDomEvent(this.containerEl, "scroll", () => {
			this.state.scrollTop = this.containerEl.scrollTop;
			this.saveSoon();
		});
		this.redraw();
	}

	override onunload(): void {
		if (this.saveTimer !== null) {
			window.clearTimeout(this.saveTimer);
			this.saveTimer = null;
			this.options.saveState(this.state);
		}
		for (const ref of this.refs) {
			this.context.index.offChange(ref);
		}
		this.refs = [];
		this.containerEl.empty();
		this.containerEl.removeClass("gopherchina-dashboard");
	}

	/** Redraws now when shown, else as soon as it is shown again. */
	requestRedraw(): void {
		if (this.containerEl.isShown()) {
			this.redraw();
		} else {
			this.stale = true;
		}
	}

	/** Called when the pane becomes visible or is resized. */
	onShown(): void {
		if (this.stale) {
			this.redraw();
		}
	}

	redraw(): void {
		this.stale = false;
		const scrollTop = this.state.scrollTop;
		const hadFocus = this.filterEl !== null && this.filterEl.ownerDocument.activeElement === this.filterEl;
		const selection = hadFocus && this.filterEl ? [this.filterEl.selectionStart, this.filterEl.selectionEnd] : null;
		this.containerEl.empty();
		const index = this.context.index;
		renderHeader(this.containerEl, index, this.options.refresh);
		if (!index.ready) {
			this.containerEl.createDiv({ cls: "gopherchina-empty", text: t("empty.loading") });
			return;
		}
		if (index.notes().length === 0) {
			const tag = `#${this.context.settings().trackedTags[0] ?? "gopherchina"}`;
			this.containerEl.createDiv({ cls: "gopherchina-empty", text: t("empty.nothingTracked", { tag }) });
			return;
		}
		const model = this.model();
		const settings = this.context.settings();
		this.filterEl = renderControls(
			this.containerEl,
			this.state,
			{
				years: model.years,
				counts: { study: model.studyItems.length, talks: model.sessions.length, questions: model.questions.length },
				showTabs: this.options.only === null,
				showYear: this.options.fixedYear === null,
				showCompleted: settings.showCompleted,
				groupBySession: settings.groupStudyBy === "session",
			},
			{
				onFilter: (value) => {
					this.state.filter = value;
					this.saveSoon();
					this.filterSoon();
				},
				onYear: (value) => this.change(() => (this.state.year = value)),
				onTab: (tab) => this.change(() => (this.state.tab = tab)),
				onShowCompleted: (value) => void this.context.updateSettings({ showCompleted: value }),
				onGroupBySession: (value) => void this.context.updateSettings({ groupStudyBy: value ? "session" : "note" }),
			},
		);
		this.bodyEl = this.containerEl.createDiv({ cls: "gopherchina-body" });
		this.renderBody(this.bodyEl, model);
		if (selection && this.filterEl) {
			this.filterEl.focus();
			this.filterEl.setSelectionRange(selection[0] ?? null, selection[1] ?? null);
		}
		this.containerEl.scrollTop = scrollTop;
	}

	private model(): VisibleModel {
		return visibleModel(this.context.index, this.state, this.context.settings().showCompleted, this.options.fixedYear);
	}

	/** Redraws the lists only, so that the filter box keeps its focus while the user types. */
	private redrawBody(): void {
		if (!this.bodyEl || !this.bodyEl.isConnected) {
			this.redraw();
			return;
		}
		const model = this.model();
		for (const tab of Array.from(this.containerEl.querySelectorAll<HTMLElement>(".gopherchina-tab"))) {
			const count = tab.querySelector(".gopherchina-tab-count");
			const name = tab.dataset.tab as Tab;
			count?.setText(String(name === "study" ? model.studyItems.length : name === "talks" ? model.sessions.length : model.questions.length));
		}
		this.bodyEl.empty();
		this.renderBody(this.bodyEl, model);
	}

	private renderBody(body: HTMLElement, model: VisibleModel): void {
		const env: ListEnv = { context: this.context, state: this.state, checkoff: this.checkoff, pdf: this.pdf, persist: () => this.saveSoon() };
		const filtered = this.state.filter.trim() !== "" || this.state.year !== "";
		const empty = (key: "empty.noStudy" | "empty.noTalks" | "empty.noQuestions"): void => {
			body.createDiv({ cls: "gopherchina-empty", text: filtered ? t("empty.noMatch") : t(key) });
		};
		switch (this.state.tab) {
			case "study":
				if (model.studyItems.length === 0) {
					empty("empty.noStudy");
				} else {
					renderStudy(body, model.studyItems, this.context.settings().groupStudyBy === "session", env);
				}
				break;
			case "talks":
				if (model.sessions.length === 0) {
					empty("empty.noTalks");
				} else {
					renderTalks(body, model.sessions, env);
				}
				break;
			case "questions":
				if (model.questions.length === 0) {
					empty("empty.noQuestions");
				} else {
					renderQuestions(body, model.questions, env);
				}
				break;
		}
	}

	private change(update: () => void): void {
		update();
		this.options.saveState(this.state);
		this.redraw();
	}

	private saveTimer: number | null = null;

	private saveSoon(): void {
		if (this.saveTimer !== null) {
			window.clearTimeout(this.saveTimer);
		}
		this.saveTimer = window.setTimeout(() => {
			this.saveTimer = null;
			this.options.saveState(this.state);
		}, 300);
	}
}
