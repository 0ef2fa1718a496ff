import { setLanguage } from "../../src/i18n";
import { cutText } from "../../src/ui/study-list";
import { setNetwork } from "../../sandbox/network";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { accessibleName, click, exampleFiles, flush, pane, settleView } from "./helpers";

/** The accessible name of the focused element. */
function focusedName(): string {
	return document.activeElement ? accessibleName(document.activeElement) : "";
}

function checkbox(harness: PluginHarness, text: string): HTMLInputElement {
	const found = Array.from(pane(harness).querySelectorAll<HTMLInputElement>(".gopherchina-checkbox")).find((box) => accessibleName(box) === text);
	if (!found) {
		throw new Error(`no item ${text}`);
	}
	return found;
}

describe("focus and names in the pane, as a keyboard user meets them", () => {
	let harness: PluginHarness | null = null;
	afterEach(() => {
		if (harness) {
			unloadPlugin(harness);
			harness = null;
		}
		setLanguage(null);
		setNetwork(null);
	});

	it("keeps focus on the same item when a line is written above it (focus follows the item, not its line)", async () => {
		harness = await loadPlugin({ "N.md": "#gopherchina\n- [ ] Alpha\n- [ ] Bravo\n- [ ] Charlie\n" });
		await harness.command("open");
		checkbox(harness, "Bravo").focus();
		await harness.runtime.modify("N.md", "#gopherchina\nA new first line\n\n- [ ] Alpha\n- [ ] Bravo\n- [ ] Charlie\n");
		await settleView();
		expect(focusedName()).toBe("Bravo");
		// Two items with one text are told apart by which of them they are.
		await harness.runtime.modify("N.md", "#gopherchina\n- [ ] Bravo\n- [ ] Alpha\n- [ ] Bravo\n");
		await settleView();
		const boxes = Array.from(pane(harness).querySelectorAll<HTMLElement>(".gopherchina-checkbox")).map((box) => box.dataset.focusKey);
		expect(new Set(boxes).size).toBe(3);
	});

	it("goes on to the next note's group when the focused note is renamed away", async () => {
		const many = Array.from({ length: 20 }, (_, i) => `- [ ] a${i + 1}`).join("\n");
		harness = await loadPlugin({ "A.md": `#gopherchina\n${many}\n`, "B.md": "#gopherchina\n- [ ] b1\n" });
		await harness.command("open");
		checkbox(harness, "a2").focus();
		await harness.runtime.rename("A.md", "Z.md");
		await settleView();
		expect(document.activeElement?.getAttribute("data-focus-key")).toBe("group:study:note:B.md");
	});

	it("keeps focus on a talk's Download button while it works, and after it fails", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks" } });
		await harness.command("open");
		const button = pane(harness).querySelector<HTMLButtonElement>(".gopherchina-download") as HTMLButtonElement;
		const key = button.dataset.focusKey;
		button.focus();
		click(button);
		expect(document.activeElement).toBe(button);
		expect(button.getAttribute("aria-busy")).toBe("true");
		await flush(6);
		await settleView();
		expect(document.activeElement?.getAttribute("data-focus-key")).toBe(key);
		expect(document.activeElement?.hasAttribute("aria-busy")).toBe(false);
	});

	it("lets Tab reach a link to a note inside an item, and Enter open it", async () => {
		harness = await loadPlugin({ "N.md": "#gopherchina\n- [ ] read [[Other]] and [[Other|the other note]]\n", "Other.md": "# Other\n" });
		await harness.command("open");
		const links = Array.from(pane(harness).querySelectorAll<HTMLElement>(".gopherchina-item .internal-link"));
		expect(links.map((link) => [link.getAttribute("role"), link.hasAttribute("tabindex")])).toEqual([
			["link", true],
			["link", true],
		]);
		links[1]?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		await flush(4);
		const leaves = (harness.runtime.app.workspace as unknown as { leaves: Array<{ file__: { path: string } | null }> }).leaves;
		expect(leaves.some((leaf) => leaf.file__?.path === "Other.md")).toBe(true);
	});

	it("moves focus to the first row drawn by Show more, also when the page starts with a heading", async () => {
		const lines = ["#gopherchina", "## First part", ...Array.from({ length: 50 }, (_, i) => `- Why does thing ${i} happen?`), "## Second part", ...Array.from({ length: 10 }, (_, i) => `- Why does other ${i} happen?`)];
		harness = await loadPlugin({ "Q.md": lines.join("\n") }, { viewState: { tab: "questions" } });
		await harness.command("open");
		const more = pane(harness).querySelector<HTMLElement>(".gopherchina-show-more") as HTMLElement;
		expect(more.getAttribute("aria-label")).toBe("Show 10 more: Q");
		more.focus();
		click(more);
		expect(document.activeElement?.textContent).toBe("Why does other 0 happen?");
	});

	it("keeps each tab's list stop: back on a tab, Tab enters its list where the user left it", async () => {
		harness = await loadPlugin(exampleFiles());
		await harness.command("open");
		const box = pane(harness).querySelectorAll<HTMLInputElement>(".gopherchina-checkbox")[3] as HTMLInputElement;
		const key = box.dataset.focusKey;
		box.focus();
		click(pane(harness).querySelector(".gopherchina-tab[data-tab='talks']"));
		click(pane(harness).querySelector(".gopherchina-tab[data-tab='study']"));
		const stop = Array.from(pane(harness).querySelectorAll<HTMLElement>(".gopherchina-body [data-nav]")).find((el) => el.tabIndex === 0);
		expect(stop?.dataset.focusKey).toBe(key);
	});

	it("leaves the filter box alone while an input method composes in it", async () => {
		harness = await loadPlugin(exampleFiles());
		await harness.command("open");
		const filter = pane(harness).querySelector<HTMLInputElement>(".gopherchina-filter") as HTMLInputElement;
		filter.focus();
		filter.dispatchEvent(new CompositionEvent("compositionstart", { bubbles: true }));
		filter.value = "fu";
		filter.dispatchEvent(new InputEvent("input", { bubbles: true, isComposing: true }));
		await harness.runtime.modify("Talks/Deep dive.md", "#GopherChina\n- [ ] new\n");
		await settleView();
		expect(pane(harness).querySelector(".gopherchina-filter")).toBe(filter);
		filter.value = "复";
		filter.dispatchEvent(new CompositionEvent("compositionend", { bubbles: true, data: "复" }));
		await settleView();
		await new Promise((resolve) => setTimeout(resolve, 400));
		expect(pane(harness).querySelector<HTMLInputElement>(".gopherchina-filter")?.value).toBe("复");
		expect((harness.plugin as unknown as { viewState: { filter: string } }).viewState.filter).toBe("复");
	});

	it("cuts a long text between characters, never inside an emoji", () => {
		const text = `a${"😀".repeat(1200)}`;
		const cut = cutText(text, 2000);
		expect(cut.endsWith("…")).toBe(true);
		expect(/[\ud800-\udbff]…$/.test(cut)).toBe(false);
		expect(cutText("short", 2000)).toBe("short");
	});

	it("writes the detail of a PDF button's name in the language's own brackets", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks" }, language: "zh" });
		await harness.command("open");
		const names = Array.from(pane(harness).querySelectorAll(".gopherchina-pdf")).map((button) => button.getAttribute("aria-label") ?? "");
		expect(names[0]).toMatch(/^PDF：\S.*（.+）$/);
	});
});
