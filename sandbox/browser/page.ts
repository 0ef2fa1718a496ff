/**
 * A page that runs the built plugin (`main.js`) over a vault in a real browser, on the in-memory
 * Obsidian. Used by the browser tests, `npm run demo` and `npm run bench`.
 */
import { build } from "esbuild";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";

import { ROOT } from "../root";

export { ROOT };
const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/** The Chromium (or Chrome) to drive: `CHROME_PATH` when set (and only it), else Debian's package. */
export function findChromium(): string | null {
	const fromEnv = process.env.CHROME_PATH;
	if (fromEnv) {
		return existsSync(fromEnv) ? fromEnv : null;
	}
	return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export const CHROMIUM_MISSING = "Chromium was not found (looked for /usr/bin/chromium). Install it with: apt-get install -y chromium";

export async function launchChromium(executablePath: string): Promise<Browser> {
	const { chromium } = await import("playwright-core");
	return chromium.launch({
		executablePath,
		headless: true,
		args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
	});
}

let bundle: Promise<string> | null = null;

/** The in-memory Obsidian bundled for the browser (built once per process). */
export function runtimeBundle(): Promise<string> {
	bundle ??= build({
		entryPoints: [join(ROOT, "sandbox", "browser", "runtime-entry.ts")],
		bundle: true,
		write: false,
		platform: "browser",
		format: "iife",
		target: "es2021",
		alias: { obsidian: join(ROOT, "sandbox", "obsidian.ts") },
		define: { "process.env.NODE_ENV": '"production"' },
		logLevel: "error",
	}).then((result) => result.outputFiles[0]?.text ?? "");
	return bundle;
}

function inlineScript(code: string): string {
	return code.replace(/<\/script/gi, "<\\/script");
}

function inlineJson(value: unknown): string {
	return JSON.stringify(value).replace(/</g, "\\u003c");
}

export type Layout = "sidebar" | "main";

export interface PageOptions {
	files: Record<string, string>;
	theme: "light" | "dark";
	/** The plugin's stored data (settings and view state). */
	data?: Record<string, unknown>;
	/** Where the pane is drawn: the right sidebar, 360 px wide (the default), or a main-area tab. */
	layout?: Layout;
}

/** The leaf frame the pane is drawn in, and the window it is seen in, for each layout. */
export const LAYOUTS: Record<Layout, { cls: string; viewport: { width: number; height: number } }> = {
	sidebar: { cls: "sidebar workspace-leaf-content", viewport: { width: 360, height: 900 } },
	main: { cls: "workspace-leaf-content mod-main", viewport: { width: 1000, height: 900 } },
};

/** Selects the leaf frame the pane is drawn in, whichever the layout. */
export const LEAF = '.workspace-leaf-content[data-type="gopherchina-dashboard"]';

/** What the page's runtime starts with: the vault, the built plugin and its stored data. */
export function startOptions(options: PageOptions): { files: Record<string, string>; mainJs: string; manifest: Record<string, unknown>; data: Record<string, unknown> } {
	return {
		files: options.files,
		mainJs: readFileSync(join(ROOT, "main.js"), "utf8"),
		manifest: JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")) as Record<string, unknown>,
		data: options.data ?? {},
	};
}

/** The plugin's styles and the stand-in theme, for pages and standalone HTML. */
export function pageStyles(): string {
	return `${readFileSync(join(ROOT, "sandbox", "browser", "theme.css"), "utf8")}\n${readFileSync(join(ROOT, "styles.css"), "utf8")}`;
}

export async function pageHtml(options: PageOptions): Promise<string> {
	const start = startOptions(options);
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>GopherChina Dashboard</title>
<style>${pageStyles()}</style>
</head><body class="theme-${options.theme}"><div class="${LAYOUTS[options.layout ?? "sidebar"].cls}" data-type="gopherchina-dashboard"></div>
<script>${inlineScript(await runtimeBundle())}</script>
<script>window.GopherChinaRuntime.start(${inlineScript(inlineJson(start))}).catch((error) => { document.body.dataset.error = String(error && error.stack || error); });</script>
</body></html>`;
}

/** Opens the dashboard page and waits until the plugin has drawn the pane; the window fits the layout unless given. */
export async function openDashboardPage(browser: Browser, options: PageOptions, viewport = LAYOUTS[options.layout ?? "sidebar"].viewport, timeout = 20_000): Promise<Page> {
	const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
	const errors: string[] = [];
	page.on("pageerror", (error) => errors.push(error.message));
	await page.setContent(await pageHtml(options), { waitUntil: "load", timeout });
	await page.waitForFunction(() => Boolean((window as unknown as { gopherchina?: { ready: boolean } }).gopherchina?.ready) || document.body.dataset.error !== undefined, undefined, { timeout });
	const failure = await page.evaluate(() => document.body.dataset.error ?? null);
	if (failure !== null || errors.length > 0) {
		throw new Error(`the dashboard page failed: ${failure ?? errors.join("\n")}`);
	}
	await page.waitForSelector(".gopherchina-dashboard .gopherchina-header");
	return page;
}

/** Lets the leaf frame grow to the pane's height, so a full-page screenshot shows all of it. */
export async function growToContent(page: Page): Promise<void> {
	await page.evaluate((leaf) => document.querySelector(leaf)?.classList.add("is-full-height"), LEAF);
}
