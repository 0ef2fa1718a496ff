import { iconButton } from "./controls";
import type { VaultIndex } from "../index/vault-index";
import type { Progress } from "../model/types";
import { plural, t } from "../i18n";
import { setFocusKey, uniqueId } from "./focus";
import type { DashboardState, Tab } from "./state";
import { TABS } from "./state";
import { type Summary, yearLabel } from "./view-model";

/** The header's line of counts; talks and PDFs may still be being counted (null). */
export function setCounts(el: HTMLElement, notes: number, counts: { sessions: number; local: number } | null): void {
	const noteCount = plural("count.notes", notes);
	el.setText(counts === null ? t("header.countsPending", { notes: noteCount }) : t("header.counts", { notes: noteCount, talks: plural("count.talks", counts.sessions), pdfs: plural("count.pdfs", counts.local) }));
}

/**
 * A small progress bar with its figures as text, e.g. on a talk or a year; nothing when there is
 * nothing to count (no "0 of 0").
 */
export function renderProgress(parent: HTMLElement, progress: Progress, text: string, label: string): HTMLElement | null {
	const total = progress.open + progress.done;
	if (total === 0) {
		return null;
	}
	const box = parent.createSpan({ cls: "gopherchina-mini-progress" });
	const bar = box.createEl("progress", { cls: "gopherchina-mini-progress-bar", attr: { max: total, value: progress.done } });
	bar.setAttr("aria-label", label);
	box.createSpan({ cls: "gopherchina-mini-progress-text", text });
	return box;
}

/**
 * Progress and counts (of the chosen year, when one is), with a refresh button. Returns the line of
 * counts. With no study item at all there is no progress bar.
 */
export function renderHeader(parent: HTMLElement, index: VaultIndex, onRefresh: (() => void) | null, summary: Summary): HTMLElement {
	const header = parent.createDiv({ cls: "gopherchina-header" });
	const titleRow = header.createDiv({ cls: "gopherchina-title-row" });
	titleRow.createDiv({ cls: "gopherchina-title", text: t("view.title") });
	if (onRefresh) {
		const refresh = iconButton(titleRow, "gopherchina-refresh", "refresh-cw", t("header.refresh"), "refresh");
		refresh.addEventListener("click", onRefresh);
	}
	const { open, done } = summary.progress;
	const total = open + done;
	if (total > 0) {
		const percent = Math.round((done / total) * 100);
		const progressRow = header.createDiv({ cls: "gopherchina-progress-row" });
		const text = progressRow.createSpan({ cls: "gopherchina-progress-text", text: plural("header.progress", total, { done, total }) });
		text.id = uniqueId("progress");
		const bar = progressRow.createEl("progress", { cls: "gopherchina-progress", attr: { max: total, value: done } });
		bar.setAttr("aria-labelledby", text.id);
		progressRow.createSpan({ cls: "gopherchina-percent", text: t("header.percent", { percent }) });
	}
	const countsEl = header.createDiv({ cls: "gopherchina-counts" });
	setCounts(countsEl, summary.notes, summary.counts);
	const skipped = index.skippedNotes();
	if (skipped.length > 0) {
		const warning = header.createEl("details", { cls: "gopherchina-warning gopherchina-skipped" });
		setFocusKey(warning.createEl("summary", { text: plural("header.skipped", skipped.length) }), "skipped");
		const list = warning.createEl("ul");
		for (const note of skipped) {
			list.createEl("li", { text: t("index.skipped", { path: note.path, reason: note.reason }) });
		}
	}
	return countsEl;
}

export interface ControlHandlers {
	onFilter: (value: string) => void;
	onYear: (value: string) => void;
	onTab: (tab: Tab) => void;
	onShowCompleted: (value: boolean) => void;
	onGroupBySession: (value: boolean) => void;
	onWholeProgram: (value: boolean) => void;
	onUpdateProgram: () => void;
}

/** The Talks tab's program controls: the switch, and the update button with when it last ran. */
export interface ProgramControls {
	whole: boolean;
	/** "Program as published on …" or "Program updated …". */
	status: string;
	updating: boolean;
}

export interface ControlOptions {
	/** Null while they are being worked out; `fillControls` adds them. */
	years: string[] | null;
	counts: Record<Tab, number | null>;
	showTabs: boolean;
	showYear: boolean;
	showCompleted: boolean;
	groupBySession: boolean;
	/** Null where the program is not offered (another tab). */
	program: ProgramControls | null;
}

/** The tab list's ids, so that the list below can be its tab panel. */
export interface TabIds {
	tabs: Record<Tab, string>;
	panel: string;
}

/**
 * The filter box, the year menu, the tabs (an ARIA tab list: one tab stop, the arrow keys, Home and
 * End move between the tabs and show them) and the study toggles. Returns the filter box and the
 * tabs' ids (null without tabs).
 */
export function renderControls(parent: HTMLElement, state: DashboardState, options: ControlOptions, handlers: ControlHandlers): { filter: HTMLInputElement; ids: TabIds | null } {
	const controls = parent.createDiv({ cls: "gopherchina-controls" });
	const row = controls.createDiv({ cls: "gopherchina-filter-row" });
	const filter = row.createEl("input", { cls: "gopherchina-filter", type: "search", attr: { placeholder: t("filter.placeholder"), "aria-label": t("filter.label") } });
	setFocusKey(filter, "filter");
	filter.value = state.filter;
	filter.addEventListener("input", (event) => {
		// Text an input method is still composing is not yet what the user typed.
		if (!(event).isComposing) {
			handlers.onFilter(filter.value);
		}
	});
	if (options.showYear && (options.years === null || options.years.length > 0)) {
		const select = row.createEl("select", { cls: "dropdown gopherchina-year", attr: { "aria-label": t("filter.year") } });
		setFocusKey(select, "year");
		fillYears(select, options.years ?? (state.year === "" ? [] : [state.year]), state.year);
		select.addEventListener("change", () => handlers.onYear(select.value));
	}
	let ids: TabIds | null = null;
	if (options.showTabs) {
		ids = { tabs: { study: uniqueId("tab"), talks: uniqueId("tab"), questions: uniqueId("tab") }, panel: uniqueId("panel") };
		const tabIds = ids;
		const list = controls.createDiv({ cls: "gopherchina-tabs", attr: { role: "tablist", "aria-label": t("tab.label") } });
		const buttons = TABS.map((tab) => {
			const selected = state.tab === tab;
			const label = t(tab === "study" ? "tab.study" : tab === "talks" ? "tab.talks" : "tab.questions");
			const button = list.createEl("button", { cls: "gopherchina-tab", attr: { role: "tab", id: tabIds.tabs[tab], "aria-selected": String(selected), "aria-controls": tabIds.panel, tabindex: selected ? "0" : "-1" } });
			setFocusKey(button, `tab:${tab}`);
			button.dataset.tab = tab;
			button.toggleClass("is-active", selected);
			button.createSpan({ cls: "gopherchina-tab-label", text: label });
			const count = options.counts[tab];
			button.createSpan({ cls: "gopherchina-tab-count", text: count === null ? "…" : String(count) });
			button.addEventListener("click", () => {
				if (state.tab !== tab) {
					handlers.onTab(tab);
				}
			});
			return button;
		});
		list.addEventListener("keydown", (event) => {
			const at = buttons.indexOf(event.target as HTMLButtonElement);
			if (at === -1 || event.altKey || event.ctrlKey || event.metaKey) {
				return;
			}
			const next = event.key === "ArrowRight" ? (at + 1) % TABS.length : event.key === "ArrowLeft" ? (at + TABS.length - 1) % TABS.length : event.key === "Home" ? 0 : event.key === "End" ? TABS.length - 1 : -1;
			const tab = TABS[next];
			if (tab === undefined) {
				return;
			}
			event.preventDefault();
			// Focus first: the redraw that showing the tab causes gives focus back to the focused tab.
			buttons[next]?.focus();
			if (state.tab !== tab) {
				handlers.onTab(tab);
			}
		});
	}
	if (state.tab === "study" || state.tab === "questions") {
		// Answered questions, like done items, are listed only with "Show completed".
		const toggles = controls.createDiv({ cls: "gopherchina-toggles" });
		toggle(toggles, t("toggle.showCompleted"), options.showCompleted, handlers.onShowCompleted, "show-completed");
		if (state.tab === "study") {
			toggle(toggles, t("toggle.groupBySession"), options.groupBySession, handlers.onGroupBySession, "group-by-session");
		}
	}
	if (state.tab === "talks" && options.program) {
		const toggles = controls.createDiv({ cls: "gopherchina-toggles gopherchina-program" });
		toggle(toggles, t("toggle.wholeProgram"), options.program.whole, handlers.onWholeProgram, "whole-program");
		const update = toggles.createEl("button", { cls: "gopherchina-small-button gopherchina-update-program", text: options.program.updating ? t("program.updating") : t("command.updateProgram") });
		setFocusKey(update, "update-program");
		update.setAttr("aria-describedby", uniqueId("program-status"));
		if (options.program.updating) {
			update.setAttrs({ "aria-disabled": "true", "aria-busy": "true" });
		}
		update.addEventListener("click", () => {
			if (!options.program?.updating) {
				handlers.onUpdateProgram();
			}
		});
		toggles.createSpan({ cls: "gopherchina-program-status", text: options.program.status, attr: { id: update.getAttribute("aria-describedby") ?? "" } });
	}
	return { filter, ids };
}

function toggle(parent: HTMLElement, text: string, value: boolean, onChange: (value: boolean) => void, name: string): void {
	const label = parent.createEl("label", { cls: "gopherchina-toggle" });
	const input = label.createEl("input", { type: "checkbox" });
	input.dataset.toggle = name;
	setFocusKey(input, `toggle:${name}`);
	input.checked = value;
	label.appendText(text);
	input.addEventListener("change", () => onChange(input.checked));
}

/** The year menu's options: all years, then each year and edition. */
export function fillYears(select: HTMLSelectElement, years: readonly string[], selected: string): void {
	select.empty();
	select.createEl("option", { text: t("filter.allYears"), value: "" });
	for (const year of years) {
		select.createEl("option", { text: yearLabel(year), value: year });
	}
	select.value = years.includes(selected) ? selected : "";
}
