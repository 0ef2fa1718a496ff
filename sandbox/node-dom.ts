/**
 * A DOM for scripts that run the in-memory runtime outside jest: the Obsidian mocks need `window`,
 * `document` and the DOM classes. Import this module first.
 */
import { JSDOM } from "jsdom";

const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true, url: "http://localhost/" });
const scope = globalThis as Record<string, unknown>;
const source = dom.window as unknown as Record<string, unknown>;
for (const name of Object.getOwnPropertyNames(dom.window)) {
	if (name in scope) {
		continue;
	}
	const value = source[name];
	scope[name] = typeof value === "function" && /^[a-z]/.test(name) ? (value as (...args: unknown[]) => unknown).bind(dom.window) : value;
}
scope.window = dom.window;
scope.document = dom.window.document;
