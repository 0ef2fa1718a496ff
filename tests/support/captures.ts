/** Metadata captured from the real Obsidian app, one JSON file per note. */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import type { CachedMetadata } from "obsidian";

export interface Capture {
	name: string;
	filePath: string;
	fileContents: string;
	cachedMetadata: CachedMetadata;
	getAllTags: string[] | null;
	parseFrontMatterTags: string[] | null;
}

export const BUNDLED_CAPTURES = join(__dirname, "..", "fixtures", "obsidian-captures");

/** The bundled captures, plus those in `OBSIDIAN_CAPTURES_DIR` when it is set. */
export function captureDirs(): string[] {
	const extra = process.env.OBSIDIAN_CAPTURES_DIR;
	return extra ? [BUNDLED_CAPTURES, extra] : [BUNDLED_CAPTURES];
}

export function loadCaptures(dirs: string[] = captureDirs()): Capture[] {
	const captures: Capture[] = [];
	for (const dir of dirs) {
		for (const file of readdirSync(dir).filter((name) => name.endsWith(".json")).sort()) {
			const data = JSON.parse(readFileSync(join(dir, file), "utf8")) as Omit<Capture, "name">;
			captures.push({ ...data, name: dir === BUNDLED_CAPTURES ? file : join(dir, file) });
		}
	}
	return captures;
}
