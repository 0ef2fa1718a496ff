import { type IconName, setIcon, setTooltip } from "obsidian";
import { setFocusKey } from "./focus";

/** Names a control the same way for every reader: its accessible name, and its tooltip. */
export function nameControl(el: HTMLElement, label: string): void {
	el.setAttr("aria-label", label);
	setTooltip(el, label);
}

/**
 * A button that shows only an icon, named by `label` (see `nameControl`). `focusKey`, when given, lets
 * focus find the button again after a redraw.
 */
export function iconButton(parent: HTMLElement, cls: string, icon: IconName, label: string, focusKey: string | null = null): HTMLButtonElement {
	const button = parent.createEl("button", { cls: `clickable-icon ${cls}` });
	if (focusKey !== null) {
		setFocusKey(button, focusKey);
	}
	setIcon(button, icon);
	nameControl(button, label);
	return button;
}
