/** @jest-environment node */
import { mkdirSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { readVaultFolder } from "../../sandbox/harness";
import { openDashboardPage, ROOT } from "../../sandbox/browser/page";
import { inChromium } from "./suite";

const SHOTS = join(ROOT, ".cache", "screenshots");
const files = readVaultFolder(join(ROOT, "tests", "fixtures", "example-vault"));
const NOTE = "GopherChina 2023 总结.md";

inChromium("the built plugin in headless Chromium", (browser) => {
	beforeAll(() => {
		mkdirSync(SHOTS, { recursive: true });
	});
	let page: Page;

	beforeEach(async () => {
		page = await openDashboardPage(browser(), { files, theme: "light" });
	});
	afterEach(async () => {
		await page?.close();
	});

	it("checks off a study item: the note's text changes by exactly that character", async () => {
		const before = await page.evaluate((path) => (window as unknown as { gopherchina: { read: (p: string) => Promise<string> } }).gopherchina.read(path), NOTE);
		const row = page.locator(".gopherchina-item", { hasText: "有关 goroutine 泄露的问题" });
		await row.locator("input.task-list-item-checkbox").click();
		await page.waitForFunction(
			async ([path, old]) => (await (window as unknown as { gopherchina: { read: (p: string) => Promise<string> } }).gopherchina.read(path as string)) !== old,
			[NOTE, before],
		);
		const after = await page.evaluate((path) => (window as unknown as { gopherchina: { read: (p: string) => Promise<string> } }).gopherchina.read(path), NOTE);
		expect(after.length).toBe(before.length);
		const changed = [...after].flatMap((char, i) => (char === before[i] ? [] : [i]));
		expect(changed).toHaveLength(1);
		expect(after.slice((changed[0] ?? 0) - 3, (changed[0] ?? 0) + 2)).toBe("- [x]");
		await page.waitForSelector(".gopherchina-item:has-text('有关 goroutine 泄露的问题')", { state: "detached" });
	});

	it("opens a PDF that is in the vault in Obsidian's viewer", async () => {
		await page.locator(".gopherchina-tab[data-tab='talks']").click();
		const row = page.locator(".gopherchina-session", { hasText: "大型项目开发之 Golang 早知道" }).first();
		await row.locator("button.gopherchina-pdf.is-local").click();
		await page.waitForFunction(() => (window as unknown as { gopherchina: { openedFiles: () => string[] } }).gopherchina.openedFiles().length > 0);
		const opened = await page.evaluate(() => (window as unknown as { gopherchina: { openedFiles: () => string[] } }).gopherchina.openedFiles());
		expect(opened).toContain("GopherChina/2023/1.1.1 大型项目开发之 Golang 早知道.pdf");
	});

	it("narrows the lists as the user types in the filter", async () => {
		await page.locator(".gopherchina-filter").fill("泄露");
		await page.waitForFunction(() => document.querySelectorAll(".gopherchina-item").length === 1);
		expect(await page.locator(".gopherchina-item-text").allTextContents()).toEqual(["有关 goroutine 泄露的问题"]);
		expect(await page.locator(".gopherchina-filter").evaluate((el) => el === document.activeElement)).toBe(true);
	});

	it("keeps the scroll position when a note changes under the open pane", async () => {
		await page.setViewportSize({ width: 360, height: 400 });
		await page.locator(".gopherchina-tab[data-tab='talks']").click();
		const scroller = page.locator(".gopherchina-dashboard");
		await scroller.evaluate((el) => {
			el.scrollTop = 300;
			el.dispatchEvent(new Event("scroll"));
		});
		await page.evaluate(async (path) => {
			const gc = (window as unknown as { gopherchina: { runtime: { read: (p: string) => Promise<string>; modify: (p: string, t: string) => Promise<void> } } }).gopherchina;
			await gc.runtime.modify(path, `${await gc.runtime.read(path)}\n- [ ] 新的学习任务\n`);
		}, NOTE);
		await page.waitForFunction(() => document.querySelector(".gopherchina-progress-text")?.textContent === "4 of 18 study items done");
		expect(await scroller.evaluate((el) => el.scrollTop)).toBe(300);
	});

	it.each([300, 360, 440, 499, 520, 800])("lays a talk's progress, PDF and notes out side by side without overlap at %i px", async (width) => {
		await page.evaluate((w) => {
			(document.querySelector("[data-type='gopherchina-dashboard']") as HTMLElement).style.width = `${w}px`;
		}, width);
		await page.locator(".gopherchina-tab[data-tab='talks']").click();
		const overlaps = await page.evaluate(() =>
			[...document.querySelectorAll(".gopherchina-session")].flatMap((row) => {
				const cells = [".gopherchina-session-title", ".gopherchina-session-progress .gopherchina-mini-progress", ".gopherchina-session-pdf", ".gopherchina-session-notes"]
					.map((selector) => row.querySelector(selector))
					.filter((cell): cell is Element => cell !== null)
					.map((cell) => ({ name: cell.className, box: cell.getBoundingClientRect() }));
				const found: string[] = [];
				for (let i = 0; i < cells.length; i++) {
					for (let j = i + 1; j < cells.length; j++) {
						const a = (cells[i] as { box: DOMRect }).box;
						const b = (cells[j] as { box: DOMRect }).box;
						if (a.width > 0 && b.width > 0 && a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
							found.push(`${row.textContent ?? ""}: ${(cells[i] as { name: string }).name} / ${(cells[j] as { name: string }).name}`);
						}
					}
				}
				return found;
			}),
		);
		expect(overlaps).toEqual([]);
		expect(await page.locator(".gopherchina-session .gopherchina-mini-progress").count()).toBeGreaterThan(0);
	});

	it.each([1200, 1000, 760])("keeps the tabs where they are when another tab is chosen, %i px wide", async (width) => {
		const wide = await openDashboardPage(browser(), { files, theme: "light", layout: "main" }, { width, height: 600 });
		const places: string[] = [];
		for (const tab of ["study", "talks", "questions", "study"]) {
			await wide.locator(`.gopherchina-tab[data-tab='${tab}']`).click();
			places.push(await wide.evaluate(() => [...document.querySelectorAll(".gopherchina-tab")].map((el) => `${Math.round(el.getBoundingClientRect().left)}:${Math.round(el.getBoundingClientRect().top)}`).join(" ")));
		}
		await wide.close();
		expect(new Set(places).size).toBe(1);
	});

	it("renders readably in light and dark themes (screenshots)", async () => {
		await page.screenshot({ path: join(SHOTS, "dashboard-light.png"), fullPage: true });
		await page.locator(".gopherchina-tab[data-tab='talks']").click();
		await page.screenshot({ path: join(SHOTS, "dashboard-talks-light.png"), fullPage: true });
		await page.locator(".gopherchina-tab[data-tab='questions']").click();
		await page.screenshot({ path: join(SHOTS, "dashboard-questions-light.png"), fullPage: true });
		const dark = await openDashboardPage(browser(), { files, theme: "dark" });
		await dark.screenshot({ path: join(SHOTS, "dashboard-dark.png"), fullPage: true });
		await dark.locator(".gopherchina-tab[data-tab='talks']").click();
		await dark.screenshot({ path: join(SHOTS, "dashboard-talks-dark.png"), fullPage: true });
		await dark.locator(".gopherchina-tab[data-tab='study']").click();
		const colors = await dark.evaluate(() => {
			const el = document.querySelector(".gopherchina-item-text") as HTMLElement;
			const bg = getComputedStyle(document.querySelector(".sidebar") as HTMLElement).backgroundColor;
			return { text: getComputedStyle(el).color, bg };
		});
		// Obsidian's dark --text-normal (#dadada) on its dark --background-primary (#1e1e1e).
		expect(colors).toEqual({ text: "rgb(218, 218, 218)", bg: "rgb(30, 30, 30)" });
		await dark.close();
	});
});
