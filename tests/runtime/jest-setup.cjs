// Obsidian's DOM helpers (createDiv, setText, …) exist only where there is a DOM: jsdom tests.
if (typeof document !== "undefined") {
	require("obsidian-test-mocks/jest-setup");
}
