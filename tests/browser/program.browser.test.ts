/** @jest-environment node */
import { join } from "path";
import type { Page } from "playwright-core";
import { readVaultFolder } from "../../sandbox/harness";
import { openDashboardPage, ROOT } from "../../sandbox/browser/page";
import { inChromium, readNote } from "./suite";

const files = readVaultFolder(join(ROOT, "tests", "fixtures", "example-vault"));

function yearMeta(page: Page, year: string): Promise<string> {
	return page.locator(".gopherchina-group-header", { has: page.locator(".gopherchina-group-title", { hasText: new RegExp(`^${year}$`) }) }).locator(".gopherchina-group-meta").innerText();
}

function yearProgress(page: Page, year: string): Promise<string> {
	return page.locator(".gopherchina-group-header", { has: page.locator(".gopherchina-group-title", { hasText: new RegExp(`^${year}$`) }) }).locator(".gopherchina-mini-progress-text").innerText();
}

inChromium("the whole program in headless Chromium", (browser) => {
	let page: Page;

	beforeEach(async () => {
		page = await openDashboardPage(browser(), { files, theme: "light", data: { viewState: { tab: "talks", year: "2021" } } });
	});
	afterEach(async () => {
		await page?.close();
	});

	it("switches on the whole program, starts a note on a talk nobody noted, adds a study item to it, and the year header follows", async () => {
		expect(await yearMeta(page, "2021")).toBe("4 talks");
		await page.getByLabel("Whole program").check();
		await page.waitForFunction(() => document.querySelector(".gopherchina-group-meta")?.textContent === "4 of 23 talks in your notes");
		const row = page.locator(".gopherchina-session.is-unnoted", { has: page.locator(".gopherchina-code", { hasText: /^1\.4$/ }) });
		const title = await row.locator(".gopherchina-session-title").innerText();
		await row.getByRole("button", { name: `Start a note on 1.4 ${title}` }).click();
		const path = `GopherChina/2021/1.4 ${title}.md`;
		await page.waitForFunction((p) => (window as unknown as { gopherchina: { openedFiles: () => string[] } }).gopherchina.openedFiles().includes(p), path);
		const text = await readNote(page, path);
		expect(text).toBe(
			[
				"---",
				"tags:",
				"  - gopherchina",
				"session: \"1.4\"",
				"year: 2021",
				`pdf: https://github.com/gopherchina/conference/blob/master/2021/1.4%20Tracing%20in%20TiDB.pdf`,
				"---",
				`# 1.4 ${title}`,
				"",
				"## Notes",
				"",
				"## Questions",
				"",
				"",
			].join("\n"),
		);
		await page.waitForFunction(() => document.querySelector(".gopherchina-group-meta")?.textContent === "5 of 23 talks in your notes");
		const noted = page.locator(".gopherchina-session", { has: page.locator(".gopherchina-code", { hasText: /^1\.4$/ }) });
		expect(await noted.getAttribute("class")).not.toContain("is-unnoted");
		const before = await yearProgress(page, "2021");
		await noted.getByRole("button", { name: `Add a study item to 1.4 ${title}` }).click();
		await page.locator(".gopherchina-add-item-input").fill("对照 TiDB 的 tracing 实现");
		await page.keyboard.press("Enter");
		await page.waitForFunction((p) => new Promise<boolean>((resolve) => void (window as unknown as { gopherchina: { read: (p: string) => Promise<string> } }).gopherchina.read(p).then((t) => resolve(t.includes("- [ ] 对照 TiDB 的 tracing 实现")))), path);
		await page.waitForFunction((old) => document.querySelector(".gopherchina-group-header .gopherchina-mini-progress-text")?.textContent !== old, before);
		const [done, total] = (await yearProgress(page, "2021")).match(/\d+/g)?.map(Number) ?? [];
		const [doneBefore, totalBefore] = before.match(/\d+/g)?.map(Number) ?? [];
		expect([done, total]).toEqual([doneBefore, (totalBefore ?? 0) + 1]);
	});
});
