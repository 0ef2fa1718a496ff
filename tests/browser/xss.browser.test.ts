/** @jest-environment node */
import { readFileSync } from "fs";
import { join } from "path";
import { openDashboardPage, ROOT } from "../../sandbox/browser/page";
import { inChromium } from "./suite";

const hostile = (name: string): string => readFileSync(join(ROOT, "tests", "fixtures", "hostile", name), "utf8");

inChromium("note text is never run, in a real browser", (browser) => {

	it("shows HTML, scripts, event handlers and javascript: links as text or inert links", async () => {
		const page = await openDashboardPage(browser(), {
			files: { "html-and-script.md": hostile("html-and-script.md"), "scheme-links.md": hostile("scheme-links.md") },
			theme: "light",
			data: { showCompleted: true },
		});
		const dialogs: string[] = [];
		page.on("dialog", (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		const pwned = (): Promise<unknown> => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);
		const texts = await page.locator(".gopherchina-item-text").allTextContents();
		expect(texts).toContain("<script>window.__pwned='script'</script> read this");
		expect(texts.some((text) => text.includes("<img src=x onerror="))).toBe(true);
		// Click every link and every item text the pane shows, in every tab.
		for (const tab of ["study", "questions", "talks"]) {
			await page.locator(`.gopherchina-tab[data-tab='${tab}']`).click();
			for (const link of await page.locator(".gopherchina-dashboard a, .gopherchina-inert-link, .gopherchina-item-text").all()) {
				await link.click({ force: true, modifiers: [] }).catch(() => undefined);
			}
		}
		await page.waitForTimeout(200);
		expect(await pwned()).toBeNull();
		expect(dialogs).toEqual([]);
		const dangerous = await page.evaluate(() => {
			const root = document.querySelector(".gopherchina-dashboard") as HTMLElement;
			const elements = Array.from(root.querySelectorAll("*"));
			return {
				tags: elements.filter((el) => ["SCRIPT", "IMG", "IFRAME", "OBJECT", "EMBED"].includes(el.tagName)).length,
				handlers: elements.filter((el) => Array.from(el.attributes).some((attr) => attr.name.startsWith("on"))).length,
				scriptLinks: Array.from(root.querySelectorAll("a")).filter((a) => !/^(https?:|$)/.test(a.getAttribute("href") ?? "")).length,
			};
		});
		expect(dangerous).toEqual({ tags: 0, handlers: 0, scriptLinks: 0 });
		await page.locator(".gopherchina-tab[data-tab='talks']").click();
		// The talk's title holds the markup as characters.
		expect(await page.locator(".gopherchina-session-title").allTextContents()).toEqual([`<img src=x onerror="window.__pwned='title'"> 1.3.1 Talk`]);
		await page.close();
	});
});
