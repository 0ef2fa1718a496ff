import { VIEW_TYPE } from "../../src/ui/dashboard-view";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { captureNotices, click, exampleFiles, flush, itemRow, pane, settleView, texts } from "./helpers";

const NOTE = "GopherChina 2023 总结.md";

describe("the dashboard pane", () => {
	let harness: PluginHarness;
	afterEach(() => unloadPlugin(harness));

	it("opens from the command in the right sidebar, and the command reveals it instead of opening another", async () => {
		harness = await loadPlugin(exampleFiles());
		await harness.command("open");
		await harness.command("open");
		expect(harness.runtime.app.workspace.getLeavesOfType(VIEW_TYPE)).toHaveLength(1);
		expect(harness.mock.ribbonActions__).toHaveLength(1);
		const el = pane(harness);
		expect(el.querySelector(".gopherchina-progress-text")?.textContent).toBe("4 of 17 study items done");
		expect(el.querySelector(".gopherchina-counts")?.textContent).toBe("6 notes · 34 talks · 4 PDFs in the vault");
		expect(texts(el, ".gopherchina-tab")).toEqual(["Study13", "Talks34", "Questions5"]);
	});

	it("opens in a main tab from its own command", async () => {
		harness = await loadPlugin(exampleFiles());
		await harness.command("open-in-tab");
		expect(harness.runtime.app.workspace.getLeavesOfType(VIEW_TYPE)).toHaveLength(1);
	});

	it("lists open study items by note and heading path, with inline markdown", async () => {
		harness = await loadPlugin(exampleFiles());
		await harness.command("open");
		const el = pane(harness);
		const group = el.querySelector<HTMLElement>('[data-group="study:note:GopherChina 2023 总结.md"]')?.closest<HTMLElement>(".gopherchina-group");
		expect(group?.querySelector(".gopherchina-group-title")?.textContent).toBe("GopherChina 2023 总结");
		expect(group?.querySelector(".gopherchina-group-meta")?.textContent).toBe("4 open");
		expect(texts(group as HTMLElement, ".gopherchina-heading-path")).toEqual(["Content › 矩阵起源 Matrixone › Context", "Content › 矩阵起源 Matrixone › Interface & Generic"]);
		expect(texts(group as HTMLElement, ".gopherchina-item-text")).toEqual(["Context 对于新手来说是非常友好的，所以可以写篇文章总结一下", "有关 goroutine 泄露的问题", "接口的统一管理如何做", "内存逃逸分析"]);
		const code = Array.from(el.querySelectorAll(".gopherchina-item-text code")).map((node) => node.textContent);
		expect(code).toEqual(["slices", "maps"]);
		expect(el.querySelector(".gopherchina-item.gopherchina-depth-1 .gopherchina-item-text")?.textContent).toBe("试一试 slices 和 maps 包");
	});

	it("checks off an item: the note changes by exactly that character, the row is pending, then updates", async () => {
		harness = await loadPlugin(exampleFiles());
		const notices = captureNotices();
		await harness.command("open");
		const before = await harness.runtime.read(NOTE);
		const row = itemRow(pane(harness), "有关 goroutine 泄露的问题");
		click(row.querySelector("input"));
		expect(row.classList.contains("is-pending")).toBe(true);
		expect(row.querySelector("input")?.getAttribute("aria-busy")).toBe("true");
		await flush();
		const after = await harness.runtime.read(NOTE);
		expect(after.length).toBe(before.length);
		const changed = [...after].flatMap((char, i) => (char === before[i] ? [] : [i]));
		expect(changed).toHaveLength(1);
		expect(after.split("\n")[47]).toBe("- [x] 有关 goroutine 泄露的问题");
		expect(notices.messages()).toContain("Checked off: 有关 goroutine 泄露的问题Undo");
		await settleView();
		expect(texts(pane(harness), ".gopherchina-item-text")).not.toContain("有关 goroutine 泄露的问题");
		expect(harness.plugin.index.progress()).toEqual({ open: 12, done: 5 });
	});

	it("undoes a check-off from the notice", async () => {
		harness = await loadPlugin(exampleFiles());
		const notices = captureNotices();
		await harness.command("open");
		const before = await harness.runtime.read(NOTE);
		click(itemRow(pane(harness), "内存逃逸分析").querySelector("input"));
		await flush();
		expect(await harness.runtime.read(NOTE)).not.toBe(before);
		click(notices.elements().at(-1)?.querySelector("button"));
		await flush();
		expect(await harness.runtime.read(NOTE)).toBe(before);
		// Undo says so, and focus (gone with the notice) comes back to the item's row.
		expect(notices.messages().at(-1)).toBe("Undone: 内存逃逸分析");
		await settleView();
		// The cache read the undo while it was written: the row waits for nothing more.
		expect(itemRow(pane(harness), "内存逃逸分析").classList.contains("is-pending")).toBe(false);
		expect(document.activeElement?.closest(".gopherchina-item")?.querySelector(".gopherchina-item-text")?.textContent).toBe("内存逃逸分析");
	});

	it("refuses a check-off when the line changed under it, and writes nothing", async () => {
		harness = await loadPlugin(exampleFiles());
		const notices = captureNotices();
		await harness.command("open");
		const row = itemRow(pane(harness), "接口的统一管理如何做");
		// The note changes while the metadata cache has not read it yet (someone is typing in it).
		const edited = (await harness.runtime.read(NOTE)).replace("- [ ] 接口的统一管理如何做", "- [ ] 接口的统一管理如何做（改过）");
		harness.runtime.holdMetadata();
		await harness.runtime.modify(NOTE, edited);
		click(row.querySelector("input"));
		await flush();
		expect(await harness.runtime.read(NOTE)).toBe(edited);
		expect(notices.messages()).toContain("Nothing was written: this note is being edited right now. Check the item off again once the dashboard has caught up.");
		harness.runtime.releaseMetadata();
		await settleView();
		expect(texts(pane(harness), ".gopherchina-item-text")).toContain("接口的统一管理如何做（改过）");
	});

	it("stays live: an edit to a note shows at once, keeping the filter, open groups and tab", async () => {
		harness = await loadPlugin(exampleFiles());
		await harness.command("open");
		let el = pane(harness);
		const filter = el.querySelector<HTMLInputElement>(".gopherchina-filter");
		if (!filter) {
			throw new Error("no filter");
		}
		filter.value = "goroutine";
		filter.dispatchEvent(new Event("input"));
		await settleView();
		expect(texts(pane(harness), ".gopherchina-item-text")).toEqual(["有关 goroutine 泄露的问题"]);
		await harness.runtime.modify(NOTE, (await harness.runtime.read(NOTE)).replace("## Reference", "- [ ] goroutine 调度再看一遍\n\n## Reference"));
		await settleView();
		el = pane(harness);
		expect(el.querySelector<HTMLInputElement>(".gopherchina-filter")?.value).toBe("goroutine");
		expect(texts(el, ".gopherchina-item-text")).toEqual(["有关 goroutine 泄露的问题", "goroutine 调度再看一遍"]);
	});

	it("keeps collapsed groups collapsed across redraws and when reopened", async () => {
		harness = await loadPlugin(exampleFiles());
		await harness.command("open");
		const header = pane(harness).querySelector<HTMLElement>('[data-group="study:note:GopherChina 2023 总结.md"]');
		click(header);
		expect(header?.getAttribute("aria-expanded")).toBe("false");
		await harness.runtime.modify("Talks/Deep dive.md", "#GopherChina\n- [ ] new\n");
		await settleView();
		const again = pane(harness).querySelector<HTMLElement>('[data-group="study:note:GopherChina 2023 总结.md"]');
		expect(again?.getAttribute("aria-expanded")).toBe("false");
		expect(again?.closest(".gopherchina-group")?.querySelectorAll(".gopherchina-item")).toHaveLength(0);
		harness.runtime.app.workspace.detachLeavesOfType(VIEW_TYPE);
		await harness.command("open");
		expect(pane(harness).querySelector('[data-group="study:note:GopherChina 2023 总结.md"]')?.getAttribute("aria-expanded")).toBe("false");
	});

	it("shows completed items and groups by talk when toggled, and saves the setting", async () => {
		harness = await loadPlugin(exampleFiles());
		await harness.command("open");
		click(pane(harness).querySelector('[data-toggle="show-completed"]'));
		await settleView();
		expect(harness.plugin.options.showCompleted).toBe(true);
		expect(texts(pane(harness), ".gopherchina-tab")[0]).toBe("Study17");
		const done = itemRow(pane(harness), "写一篇总结");
		expect(done.classList.contains("is-checked")).toBe(true);
		click(pane(harness).querySelector('[data-toggle="group-by-session"]'));
		await settleView();
		expect(texts(pane(harness), ".gopherchina-group-title")).toContain("1.1.3 The State Of Go 2023");
		expect(texts(pane(harness), ".gopherchina-group-title")).toContain("Not tied to a talk");
	});

	it("marks in-progress items", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { filter: "FFI" } });
		await harness.command("open");
		const row = itemRow(pane(harness), "整理 Rust 与 Go 的 FFI 开销");
		expect(row.querySelector(".gopherchina-badge")?.textContent).toBe("In progress");
		expect(row.dataset.task).toBe("/");
	});

	it("says what to do when nothing is tracked yet", async () => {
		harness = await loadPlugin({ "a.md": "# nothing here\n" });
		await harness.command("open");
		expect(pane(harness).querySelector(".gopherchina-empty")?.textContent).toBe(
			"No notes tagged #gopherchina yet. Add the tag to a note (or change the tracked tags in settings) and it shows up here.",
		);
	});

	it("says when the filter matches nothing", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { filter: "zzz-nothing" } });
		await harness.command("open");
		expect(pane(harness).querySelector(".gopherchina-empty")?.textContent).toBe("Nothing matches the filter.");
	});

	it("filters by year", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks", year: "2019" } });
		await harness.command("open");
		expect(texts(pane(harness), ".gopherchina-code")).toEqual(["1-2", "1-3", "2-5"]);
		const select = pane(harness).querySelector<HTMLSelectElement>(".gopherchina-year");
		expect(Array.from(select?.options ?? []).map((option) => option.value)).toEqual(["", "2023", "2023-shanghai", "2021", "2019"]);
	});
});
