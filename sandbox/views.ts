/**
 * Views that open as the app opens them: `leaf.setViewState` creates the registered view, attaches
 * it to the document and calls `onOpen`; `detach` closes and unloads it. The mocks only record state.
 */
import type { View, ViewCreator, WorkspaceLeaf as LeafType } from "obsidian";
import { WorkspaceLeaf } from "obsidian-test-mocks/obsidian";

const creators: Array<Map<string, ViewCreator>> = [];
let patched = false;

interface LeafInternals {
	view: View | null;
}

/** Where opened views are attached; tests use the body, the browser page a sidebar frame. */
let host: () => HTMLElement = () => document.body;

export function setViewHost(next: () => HTMLElement): void {
	host = next;
}

export function registerViewCreators(views: Map<string, ViewCreator>): void {
	patchLeaves();
	creators.push(views);
}

export function forgetViewCreators(views: Map<string, ViewCreator>): void {
	const at = creators.indexOf(views);
	if (at !== -1) {
		creators.splice(at, 1);
	}
}

function patchLeaves(): void {
	if (patched) {
		return;
	}
	patched = true;
	const proto = WorkspaceLeaf.prototype as unknown as {
		setViewState: (this: LeafInternals, state: { type: string; state?: unknown }, eState?: unknown) => Promise<void>;
		detach: (this: LeafInternals) => void;
	};
	const setViewState = proto.setViewState;
	const detach = proto.detach;
	proto.setViewState = async function (state, eState) {
		await setViewState.call(this, state, eState);
		const creator = creators.map((map) => map.get(state.type)).find((entry) => entry !== undefined);
		if (creator && this.view?.getViewType() !== state.type) {
			const view = creator(this as unknown as LeafType);
			this.view = view;
			host().appendChild(view.containerEl);
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
