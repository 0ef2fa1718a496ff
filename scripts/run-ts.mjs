// Runs a TypeScript entry point of this repository in Node: bundles it with esbuild (with
// `obsidian` meaning the in-memory Obsidian of sandbox/) into .cache/ and runs the bundle.
import { build } from "esbuild";
import { spawnSync } from "child_process";
import { mkdirSync } from "fs";
import { basename, resolve } from "path";

// Node's own flags (`--expose-gc`, `--cpu-prof`) come before the entry point.
const given = process.argv.slice(2);
const nodeFlags = [];
while (given[0]?.startsWith("--")) {
	nodeFlags.push(given.shift());
}
const [entry, ...args] = given;
if (!entry) {
	console.error("usage: node scripts/run-ts.mjs [node flags…] <entry.ts> [args…]");
	process.exit(2);
}
mkdirSync(".cache", { recursive: true });
const outfile = resolve(".cache", basename(entry).replace(/\.ts$/, ".cjs"));
await build({
	entryPoints: [entry],
	bundle: true,
	platform: "node",
	format: "cjs",
	target: "node20",
	outfile,
	alias: { obsidian: resolve("sandbox/obsidian.ts") },
	external: ["jsdom", "playwright-core", "esbuild"],
	logLevel: "error",
	sourcemap: "inline",
});
const result = spawnSync(process.execPath, ["--enable-source-maps", ...nodeFlags, outfile, ...args], { stdio: "inherit" });
process.exit(result.status ?? 1);
