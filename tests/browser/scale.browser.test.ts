/** @jest-environment node */
import { openDashboardPage } from "../../sandbox/browser/page";
import { syntheticVault } from "../../sandbox/synthetic-vault";
import { inChromium } from "./suite";

/**
 * A vault too large for the first draw to count everything: in the browser the pane is drawn, then
 * its counts are filled in by slices, each in a task of its own.
 */
inChromium("a large vault in Chromium", (browser) => {
	it("draws the pane at once, then fills in the counts", async () => {
		// 2,000 notes, 400 of them tracked: more than the first draw counts by itself.
		const page = await openDashboardPage(browser(), { files: syntheticVault({ notes: 2000, seed: 3 }), theme: "light" }, undefined, 60_000);
		const counts = page.locator(".gopherchina-counts");
		await page.waitForFunction(() => document.querySelector(".gopherchina-counts")?.textContent?.includes("…") === false, undefined, { timeout: 30_000 });
		expect(await counts.textContent()).toMatch(/^400 notes · \d+ talks · 0 PDFs in the vault$/);
		expect(await page.locator(".gopherchina-tab[data-tab='questions'] .gopherchina-tab-count").textContent()).toMatch(/^\d+$/);
		await page.close();
	});
});
