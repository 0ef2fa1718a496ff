/**
 * The in-memory Obsidian, bundled for a real browser: starts the runtime over a vault, loads the
 * plugin from the built `main.js` text, and opens the dashboard in the page's leaf frame (a sidebar or a
 * main-area tab).
 */
import * as obsidian from "obsidian";
import { setup } from "obsidian-test-mocks/setup";
import type { ViewCreator } from "obsidian";
import { createRuntime, type Runtime } from "../runtime";
import { registerViewCreators, setViewHost } from "../views";
import { countNodes } from "../dom-count";

export interface StartOptions {
	files: Record<string, string>;
	mainJs: string;
	manifest: Record<string, unknown>;
	data: Record<string, unknown>;
}

interface PluginLike {
	load(): void;
	index: { ready: boolean };
	views__: Map<string, ViewCreator>;
	data__: unknown;
	commands__: Map<string, { callback?: () => unknown }>;
}

async function tick(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Simple line icons standing in for the app's built-in ones (the mocks ship none). */
const ICONS: Record<string, string> = {
	"right-triangle": '<path d="M9 6l6 6-6 6"/>',
	"refresh-cw": '<path d="M21 12a9 9 0 0 1-15.5 6.2L3 16"/><path d="M3 12a9 9 0 0 1 15.5-6.2L21 8"/><path d="M21 3v5h-5"/><path d="M3 21v-5h5"/>',
	download: '<path d="M12 3v12"/><path d="M7 10l5 5 5-5"/><path d="M5 21h14"/>',
	"file-text": '<path d="M14 3H6v18h12V7z"/><path d="M14 3v4h4"/><path d="M9 13h6M9 17h6"/>',
	"external-link": '<path d="M14 4h6v6"/><path d="M20 4l-9 9"/><path d="M18 14v6H4V6h6"/>',
	presentation: '<path d="M3 4h18v12H3z"/><path d="M12 16v4M8 20h8"/>',
	"list-plus": '<path d="M11 12H3M16 6H3M16 18H3M18 9v6M21 12h-6"/>',
	"link-2": '<path d="M9 17H7A5 5 0 0 1 7 7h2M15 7h2a5 5 0 1 1 0 10h-2M8 12h8"/>',
};

export async function start(options: StartOptions): Promise<void> {
	setup();
	for (const [id, paths] of Object.entries(ICONS)) {
		obsidian.addIcon(id, `<svg class="svg-icon" viewBox="0 0 24 24" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`);
	}
	const runtime: Runtime = createRuntime(options.files);
	const module = { exports: {} as Record<string, unknown> };
	const load = new Function("module", "exports", "require", options.mainJs) as (m: typeof module, e: unknown, r: (name: string) => unknown) => void;
	load(module, module.exports, (name) => {
		if (name === "obsidian") {
			return obsidian;
		}
		throw new Error(`main.js asked for ${name}, which Obsidian does not provide`);
	});
	const PluginClass = module.exports.default as new (app: unknown, manifest: unknown) => PluginLike;
	const plugin = new PluginClass(runtime.app, options.manifest);
	plugin.data__ = options.data;
	setViewHost(() => document.querySelector<HTMLElement>('[data-type="gopherchina-dashboard"]') ?? document.body);
	registerViewCreators(plugin.views__);
	plugin.load();
	await tick();
	runtime.layoutReady();
	for (let i = 0; i < 200 && !plugin.index.ready; i++) {
		await tick();
	}
	// The first render: from the command until the pane has drawn its lists and is laid out.
	// The pane opens through a chain of promises; waiting on microtasks (not timers) keeps the
	// counts that are filled in a moment later out of this figure.
	const before = performance.now();
	plugin.commands__.get("open")?.callback?.();
	for (let i = 0; i < 10_000 && !document.querySelector(".gopherchina-body"); i++) {
		await Promise.resolve();
	}
	// Laid out too: the first paint waits for the layout, whether the pane forces it or not.
	document.querySelector(".gopherchina-dashboard")?.getBoundingClientRect();
	const firstRender = { ms: performance.now() - before, nodes: countNodes(document.querySelector(".gopherchina-dashboard")) };
	const leaves = (): Array<{ file__: { path: string } | null }> => (runtime.app.workspace as unknown as { leaves: Array<{ file__: { path: string } | null }> }).leaves;
	Object.assign(window, {
		gopherchina: {
			runtime,
			plugin,
			read: (path: string) => runtime.read(path),
			openedFiles: () => leaves().map((leaf) => leaf.file__?.path).filter((path) => path !== undefined),
			firstRender,
			ready: true,
		},
	});
}

Object.assign(window, { GopherChinaRuntime: { start } });

