import { setIcon } from "obsidian";
import { t } from "../i18n";
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
 * A collapsible group. A closed group renders only its header: its content is drawn the first time
 * it is opened, so a large model costs little to show.
 */
export function renderGroup(parent: HTMLElement, options: GroupOptions): HTMLElement {
	const group = parent.createDiv({ cls: ["gopherchina-group", "tree-item", ...(options.cls ? [options.cls] : [])] });
	const header = group.createDiv({ cls: "gopherchina-group-header tree-item-self is-clickable" });
	const open = isOpen(options.state, options.id, options.defaultOpen);
	header.setAttr("role", "button");
	header.setAttr("tabindex", "0");
	header.setAttr("aria-expanded", String(open));
	header.setAttr("aria-label", t("group.toggle", { name: options.title }));
	header.dataset.group = options.id;
	const icon = header.createSpan({ cls: "gopherchina-collapse-icon tree-item-icon collapse-icon" });
	setIcon(icon, "right-triangle");
	header.createSpan({ cls: "gopherchina-group-title tree-item-inner", text: options.title });
	if (options.meta) {
		header.createSpan({ cls: "gopherchina-group-meta", text: options.meta });
	}
	options.decorate?.(header);
	group.toggleClass("is-collapsed", !open);
	const content = group.createDiv({ cls: "gopherchina-group-content tree-item-children" });
	if (open) {
		options.render(content);
	}
	onActivate(header, (event) => {
		if ((event.target as HTMLElement).closest("button, a, input") && event.target !== header) {
			return;
		}
		const next = !isOpen(options.state, options.id, options.defaultOpen);
		options.state.expanded[options.id] = next;
		header.setAttr("aria-expanded", String(next));
		group.toggleClass("is-collapsed", !next);
		content.empty();
		if (next) {
			options.render(content);
		}
		options.onToggle();
	});
	return group;
}

/** Draws the first rows of a long list and a "Show N more" button, which draws the next page. */
export function renderRows<T>(parent: HTMLElement, rows: readonly T[], id: string, state: DashboardState, draw: (parent: HTMLElement, row: T) => void): void {
	let shown = Math.max(PAGE_SIZE, state.shown[id] ?? PAGE_SIZE);
	for (const row of rows.slice(0, shown)) {
		draw(parent, row);
	}
	if (rows.length <= shown) {
		return;
	}
	const more = parent.createEl("button", { cls: "gopherchina-show-more" });
	const label = (): void => more.setText(t("group.showMore", { count: Math.min(PAGE_SIZE, rows.length - shown) }));
	label();
	more.addEventListener("click", () => {
		const next = Math.min(rows.length, shown + PAGE_SIZE);
		for (const row of rows.slice(shown, next)) {
			const holder = createDiv();
			draw(holder, row);
			while (holder.firstChild) {
				parent.insertBefore(holder.firstChild, more);
			}
		}
		shown = next;
		state.shown[id] = shown;
		if (shown >= rows.length) {
			more.remove();
		} else {
			label();
		}
	});
}
