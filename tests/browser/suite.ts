/**
 * What every Chromium test file shares: a suite that runs in the browser when there is one (skipped,
 * with a warning, when there is none; an error under `CI=true`, where the browser tests must run),
 * one browser per file, and reading a note's text back from the page.
 */
import type { Browser, Page } from "playwright-core";
import { CHROMIUM_MISSING, findChromium, launchChromium } from "../../sandbox/browser/page";

const executable = findChromium();

/** Declares a suite whose tests get the file's browser from `browser()`. */
export function inChromium(name: string, body: (browser: () => Browser) => void, timeout = 60_000): void {
	if (executable === null) {
		if (process.env.CI === "true") {
			throw new Error(`${CHROMIUM_MISSING} (CI=true: the browser tests must run)`);
		}
		console.warn(`Skipping "${name}": ${CHROMIUM_MISSING}`);
		describe.skip(name, () => body(() => undefined as unknown as Browser));
		return;
	}
	describe(name, () => {
		jest.setTimeout(timeout);
		let browser: Browser | null = null;
		beforeAll(async () => {
			browser = await launchChromium(executable);
		});
		afterAll(async () => {
			await browser?.close();
		});
		body(() => browser as Browser);
	});
}

/** A note's text as the page's in-memory vault has it now. */
export function readNote(page: Page, path: string): Promise<string> {
	return page.evaluate((p) => (window as unknown as { gopherchina: { read: (p: string) => Promise<string> } }).gopherchina.read(p), path);
}
