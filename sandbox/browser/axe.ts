/**
 * Accessibility checks on the dashboard page with axe-core: open every group, run axe over the pane,
 * and keep what a developer needs to find and fix each violation. Used by the a11y browser test and by
 * `npm run demo` (a11y.json).
 */
import { readFileSync } from "fs";
import type { Page } from "playwright-core";

/** The pane's tabs, by their `data-tab`. */
export const TABS = ["study", "talks", "questions"] as const;
export type TabName = (typeof TABS)[number];

/** Hooks the pane keeps for these checks. */
const ROOT = ".gopherchina-dashboard";
const CLOSED_GROUP = '.gopherchina-body [aria-expanded="false"]';
const SHOW_MORE = ".gopherchina-show-more";
/** Enough for every group and page of the example vault many times over; a loop past it is a bug. */
const MAX_CLICKS = 400;

export interface AxeNode {
	target: string[];
	html: string;
	failureSummary?: string;
}

export interface AxeViolation {
	id: string;
	impact: string | null;
	description: string;
	help: string;
	nodes: AxeNode[];
}

export interface AxeResult {
	violations: AxeViolation[];
}

let source: string | null = null;

/** Adds axe-core to the page. */
export async function injectAxe(page: Page): Promise<void> {
	source ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
	await page.addScriptTag({ content: source });
}

/** Lets the page finish what a click started (the pane redraws in the click's handler). */
async function settle(page: Page): Promise<void> {
	await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
}

/**
 * Opens the pane fully: clicks every closed group's toggle and every "Show more" button, again and
 * again, until none is left (opening a group can reveal closed groups and buttons inside it).
 */
export async function openEverything(page: Page): Promise<number> {
	let clicks = 0;
	for (;;) {
		const next = page.locator(`${CLOSED_GROUP}, ${SHOW_MORE}`).first();
		if ((await next.count()) === 0) {
			return clicks;
		}
		if (clicks >= MAX_CLICKS) {
			const left = await page.locator(`${CLOSED_GROUP}, ${SHOW_MORE}`).count();
			throw new Error(`openEverything: still ${left} closed groups or "Show more" buttons after ${MAX_CLICKS} clicks`);
		}
		// The element's own click: a click at its centre could land on a control inside a group's header.
		await next.evaluate((element) => (element as HTMLElement).click());
		clicks++;
		await settle(page);
	}
}

/** Runs axe over the pane and keeps each violation's rule, impact and where it is. */
export async function runAxe(page: Page): Promise<AxeResult> {
	const violations = await page.evaluate(async (root) => {
		const axe = (window as unknown as { axe: { run: (context: Element, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
		const element = document.querySelector(root);
		if (element === null) {
			throw new Error(`runAxe: no ${root} on the page`);
		}
		const result = await axe.run(element, { resultTypes: ["violations"] });
		return result.violations.map((violation) => ({
			id: violation.id,
			impact: violation.impact ?? null,
			description: violation.description,
			help: violation.help,
			nodes: violation.nodes.map((node) => ({ target: node.target.map(String), html: node.html, failureSummary: node.failureSummary })),
		}));
	}, ROOT);
	return { violations };
}

/** The violations that block: impact serious or critical. */
export function seriousViolations(result: AxeResult): AxeViolation[] {
	return result.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

/** Switches the pane to a tab and waits until it says so. */
export async function showTab(page: Page, tab: TabName): Promise<void> {
	await page.locator(`.gopherchina-tab[data-tab="${tab}"]`).click();
	await page.waitForSelector(`[data-tab="${tab}"][aria-selected="true"]`);
}

/** A violation list as a developer reads it: rule, impact, how many, and the first few places and reasons. */
export function describeViolations(violations: readonly AxeViolation[], perRule = 3): string {
	return violations
		.map((violation) => {
			const lines = [`${violation.id} (${violation.impact ?? "no impact"}, ${violation.nodes.length} node${violation.nodes.length === 1 ? "" : "s"}): ${violation.help}`];
			for (const node of violation.nodes.slice(0, perRule)) {
				lines.push(`  at ${node.target.join(" ")}`);
				lines.push(`    ${node.html.length > 160 ? `${node.html.slice(0, 160)}…` : node.html}`);
				for (const reason of (node.failureSummary ?? "").split("\n").filter((line) => line.trim() !== "")) {
					lines.push(`    ${reason.trim()}`);
				}
			}
			if (violation.nodes.length > perRule) {
				lines.push(`  … and ${violation.nodes.length - perRule} more`);
			}
			return lines.join("\n");
		})
		.join("\n");
}
