import { FuzzySuggestModal } from "obsidian-test-mocks/obsidian";
import type { Session } from "../../src/index/sessions";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { captureMenus, captureNotices, click, flush, itemRow, pane, settleView, texts } from "./helpers";

const EDITING = "Nothing was written: this note is being edited right now. Try again once the dashboard has caught up.";
const BASE = "https://github.com/gopherchina/conference/blob/master";
const NOTE = "2023/gc.md";
const TEXT = [
	"---",
	"tags: [gopherchina]",
	"year: 2023",
	"---",
	`- [2.2.3 GC 调优](${BASE}/2023/2.2.3%20GC.pdf)`,
	`- [1.1.1 The State Of Go](${BASE}/2023/1.1.1%20State.pdf)`,
	"",
	"## 复习",
	"- [ ] 看一下写屏障",
	"- [ ] 对照源码读一遍 ✅ 2024-05-01",
	"- [ ] 跑一下 benchmark",
	"",
	"## 其他",
	"- [ ] 整理笔记",
	"",
].join("\n");

/** Captures the talk picker when it opens: its items, their texts, and a way to choose one. */
function capturePicker(): Array<{ items: Session[]; text: (session: Session) => string; choose: (text: string) => void }> {
	const opened: Array<{ items: Session[]; text: (session: Session) => string; choose: (text: string) => void }> = [];
	const proto = FuzzySuggestModal.prototype as unknown as { open: () => void };
	proto.open = function (this: FuzzySuggestModal<Session>) {
		const items = this.getItems();
		opened.push({
			items,
			text: (session) => this.getItemText(session),
			choose: (text) => {
				const session = items.find((item) => this.getItemText(item) === text);
				if (!session) {
					throw new Error(`no talk ${text}; talks: ${items.map((item) => this.getItemText(item)).join(" | ")}`);
				}
				this.onChooseItem(session, new MouseEvent("click"));
			},
		});
	};
	return opened;
}

function contextMenu(el: Element): void {
	el.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true }));
}

/** Counts the note writes made through `vault.process`. */
function countProcess(harness: PluginHarness): () => number {
	const vault = harness.runtime.app.vault as unknown as { process: (...args: unknown[]) => Promise<string> };
	const original = vault.process.bind(vault);
	let calls = 0;
	vault.process = async (...args: unknown[]) => {
		calls++;
		return original(...args);
	};
	return () => calls;
}

describe("tying study items to talks from the dashboard", () => {
	let harness: PluginHarness;
	afterEach(() => unloadPlugin(harness));

	async function open(files: Record<string, string> = { [NOTE]: TEXT }, data: unknown = {}): Promise<ReturnType<typeof captureNotices>> {
		harness = await loadPlugin(files, data);
		const notices = captureNotices();
		await harness.command("open");
		return notices;
	}

	it("ties one item by hand: only ' (2.2.3)' is added on its line, and it shows under that talk", async () => {
		const notices = await open();
		const menus = captureMenus();
		const pickers = capturePicker();
		contextMenu(itemRow(pane(harness), "看一下写屏障"));
		expect(menus.at(-1)?.titles).toContain("Tie to a talk…");
		menus.at(-1)?.click("Tie to a talk…");
		expect(pickers).toHaveLength(1);
		expect(pickers[0]?.items.map((session) => pickers[0]?.text(session))).toEqual(["1.1.1 The State Of Go (2023)", "2.2.3 GC 调优 (2023)"]);
		pickers[0]?.choose("2.2.3 GC 调优 (2023)");
		await flush(4);
		expect(await harness.runtime.read(NOTE)).toBe(TEXT.replace("- [ ] 看一下写屏障\n", "- [ ] 看一下写屏障 (2.2.3)\n"));
		expect(notices.messages().at(-1)).toBe("Tied to 2.2.3 GC 调优: 看一下写屏障");
		await settleView();
		// Read back by the index as that talk.
		const gc = harness.plugin.index.sessions().find((session) => session.code?.code === "2.2.3");
		const item = harness.plugin.index.note(NOTE)?.studyItems.find((entry) => entry.text === "看一下写屏障 (2.2.3)");
		expect(harness.plugin.index.sessionOf(item?.sessionKey ?? null)).toBe(gc?.id);
		// Grouped by talk, it is under 2.2.3.
		click(pane(harness).querySelector("[data-toggle='group-by-session']"));
		await settleView();
		const group = Array.from(pane(harness).querySelectorAll(".gopherchina-group")).find((el) => el.querySelector(".gopherchina-group-title")?.textContent === "2.2.3 GC 调优");
		expect(group && texts(group, ".gopherchina-item-text")).toEqual(["看一下写屏障 (2.2.3)"]);
	});

	it("writes before a trailing completion date", async () => {
		await open({ [NOTE]: TEXT }, { showCompleted: true });
		const menus = captureMenus();
		const pickers = capturePicker();
		contextMenu(itemRow(pane(harness), "对照源码读一遍 ✅ 2024-05-01"));
		menus.at(-1)?.click("Tie to a talk…");
		pickers[0]?.choose("1.1.1 The State Of Go (2023)");
		await flush(4);
		expect(await harness.runtime.read(NOTE)).toBe(TEXT.replace("对照源码读一遍 ✅ 2024-05-01", "对照源码读一遍 (1.1.1) ✅ 2024-05-01"));
	});

	it("ties every untied item under a heading in one write", async () => {
		const notices = await open();
		const calls = countProcess(harness);
		const menus = captureMenus();
		const pickers = capturePicker();
		const heading = Array.from(pane(harness).querySelectorAll(".gopherchina-heading-path")).find((el) => el.textContent === "复习");
		if (!heading) {
			throw new Error("no heading 复习");
		}
		contextMenu(heading);
		expect(menus.at(-1)?.titles).toEqual(["Tie these items to a talk…"]);
		menus.at(-1)?.click("Tie these items to a talk…");
		pickers[0]?.choose("2.2.3 GC 调优 (2023)");
		await flush(4);
		expect(calls()).toBe(1);
		expect(await harness.runtime.read(NOTE)).toBe(
			TEXT.replace("- [ ] 看一下写屏障\n", "- [ ] 看一下写屏障 (2.2.3)\n")
				.replace("对照源码读一遍 ✅", "对照源码读一遍 (2.2.3) ✅")
				.replace("- [ ] 跑一下 benchmark\n", "- [ ] 跑一下 benchmark (2.2.3)\n"),
		);
		expect(notices.messages().at(-1)).toBe("Tied 3 items to 2.2.3 GC 调优");
		await settleView();
		const gc = harness.plugin.index.sessions().find((session) => session.code?.code === "2.2.3");
		const tied = harness.plugin.index.note(NOTE)?.studyItems.filter((item) => harness.plugin.index.sessionOf(item.sessionKey) === gc?.id).map((item) => item.text);
		expect(tied).toEqual(["看一下写屏障 (2.2.3)", "对照源码读一遍 (2.2.3) ✅ 2024-05-01", "跑一下 benchmark (2.2.3)"]);
	});

	it("leaves items under a heading that are tied already, and reaches the heading's action by keyboard", async () => {
		const text = TEXT.replace("- [ ] 跑一下 benchmark", "- [ ] 跑一下 benchmark (1.1.1)");
		await open({ [NOTE]: text });
		const calls = countProcess(harness);
		const pickers = capturePicker();
		const button = Array.from(pane(harness).querySelectorAll<HTMLButtonElement>(".gopherchina-tie-heading")).find((el) => el.parentElement?.textContent === "复习");
		expect(button?.tagName).toBe("BUTTON");
		expect(button?.getAttribute("aria-label")).toBe("Tie the untied items under 复习 to a talk");
		click(button);
		pickers[0]?.choose("2.2.3 GC 调优 (2023)");
		await flush(4);
		expect(calls()).toBe(1);
		expect(await harness.runtime.read(NOTE)).toBe(
			text.replace("- [ ] 看一下写屏障\n", "- [ ] 看一下写屏障 (2.2.3)\n").replace("对照源码读一遍 ✅", "对照源码读一遍 (2.2.3) ✅"),
		);
	});

	it("writes nothing for a whole heading when one of its items changed under the pane, and says so", async () => {
		const notices = await open();
		const calls = countProcess(harness);
		const pickers = capturePicker();
		const button = Array.from(pane(harness).querySelectorAll<HTMLButtonElement>(".gopherchina-tie-heading")).find((el) => el.parentElement?.textContent === "复习");
		const edited = TEXT.replace("- [ ] 跑一下 benchmark", "- [ ] 跑一下 benchmark，对比 Go 1.21");
		harness.runtime.holdMetadata();
		await harness.runtime.modify(NOTE, edited);
		click(button);
		pickers[0]?.choose("2.2.3 GC 调优 (2023)");
		await flush(4);
		expect(calls()).toBe(1);
		expect(await harness.runtime.read(NOTE)).toBe(edited);
		expect(notices.messages().at(-1)).toBe(EDITING);
		harness.runtime.releaseMetadata();
	});

	it("refuses one item whose line changed under the pane, and writes nothing", async () => {
		const notices = await open();
		const menus = captureMenus();
		const pickers = capturePicker();
		const row = itemRow(pane(harness), "整理笔记");
		const edited = TEXT.replace("- [ ] 整理笔记", "- [ ] 整理笔记和代码");
		harness.runtime.holdMetadata();
		await harness.runtime.modify(NOTE, edited);
		contextMenu(row);
		menus.at(-1)?.click("Tie to a talk…");
		pickers[0]?.choose("1.1.1 The State Of Go (2023)");
		await flush(4);
		expect(await harness.runtime.read(NOTE)).toBe(edited);
		expect(notices.messages().at(-1)).toBe(EDITING);
		expect(pane(harness).querySelector(".gopherchina-item.is-pending")).toBeNull();
		harness.runtime.releaseMetadata();
	});

	it("refuses a talk whose number would name another talk in the note's year (two editions)", async () => {
		const both = [
			"---",
			"tags: [gopherchina]",
			"---",
			`- [1.1.1 Keynote](${BASE}/2023/1.1.1%20Keynote.pdf)`,
			`- [1.1.1 Opening](${BASE}/2023-shanghai/1.1.1%20Opening.pdf)`,
			"- [ ] 复习开场",
			"",
		].join("\n");
		const notices = await open({ "both.md": both });
		const calls = countProcess(harness);
		const menus = captureMenus();
		const pickers = capturePicker();
		contextMenu(itemRow(pane(harness), "复习开场"));
		menus.at(-1)?.click("Tie to a talk…");
		expect(pickers[0]?.items.map((session) => pickers[0]?.text(session))).toEqual(["1.1.1 Keynote (2023)", "1.1.1 Opening (2023 · Shanghai)"]);
		pickers[0]?.choose("1.1.1 Opening (2023 · Shanghai)");
		await flush(4);
		expect(calls()).toBe(1);
		expect(await harness.runtime.read("both.md")).toBe(both);
		expect(notices.messages().at(-1)).toMatch(/^Nothing was written: in this note that talk number would not tie the item to that talk/u);
	});

	it("refuses a talk the note does not link: a number at the end of the line would not be read", async () => {
		const other = "#gopherchina\n\n- [ ] 看看别人的笔记\n";
		const notices = await open({ [NOTE]: TEXT, "other.md": other });
		const menus = captureMenus();
		const pickers = capturePicker();
		contextMenu(itemRow(pane(harness), "看看别人的笔记"));
		menus.at(-1)?.click("Tie to a talk…");
		pickers[0]?.choose("2.2.3 GC 调优 (2023)");
		await flush(4);
		expect(await harness.runtime.read("other.md")).toBe(other);
		expect(notices.messages().at(-1)).toMatch(/^Nothing was written: in this note that talk number/u);
	});

	it("speaks Chinese in the menus and notices", async () => {
		const notices = await open({ [NOTE]: TEXT }, { language: "zh" });
		const menus = captureMenus();
		const pickers = capturePicker();
		contextMenu(itemRow(pane(harness), "整理笔记"));
		expect(menus.at(-1)?.titles).toContain("关联到演讲…");
		menus.at(-1)?.click("关联到演讲…");
		pickers[0]?.choose("1.1.1 The State Of Go (2023)");
		await flush(4);
		expect(notices.messages().at(-1)).toBe("已关联到 1.1.1 The State Of Go：整理笔记");
	});
});

const YEARS: Record<string, string> = {
	"2023/summary.md": [
		"---",
		"tags: [gopherchina]",
		"year: 2023",
		"---",
		"# 2023 总结",
		`- [1.1.1 The State Of Go](${BASE}/2023/1.1.1%20State.pdf)`,
		`- [1.2.1 Go 泛型](${BASE}/2023/1.2.1%20Generics.pdf)`,
		`- [2.1.1 Kratos](${BASE}/2023/2.1.1%20Kratos.pdf)`,
		`- [2.2.3 GC 调优](${BASE}/2023/2.2.3%20GC.pdf)`,
		"",
		"## 待办",
		"- [ ] 再看一遍 (1.1.1)",
		"- [ ] 写个泛型的例子 (1.2.1)",
		"- [ ] 试试脚手架 (2.1.1)",
		"- [ ] 三色标记 (2.2.3)",
		"- [x] 整理幻灯片 (1.1.1)",
		"",
	].join("\n"),
	"2021/notes.md": [
		"#gopherchina/2021",
		"",
		`- [1.1 Go 调度器](${BASE}/2021/1.1%20Scheduler.pdf)`,
		`- [1.2 Go 网络](${BASE}/2021/1.2%20Net.pdf)`,
		"",
		"## 回顾",
		"- [ ] 总结一下",
		`- [ ] 对比一下 [2.2.3 GC 调优](${BASE}/2023/2.2.3%20GC.pdf)`,
		"",
	].join("\n"),
	"shanghai.md": ["---", "tags: [gopherchina]", "year: 2023", "edition: shanghai", "---", `- [1.1.1 Opening](${BASE}/2023-shanghai/1.1.1%20Opening.pdf)`, "- [ ] 上海场笔记", ""].join("\n"),
	"loose.md": "#gopherchina\n\n- [ ] 没有年份\n",
};

describe("the year menu and progress follow the ties", () => {
	let harness: PluginHarness;
	afterEach(() => unloadPlugin(harness));

	async function openAt(year: string, tab = "study", files: Record<string, string> = YEARS): Promise<HTMLElement> {
		harness = await loadPlugin(files, { viewState: { tab, year } });
		await harness.command("open");
		return pane(harness);
	}

	function studyTexts(el: HTMLElement): string[] {
		for (const header of Array.from(el.querySelectorAll<HTMLElement>(".gopherchina-group-toggle[aria-expanded='false']"))) {
			click(header);
		}
		return texts(el, ".gopherchina-item-text").sort();
	}

	it("shows an item in its talk's year, else its note's; a note without a year only under all years", async () => {
		let el = await openAt("2023");
		expect(studyTexts(el)).toEqual(["三色标记 (2.2.3)", "上海场笔记", "写个泛型的例子 (1.2.1)", "再看一遍 (1.1.1)", "对比一下 2.2.3 GC 调优", "试试脚手架 (2.1.1)"].sort());
		unloadPlugin(harness);
		el = await openAt("2021");
		expect(studyTexts(el)).toEqual(["总结一下"]);
		unloadPlugin(harness);
		el = await openAt("2023-shanghai");
		expect(studyTexts(el)).toEqual(["上海场笔记"]);
		unloadPlugin(harness);
		el = await openAt("");
		expect(studyTexts(el)).toContain("没有年份");
	});

	it("lists the years in the Talks tab's order: newest first, the main edition before the others", async () => {
		const el = await openAt("", "talks");
		const options = Array.from(el.querySelectorAll<HTMLOptionElement>(".gopherchina-year option")).map((option) => option.textContent);
		expect(options).toEqual(["All years", "2023", "2023 · Shanghai", "2021"]);
		expect(texts(el, ".gopherchina-group-title")).toEqual(["2023", "2023 · Shanghai", "2021"]);
	});

	it("shows progress per talk and per year in the Talks tab", async () => {
		const el = await openAt("", "talks");
		for (const header of Array.from(el.querySelectorAll<HTMLElement>(".gopherchina-group-toggle[aria-expanded='false']"))) {
			click(header);
		}
		const yearProgress = Array.from(el.querySelectorAll(".gopherchina-group-header")).map((header) => [header.querySelector(".gopherchina-group-title")?.textContent, header.querySelector(".gopherchina-mini-progress-text")?.textContent]);
		expect(yearProgress).toEqual([
			["2023", "1 of 6 study items done"],
			["2023 · Shanghai", "0 of 1 study item done"],
			["2021", "0 of 1 study item done"],
		]);
		const talk = (code: string): Element | undefined => Array.from(el.querySelectorAll(".gopherchina-session")).find((row) => row.querySelector(".gopherchina-code")?.textContent === code && row.textContent?.includes("2023-shanghai") !== true);
		expect(talk("1.1.1")?.querySelector(".gopherchina-mini-progress-text")?.textContent).toBe("1 of 2 done");
		expect(talk("1.1.1")?.querySelector("progress")?.getAttribute("value")).toBe("1");
		expect(talk("1.1.1")?.querySelector("progress")?.getAttribute("max")).toBe("2");
		expect(talk("2.2.3")?.querySelector(".gopherchina-mini-progress-text")?.textContent).toBe("0 of 2 done");
		expect(talk("1.1")?.querySelector(".gopherchina-mini-progress")).toBeNull();
	});

	it("sums up the chosen year in the header", async () => {
		let el = await openAt("");
		expect(el.querySelector(".gopherchina-progress-text")?.textContent).toBe("1 of 9 study items done");
		expect(el.querySelector(".gopherchina-counts")?.textContent).toBe("4 notes · 7 talks · 0 PDFs in the vault");
		const select = el.querySelector<HTMLSelectElement>(".gopherchina-year");
		if (!select) {
			throw new Error("no year menu");
		}
		select.value = "2023";
		select.dispatchEvent(new Event("change"));
		el = pane(harness);
		expect(el.querySelector(".gopherchina-progress-text")?.textContent).toBe("1 of 7 study items done");
		expect(el.querySelector(".gopherchina-counts")?.textContent).toBe("3 notes · 5 talks · 0 PDFs in the vault");
		const again = el.querySelector<HTMLSelectElement>(".gopherchina-year") as HTMLSelectElement;
		again.value = "2021";
		again.dispatchEvent(new Event("change"));
		el = pane(harness);
		expect(el.querySelector(".gopherchina-progress-text")?.textContent).toBe("0 of 1 study item done");
		expect(el.querySelector(".gopherchina-counts")?.textContent).toBe("1 note · 2 talks · 0 PDFs in the vault");
	});

	it("sums up a code block's year", async () => {
		harness = await loadPlugin(YEARS);
		const processor = harness.mock.markdownCodeBlockProcessors__.get("gopherchina") as (source: string, el: HTMLElement, ctx: unknown) => void;
		const el = document.body.createDiv();
		const children: Array<{ load: () => void; unload: () => void }> = [];
		processor("year: 2023-shanghai", el, { addChild: (child: { load: () => void; unload: () => void }) => children.push(child), sourcePath: "Home.md" });
		children.forEach((child) => child.load());
		expect(el.querySelector(".gopherchina-progress-text")?.textContent).toBe("0 of 1 study item done");
		expect(el.querySelector(".gopherchina-counts")?.textContent).toBe("1 note · 1 talk · 0 PDFs in the vault");
		children.forEach((child) => child.unload());
	});

	it("draws no progress bar when there is nothing to count", async () => {
		let el = await openAt("", "study", {});
		expect(el.querySelector(".gopherchina-progress-row")).toBeNull();
		expect(el.querySelector("progress")).toBeNull();
		unloadPlugin(harness);
		el = await openAt("", "talks", { "a.md": `#gopherchina\n\n- [1.1 Talk](${BASE}/2021/1.1%20Talk.pdf)\n` });
		expect(el.querySelector("progress")).toBeNull();
		expect(texts(el, ".gopherchina-session-title")).toEqual(["Talk"]);
	});
});
