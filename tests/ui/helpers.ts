import { join } from "path";
import { Menu, Notice } from "obsidian-test-mocks/obsidian";
import { VIEW_TYPE } from "../../src/ui/dashboard-view";
import { readVaultFolder } from "../../sandbox/harness";
import type { PluginHarness } from "../../sandbox/plugin-harness";

export const EXAMPLE_VAULT = join(__dirname, "..", "fixtures", "example-vault");
export const exampleFiles = (): Record<string, string> => readVaultFolder(EXAMPLE_VAULT);

export async function flush(times = 3): Promise<void> {
	for (let i = 0; i < times; i++) {
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
}

/** Waits past the index's debounce and the dashboard's redraw. */
export async function settleView(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 150));
	await flush();
}

export function pane(harness: PluginHarness): HTMLElement {
	const leaf = harness.runtime.app.workspace.getLeavesOfType(VIEW_TYPE)[0];
	const el = (leaf?.view as { contentEl?: HTMLElement } | undefined)?.contentEl;
	if (!el) {
		throw new Error("the dashboard is not open");
	}
	return el;
}

export function texts(root: ParentNode, selector: string): string[] {
	return Array.from(root.querySelectorAll(selector)).map((el) => el.textContent ?? "");
}

export function click(el: Element | null | undefined, init: MouseEventInit = {}): void {
	if (!el) {
		throw new Error("nothing to click");
	}
	el.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, ...init }));
}

export function itemRow(root: ParentNode, text: string): HTMLElement {
	const row = Array.from(root.querySelectorAll<HTMLElement>(".gopherchina-item")).find((el) => el.querySelector(".gopherchina-item-text")?.textContent === text);
	if (!row) {
		throw new Error(`no row ${text}; rows: ${texts(root, ".gopherchina-item-text").join(" | ")}`);
	}
	return row;
}

/** Notices shown since the last call, as text, with their elements. */
export function captureNotices(): { messages: () => string[]; elements: () => HTMLElement[] } {
	const shown: HTMLElement[] = [];
	const proto = Notice.prototype as unknown as { constructor__: (message: string | DocumentFragment) => void; messageEl: HTMLElement };
	const original = proto.constructor__;
	proto.constructor__ = function (this: { messageEl: HTMLElement }, message: string | DocumentFragment) {
		shown.push(this.messageEl);
		original.call(this, message);
	};
	return { messages: () => shown.map((el) => el.textContent ?? ""), elements: () => shown };
}

/** Records menus opened with showAtMouseEvent or (from the keyboard) showAtPosition. */
export function captureMenus(): Array<{ titles: string[]; click: (title: string) => void }> {
	const menus: Array<{ titles: string[]; click: (title: string) => void }> = [];
	const proto = Menu.prototype as unknown as { showAtMouseEvent: (event: MouseEvent) => unknown; showAtPosition: (position: unknown) => unknown };
	const record = function (this: { items__: Array<{ title__?: string; onClick__?: ((event: MouseEvent) => void) | null }> }): unknown {
		const titled = (item: { title__?: string }): boolean => {
			try {
				return typeof item.title__ === "string";
			} catch {
				// A separator has no title (the mocks throw on reading it).
				return false;
			}
		};
		const items = this.items__.filter(titled) as Array<{ title__: string; onClick__: ((event: MouseEvent) => void) | null }>;
		menus.push({
			titles: items.map((item) => item.title__),
			click: (title) => items.find((item) => item.title__ === title)?.onClick__?.(new MouseEvent("click")),
		});
		return this;
	};
	proto.showAtMouseEvent = record;
	proto.showAtPosition = record;
	return menus;
}

/** An element's accessible name: the text of the elements it is labelled by, else its label, else its text. */
export function accessibleName(el: Element): string {
	const labelled = el.getAttribute("aria-labelledby");
	if (labelled) {
		return labelled
			.split(" ")
			.map((id) => el.ownerDocument.querySelector(`[id="${id}"]`)?.textContent ?? "")
			.join(" ");
	}
	return el.getAttribute("aria-label") ?? el.textContent ?? "";
}
