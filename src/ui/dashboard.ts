import { Component, debounce, type EventRef } from "obsidian";
import { currentLanguage, t } from "../i18n";
import { type CheckoffAction, FOCUS_ITEM } from "./checkoff-action";
import { renderFirstRun } from "./first-run";
import { captureFocus, focusQuietly, restoreFocus, RovingStops } from "./focus";
import { fillYears, type ProgramControls, renderControls, renderHeader, setCounts } from "./header";
import type { ListEnv } from "./list-env";
import type { PdfActions } from "./pdf-actions";
import type { DashboardContext } from "./services";
import type { DashboardState, Tab } from "./state";
import { renderQuestions, renderStudy } from "./study-list";
import { renderTalks } from "./talk-list";
import { VisibleModel } from "./view-model";

/** More new notes than this, and the first draw leaves the counts for a moment later. */
const DEFER_ABOVE = 200;
/** How long one slice of that later work may take, in ms. */
const SLICE_MS = 12;
/** How long the view state waits after the last change (a scroll, a toggle) before it is saved. */
export const SAVE_DELAY_MS = 300;

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

/** How long a request to focus an item waits for the item to be drawn. */
const FOCUS_WAIT_MS = 10_000;

/**
 * The dashboard: header, controls and the lists. Redraws when the index changes, but only while it is
 * shown; the filter, the open groups and the scroll position survive every redraw.
 */
export class Dashboard extends Component {
	readonly state: DashboardState;
	private stale = true;
	/** The item an action asked to give focus to (see `focusWantedItem`), and until when. */
	private wantedItem: { path: string; line: number; until: number } | null = null;
	private bodyEl: HTMLElement | null = null;
	private roving: RovingStops | null = null;
	/** The list's tab stop (a focus key): where Tab enters the list after a redraw. */
	private stopKey: string | null = null;
	/** Where each tab was scrolled to and where Tab entered its list, for going back to it. */
	private readonly tabPlaces = new Map<Tab, { scrollTop: number; stop: string | null }>();
	/** An input method is composing in the filter box: redraws wait for it. */
	private composing = false;
	private stickyObserver: ResizeObserver | null = null;
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
		for (const name of ["settings-changed", "pending-changed", "downloads-changed", "program-changed"]) {
			this.registerEvent(this.context.events.on(name, changed));
		}
		this.registerEvent(
			this.context.events.on(FOCUS_ITEM, (path: unknown, line: unknown) => {
				this.wantedItem = { path: String(path), line: Number(line), until: Date.now() + FOCUS_WAIT_MS };
				this.focusWantedItem();
			}),
		);
		this.registerDomEvent(this.containerEl, "scroll", () => {
			this.state.scrollTop = this.containerEl.scrollTop;
			this.saveSoon();
		});
		this.redraw();
	}

	override onunload(): void {
		this.fillNext?.();
		this.fillNext = null;
		if (this.saveTimer !== null) {
			window.clearTimeout(this.saveTimer);
			this.saveTimer = null;
			this.options.saveState(this.state);
		}
		this.roving?.disconnect();
		this.roving = null;
		this.stickyObserver?.disconnect();
		this.stickyObserver = null;
		for (const ref of this.refs) {
			this.context.index.offChange(ref);
		}
		this.refs = [];
		this.containerEl.empty();
		this.containerEl.removeClass("gopherchina-dashboard");
	}

	/** Redraws now when shown, else as soon as it is shown again. A failure is shown, not thrown. */
	requestRedraw(): void {
		if (!this.containerEl.isShown()) {
			this.stale = true;
			return;
		}
		if (this.composing) {
			// A redraw would replace the filter box under an input method's unfinished text: it waits
			// for the composition to end.
			this.stale = true;
			return;
		}
		try {
			this.redraw();
		} catch (error) {
			console.error("GopherChina Dashboard: could not draw the dashboard:", error);
			this.containerEl.empty();
			this.containerEl.createDiv({ cls: "gopherchina-empty gopherchina-warning", text: t("empty.failed") });
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
		// Where the pane is scrolled now, read before anything in it changes (the layout is then
		// usually up to date, so the read costs nothing).
		const scrolled = this.containerEl.scrollTop;
		const focus = captureFocus(this.containerEl);
		this.roving?.disconnect();
		this.roving = null;
		this.containerEl.empty();
		const index = this.context.index;
		const model = this.model();
		// Counting every talk and question means parsing every note. When many notes are new (the
		// first draw, a rebuild) the pane is drawn first and the counts follow a moment later.
		const later = this.state.tab === "study" && !model.filtered && index.pendingNotes() > DEFER_ABOVE;
		// The summary, the filter, the year menu and the tabs stay at the top while the lists scroll.
		const sticky = this.containerEl.createDiv({ cls: "gopherchina-sticky" });
		const countsEl = renderHeader(sticky, index, this.options.refresh, model.summary(!later));
		if (!index.ready) {
			this.containerEl.createDiv({ cls: "gopherchina-empty", text: t("empty.loading") });
			return;
		}
		if (index.notes().length === 0) {
			renderFirstRun(this.containerEl, this.context, this);
			restoreFocus(this.containerEl, focus);
			return;
		}
		const settings = this.context.settings();
		const controls = renderControls(
			sticky,
			this.state,
			{
				years: later ? null : model.years(),
				counts: later ? { study: model.study().count, talks: null, questions: null } : tabCounts(model),
				showTabs: this.options.only === null,
				showYear: this.options.fixedYear === null,
				showCompleted: settings.showCompleted,
				groupBySession: settings.groupStudyBy === "session",
				program: this.programControls(),
			},
			{
				onFilter: (value) => this.setFilter(value),
				onYear: (value) => this.change(() => (this.state.year = value)),
				onTab: (tab) => this.change(() => this.switchTab(tab)),
				onShowCompleted: (value) => void this.context.updateSettings({ showCompleted: value }),
				onGroupBySession: (value) => void this.context.updateSettings({ groupStudyBy: value ? "session" : "note" }),
				onWholeProgram: (value) => this.change(() => (this.state.wholeProgram = value)),
				onUpdateProgram: () => void this.context.program.update(),
			},
		);
		this.bodyEl = this.containerEl.createDiv({ cls: ["gopherchina-body", `gopherchina-body-${this.state.tab}`] });
		if (controls.ids) {
			this.bodyEl.setAttrs({ role: "tabpanel", id: controls.ids.panel, "aria-labelledby": controls.ids.tabs[this.state.tab] });
		}
		this.renderBody(this.bodyEl, model);
		this.watchStickyHeight(sticky);
		// Only a scroll that changes anything is set: setting it makes the browser lay the pane out
		// at once, in the middle of the draw, rather than once before the next paint. (Emptied and
		// filled again in one go, the pane keeps the scroll it had.)
		if (scrollTop !== scrolled) {
			this.containerEl.scrollTop = scrollTop;
		}
		restoreFocus(this.containerEl, focus, [`tab:${this.state.tab}`, "filter"]);
		this.focusWantedItem();
		this.watchComposition(controls.filter);
		if (later) {
			this.fillNext = nextTask(() => this.fillStep(countsEl));
		}
	}

	/**
	 * Gives focus to the item a finished action asked for (Undo in a notice: the notice is gone, and
	 * focus with it), once its row is drawn, unless focus has gone somewhere else meanwhile.
	 */
	private focusWantedItem(): void {
		const wanted = this.wantedItem;
		if (wanted === null) {
			return;
		}
		const active = this.containerEl.ownerDocument.activeElement;
		const lost = active === null || active === this.containerEl.ownerDocument.body || !active.isConnected || active.closest(".notice") !== null;
		if (Date.now() > wanted.until || !lost) {
			this.wantedItem = null;
			return;
		}
		for (const row of Array.from(this.containerEl.querySelectorAll<HTMLElement>(".gopherchina-item"))) {
			if (row.dataset.path === wanted.path && row.dataset.line === String(wanted.line)) {
				const checkbox = row.querySelector<HTMLElement>("input.gopherchina-checkbox");
				if (checkbox !== null) {
					focusQuietly(checkbox);
					this.wantedItem = null;
				}
				return;
			}
		}
	}

	/** Works through the pending notes a slice at a time, so the pane stays responsive. */
	private fillStep(countsEl: HTMLElement): void {
		this.fillNext = null;
		if (!countsEl.isConnected) {
			return;
		}
		if (this.context.index.prepare(performance.now() + SLICE_MS)) {
			this.fillCounts(countsEl);
		} else {
			this.fillNext = nextTask(() => this.fillStep(countsEl));
		}
	}

	/** Adds what the first draw left out: talk and PDF counts, tab counts, the year menu. */
	private fillCounts(countsEl: HTMLElement): void {
		const model = this.model();
		const summary = model.summary(true);
		setCounts(countsEl, summary.notes, summary.counts);
		this.setTabCounts(model);
		const select = this.containerEl.querySelector<HTMLSelectElement>(".gopherchina-year");
		if (select) {
			fillYears(select, model.years(), this.state.year);
		}
	}

	/** Writes each tab's count into the segmented control already drawn. */
	private setTabCounts(model: VisibleModel): void {
		const counts = tabCounts(model);
		for (const tab of Array.from(this.containerEl.querySelectorAll<HTMLElement>(".gopherchina-tab"))) {
			tab.querySelector(".gopherchina-tab-count")?.setText(String(counts[tab.dataset.tab as Tab]));
		}
	}

	private model(): VisibleModel {
		const settings = this.context.settings();
		return new VisibleModel(this.context.index, this.state, settings.showCompleted, settings.groupStudyBy === "session", this.options.fixedYear, settings.questionsWithoutMark);
	}

	/** Redraws the lists only, so that the filter box keeps its focus while the user types. */
	private redrawBody(): void {
		if (!this.bodyEl || !this.bodyEl.isConnected) {
			this.redraw();
			return;
		}
		const model = this.model();
		this.setTabCounts(model);
		const focus = captureFocus(this.bodyEl);
		this.roving?.disconnect();
		this.bodyEl.empty();
		this.renderBody(this.bodyEl, model);
		restoreFocus(this.bodyEl, focus);
	}

	private renderBody(body: HTMLElement, model: VisibleModel): void {
		const env: ListEnv = { context: this.context, state: this.state, checkoff: this.checkoff, pdf: this.pdf, persist: () => this.saveSoon() };
		const filtered = model.filtered;
		const empty = (key: "empty.noStudy" | "empty.noTalks" | "empty.noQuestions"): void => {
			body.createDiv({ cls: "gopherchina-empty", text: filtered ? t("empty.noMatch") : t(key) });
		};
		switch (this.state.tab) {
			case "study": {
				const study = model.study();
				if (study.groups.length === 0) {
					empty("empty.noStudy");
				} else {
					renderStudy(body, study.groups, this.context.settings().groupStudyBy === "session", env);
				}
				break;
			}
			case "talks": {
				const talks = model.talks();
				if (talks.length === 0) {
					empty("empty.noTalks");
				} else {
					renderTalks(body, talks, env, (key) => model.yearProgress(key));
				}
				break;
			}
			case "questions": {
				const questions = model.questions();
				if (questions.length === 0) {
					empty("empty.noQuestions");
				} else {
					renderQuestions(body, questions, env);
				}
				break;
			}
		}
		this.roving = new RovingStops(body, this.stopKey, (key) => {
			this.stopKey = key;
		});
	}

	/** The Talks tab's program switch and update button, with when the program was last updated. */
	private programControls(): ProgramControls {
		const program = this.context.program;
		const updated = program.updated();
		const date = updated === null ? program.shippedDate : new Date(updated).toLocaleDateString(currentLanguage() === "zh" ? "zh-CN" : "en", { year: "numeric", month: "short", day: "numeric" });
		return {
			whole: this.state.wholeProgram,
			status: updated === null ? t("program.shippedOn", { date }) : t("program.updatedOn", { date }),
			updating: program.updating(),
		};
	}

	/**
	 * Keeps `--gopherchina-sticky-height` (the scroll padding that keeps a focused row clear of the
	 * sticky header) at the header's height, measured when the browser lays it out: reading it during
	 * the draw would force a layout of the whole pane.
	 */
	private watchStickyHeight(sticky: HTMLElement): void {
		this.stickyObserver?.disconnect();
		if (typeof ResizeObserver !== "function") {
			return;
		}
		this.stickyObserver = new ResizeObserver((entries) => {
			const height = entries[0]?.borderBoxSize?.[0]?.blockSize ?? sticky.getBoundingClientRect().height;
			this.containerEl.setCssProps({ "--gopherchina-sticky-height": `${Math.round(height)}px` });
		});
		this.stickyObserver.observe(sticky);
	}

	/** Shows another tab; the one left keeps its scroll position and list stop for when it comes back. */
	private switchTab(tab: Tab): void {
		this.tabPlaces.set(this.state.tab, { scrollTop: this.containerEl.scrollTop, stop: this.stopKey });
		const place = this.tabPlaces.get(tab);
		this.state.tab = tab;
		this.state.scrollTop = place?.scrollTop ?? 0;
		this.stopKey = place?.stop ?? null;
	}

	/** Notes an input method composing in the filter box; a redraw asked for meanwhile runs after it. */
	private watchComposition(filter: HTMLInputElement): void {
		this.composing = false;
		filter.addEventListener("compositionstart", () => {
			this.composing = true;
		});
		filter.addEventListener("compositionend", () => {
			this.composing = false;
			this.setFilter(filter.value);
		});
	}

	/** Keeps what the filter box says and narrows the lists (all of the pane, when a redraw waited). */
	private setFilter(value: string): void {
		this.state.filter = value;
		this.saveSoon();
		if (this.stale) {
			this.redraw();
		} else {
			this.filterSoon();
		}
	}

	private change(update: () => void): void {
		update();
		this.options.saveState(this.state);
		this.redraw();
	}

	private saveTimer: number | null = null;
	/** Cancels the next slice of the counts' work, while one waits. */
	private fillNext: (() => void) | null = null;

	private saveSoon(): void {
		if (this.saveTimer !== null) {
			window.clearTimeout(this.saveTimer);
		}
		this.saveTimer = window.setTimeout(() => {
			this.saveTimer = null;
			this.options.saveState(this.state);
		}, SAVE_DELAY_MS);
	}
}

/** How many rows each tab holds under the current filter. */
function tabCounts(model: VisibleModel): Record<Tab, number> {
	return { study: model.study().count, talks: model.talkCount(), questions: model.questions().length };
}

/**
 * Runs `step` in a task of its own, once the browser has had its turn (input, and a frame when one is
 * due); returns what cancels it. A message rather than a timer: nested timers wait at least 4 ms each
 * after the fifth, which made the counts' slices wait longer than they worked.
 */
function nextTask(step: () => void): () => void {
	if (typeof MessageChannel !== "function") {
		const timer = window.setTimeout(step, 0);
		return () => window.clearTimeout(timer);
	}
	const channel = new MessageChannel();
	let cancelled = false;
	channel.port1.onmessage = () => {
		channel.port1.close();
		if (!cancelled) {
			step();
		}
	};
	channel.port2.postMessage(null);
	return () => {
		cancelled = true;
		channel.port1.close();
	};
}
