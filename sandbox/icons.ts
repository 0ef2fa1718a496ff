import { addIcon as registerIcon, removeIcon as unregisterIcon, setIcon as drawIcon } from "obsidian-test-mocks/obsidian";

/**
 * `setIcon` as the app does it: an icon's SVG is parsed once and each use gets a copy. The mocks
 * parse the SVG text on every call, which made the sandbox's first draw spend a tenth of its time
 * on the icons of its buttons, a cost the app does not have.
 */
const parsed = new Map<string, { registered: boolean; nodes: readonly Node[] }>();

export function setIcon(parent: HTMLElement, iconId: string): void {
	let icon = parsed.get(iconId);
	if (icon === undefined) {
		// The mocks empty the element only for an icon they know: a placeholder tells which.
		const scratch = createDiv();
		const placeholder = scratch.appendChild(document.createComment(""));
		drawIcon(scratch, iconId);
		icon = { registered: placeholder.parentNode === null, nodes: Array.from(scratch.childNodes) };
		parsed.set(iconId, icon);
	}
	if (!icon.registered) {
		// An icon no one registered: the element is left as it is.
		return;
	}
	parent.empty();
	for (const node of icon.nodes) {
		parent.appendChild(node.cloneNode(true));
	}
}

/** Registers an icon (forgetting the one parsed before under its name). */
export function addIcon(iconId: string, svgContent: string): void {
	parsed.delete(iconId);
	registerIcon(iconId, svgContent);
}

export function removeIcon(iconId: string): void {
	parsed.delete(iconId);
	unregisterIcon(iconId);
}
