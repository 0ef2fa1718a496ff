/**
 * `setTooltip` as the app does it: the tooltip text becomes the element's `aria-label` (Obsidian
 * shows a tooltip for any element with one), so a tooltip is also the element's accessible name.
 * The mocks do nothing, which would hide that from the accessibility checks.
 */
export function setTooltip(el: HTMLElement, tooltip: string, options?: { placement?: string; delay?: number }): void {
	el.setAttribute("aria-label", tooltip);
	if (options?.placement !== undefined && options.placement !== "bottom") {
		el.setAttribute("data-tooltip-position", options.placement);
	}
	if (options?.delay !== undefined) {
		el.setAttribute("data-tooltip-delay", String(options.delay));
	}
}
