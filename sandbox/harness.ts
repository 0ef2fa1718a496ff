/** Starts the real index on an in-memory runtime, as the plugin does once the layout is ready. */
import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative, sep } from "path";
import { VaultIndex } from "../src/index/vault-index";
import { createRuntime, type Runtime } from "./runtime";

export interface Harness {
	runtime: Runtime;
	index: VaultIndex;
	tags: string[];
}

export async function settle(index: VaultIndex): Promise<void> {
	for (let i = 0; i < 1000 && !index.ready; i++) {
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
	// Let pending reads of renamed or re-read notes finish too.
	await new Promise((resolve) => setTimeout(resolve, 0));
}

export async function startIndex(runtime: Runtime, tags: string[] = ["gopherchina"]): Promise<Harness> {
	const { metadataCache, vault, workspace } = runtime.app;
	const harness: Harness = { runtime, index: undefined as unknown as VaultIndex, tags };
	harness.index = new VaultIndex({ metadataCache, vault, workspace }, { trackedTags: () => harness.tags, announceDelay: 0 });
	harness.index.load();
	runtime.layoutReady();
	await settle(harness.index);
	return harness;
}

export async function indexFiles(files: Record<string, string>, tags?: string[]): Promise<Harness> {
	return startIndex(createRuntime(files), tags);
}

/**
 * Every file below a folder, as vault path → text. Folders starting with `.` are left out; a file
 * that cannot be read is reported through `onSkip` and left out.
 */
export function readVaultFolder(dir: string, onSkip: (path: string, reason: string) => void = () => undefined): Record<string, string> {
	const files: Record<string, string> = {};
	const walk = (folder: string): void => {
		let names: string[];
		try {
			names = readdirSync(folder).sort();
		} catch (error) {
			onSkip(relative(dir, folder), error instanceof Error ? error.message : String(error));
			return;
		}
		for (const name of names) {
			if (name.startsWith(".")) {
				continue;
			}
			const full = join(folder, name);
			const path = relative(dir, full).split(sep).join("/");
			try {
				if (statSync(full).isDirectory()) {
					walk(full);
				} else {
					files[path] = readFileSync(full, "utf8");
				}
			} catch (error) {
				onSkip(path, error instanceof Error ? error.message : String(error));
			}
		}
	};
	walk(dir);
	return files;
}
