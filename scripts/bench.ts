/**
 * `npm run bench [-- --notes N --seed S --json]`: the plugin's performance over a synthetic vault.
 * Prints medians over repeated runs in one process (times in ms), and ratios measured in the same run.
 */
import "../sandbox/node-dom";
import { spawnSync } from "child_process";
import { existsSync, readdirSync, statSync } from "fs";
import { join } from "path";
import type { CachedMetadata, MetadataCache, Vault, Workspace } from "obsidian";
import { setup } from "obsidian-test-mocks/setup";
import { VaultIndex } from "../src/index/vault-index";
import { CheckoffAction } from "../src/ui/checkoff-action";
import { Dashboard } from "../src/ui/dashboard";
import { PdfActions } from "../src/ui/pdf-actions";
import { defaultState } from "../src/ui/state";
import { normalizeSettings } from "../src/settings";
import type { DashboardContext } from "../src/ui/services";
import { CHROMIUM_MISSING, findChromium, launchChromium, ROOT } from "../sandbox/browser/page";
import { settle } from "../sandbox/harness";
import { buildMetadata } from "../sandbox/metadata-builder";
import { loadPlugin, unloadPlugin } from "../sandbox/plugin-harness";
import { createRuntime } from "../sandbox/runtime";
import { random, syntheticVault, trackedNote } from "../sandbox/synthetic-vault";
import { Events } from "obsidian";
import { clearRemoteMemo } from "../src/model/pdf-links";
import { programOf } from "../src/program/program";
import { countNodes } from "../sandbox/dom-count";
import { idleProgram } from "../sandbox/program-stub";

setup();

interface Args {
	notes: number;
	seed: number;
	json: boolean;
	browser: boolean;
}

function parseArgs(argv: string[]): Args {
	const args: Args = { notes: 10_000, seed: 1, json: false, browser: true };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		if (flag === "--json") {
			args.json = true;
		} else if (flag === "--no-browser") {
			args.browser = false;
		} else if ((flag === "--notes" || flag === "--seed") && argv[i + 1] !== undefined) {
			const value = Number.parseInt(argv[++i] as string, 10);
			if (!Number.isFinite(value) || value < 1) {
				throw new Error(`${flag} takes a positive whole number`);
			}
			args[flag === "--notes" ? "notes" : "seed"] = value;
		} else {
			throw new Error(`unexpected argument ${flag ?? ""}; usage: npm run bench -- [--notes N] [--seed S] [--json] [--no-browser]`);
		}
	}
	return args;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function now(): number {
	return Number(process.hrtime.bigint()) / 1e6;
}

function log(args: Args, text: string): void {
	if (!args.json) {
		process.stderr.write(`${text}\n`);
	}
}

interface Entry {
	path: string;
	text: string;
	cache: CachedMetadata;
	tracked: boolean;
}

const STUB_SERVICES = {
	metadataCache: { getFirstLinkpathDest: () => null } as unknown as MetadataCache,
	vault: {} as Vault,
	workspace: {} as Workspace,
};

function freshIndex(): VaultIndex {
	const index = new VaultIndex(STUB_SERVICES, { trackedTags: () => ["gopherchina"] });
	index.reset();
	return index;
}

/** The full build as the plugin runs it once the texts are read: every note's metadata, in one pass. */
function indexAll(entries: readonly Entry[]): VaultIndex {
	const index = freshIndex();
	index.setProgram(programOf(null));
	index.indexNotes(entries);
	index.ready = true;
	return index;
}

/**
 * The whole model, from nothing: the build, then every note's talks, study items and questions and
 * every tally the pane's counts need (talks, PDFs, per year, per talk, the program merged in).
 */
function wholeModel(entries: readonly Entry[]): VaultIndex {
	const index = indexAll(entries);
	index.prepare(Number.POSITIVE_INFINITY);
	index.flush();
	index.sessionCounts();
	index.sessionProgress();
	index.yearKeyProgress();
	index.programSessions();
	return index;
}

/**
 * The floor: split every tracked note into lines, and one scan of its text for PDF links (every
 * `.pdf` in it).
 */
function floor(entries: readonly Entry[]): number {
	let sum = 0;
	for (const entry of entries) {
		if (!entry.tracked) {
			continue;
		}
		const text = entry.text;
		sum += text.split("\n").length;
		for (let at = text.indexOf(".pdf"); at !== -1; at = text.indexOf(".pdf", at + 4)) {
			sum++;
		}
	}
	return sum;
}

/**
 * The least any model in JavaScript must do with the tracked notes, whatever its design: read every
 * character once (the version and the questions need them all), and copy out what a model that keeps
 * no texts must keep: each task's line, status and text (from the metadata, as Obsidian gives them)
 * and each PDF link's address, grouped by address. No talk ties, questions, tallies or program.
 */
function least(entries: readonly Entry[]): number {
	let sum = 0;
	const byAddress = new Map<string, number[]>();
	for (const entry of entries) {
		if (!entry.tracked) {
			continue;
		}
		const text = entry.text;
		for (let i = 0; i < text.length; i++) {
			sum = (sum + text.charCodeAt(i)) | 0;
		}
		const lines: number[] = [];
		const statuses: string[] = [];
		const texts: string[] = [];
		for (const item of entry.cache.listItems ?? []) {
			if (item.task !== undefined) {
				lines.push(item.position.start.line);
				statuses.push(item.task);
				texts.push(text.slice(item.position.start.offset, item.position.end.offset));
			}
		}
		for (let at = text.indexOf(".pdf"); at !== -1; at = text.indexOf(".pdf", at + 4)) {
			const address = text.slice(text.lastIndexOf("(", at) + 1, at + 4);
			const places = byAddress.get(address);
			if (places === undefined) {
				byAddress.set(address, [at]);
			} else {
				places.push(at);
			}
		}
		sum += lines.length + statuses.length + texts.length;
	}
	return Math.abs(sum) + byAddress.size + 1;
}

function timeUpdates(entries: readonly Entry[], runs: number, seed: number): number {
	const index = indexAll(entries);
	index.flush();
	const target = entries.find((entry) => entry.tracked) as Entry;
	const variantText = trackedNote(random(seed + 99), 0, 1);
	const variant = { text: variantText, cache: buildMetadata(variantText) };
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const next = i % 2 === 0 ? variant : target;
		const start = now();
		index.updateNote(target.path, next.text, next.cache);
		index.flush();
		times.push(now() - start);
	}
	return median(times);
}


/**
 * A fresh index and the first draw over it: `ms` the draw alone, `completeMs` from the start of the
 * build until every count of the pane is filled in (the build, the whole model and the draw).
 */
async function renderOnce(entries: readonly Entry[]): Promise<{ ms: number; nodes: number; completeMs: number }> {
	const buildStart = now();
	const index = indexAll(entries);
	const context: DashboardContext = {
		services: { ...STUB_SERVICES, fileManager: {} as never, app: {} as never },
		index,
		settings: () => normalizeSettings(null),
		updateSettings: async () => undefined,
		events: new Events(),
		program: idleProgram(),
	};
	const host = document.body.createDiv();
	const dashboard = new Dashboard(context, host, new CheckoffAction(context), new PdfActions(context), {
		only: null,
		fixedYear: null,
		refresh: null,
		state: defaultState(),
		saveState: () => undefined,
	});
	const start = now();
	dashboard.load();
	const ms = now() - start;
	const nodes = countNodes(host);
	// Then the counts the first draw may leave for a moment later (talks, questions, years).
	const pending = (): boolean => host.querySelector(".gopherchina-counts")?.textContent?.includes("…") === true;
	while (pending()) {
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
	const completeMs = now() - buildStart;
	dashboard.unload();
	host.remove();
	return { ms, nodes, completeMs };
}

async function chromiumRender(files: Record<string, string>, args: Args): Promise<{ ms: number; nodes: number } | null> {
	const executable = args.browser ? findChromium() : null;
	if (executable === null) {
		log(args, args.browser ? `  (chromium render skipped: ${CHROMIUM_MISSING})` : "  (chromium render skipped: --no-browser)");
		return null;
	}
	const { openDashboardPage } = await import("../sandbox/browser/page");
	const browser = await launchChromium(executable);
	try {
		const page = await openDashboardPage(browser, { files, theme: "light" }, { width: 400, height: 900 }, 300_000);
		return await page.evaluate(() => (window as unknown as { gopherchina: { firstRender: { ms: number; nodes: number } } }).gopherchina.firstRender);
	} finally {
		await browser.close();
	}
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	if (!builtIsFresh()) {
		const build = spawnSync(process.execPath, ["esbuild.config.mjs", "production"], { cwd: ROOT, stdio: "ignore" });
		if (build.status !== 0) {
			throw new Error("the build failed");
		}
	}
	log(args, `Generating ${args.notes} notes (seed ${args.seed}) and their metadata…`);
	const files = syntheticVault({ notes: args.notes, seed: args.seed });
	const entries: Entry[] = Object.entries(files).map(([path, text]) => {
		const cache = buildMetadata(text);
		return { path, text, cache, tracked: text.includes("gopherchina") };
	});

	// 1. Full build and the whole model against the floor, alternating so that all three see the
	// same machine state.
	const buildTimes: number[] = [];
	const floorTimes: number[] = [];
	const wholeTimes: number[] = [];
	const leastTimes: number[] = [];
	let sink = 0;
	for (let run = 0; run < 25; run++) {
		let start = now();
		sink += floor(entries);
		floorTimes.push(now() - start);
		start = now();
		sink += least(entries);
		leastTimes.push(now() - start);
		clearRemoteMemo();
		start = now();
		const built = indexAll(entries);
		buildTimes.push(now() - start);
		sink += built.revision;
		clearRemoteMemo();
		start = now();
		const whole = wholeModel(entries);
		wholeTimes.push(now() - start);
		sink += whole.revision;
	}
	// The first runs warm the JIT up; the medians are over the rest.
	const indexMs = median(buildTimes.slice(5));
	const floorMs = median(floorTimes.slice(5));
	const wholeModelMs = median(wholeTimes.slice(5));
	const leastMs = median(leastTimes.slice(5));
	const heapMiB = heldByWholeModel(entries);
	log(args, `  full build ${indexMs.toFixed(2)} ms, whole model ${wholeModelMs.toFixed(2)} ms, floor ${floorMs.toFixed(2)} ms, least ${leastMs.toFixed(2)} ms (${sink > 0 ? "ok" : "?"})`);

	// 2. One-note updates at 1,000 and at all notes.
	const thousand = entries.slice(0, Math.min(1000, entries.length));
	const update1kMs = timeUpdates(thousand, 301, args.seed);
	const update10kMs = timeUpdates(entries, 301, args.seed);

	// 3. First render over the whole model, in jsdom (and Chromium): each on a freshly built index,
	// so the render pays for whatever the build left for later.
	await renderOnce(entries);
	const renders: Array<{ ms: number; nodes: number; completeMs: number }> = [];
	for (let i = 0; i < 7; i++) {
		clearRemoteMemo();
		renders.push(await renderOnce(entries));
	}
	const renderMs = median(renders.map((render) => render.ms));
	const renderCompleteMs = median(renders.map((render) => render.completeMs));
	const renderNodes = Math.max(...renders.map((render) => render.nodes));

	// 4 and 5. onload, then the check-off round trip, with the real plugin on the in-memory vault.
	log(args, "  loading the vault into the in-memory runtime…");
	const runtime = createRuntime(files);
	const onloads: number[] = [];
	for (let i = 0; i < 15; i++) {
		const { default: Plugin } = await import("../src/main");
		const { MANIFEST } = await import("../sandbox/plugin-harness");
		const plugin = new Plugin(runtime.app, MANIFEST);
		const start = now();
		await plugin.onload();
		onloads.push(now() - start);
		plugin.unload();
	}
	const onloadMs = median(onloads);
	const harness = await loadPlugin({}, {}, runtime);
	await settle(harness.plugin.index);
	const index = harness.plugin.index;
	const context: DashboardContext = {
		services: { metadataCache: runtime.app.metadataCache, vault: runtime.app.vault, workspace: runtime.app.workspace, fileManager: runtime.app.fileManager, app: runtime.app },
		index,
		settings: () => harness.plugin.options,
		updateSettings: async () => undefined,
		events: new Events(),
		program: idleProgram(),
	};
	const checkoff = new CheckoffAction(context);
	const path = entries.find((entry) => entry.tracked)?.path as string;
	const toggles: number[] = [];
	for (let i = 0; i < 41; i++) {
		const item = index.note(path)?.studyItems[2];
		if (!item) {
			throw new Error("no study item to toggle");
		}
		const revision = index.revision;
		const start = now();
		await checkoff.toggle(item);
		if (index.revision === revision) {
			throw new Error("the index did not follow the check-off");
		}
		toggles.push(now() - start);
	}
	const toggleMs = median(toggles.slice(1));
	unloadPlugin(harness);

	const browser = await chromiumRender(files, args);
	const mainJsBytes = statSync(join(ROOT, "main.js")).size;
	const result = {
		notes: args.notes,
		indexMs: round(indexMs),
		floorMs: round(floorMs),
		indexOverFloor: round(indexMs / floorMs),
		wholeModelMs: round(wholeModelMs),
		wholeOverFloor: round(wholeModelMs / floorMs),
		heapMiB: heapMiB === null ? -1 : round(heapMiB),
		update1kMs: round(update1kMs, 4),
		update10kMs: round(update10kMs, 4),
		updateRatio: round(update10kMs / update1kMs),
		renderMs: round(renderMs),
		renderNodes,
		firstDrawMs: round(renderCompleteMs),
		toggleMs: round(toggleMs),
		onloadMs: round(onloadMs, 4),
		mainJsBytes,
		leastMs: round(leastMs),
		leastOverFloor: round(leastMs / floorMs),
	};
	if (args.json) {
		process.stdout.write(`${JSON.stringify(result)}\n`);
		return;
	}
	const rows: Array<[string, string, string]> = [
		["full index build", `${result.indexMs} ms`, "≤ 2× floor, < 150 ms"],
		["floor (split lines, one scan for PDF links)", `${result.floorMs} ms`, ""],
		["index / floor", `${result.indexOverFloor}×`, "≤ 2"],
		["whole model (talks, items, questions, tallies)", `${result.wholeModelMs} ms`, ""],
		["whole model / floor", `${result.wholeOverFloor}×`, "≤ 6"],
		["least any model must do / floor", `${result.leastOverFloor}× (${result.leastMs} ms)`, ""],
		["heap held by the whole model", heapMiB === null ? "not measured (run with --expose-gc)" : `${result.heapMiB} MiB`, "≤ 15 MiB"],
		["one-note update, 1,000 notes", `${result.update1kMs} ms`, "< 1 ms"],
		[`one-note update, ${args.notes} notes`, `${result.update10kMs} ms`, "< 1 ms"],
		["update ratio", `${result.updateRatio}×`, "< 1.5"],
		["first render (jsdom)", `${result.renderMs} ms, ${result.renderNodes} nodes`, "< 100 ms, < 2,000 nodes"],
		["build + whole model + first render (jsdom)", `${result.firstDrawMs} ms`, "< 120 ms, every count in it"],
		["first render (Chromium)", browser ? `${round(browser.ms)} ms, ${browser.nodes} nodes` : "not measured", "< 100 ms, < 2,000 nodes"],
		["check-off round trip", `${result.toggleMs} ms`, "< 20 ms"],
		["onload", `${result.onloadMs} ms`, "< 5 ms"],
		["main.js", `${(mainJsBytes / 1024).toFixed(1)} KB`, "< 100 KB"],
	];
	console.log(`\nGopherChina Dashboard benchmark: ${args.notes} notes, seed ${args.seed} (medians)\n`);
	for (const [name, value, budget] of rows) {
		console.log(`${name.padEnd(48)} ${value.padEnd(24)} ${budget}`);
	}
}

/**
 * The memory the whole model holds, in MiB: used heap plus the stores of its typed arrays (V8 keeps
 * any but the smallest outside the heap, where `heapUsed` does not count them) after a forced
 * collection with the model alive, less the same before it was built. Null when the collector is not
 * exposed (`--expose-gc`).
 */
function heldByWholeModel(entries: readonly Entry[]): number | null {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (gc === undefined) {
		return null;
	}
	clearRemoteMemo();
	gc();
	gc();
	const before = heldNow();
	const model = modelOfCopies(entries);
	gc();
	gc();
	const after = heldNow();
	if (model.noteCount() < 0) {
		throw new Error("unreachable: keeps the model alive until it is measured");
	}
	return (after - before) / 2 ** 20;
}

/** Used heap plus the typed arrays' stores, in bytes. */
function heldNow(): number {
	const { heapUsed, arrayBuffers } = process.memoryUsage();
	return heapUsed + arrayBuffers;
}

/**
 * The whole model built from texts of its own, as from a read: a text it keeps is counted, not hidden
 * behind the bench's copy (the metadata is shared, as Obsidian's cache keeps it anyway). The copies
 * are made in here, so that nothing but the model outlives the call.
 */
function modelOfCopies(entries: readonly Entry[]): VaultIndex {
	return wholeModel(entries.map((entry) => ({ ...entry, text: Buffer.from(entry.text, "utf8").toString("utf8") })));
}

/** True when main.js is newer than every source file (then it is not rebuilt under other readers). */
function builtIsFresh(): boolean {
	const bundle = join(ROOT, "main.js");
	if (!existsSync(bundle)) {
		return false;
	}
	const built = statSync(bundle).mtimeMs;
	const newest = (dir: string): number =>
		readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
			const path = join(dir, entry.name);
			return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
		}, 0);
	return built >= newest(join(ROOT, "src"));
}

function round(value: number, digits = 2): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
		process.exit(1);
	},
);
