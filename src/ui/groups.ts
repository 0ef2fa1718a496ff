import { setIcon } from "obsidian";
import { t } from "../i18n";
import { focusQuietly, setFocusKey, setRow, setStop, uniqueId } from "./focus";
import type { DashboardState } from "./state";

export const PAGE_SIZE = 50;

export interface GroupOptions {
	id: string;
	title: string;
	meta?: string;
	defaultOpen: boolean;
	state: DashboardState;
	/** Called after the user opened or closed the group. */
	onToggle: () => void;
	/** Draws the group's content; called only while the group is open. */
	render: (content: HTMLElement) => void;
	/** Extra controls at the end of the header (buttons). */
	decorate?: (header: HTMLElement) => void;
	cls?: string;
}

/** Keyboard activation for elements that act as buttons: Enter and Space. */
export function onActivate(el: HTMLElement, action: (event: MouseEvent | KeyboardEvent) => void): void {
	el.addEventListener("click", (event) => action(event));
	el.addEventListener("keydown", (event) => {
		if ((event.key === "Enter" || event.key === " ") && event.target === el) {
			event.preventDefault();
			action(event);
		}
	});
}

export function isOpen(state: DashboardState, id: string, defaultOpen: boolean): boolean {
	return state.expanded[id] ?? defaultOpen;
}

/**
 * A collapsible group. Its header holds a toggle button (the group's title and figures: its whole
 * accessible name) and, beside it, the group's own controls; nothing interactive sits inside
 * another. A closed group renders only its header: its content is drawn the first time it is
 * opened, so a large model costs little to show.
 */
export function renderGroup(parent: HTMLElement, options: GroupOptions): HTMLElement {
	const group = parent.createDiv({ cls: ["gopherchina-group", "tree-item", ...(options.cls ? [options.cls] : [])] });
	const header = group.createDiv({ cls: "gopherchina-group-header tree-item-self" });
	setRow(header);
	const open = isOpen(options.state, options.id, options.defaultOpen);
	const contentId = uniqueId("group");
	const toggle = header.createEl("button", { cls: "gopherchina-group-toggle", attr: { "aria-expanded": String(open), "aria-controls": contentId } });
	setStop(toggle, `group:${options.id}`);
	toggle.dataset.group = options.id;
	const icon = toggle.createSpan({ cls: "gopherchina-collapse-icon tree-item-icon collapse-icon" });
	setIcon(icon, "right-triangle");
	toggle.createSpan({ cls: "gopherchina-group-title tree-item-inner", text: options.title, attr: { title: options.title } });
	if (options.meta) {
		toggle.createSpan({ cls: "gopherchina-group-meta", text: options.meta });
	}
	options.decorate?.(header);
	group.toggleClass("is-collapsed", !open);
	const content = group.createDiv({ cls: "gopherchina-group-content tree-item-children", attr: { id: contentId } });
	if (open) {
		options.render(content);
	}
	toggle.addEventListener("click", () => {
		const next = !isOpen(options.state, options.id, options.defaultOpen);
		options.state.expanded[options.id] = next;
		toggle.setAttr("aria-expanded", String(next));
		group.toggleClass("is-collapsed", !next);
		content.empty();
		if (next) {
			options.render(content);
		}
		options.onToggle();
	});
	return group;
}

/**
 * Draws the first rows of a long list, then "Show N more" (the next page) and "Show all N". Focus
 * goes to the first row drawn after the click, so a keyboard user goes on where the list went on.
 */
export function renderRows<T>(parent: HTMLElement, rows: readonly T[], id: string, state: DashboardState, draw: (parent: HTMLElement, row: T) => void, name: string | null = null): void {
	let shown = Math.max(PAGE_SIZE, state.shown[id] ?? PAGE_SIZE);
	for (const row of rows.slice(0, shown)) {
		draw(parent, row);
	}
	if (rows.length <= shown) {
		return;
	}
	const bar = parent.createDiv({ cls: "gopherchina-show-more-row" });
	setRow(bar);
	const more = bar.createEl("button", { cls: "gopherchina-show-more" });
	setStop(more, `more:${id}`);
	const all = bar.createEl("button", { cls: "gopherchina-show-more gopherchina-show-all" });
	setFocusKey(all, `all:${id}`);
	const label = (): void => {
		const moreText = t("group.showMore", { count: Math.min(PAGE_SIZE, rows.length - shown) });
		const allText = t("group.showAll", { count: rows.length });
		more.setText(moreText);
		all.setText(allText);
		// With several groups open, the names say which list they go on with.
		if (name !== null) {
			more.setAttr("aria-label", t("label.of", { text: moreText, name }));
			all.setAttr("aria-label", t("label.of", { text: allText, name }));
		}
		all.toggle(rows.length - shown > PAGE_SIZE);
	};
	label();
	const showUpTo = (next: number): void => {
		const first = parent.childNodes.length;
		const holder = createDiv();
		for (const row of rows.slice(shown, next)) {
			draw(holder, row);
		}
		while (holder.firstChild) {
			parent.insertBefore(holder.firstChild, bar);
		}
		shown = next;
		state.shown[id] = shown;
		// The first stop drawn: a new page may start with a heading line or a track's title.
		let stop: HTMLElement | null = null;
		for (const node of Array.from(parent.childNodes).slice(first - 1)) {
			if (node === bar || !node.instanceOf(HTMLElement)) {
				continue;
			}
			stop = node.matches("[data-nav]") ? node : node.querySelector<HTMLElement>("[data-nav]");
			if (stop) {
				break;
			}
		}
		if (shown >= rows.length) {
			bar.remove();
		} else {
			label();
		}
		if (stop) {
			focusQuietly(stop);
		}
	};
	more.addEventListener("click", () => showUpTo(Math.min(rows.length, shown + PAGE_SIZE)));
	all.addEventListener("click", () => showUpTo(rows.length));
}
