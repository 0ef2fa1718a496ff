/**
 * Keyboard focus in the dashboard: which element had it, so that a redraw can give it back (or to
 * the nearest sensible element), and the lists' roving tab stop, walked with the arrow keys.
 *
 * Every element that can hold focus across a redraw carries a focus key (`data-focus-key`), made
 * from what it stands for (an item's note and line, a talk, a group), never from its position.
 * In a list, the stops (`data-nav`) are the one control of each row that stands for the row: a
 * study item's checkbox, a question's text, a talk's title, a group's toggle. A row (`data-row`) may
 * hold more controls (a PDF button, links); Tab reaches those of the current row only.
 */

/** How many stops on either side of the focused one are remembered as fallbacks. */
const NEIGHBOURS = 8;

let lastId = 0;

/** An id unique in the document, for `aria-controls`, `aria-labelledby` and `aria-describedby`. */
export function uniqueId(prefix: string): string {
	lastId++;
	return `gopherchina-${prefix}-${lastId}`;
}

export function setFocusKey(el: HTMLElement, key: string): void {
	el.dataset.focusKey = key;
}

/** A list stop: the control that stands for its row (or group), walked with the arrow keys. */
export function setStop(el: HTMLElement, key: string): void {
	el.dataset.focusKey = key;
	el.dataset.nav = "";
	// Focusable from the start (out of the tab order until the list makes it its stop).
	el.tabIndex = -1;
}

/** What a row does on Enter (when its stop does not act on Enter itself) and on the menu key. */
export interface RowActions {
	open?: (event: KeyboardEvent) => void;
	menu?: (position: { x: number; y: number }) => void;
}

const rowActions = new WeakMap<HTMLElement, RowActions>();

/** Marks a row: its stop and its other controls move together in the tab order. */
export function setRow(el: HTMLElement, actions: RowActions = {}): void {
	el.dataset.row = "";
	rowActions.set(el, actions);
}

export interface FocusMemory {
	/** The focused element's key, then its row's stop, then stops after it and before it. */
	keys: string[];
	/** The text selection of a focused text field. */
	selection: [number | null, number | null] | null;
}

/** A focus key's kind: `item`, `talk`, `group`… (what comes before its first colon). */
function kindOf(key: string): string {
	return key.slice(0, key.indexOf(":") + 1);
}

function keyed(el: Element | null): HTMLElement | null {
	return el instanceof HTMLElement ? el.closest<HTMLElement>("[data-focus-key]") : null;
}

/** Which keyed element in `root` has focus, and which would do instead if it is gone after a redraw. */
export function captureFocus(root: HTMLElement): FocusMemory | null {
	const active = root.ownerDocument.activeElement;
	const own = keyed(active);
	if (own === null || !root.contains(own)) {
		return null;
	}
	const keys = [own.dataset.focusKey ?? ""];
	const rowStop = own.closest<HTMLElement>("[data-row]")?.querySelector<HTMLElement>("[data-nav]");
	if (rowStop && rowStop !== own) {
		keys.push(rowStop.dataset.focusKey ?? "");
	}
	const stops = Array.from(root.querySelectorAll<HTMLElement>("[data-nav]"));
	const at = stops.indexOf(rowStop ?? own);
	if (at !== -1) {
		// The next stop of the same kind first (the item that takes a checked-off item's place),
		// then the nearest stops after and before it of any kind.
		const after = stops.slice(at + 1, at + 1 + NEIGHBOURS).map((stop) => stop.dataset.focusKey ?? "");
		const before = stops.slice(Math.max(0, at - NEIGHBOURS), at).reverse().map((stop) => stop.dataset.focusKey ?? "");
		const kind = kindOf(keys[keys.length - 1] ?? "");
		keys.push(...after.filter((key) => kindOf(key) === kind), ...before.filter((key) => kindOf(key) === kind), ...after, ...before);
		// When a whole group goes (its note renamed or deleted), the next group, else the one before.
		const isGroup = (stop: HTMLElement): boolean => (stop.dataset.focusKey ?? "").startsWith("group:");
		const nextGroup = stops.slice(at + 1).find(isGroup);
		const previousGroup = stops.slice(0, at).reverse().find(isGroup);
		for (const stop of [nextGroup, previousGroup]) {
			if (stop) {
				keys.push(stop.dataset.focusKey ?? "");
			}
		}
	}
	const selection = own.instanceOf(HTMLInputElement) && own.type === "search" ? ([own.selectionStart, own.selectionEnd] as [number | null, number | null]) : null;
	return { keys, selection };
}

/** Gives focus back after a redraw: to the same element, else the nearest one that is still there. */
export function restoreFocus(root: HTMLElement, memory: FocusMemory | null, fallback: string[] = []): HTMLElement | null {
	if (memory === null) {
		return null;
	}
	const byKey = new Map<string, HTMLElement>();
	for (const el of Array.from(root.querySelectorAll<HTMLElement>("[data-focus-key]"))) {
		const key = el.dataset.focusKey ?? "";
		if (!byKey.has(key)) {
			byKey.set(key, el);
		}
	}
	for (const key of [...memory.keys, ...fallback]) {
		const el = byKey.get(key);
		if (el && !(el as HTMLButtonElement).disabled) {
			focusQuietly(el);
			if (key === memory.keys[0] && memory.selection && el.instanceOf(HTMLInputElement)) {
				el.setSelectionRange(memory.selection[0], memory.selection[1]);
			}
			return el;
		}
	}
	return null;
}

/**
 * Focuses without jumping the scroll position, and scrolls only as far as it takes to show the element
 * below the sticky header (or above the bottom edge).
 */
export function focusQuietly(el: HTMLElement): void {
	el.focus({ preventScroll: true });
	const scroller = el.closest<HTMLElement>(".gopherchina-dashboard");
	// The sticky header is always in view.
	if (!scroller || el.closest(".gopherchina-sticky") !== null) {
		return;
	}
	const box = el.getBoundingClientRect();
	const view = scroller.getBoundingClientRect();
	if (view.height === 0 || scroller.scrollHeight <= scroller.clientHeight) {
		return;
	}
	const sticky = scroller.querySelector<HTMLElement>(":scope > .gopherchina-sticky")?.getBoundingClientRect().height ?? 0;
	const margin = 4;
	const top = view.top + sticky + margin;
	const bottom = view.top + scroller.clientHeight - margin;
	if (box.top < top) {
		const next = scroller.scrollTop - (top - box.top);
		// Near the top, all the way: nothing is left half hidden above the first row.
		scroller.scrollTop = next <= 2 * margin ? 0 : next;
	} else if (box.bottom > bottom) {
		scroller.scrollTop += Math.min(box.bottom - bottom, box.top - top);
	}
}

/**
 * Runs a button's action once at a time. While it runs the button says it is busy (`aria-disabled`,
 * `aria-busy`) and ignores clicks, but keeps focus: a disabled button would drop it to the page.
 */
export function onClickOnce(button: HTMLButtonElement, action: () => Promise<unknown>): void {
	let busy = false;
	button.addEventListener("click", () => {
		if (busy) {
			return;
		}
		busy = true;
		button.setAttrs({ "aria-disabled": "true", "aria-busy": "true" });
		void action().finally(() => {
			busy = false;
			button.removeAttribute("aria-disabled");
			button.removeAttribute("aria-busy");
		});
	});
}

/** Below a control: where a menu opened from the keyboard goes. */
export function placeBelow(el: HTMLElement): { x: number; y: number } {
	const box = el.getBoundingClientRect();
	return { x: box.left, y: box.bottom };
}

const FOCUSABLE = "button, a[href], input, select, textarea, [tabindex]";
/** True for an element that takes focus by its kind or its tab index. */
function isFocusable(el: Element): boolean {
	switch (el.tagName) {
		case "BUTTON":
		case "INPUT":
		case "SELECT":
		case "TEXTAREA":
			return true;
		case "A":
			return el.hasAttribute("href") || el.hasAttribute("tabindex");
		default:
			return el.hasAttribute("tabindex");
	}
}

/**
 * The controls the roving stop governs below `root`: every stop, and every focusable element inside
 * a row. One walk over the elements (a selector with descendant parts costs far more on a long list).
 */
function governed(root: Element, inRow = root.closest("[data-row]") !== null): HTMLElement[] {
	const found: HTMLElement[] = [];
	const walk = (node: Element, row: boolean): void => {
		for (let child = node.firstElementChild; child !== null; child = child.nextElementSibling) {
			if (child.hasAttribute("data-nav") || (row && isFocusable(child))) {
				found.push(child as HTMLElement);
			}
			walk(child, row || child.hasAttribute("data-row"));
		}
	};
	walk(root, inRow);
	return found;
}

/**
 * The lists' roving tab stop: one stop of the list is in the tab order (the last one used, else the
 * first), and with it the other controls of its row. Arrow keys walk the stops; Home and End go to
 * the first and last; Right opens a closed group and Left closes an open one or goes to the group
 * of a row; Enter opens a row whose stop does not act on Enter; the menu key opens the row's menu.
 * Elements drawn later (a group opened, more rows shown) join with tabindex -1.
 */
export class RovingStops {
	private current: HTMLElement | null = null;
	private readonly observer: MutationObserver | null;

	constructor(
		private readonly list: HTMLElement,
		/** The key of the stop that had the tab stop before a redraw. */
		private currentKey: string | null,
		private readonly onCurrent: (key: string) => void,
	) {
		list.addEventListener("keydown", (event) => this.onKey(event));
		list.addEventListener("focusin", (event) => this.onFocus(event.target));
		this.observer = typeof MutationObserver === "function" ? new MutationObserver((records) => this.adopt(records)) : null;
		this.observer?.observe(list, { childList: true, subtree: true });
		this.sync();
	}

	disconnect(): void {
		this.observer?.disconnect();
	}

	private stops(): HTMLElement[] {
		return Array.from(this.list.querySelectorAll<HTMLElement>("[data-nav]")).filter((el) => !(el as HTMLButtonElement).disabled);
	}

	/** Takes every stop and row control out of the tab order but the current stop and its row. */
	sync(): void {
		const stops = this.stops();
		for (const el of governed(this.list, false)) {
			el.tabIndex = -1;
		}
		let current = null;
		if (this.currentKey !== null) {
			current = stops.find((el) => el.dataset.focusKey === this.currentKey) ?? null;
		}
		this.setCurrent(current ?? stops[0] ?? null);
	}

	private adopt(records: MutationRecord[]): void {
		for (const record of records) {
			for (const node of Array.from(record.addedNodes)) {
				if (!(node.instanceOf(HTMLElement))) {
					continue;
				}
				const controls = [...(node.hasAttribute("data-nav") ? [node] : []), ...governed(node)];
				if (node.closest("[data-row]") !== null && isFocusable(node)) {
					controls.push(node);
				}
				for (const el of controls) {
					if (!this.inCurrentRow(el)) {
						el.tabIndex = -1;
					}
				}
			}
		}
		if (this.current === null || !this.current.isConnected) {
			const stops = this.stops();
			this.setCurrent(stops.find((el) => el.dataset.focusKey === this.currentKey) ?? stops[0] ?? null);
		}
	}

	private inCurrentRow(el: HTMLElement): boolean {
		if (this.current === null) {
			return false;
		}
		const row = this.current.closest("[data-row]");
		return el === this.current || (row !== null && row.contains(el));
	}

	private setCurrent(stop: HTMLElement | null): void {
		const previous = this.current;
		if (previous === stop) {
			if (stop) {
				stop.tabIndex = 0;
			}
			return;
		}
		if (previous) {
			previous.tabIndex = -1;
			for (const el of this.rowControls(previous)) {
				el.tabIndex = -1;
			}
		}
		this.current = stop;
		if (stop) {
			stop.tabIndex = 0;
			for (const el of this.rowControls(stop)) {
				el.tabIndex = 0;
			}
			const key = stop.dataset.focusKey ?? null;
			if (key !== null && key !== this.currentKey) {
				this.currentKey = key;
				this.onCurrent(key);
			}
		}
	}

	private rowControls(stop: HTMLElement): HTMLElement[] {
		const row = stop.closest<HTMLElement>("[data-row]");
		if (row === null) {
			return [];
		}
		return Array.from(row.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el !== stop && !el.matches("[data-nav]") && el.closest("[data-row]") === row);
	}

	private stopOf(target: EventTarget | null): HTMLElement | null {
		if (!(target instanceof HTMLElement) || !this.list.contains(target)) {
			return null;
		}
		const stop = target.closest<HTMLElement>("[data-nav]");
		if (stop) {
			return stop;
		}
		return target.closest<HTMLElement>("[data-row]")?.querySelector<HTMLElement>("[data-nav]") ?? null;
	}

	private onFocus(target: EventTarget | null): void {
		const stop = this.stopOf(target);
		if (stop) {
			this.setCurrent(stop);
		}
	}

	private move(to: HTMLElement | undefined, event: KeyboardEvent): void {
		event.preventDefault();
		if (to) {
			this.setCurrent(to);
			focusQuietly(to);
		}
	}

	private onKey(event: KeyboardEvent): void {
		if (event.altKey || event.ctrlKey || event.metaKey) {
			return;
		}
		const target = event.target as HTMLElement;
		const stop = this.stopOf(target);
		if (stop === null) {
			return;
		}
		const stops = this.stops();
		const at = stops.indexOf(stop);
		const row = stop.closest<HTMLElement>("[data-row]");
		const expanded = stop.getAttribute("aria-expanded");
		switch (event.key) {
			case "ArrowDown":
				this.move(stops[at + 1], event);
				return;
			case "ArrowUp":
				this.move(stops[at - 1], event);
				return;
			case "Home":
				this.move(stops[0], event);
				return;
			case "End":
				this.move(stops[stops.length - 1], event);
				return;
			case "ArrowRight":
				if (target === stop && expanded === "false") {
					event.preventDefault();
					stop.click();
					return;
				}
				if (target === stop && expanded === "true") {
					this.move(stops[at + 1], event);
					return;
				}
				this.moveInRow(row, target, 1, event);
				return;
			case "ArrowLeft":
				if (target === stop && expanded === "true") {
					event.preventDefault();
					stop.click();
					return;
				}
				if (target !== stop) {
					this.moveInRow(row, target, -1, event);
					return;
				}
				this.move(this.groupStopOf(stop), event);
				return;
			case "Enter": {
				const open = row ? rowActions.get(row)?.open : undefined;
				if (target === stop && open && target.instanceOf(HTMLInputElement)) {
					event.preventDefault();
					open(event);
				}
				return;
			}
			case "ContextMenu":
				this.openMenu(row, target, event);
				return;
			case "F10":
				if (event.shiftKey) {
					this.openMenu(row, target, event);
				}
				return;
		}
	}

	private openMenu(row: HTMLElement | null, target: HTMLElement, event: KeyboardEvent): void {
		const menu = row ? rowActions.get(row)?.menu : undefined;
		if (menu) {
			event.preventDefault();
			menu(placeBelow(target));
		}
	}

	private moveInRow(row: HTMLElement | null, target: HTMLElement, step: number, event: KeyboardEvent): void {
		if (row === null || target.instanceOf(HTMLInputElement) && target.type !== "checkbox") {
			return;
		}
		const stop = row.querySelector<HTMLElement>("[data-nav]");
		const controls = [...(stop ? [stop] : []), ...(stop ? this.rowControls(stop) : [])];
		const at = controls.indexOf(target);
		const next = controls[at + step];
		if (at !== -1 && next) {
			event.preventDefault();
			focusQuietly(next);
		}
	}

	/** The toggle of the group a row is in. */
	private groupStopOf(stop: HTMLElement): HTMLElement | undefined {
		const group = stop.closest(".gopherchina-group-content")?.closest(".gopherchina-group");
		return group?.querySelector<HTMLElement>(":scope > .gopherchina-group-header [data-nav]") ?? undefined;
	}
}
