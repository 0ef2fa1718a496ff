/**
 * `npm run demo -- [--vault DIR] [--out DIR]`: the main job. Builds the plugin, installs it into the
 * vault (so the vault opens in Obsidian with the plugin on), renders the dashboard over the vault in
 * headless Chromium with "Show completed" on and every group open, and writes to the out folder, for
 * each tab (study, talks, questions):
 *   <tab>-light.png, <tab>-dark.png  the right sidebar (360 px), whole pane
 *   <tab>-wide.png                   a main-area tab (1000 px), light theme, whole pane
 *   <tab>.html                       the pane as a page of its own, styles inlined, light theme
 * and a11y.json, axe-core's violations for every tab in both themes.
 * Without a browser it still writes <tab>.html, rendered on a DOM without one.
 * The vault's notes are only read: the pane runs over an in-memory copy of them.
 */
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { readVaultFolder } from "../sandbox/harness";
import { CHROMIUM_MISSING, findChromium, growToContent, LAYOUTS, LEAF, launchChromium, openDashboardPage, pageStyles, ROOT, startOptions, type Layout } from "../sandbox/browser/page";
import { type AxeResult, injectAxe, openEverything, runAxe, seriousViolations, showTab, TABS, type TabName } from "../sandbox/browser/axe";

/** The plugin's stored data for every render: done items and answered questions are listed too. */
const DATA = { showCompleted: true };

interface Args {
	vault: string;
	out: string;
}

function parseArgs(argv: string[]): Args {
	const args: Args = { vault: join(ROOT, "tests", "fixtures", "example-vault"), out: join(ROOT, "demo") };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = argv[i + 1];
		if ((flag === "--vault" || flag === "--out") && value !== undefined) {
			args[flag === "--vault" ? "vault" : "out"] = resolve(value);
			i++;
		} else {
			throw new Error(`unexpected argument ${flag ?? ""}; usage: npm run demo -- [--vault DIR] [--out DIR]`);
		}
	}
	return args;
}

function build(): void {
	const result = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
	if (result.status !== 0) {
		throw new Error("the build failed");
	}
}

/** Copies the plugin into <vault>/.obsidian/plugins/<id>/ and turns it on. */
function install(vault: string): string {
	const manifest = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")) as { id: string };
	const config = join(vault, ".obsidian");
	const folder = join(config, "plugins", manifest.id);
	mkdirSync(folder, { recursive: true });
	for (const file of ["main.js", "manifest.json", "styles.css"]) {
		copyFileSync(join(ROOT, file), join(folder, file));
	}
	const enabledFile = join(config, "community-plugins.json");
	const enabled = existsSync(enabledFile) ? (JSON.parse(readFileSync(enabledFile, "utf8")) as string[]) : [];
	if (!enabled.includes(manifest.id)) {
		enabled.push(manifest.id);
	}
	writeFileSync(enabledFile, `${JSON.stringify(enabled, null, 2)}\n`);
	return folder;
}

function standalone(body: string, theme: "light" | "dark"): string {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>GopherChina Dashboard</title>
<style>${pageStyles()}</style>
</head><body class="theme-${theme}">${body}</body></html>
`;
}

/** The pane's figures, for the summary line; runs in the page (Chromium) or on jsdom's global document. */
function paneSummary(): string {
	return `${document.querySelector(".gopherchina-progress-text")?.textContent ?? ""}; ${document.querySelector(".gopherchina-counts")?.textContent ?? ""}`;
}

async function tick(): Promise<void> {
	await new Promise((done) => setTimeout(done, 0));
}

/**
 * Renders the dashboard on a DOM without a browser (jsdom), for machines without Chromium: each tab's
 * leaf frame as HTML, every group open.
 */
async function renderWithoutBrowser(files: Record<string, string>): Promise<{ html: Record<TabName, string>; summary: string }> {
	await import("../sandbox/node-dom");
	const { setup } = await import("obsidian-test-mocks/setup");
	setup();
	const { start } = await import("../sandbox/browser/runtime-entry");
	document.body.createDiv({ cls: LAYOUTS.sidebar.cls, attr: { "data-type": "gopherchina-dashboard" } });
	await start(startOptions({ files, theme: "light", data: DATA }));
	const html = {} as Record<TabName, string>;
	for (const tab of TABS) {
		document.querySelector<HTMLElement>(`.gopherchina-tab[data-tab="${tab}"]`)?.click();
		await tick();
		for (let clicks = 0; clicks < 400; clicks++) {
			const next = document.querySelector<HTMLElement>('.gopherchina-body [aria-expanded="false"], .gopherchina-show-more');
			if (next === null) {
				break;
			}
			next.click();
			await tick();
		}
		html[tab] = document.querySelector(LEAF)?.outerHTML ?? "";
	}
	return { html, summary: paneSummary() };
}

interface Shot {
	theme: "light" | "dark";
	layout: Layout;
	file: (tab: TabName) => string;
}

const SHOTS: Shot[] = [
	{ theme: "light", layout: "sidebar", file: (tab) => `${tab}-light.png` },
	{ theme: "dark", layout: "sidebar", file: (tab) => `${tab}-dark.png` },
	{ theme: "light", layout: "main", file: (tab) => `${tab}-wide.png` },
];

type A11yReport = Record<TabName, Partial<Record<"light" | "dark", AxeResult>>>;

/** Renders every tab in every shot's theme and layout in headless Chromium; checks the sidebar renders with axe. */
async function renderInChromium(executable: string, files: Record<string, string>, out: string, written: string[]): Promise<{ report: A11yReport; summary: string }> {
	const browser = await launchChromium(executable);
	const report = { study: {}, talks: {}, questions: {} } as A11yReport;
	let summary = "";
	try {
		for (const tab of TABS) {
			for (const shot of SHOTS) {
				const page = await openDashboardPage(browser, { files, theme: shot.theme, layout: shot.layout, data: DATA });
				try {
					await showTab(page, tab);
					await openEverything(page);
					if (shot.layout === "sidebar") {
						await injectAxe(page);
						report[tab][shot.theme] = await runAxe(page);
					}
					if (shot.layout === "sidebar" && shot.theme === "light") {
						const html = await page.evaluate((leaf) => document.querySelector(leaf)?.outerHTML ?? "", LEAF);
						const file = join(out, `${tab}.html`);
						writeFileSync(file, standalone(html, "light"));
						written.push(file);
						summary ||= await page.evaluate(paneSummary);
					}
					await growToContent(page);
					const file = join(out, shot.file(tab));
					await page.screenshot({ path: file, fullPage: true });
					written.push(file);
				} finally {
					await page.close();
				}
			}
		}
		// The whole program: a year the notes cover only in part, open, in the sidebar (both themes) and wide.
		const program = { ...DATA, viewState: { tab: "talks", wholeProgram: true, expanded: { "talks:2023": false, "talks:2021": true } } };
		for (const shot of SHOTS) {
			const page = await openDashboardPage(browser, { files, theme: shot.theme, layout: shot.layout, data: program });
			try {
				const file = join(out, shot.file("talks").replace("talks-", "program-"));
				await page.screenshot({ path: file });
				written.push(file);
			} finally {
				await page.close();
			}
		}
	} finally {
		await browser.close();
	}
	return { report, summary };
}

/** One line per tab and theme: how many serious or critical rules axe found, and which. */
function a11ySummary(report: A11yReport): string[] {
	return TABS.flatMap((tab) =>
		(["light", "dark"] as const).map((theme) => {
			const serious = seriousViolations(report[tab][theme] ?? { violations: [] });
			const nodes = serious.reduce((sum, violation) => sum + violation.nodes.length, 0);
			return `  a11y ${tab} ${theme}: ${serious.length === 0 ? "no serious or critical violation" : `${serious.length} serious or critical rule(s) on ${nodes} node(s): ${serious.map((violation) => violation.id).join(", ")}`}`;
		}),
	);
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	if (!existsSync(args.vault) || !statSync(args.vault).isDirectory()) {
		throw new Error(`${args.vault} is not a folder`);
	}
	build();
	const installed = install(args.vault);
	const files = readVaultFolder(args.vault, (path, reason) => console.error(`demo: skipped ${path}: ${reason}`));
	mkdirSync(args.out, { recursive: true });
	const written: string[] = [];
	const executable = findChromium();
	let summary: string;
	let checks: string[] = [];
	if (executable !== null) {
		const rendered = await renderInChromium(executable, files, args.out, written);
		const file = join(args.out, "a11y.json");
		writeFileSync(file, `${JSON.stringify(rendered.report, null, 2)}\n`);
		written.push(file);
		summary = rendered.summary;
		checks = a11ySummary(rendered.report);
	} else {
		const rendered = await renderWithoutBrowser(files);
		for (const tab of TABS) {
			const file = join(args.out, `${tab}.html`);
			writeFileSync(file, standalone(rendered.html[tab], "light"));
			written.push(file);
		}
		summary = rendered.summary;
		console.log(`${CHROMIUM_MISSING}\nThen run npm run demo again for the screenshots (<tab>-light.png, <tab>-dark.png, <tab>-wide.png) and a11y.json, which need Chromium; the <tab>.html pages open in any browser now.`);
	}
	console.log(`\nGopherChina Dashboard over ${args.vault}`);
	console.log(`  ${summary}`);
	console.log(`  plugin installed in ${installed} (open the vault in Obsidian: the plugin is on)`);
	for (const line of checks) {
		console.log(line);
	}
	for (const file of written) {
		console.log(`  wrote ${file}`);
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	},
);
