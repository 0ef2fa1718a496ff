/** Loads the real plugin into the in-memory runtime, with views that open as the app opens them. */
import { readFileSync } from "fs";
import { join } from "path";
import type { PluginManifest, View, ViewCreator } from "obsidian";
import { WorkspaceLeaf } from "obsidian-test-mocks/obsidian";
import GopherChinaDashboardPlugin from "../../src/main";
import { settle } from "./harness";
import { createRuntime, type Runtime } from "./runtime";

export const MANIFEST = JSON.parse(readFileSync(join(__dirname, "..", "..", "manifest.json"), "utf8")) as PluginManifest;

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

let patched = false;
const creators: Array<Map<string, ViewCreator>> = [];

/** Makes `leaf.setViewState` create, attach and open the registered view, as the app does. */
function patchLeaves(): void {
	if (patched) {
		return;
	}
	patched = true;
	const proto = WorkspaceLeaf.prototype as unknown as {
		setViewState: (this: LeafInternals, state: { type: string; state?: unknown }, eState?: unknown) => Promise<void>;
		detach: (this: LeafInternals) => void;
	};
	interface LeafInternals {
		view: View | null;
	}
	const setViewState = proto.setViewState;
	const detach = proto.detach;
	proto.setViewState = async function (state, eState) {
		await setViewState.call(this, state, eState);
		const creator = creators.map((map) => map.get(state.type)).find((entry) => entry !== undefined);
		if (creator && this.view?.getViewType() !== state.type) {
			const view = creator(this as unknown as import("obsidian").WorkspaceLeaf);
			this.view = view;
			document.body.appendChild(view.containerEl);
			view.load();
			await (view as unknown as { onOpen: () => Promise<void> }).onOpen();
		}
		if (state.state !== undefined && this.view) {
			await this.view.setState(state.state, { history: false });
		}
	};
	proto.detach = function () {
		const view = this.view;
		if (view) {
			void (view as unknown as { onClose: () => Promise<void> }).onClose();
			view.unload();
			view.containerEl.remove();
			this.view = null;
		}
		detach.call(this);
	};
}

export async function loadPlugin(files: Record<string, string>, data: unknown = {}, runtime: Runtime = createRuntime(files)): Promise<PluginHarness> {
	patchLeaves();
	const plugin = new GopherChinaDashboardPlugin(runtime.app, MANIFEST);
	const mock = plugin as unknown as MockPlugin;
	mock.data__ = data;
	creators.push(mock.views__);
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
	const at = creators.indexOf(harness.mock.views__);
	if (at !== -1) {
		creators.splice(at, 1);
	}
	document.body.empty();
}
