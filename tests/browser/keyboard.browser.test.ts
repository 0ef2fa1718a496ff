/** @jest-environment node */
import { join } from "path";
import type { Page } from "playwright-core";
import { readVaultFolder } from "../../sandbox/harness";
import { openDashboardPage, ROOT } from "../../sandbox/browser/page";
import { inChromium, readNote } from "./suite";

const files = readVaultFolder(join(ROOT, "tests", "fixtures", "example-vault"));
const NOTE = "GopherChina 2023 总结.md";

interface Focused {
	tag: string;
	key: string | null;
	role: string | null;
	name: string;
	selected: string | null;
	expanded: string | null;
}

/** What has focus: its focus key, role and the text it is named by. */
function focused(page: Page): Promise<Focused> {
	return page.evaluate(() => {
		const el = document.activeElement as HTMLElement;
		const labelled = el.getAttribute("aria-labelledby");
		const name = labelled ? (document.getElementById(labelled)?.textContent ?? "") : (el.getAttribute("aria-label") ?? el.textContent ?? "");
		return { tag: el.tagName, key: el.dataset.focusKey ?? null, role: el.getAttribute("role"), name, selected: el.getAttribute("aria-selected"), expanded: el.getAttribute("aria-expanded") };
	});
}

inChromium("the pane from the keyboard, in headless Chromium", (browser) => {
	let page: Page;

	beforeEach(async () => {
		page = await openDashboardPage(browser(), { files, theme: "light" });
	});
	afterEach(async () => {
		await page?.close();
	});

	it("walks filter, year menu, tabs and toggles with Tab; the tabs are one stop that the arrow keys move and show", async () => {
		await page.locator(".gopherchina-filter").focus();
		await page.keyboard.press("Tab");
		expect((await focused(page)).key).toBe("year");
		await page.keyboard.press("Tab");
		expect(await focused(page)).toMatchObject({ key: "tab:study", role: "tab", selected: "true" });
		await page.keyboard.press("ArrowRight");
		expect(await focused(page)).toMatchObject({ key: "tab:talks", role: "tab", selected: "true" });
		expect(await page.locator("[role=tabpanel]").getAttribute("aria-labelledby")).toBe(await page.locator(".gopherchina-tab[data-tab='talks']").getAttribute("id"));
		await page.keyboard.press("End");
		expect(await focused(page)).toMatchObject({ key: "tab:questions", selected: "true" });
		await page.keyboard.press("ArrowRight");
		expect(await focused(page)).toMatchObject({ key: "tab:study", selected: "true" });
		await page.keyboard.press("ArrowLeft");
		expect(await focused(page)).toMatchObject({ key: "tab:questions", selected: "true" });
		await page.keyboard.press("Home");
		expect(await focused(page)).toMatchObject({ key: "tab:study", selected: "true" });
		// Only the chosen tab is in the tab order; Tab goes on to the toggles, then into the list.
		await page.keyboard.press("Tab");
		expect((await focused(page)).key).toBe("toggle:show-completed");
		await page.keyboard.press("Tab");
		expect((await focused(page)).key).toBe("toggle:group-by-session");
		await page.keyboard.press("Tab");
		expect(await focused(page)).toMatchObject({ key: `group:study:note:${NOTE}`, tag: "BUTTON", expanded: "true" });
	});

	it("walks groups and items with the arrow keys and checks one off with Space; focus goes on to the next item", async () => {
		await page.locator(`[data-focus-key="group:study:note:${NOTE}"]`).focus();
		await page.keyboard.press("ArrowDown");
		// The heading line's tie button, then the first item.
		await page.keyboard.press("ArrowDown");
		expect(await focused(page)).toMatchObject({ tag: "INPUT", name: "Context 对于新手来说是非常友好的，所以可以写篇文章总结一下" });
		await page.keyboard.press("ArrowDown");
		const item = await focused(page);
		expect(item.name).toBe("有关 goroutine 泄露的问题");
		const before = await readNote(page, NOTE);
		await page.keyboard.press("Space");
		await page.waitForFunction(async ([path, old]) => (await (window as unknown as { gopherchina: { read: (p: string) => Promise<string> } }).gopherchina.read(path as string)) !== old, [NOTE, before]);
		expect((await readNote(page, NOTE)).includes("- [x] 有关 goroutine 泄露的问题")).toBe(true);
		// The done item leaves the list; focus lands on the item that took its place, never on the page.
		await page.waitForSelector(".gopherchina-item:has-text('有关 goroutine 泄露的问题')", { state: "detached" });
		expect(await focused(page)).toMatchObject({ tag: "INPUT", name: "接口的统一管理如何做" });
		expect(await page.evaluate(() => (document.activeElement as HTMLElement).tabIndex)).toBe(0);
	});

	it("closes a group with ArrowLeft and opens it with ArrowRight, the toggle keeping focus", async () => {
		const toggle = `[data-focus-key="group:study:note:${NOTE}"]`;
		await page.locator(toggle).focus();
		await page.keyboard.press("ArrowLeft");
		expect(await focused(page)).toMatchObject({ key: `group:study:note:${NOTE}`, expanded: "false" });
		expect(await page.locator(`${toggle} >> xpath=../..`).locator(".gopherchina-item").count()).toBe(0);
		await page.keyboard.press("ArrowRight");
		expect(await focused(page)).toMatchObject({ key: `group:study:note:${NOTE}`, expanded: "true" });
		await page.keyboard.press("ArrowDown");
		await page.keyboard.press("ArrowDown");
		await page.keyboard.press("ArrowLeft");
		expect((await focused(page)).key).toBe(`group:study:note:${NOTE}`);
	});

	it("opens an item's note with Enter", async () => {
		await page.locator(".gopherchina-checkbox").first().focus();
		await page.keyboard.press("Enter");
		await page.waitForFunction(() => (window as unknown as { gopherchina: { openedFiles: () => string[] } }).gopherchina.openedFiles().length > 0);
		expect(await page.evaluate(() => (window as unknown as { gopherchina: { openedFiles: () => string[] } }).gopherchina.openedFiles())).toContain(NOTE);
	});

	it("keeps focus on the same item when the note changes under the pane", async () => {
		const box = page.locator(".gopherchina-checkbox").nth(2);
		await box.focus();
		const name = (await focused(page)).name;
		await page.evaluate(async (path) => {
			const gc = (window as unknown as { gopherchina: { runtime: { read: (p: string) => Promise<string>; modify: (p: string, t: string) => Promise<void> } } }).gopherchina;
			await gc.runtime.modify(path, `${await gc.runtime.read(path)}\n- [ ] 新的学习任务\n`);
		}, NOTE);
		await page.waitForFunction(() => document.querySelector(".gopherchina-progress-text")?.textContent === "4 of 18 study items done");
		expect((await focused(page)).name).toBe(name);
	});

	it("walks a talk's row: the title is the stop, Tab reaches its PDF, download and notes, the arrow keys move along the row", async () => {
		await page.locator(".gopherchina-tab[data-tab='talks']").click();
		const title = page.locator(".gopherchina-session", { hasText: "The State Of Go 2023" }).first().locator(".gopherchina-session-title");
		await title.focus();
		expect(await focused(page)).toMatchObject({ role: "link", name: "The State Of Go 2023" });
		await page.keyboard.press("Tab");
		expect((await focused(page)).name).toMatch(/^PDF: 1\.1\.3 The State Of Go 2023/);
		await page.keyboard.press("ArrowRight");
		expect((await focused(page)).name).toBe("Download 1.1.3 The State Of Go 2023 to the vault");
		await page.keyboard.press("ArrowRight");
		expect((await focused(page)).name).toBe("2 notes about 1.1.3 The State Of Go 2023");
		await page.keyboard.press("ArrowRight");
		expect((await focused(page)).name).toBe("Add a study item to 1.1.3 The State Of Go 2023");
		await page.keyboard.press("ArrowRight");
		expect((await focused(page)).name).toBe("Add a study item to 1.1.3 The State Of Go 2023");
		for (let i = 0; i < 4; i++) {
			await page.keyboard.press("ArrowLeft");
		}
		expect(await focused(page)).toMatchObject({ role: "link", name: "The State Of Go 2023" });
		await page.keyboard.press("ArrowDown");
		expect((await focused(page)).role).toBe("link");
		expect((await focused(page)).name).not.toBe("The State Of Go 2023");
	});

	it("never leaves the focused row under the sticky header, walking down and back up a long list", async () => {
		const many: Record<string, string> = {};
		for (let n = 1; n <= 8; n++) {
			many[`Bulk ${n}.md`] = ["#gopherchina", "## Part", ...Array.from({ length: 12 }, (_, i) => `- [ ] item ${n}.${i}`)].join("\n");
		}
		const small = await openDashboardPage(browser(), { files: many, theme: "light", data: { viewState: { expanded: { "study:note:Bulk 4.md": true, "study:note:Bulk 5.md": true } } } }, { width: 360, height: 500 });
		try {
			const hidden = async (): Promise<boolean> =>
				small.evaluate(() => {
					const el = document.activeElement as HTMLElement;
					const sticky = document.querySelector(".gopherchina-sticky") as HTMLElement;
					const scroller = document.querySelector(".gopherchina-dashboard") as HTMLElement;
					const box = el.getBoundingClientRect();
					return box.top < sticky.getBoundingClientRect().bottom - 1 || box.bottom > scroller.getBoundingClientRect().bottom + 1;
				});
			await small.locator(".gopherchina-body [data-nav]").first().focus();
			let under = 0;
			for (let i = 0; i < 40; i++) {
				await small.keyboard.press("ArrowDown");
				under += (await hidden()) ? 1 : 0;
			}
			for (let i = 0; i < 40; i++) {
				await small.keyboard.press("ArrowUp");
				under += (await hidden()) ? 1 : 0;
			}
			await small.keyboard.press("End");
			await small.keyboard.press("Home");
			under += (await hidden()) ? 1 : 0;
			expect(under).toBe(0);
			expect(await small.locator(".gopherchina-dashboard").evaluate((el) => el.scrollTop)).toBe(0);
		} finally {
			await small.close();
		}
	});

	it("lays talks out by the pane's own width: one line from 500 px, a table from 700 px", async () => {
		const layoutAt = async (width: number): Promise<{ oneLine: boolean; table: boolean }> => {
			const wide = await openDashboardPage(browser(), { files, theme: "light", layout: "main", data: { viewState: { tab: "talks" } } }, { width, height: 600 });
			try {
				return await wide.evaluate(() => {
					const row = document.querySelector(".gopherchina-session") as HTMLElement;
					const head = document.querySelector(".gopherchina-session-head") as HTMLElement;
					return { oneLine: !getComputedStyle(row).gridTemplateAreas.includes('" "'), table: getComputedStyle(head).display !== "none" };
				});
			} finally {
				await wide.close();
			}
		};
		expect(await layoutAt(490)).toEqual({ oneLine: false, table: false });
		expect(await layoutAt(505)).toEqual({ oneLine: true, table: false });
		expect(await layoutAt(695)).toEqual({ oneLine: true, table: false });
		expect(await layoutAt(705)).toEqual({ oneLine: true, table: true });
	});

	it("lets a tall code block scroll inside itself, so its header can stay at its top", async () => {
		const style = await page.evaluate(() => {
			const block = document.body.createDiv({ cls: "gopherchina-dashboard gopherchina-block" });
			const computed = getComputedStyle(block);
			const result = { maxHeight: computed.maxHeight, overflowY: computed.overflowY };
			block.remove();
			return result;
		});
		expect(style.maxHeight).not.toBe("none");
		expect(style.overflowY).toBe("auto");
	});
});
