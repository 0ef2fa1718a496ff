import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { syntheticVault } from "../../sandbox/synthetic-vault";
import { pane } from "./helpers";
import { countNodes } from "../../sandbox/dom-count";


describe("a large vault", () => {
	jest.setTimeout(60_000);
	let harness: PluginHarness;
	afterAll(() => unloadPlugin(harness));

	it("draws the pane with few nodes, then fills in the counts without blocking the first draw", async () => {
		harness = await loadPlugin(syntheticVault({ notes: 1500, seed: 7 }));
		const notes = harness.plugin.index.noteCount();
		expect(notes).toBe(300);
		expect(harness.plugin.index.pendingNotes()).toBe(300);
		await harness.command("open");
		const el = pane(harness);
		expect(el.querySelector(".gopherchina-counts")?.textContent).toBe("300 notes · counting talks…");
		expect(el.querySelectorAll(".gopherchina-group")).toHaveLength(50);
		expect(el.querySelector(".gopherchina-show-more")?.textContent).toBe("Show 50 more");
		expect(countNodes(el)).toBeLessThan(2000);
		for (let i = 0; i < 200 && el.querySelector(".gopherchina-counts")?.textContent?.includes("…") === true; i++) {
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		const talks = harness.plugin.index.sessionCounts().sessions;
		expect(el.querySelector(".gopherchina-counts")?.textContent).toBe(`300 notes · ${talks} talks · 0 PDFs in the vault`);
		expect(el.querySelector(".gopherchina-tab[data-tab='talks'] .gopherchina-tab-count")?.textContent).toBe(String(talks));
		expect(harness.plugin.index.pendingNotes()).toBe(0);
	});
});
