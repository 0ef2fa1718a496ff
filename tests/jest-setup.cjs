// Obsidian's DOM helpers (createDiv, setText, …) exist only where there is a DOM: jsdom tests.
if (typeof document !== "undefined") {
	require("obsidian-test-mocks/jest-setup");
	// jsdom lays nothing out, so offsetParent is always null and every element would count as hidden.
	// An element counts as shown here when it is in the document and no ancestor is hidden.
	Object.defineProperty(HTMLElement.prototype, "offsetParent", {
		configurable: true,
		get() {
			if (!this.isConnected) {
				return null;
			}
			const hidden = (el) => el !== null && (el.hidden || el.style.display === "none" || hidden(el.parentElement));
			return hidden(this) ? null : this.parentElement;
		},
	});
}
