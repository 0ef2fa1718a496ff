import { WorkspaceLeaf } from "obsidian-test-mocks/obsidian";
import { VIEW_TYPE } from "../../src/ui/dashboard-view";
import { SAVE_DELAY_MS } from "../../src/ui/dashboard";
import { localDate } from "../../src/ui/checkoff-action";
import { setAppLanguage } from "../../sandbox/language";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { click, exampleFiles, flush, itemRow, pane, settleView, texts } from "./helpers";

describe("more of the pane's behaviour", () => {
	let harness: PluginHarness;
	afterEach(() => {
		setAppLanguage("en");
		unloadPlugin(harness);
	});

	it("opens on start-up when asked to", async () => {
		harness = await loadPlugin(exampleFiles(), { openOnStartup: true });
		await flush();
		expect(harness.runtime.app.workspace.getLeavesOfType(VIEW_TYPE)).toHaveLength(1);
	});

	it("does not open on start-up by default", async () => {
		harness = await loadPlugin(exampleFiles());
		await flush();
		expect(harness.runtime.app.workspace.getLeavesOfType(VIEW_TYPE)).toHaveLength(0);
	});

	it("follows Obsidian's language when no language is chosen", async () => {
		setAppLanguage("zh-TW");
		harness = await loadPlugin(exampleFiles());
		await harness.command("open");
		expect(pane(harness).querySelector(".gopherchina-progress-text")?.textContent).toBe("已完成 4 / 17 项学习任务");
	});

	it("opens the note at the item's line, in a new tab with the modifier key", async () => {
		harness = await loadPlugin(exampleFiles());
		await harness.command("open");
		const calls: Array<{ path: string; line: unknown }> = [];
		const proto = WorkspaceLeaf.prototype as unknown as { openFile: (file: { path: string }, state?: { eState?: { line?: number } }) => Promise<void> };
		const original = proto.openFile;
		proto.openFile = async function (file, state) {
			calls.push({ path: file.path, line: state?.eState?.line });
			return original.call(this, file, state);
		};
		try {
			click(itemRow(pane(harness), "内存逃逸分析").querySelector(".gopherchina-item-text"));
			await flush();
			expect(calls).toEqual([{ path: "GopherChina 2023 总结.md", line: 65 }]);
			const before = (harness.runtime.app.workspace as unknown as { leaves: unknown[] }).leaves.length;
			click(itemRow(pane(harness), "内存逃逸分析").querySelector(".gopherchina-item-text"), { ctrlKey: true, metaKey: true });
			await flush();
			expect((harness.runtime.app.workspace as unknown as { leaves: unknown[] }).leaves.length).toBe(before + 1);
		} finally {
			proto.openFile = original;
		}
	});

	it("adds a completion date when the setting is on", async () => {
		harness = await loadPlugin(exampleFiles(), { completionDate: true });
		await harness.command("open");
		click(itemRow(pane(harness), "内存逃逸分析").querySelector("input"));
		await flush();
		expect((await harness.runtime.read("GopherChina 2023 总结.md")).split("\n")[65]).toBe(`- [x] 内存逃逸分析 ✅ ${localDate(new Date())}`);
	});

	it("opens internal links of an item's text as notes, and keeps other schemes inert", async () => {
		harness = await loadPlugin({
			"a.md": "#gopherchina\n- [ ] read [[b]] and [x](javascript:alert(1)) and [site](https://go.dev)\n",
			"b.md": "# b\n",
		});
		await harness.command("open");
		const text = pane(harness).querySelector(".gopherchina-item-text") as HTMLElement;
		expect(text.querySelector("a.internal-link")?.textContent).toBe("b");
		expect(text.querySelector(".gopherchina-inert-link")?.textContent).toBe("x");
		expect(text.querySelector(".gopherchina-inert-link")?.getAttribute("href")).toBeNull();
		expect(text.querySelector("a.external-link")?.getAttribute("href")).toBe("https://go.dev");
		expect(Array.from(text.querySelectorAll("a")).map((a) => a.getAttribute("href"))).not.toContain("javascript:alert(1)");
		click(text.querySelector("a.internal-link"));
		await flush();
		const leaves = (harness.runtime.app.workspace as unknown as { leaves: Array<{ file__: { path: string } | null }> }).leaves;
		expect(leaves.some((leaf) => leaf.file__?.path === "b.md")).toBe(true);
	});

	it("shows a long group's first rows and the rest on demand", async () => {
		const items = Array.from({ length: 120 }, (_, i) => `- [ ] item ${i}`).join("\n");
		harness = await loadPlugin({ "long.md": `#gopherchina\n${items}\n` });
		await harness.command("open");
		expect(pane(harness).querySelectorAll(".gopherchina-item")).toHaveLength(50);
		click(pane(harness).querySelector(".gopherchina-show-more"));
		expect(pane(harness).querySelectorAll(".gopherchina-item")).toHaveLength(100);
		click(pane(harness).querySelector(".gopherchina-show-more"));
		expect(pane(harness).querySelectorAll(".gopherchina-item")).toHaveLength(120);
		expect(pane(harness).querySelector(".gopherchina-show-more")).toBeNull();
	});
});

describe("the pane's scroll position", () => {
	let harness: PluginHarness;
	afterEach(() => unloadPlugin(harness));

	const NOTE = "GopherChina 2023 总结.md";

	/**
	 * Stands in for the browser's scroll: records every scroll the pane sets (setting one makes the
	 * browser lay the pane out at once); `browserMoves` changes it as the browser may, with no event
	 * (a pane moved to another split is back at the top).
	 */
	function scrollOf(el: HTMLElement): { set: number[]; browserMoves: (to: number) => void } {
		const set: number[] = [];
		let value = 0;
		Object.defineProperty(el, "scrollTop", {
			configurable: true,
			get: () => value,
			set: (next: number) => {
				set.push(next);
				value = next;
			},
		});
		return { set, browserMoves: (to) => (value = to) };
	}

	function userScrolls(el: HTMLElement, to: number): void {
		el.scrollTop = to;
		el.dispatchEvent(new Event("scroll"));
	}

	async function addItem(text: string): Promise<void> {
		await harness.runtime.modify(NOTE, `${await harness.runtime.read(NOTE)}\n- [ ] ${text}\n`);
		await settleView();
	}

	it("sets no scroll when a redraw leaves it where it is, and brings each tab back to its own", async () => {
		harness = await loadPlugin(exampleFiles());
		await harness.command("open");
		const container = pane(harness);
		const { set } = scrollOf(container);
		// A redraw at the top (a note changed) does not touch the scroll.
		await addItem("新的学习任务");
		expect(texts(container, ".gopherchina-item-text")).toContain("新的学习任务");
		expect(set).toEqual([]);
		// Scrolled down on the study tab, then to the talks (at their top) and back.
		userScrolls(container, 120);
		set.length = 0;
		click(container.querySelector(".gopherchina-tab[data-tab='talks']"));
		await flush();
		expect(container.scrollTop).toBe(0);
		click(container.querySelector(".gopherchina-tab[data-tab='study']"));
		await flush();
		expect(container.scrollTop).toBe(120);
		expect(set).toEqual([0, 120]);
	});

	it("puts the scroll back when the browser moved it without telling", async () => {
		harness = await loadPlugin(exampleFiles());
		await harness.command("open");
		const container = pane(harness);
		const scroll = scrollOf(container);
		userScrolls(container, 120);
		scroll.browserMoves(0);
		await addItem("又一个学习任务");
		expect(texts(container, ".gopherchina-item-text")).toContain("又一个学习任务");
		expect(container.scrollTop).toBe(120);
	});

	it.each([
		["while its scroll waits to be saved", false],
		["once it is saved", true],
	])("follows a state set on the open view to the top (%s)", async (_when, saved) => {
		harness = await loadPlugin(exampleFiles());
		await harness.command("open");
		const container = pane(harness);
		scrollOf(container);
		userScrolls(container, 120);
		if (saved) {
			await new Promise((resolve) => setTimeout(resolve, SAVE_DELAY_MS + 200));
		}
		const view = harness.runtime.app.workspace.getLeavesOfType(VIEW_TYPE)[0]?.view as unknown as {
			getState: () => { dashboard: Record<string, unknown> };
			setState: (state: unknown, result: unknown) => Promise<void>;
		};
		await view.setState({ dashboard: { ...view.getState().dashboard, scrollTop: 0 } }, { history: false });
		await flush();
		expect(container.scrollTop).toBe(0);
		expect(view.getState().dashboard.scrollTop).toBe(0);
	});
});
