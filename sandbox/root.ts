import { existsSync } from "fs";
import { dirname, join } from "path";

/** The repository root: the nearest folder above this file with a manifest.json (also when bundled). */
function findRoot(): string {
	let dir = __dirname;
	while (!existsSync(join(dir, "manifest.json")) && dirname(dir) !== dir) {
		dir = dirname(dir);
	}
	return dir;
}

export const ROOT = findRoot();
