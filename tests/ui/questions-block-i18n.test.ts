import { setLanguage } from "../../src/i18n";
import { DashboardSettingTab } from "../../src/settings";
import { parseBlockOptions } from "../../src/ui/code-block";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { click, exampleFiles, flush, pane, settleView, texts } from "./helpers";

describe("questions, the code block, languages and settings", () => {
	let harness: PluginHarness;
	afterEach(() => {
		setLanguage(null);
		unloadPlugin(harness);
	});

	it("lists questions by note and turns a list-item question into a study item", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "questions", expanded: { "questions:Talks/2023 上海站.md": true } } });
		await harness.command("open");
		const el = pane(harness);
		expect(texts(el, ".gopherchina-question .gopherchina-item-text")).toEqual([
			"但是这个度要怎么衡量呢",
			"我目前并不知道为什么会造成内存逃逸",
			"Go 的调度器在 2019 年之后改了什么",
			"什么时候用 sync.Pool",
			"为什么 sidecar 模式的延迟更高？",
		]);
		const buttons = el.querySelectorAll(".gopherchina-question button");
		expect(buttons).toHaveLength(1);
		click(buttons[0]);
		await flush();
		expect((await harness.runtime.read("Talks/2023 上海站.md")).split("\r\n")[21]).toBe("- [ ] 为什么 sidecar 模式的延迟更高？");
		await settleView();
		expect(texts(pane(harness), ".gopherchina-tab")).toEqual(["Study14", "Talks34", "Questions4"]);
	});

	it("shows a clause with its line muted below, hides answered questions unless completed ones are shown, and finds none without a mark when switched off", async () => {
		const note = [
			"#gopherchina",
			"",
			"注意不要过度的使用接口 (**但是这个度要怎么衡量呢**)，不要过度的抽象",
			"",
			"- 为什么 map 不是并发安全的",
			"  - 因为写没有加锁",
			"- 有问号的问题？",
			"",
			"How does the scheduler pick the next goroutine",
			"答：runnext first, then the local queue",
		].join("\n");
		harness = await loadPlugin({ "Q.md": note }, { viewState: { tab: "questions" } });
		await harness.command("open");
		let el = pane(harness);
		expect(texts(el, ".gopherchina-question .gopherchina-item-text")).toEqual(["但是这个度要怎么衡量呢", "有问号的问题？"]);
		expect(texts(el, ".gopherchina-question-context")).toEqual(["注意不要过度的使用接口 (但是这个度要怎么衡量呢)，不要过度的抽象"]);
		expect(el.querySelector(".gopherchina-question-context strong")?.textContent).toBe("但是这个度要怎么衡量呢");
		expect(el.querySelector(".gopherchina-question .gopherchina-badge")).toBeNull();

		// The Questions tab has its own "Show completed" toggle (answered questions are the completed ones).
		expect(el.querySelector("input[data-toggle='group-by-session']")).toBeNull();
		const showCompleted = el.querySelector<HTMLInputElement>("input[data-toggle='show-completed']");
		expect(showCompleted).not.toBeNull();
		click(showCompleted);
		await settleView();
		el = pane(harness);
		expect(harness.plugin.options.showCompleted).toBe(true);
		expect(texts(el, ".gopherchina-question .gopherchina-item-text")).toEqual(["但是这个度要怎么衡量呢", "为什么 map 不是并发安全的", "有问号的问题？", "How does the scheduler pick the next goroutine"]);
		expect(texts(el, ".gopherchina-question.is-answered .gopherchina-badge")).toEqual(["Answered", "Answered"]);
		expect(texts(el, ".gopherchina-tab-count")[2]).toBe("4");

		const tab = new DashboardSettingTab(harness.plugin);
		await tab.setControlValue("questionsWithoutMark", false);
		await settleView();
		el = pane(harness);
		expect(harness.plugin.options.questionsWithoutMark).toBe(false);
		expect(texts(el, ".gopherchina-question .gopherchina-item-text")).toEqual(["有问号的问题？"]);
		expect(texts(el, ".gopherchina-tab-count")[2]).toBe("1");
	});

	it("reads the code block's options", () => {
		expect(parseBlockOptions("show: sessions\nyear: 2023")).toEqual({ show: "talks", year: "2023", errors: [] });
		expect(parseBlockOptions("show: study\n\n# a comment\nyear: 2023-shanghai")).toEqual({ show: "study", year: "2023-shanghai", errors: [] });
		expect(parseBlockOptions("colour: red")).toEqual({ show: null, year: null, errors: ["colour: red"] });
		expect(parseBlockOptions("show: study        # or: sessions, questions\nyear: 2023         # optional")).toEqual({ show: "study", year: "2023", errors: [] });
	});

	it("renders a live dashboard in a note with the gopherchina code block", async () => {
		harness = await loadPlugin(exampleFiles());
		const processor = harness.mock.markdownCodeBlockProcessors__.get("gopherchina") as (source: string, el: HTMLElement, ctx: unknown) => void;
		const el = document.body.createDiv();
		const children: Array<{ load: () => void; unload: () => void }> = [];
		processor("show: sessions\nyear: 2019", el, { addChild: (child: { load: () => void; unload: () => void }) => children.push(child), sourcePath: "Home.md" });
		children.forEach((child) => child.load());
		expect(el.querySelector(".gopherchina-tabs")).toBeNull();
		expect(el.querySelector(".gopherchina-year")).toBeNull();
		expect(texts(el, ".gopherchina-code")).toEqual(["1-2", "1-3", "2-5"]);
		await harness.runtime.modify("Talks/2019 回顾.md", `${await harness.runtime.read("Talks/2019 回顾.md")}\n- [2-7 新演讲](https://github.com/gopherchina/conference/blob/master/2019/2-7%20New.pdf)\n`);
		await settleView();
		expect(texts(el, ".gopherchina-code")).toEqual(["1-2", "1-3", "2-5", "2-7"]);
		children.forEach((child) => child.unload());
		expect(el.querySelector(".gopherchina-dashboard")).toBeNull();
	});

	it("speaks Chinese when chosen, every string of the pane included", async () => {
		harness = await loadPlugin(exampleFiles(), { language: "zh" });
		await harness.command("open");
		const el = pane(harness);
		expect(el.querySelector(".gopherchina-progress-text")?.textContent).toBe("已完成 4 / 17 项学习任务");
		expect(el.querySelector(".gopherchina-counts")?.textContent).toBe("6 篇笔记 · 34 个演讲 · 库中 4 个 PDF");
		expect(texts(el, ".gopherchina-tab")).toEqual(["学习13", "演讲34", "问题5"]);
		expect(texts(el, ".gopherchina-toggle")).toEqual(["显示已完成", "按演讲分组"]);
		expect(el.querySelector<HTMLInputElement>(".gopherchina-filter")?.placeholder).toBe("筛选…");
	});

	it("has a translation for every English string", async () => {
		const { en } = await import("../../src/i18n/en");
		const { zh } = await import("../../src/i18n/zh");
		// Chinese has no plural forms: a counted message has only its `.other` form there.
		expect(Object.keys(zh).sort()).toEqual(Object.keys(en).filter((key) => !key.endsWith(".one")).sort());
		for (const [key, value] of Object.entries(zh)) {
			const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();
			expect([key, placeholders(value)]).toEqual([key, placeholders(en[key as keyof typeof en])]);
		}
	});

	it("applies a settings change to the open view at once", async () => {
		harness = await loadPlugin(exampleFiles());
		await harness.command("open");
		const tab = new DashboardSettingTab(harness.plugin);
		await tab.setControlValue("language", "zh");
		await settleView();
		expect(texts(pane(harness), ".gopherchina-tab")[0]).toBe("学习13");
		await tab.setControlValue("trackedTags", "#talks, other");
		await new Promise((resolve) => setTimeout(resolve, 700));
		await settleView();
		expect(harness.plugin.options.trackedTags).toEqual(["talks", "other"]);
		expect(pane(harness).querySelector(".gopherchina-empty")?.textContent).toContain("#talks");
	});

	it("renders the settings tab for older apps with every setting", async () => {
		harness = await loadPlugin(exampleFiles());
		const tab = new DashboardSettingTab(harness.plugin);
		tab.display();
		// The mocked Setting lays out [control, info [name, description]].
		const names = Array.from(tab.containerEl.children).map((setting) => setting.children[1]?.children[0]?.textContent);
		expect(names).toEqual([
			"Tracked tags",
			"PDF download folder",
			"Talk note folder",
			"Talk note template",
			"Show completed items",
			"Find questions without a question mark",
			"Add a completion date",
			"Open on start-up",
			"Group study items by",
			"Language",
		]);
		expect(tab.getSettingDefinitions()).toHaveLength(10);
	});

	it("can be reached by keyboard: one tab stop in the list, the arrow keys walk it, Enter opens an item's note", async () => {
		harness = await loadPlugin(exampleFiles());
		await harness.command("open");
		const el = pane(harness);
		const list = el.querySelector<HTMLElement>(".gopherchina-body") as HTMLElement;
		const stops = Array.from(list.querySelectorAll<HTMLElement>("[data-nav]"));
		expect(stops.length).toBeGreaterThan(3);
		expect(stops.map((stop) => stop.tabIndex)).toEqual(stops.map((_, i) => (i === 0 ? 0 : -1)));
		const toggle = stops[0] as HTMLElement;
		expect(toggle.tagName).toBe("BUTTON");
		expect(toggle.getAttribute("aria-expanded")).toBe("true");
		toggle.focus();
		toggle.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
		const next = stops[1] as HTMLElement;
		expect(el.ownerDocument.activeElement).toBe(next);
		expect([toggle.tabIndex, next.tabIndex]).toEqual([-1, 0]);
		const checkbox = list.querySelector<HTMLInputElement>(".gopherchina-checkbox") as HTMLInputElement;
		// The checkbox is named by the item's plain text; its state is its checked state, not words.
		// (Read as drawn: opening the note below may redraw the pane, with new ids.)
		const label = el.querySelector(`[id="${checkbox.getAttribute("aria-labelledby") ?? ""}"]`);
		expect(label?.textContent).toBe("Context 对于新手来说是非常友好的，所以可以写篇文章总结一下");
		expect(checkbox.hasAttribute("aria-label")).toBe(false);
		checkbox.focus();
		checkbox.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		await flush();
		const leaves = (harness.runtime.app.workspace as unknown as { leaves: Array<{ file__: { path: string } | null }> }).leaves;
		expect(leaves.some((leaf) => leaf.file__?.path === "GopherChina 2023 总结.md")).toBe(true);
	});
});
