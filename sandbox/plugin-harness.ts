/** Loads the real plugin into the in-memory runtime, with views that open as the app opens them. */
import { readFileSync } from "fs";
import { join } from "path";
import type { PluginManifest, ViewCreator } from "obsidian";
import GopherChinaDashboardPlugin from "../src/main";
import { settle } from "./harness";
import { ROOT } from "./root";
import { createRuntime, type Runtime } from "./runtime";
import { forgetViewCreators, registerViewCreators } from "./views";

export const MANIFEST = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")) as PluginManifest;

interface MockPlugin {
	data__: unknown;
	views__: Map<string, ViewCreator>;
	commands__: Map<string, { callback?: () => unknown }>;
	markdownCodeBlockProcessors__: Map<string, unknown>;
	ribbonActions__: HTMLElement[];
}

export interface PluginHarness {
	runtime: Runtime;
	plugin: GopherChinaDashboardPlugin;
	mock: MockPlugin;
	command(id: string): Promise<void>;
}

export async function loadPlugin(files: Record<string, string>, data: unknown = {}, runtime: Runtime = createRuntime(files)): Promise<PluginHarness> {
	const plugin = new GopherChinaDashboardPlugin(runtime.app, MANIFEST);
	const mock = plugin as unknown as MockPlugin;
	mock.data__ = data;
	registerViewCreators(mock.views__);
	plugin.load();
	await new Promise((resolve) => setTimeout(resolve, 0));
	runtime.layoutReady();
	await settle(plugin.index);
	return {
		runtime,
		plugin,
		mock,
		async command(id) {
			const command = mock.commands__.get(id);
			if (!command?.callback) {
				throw new Error(`no command ${id}`);
			}
			command.callback();
			await new Promise((resolve) => setTimeout(resolve, 0));
			await new Promise((resolve) => setTimeout(resolve, 0));
		},
	};
}

/** Unloads the plugin and forgets its views. */
export function unloadPlugin(harness: PluginHarness): void {
	harness.plugin.unload();
	forgetViewCreators(harness.mock.views__);
	document.body.empty();
}
