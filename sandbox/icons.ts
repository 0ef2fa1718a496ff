import { addIcon as registerIcon, setIcon as drawIcon } from "obsidian-test-mocks/obsidian";

/**
 * `setIcon` as the app does it: an icon's SVG is parsed once and each use gets a copy. The mocks
 * parse the SVG text on every call, which made the sandbox's first draw spend a tenth of its time
 * on the icons of its buttons, a cost the app does not have.
 */
const parsed = new Map<string, HTMLElement>();

export function setIcon(parent: HTMLElement, iconId: string): void {
	let drawn = parsed.get(iconId);
	if (drawn === undefined) {
		drawn = createDiv();
		drawIcon(drawn, iconId);
		parsed.set(iconId, drawn);
	}
	if (drawn.firstChild === null) {
		// An icon no one registered: the mocks leave the element as it is.
		return;
	}
	parent.empty();
	for (const node of Array.from(drawn.childNodes)) {
		parent.appendChild(node.cloneNode(true));
	}
}

/** Registers an icon (forgetting the one parsed before under its name). */
export function addIcon(iconId: string, svgContent: string): void {
	parsed.delete(iconId);
	registerIcon(iconId, svgContent);
}
