import { editionName, plural, setLanguage } from "../../src/i18n";
import { yearLabel } from "../../src/ui/view-model";
import { pdfBytes, setNetwork } from "../../sandbox/network";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { accessibleName, captureMenus, click, exampleFiles, flush, pane, settleView } from "./helpers";

const NOTE = "GopherChina 2023 总结.md";

/** A vault with an item in every state, and a question asked in a list item. */
const STATES: Record<string, string> = {
	"States.md": ["#gopherchina", "", "- [ ] open item", "- [/] started item", "- [x] finished item", "- [-] dropped item", "- why does the GC pause?"].join("\n"),
};

describe("the pane's words, names and states", () => {
	let harness: PluginHarness | null = null;
	afterEach(() => {
		if (harness) {
			unloadPlugin(harness);
			harness = null;
		}
		setLanguage(null);
	});

	it("counts with the language's plural forms (English one and other; Chinese has none)", () => {
		setLanguage("en");
		expect([0, 1, 2, 21].map((n) => plural("count.talks", n))).toEqual(["0 talks", "1 talk", "2 talks", "21 talks"]);
		expect(plural("header.progress", 1, { done: 0, total: 1 })).toBe("0 of 1 study item done");
		setLanguage("zh");
		expect([0, 1, 2].map((n) => plural("count.talks", n))).toEqual(["0 个演讲", "1 个演讲", "2 个演讲"]);
	});

	it("names editions in the language in use, and keeps an unknown one as written", () => {
		setLanguage("en");
		expect(yearLabel("2023-shanghai")).toBe("2023 · Shanghai");
		expect(yearLabel("2019-xian")).toBe("2019 · Xi'an");
		expect(yearLabel("2024-online")).toBe("2024 · Online");
		expect(yearLabel("2022-moon")).toBe("2022 · Moon");
		expect(yearLabel("2023")).toBe("2023");
		setLanguage("zh");
		expect(yearLabel("2023-shanghai")).toBe("2023 · 上海");
		expect(yearLabel("2023-beijing")).toBe("2023 · 北京");
		expect(editionName("上海")).toBe("上海");
	});

	it("shows the year menu and the Talks groups in the same order, edition names translated", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks" }, language: "zh" });
		await harness.command("open");
		const el = pane(harness);
		const options = Array.from(el.querySelectorAll<HTMLOptionElement>(".gopherchina-year option")).slice(1).map((option) => option.textContent);
		const groups = Array.from(el.querySelectorAll(".gopherchina-group-title")).map((title) => title.textContent);
		expect(options).toEqual(groups);
		expect(groups).toContain("2023 · 上海");
	});

	it("tells open, in progress, done and cancelled apart, by checked state and a described badge", async () => {
		harness = await loadPlugin(STATES, { showCompleted: true });
		await harness.command("open");
		const el = pane(harness);
		const boxes = Array.from(el.querySelectorAll<HTMLInputElement>(".gopherchina-checkbox"));
		const states = boxes.map((box) => ({
			name: accessibleName(box),
			checked: box.checked,
			mixed: box.indeterminate,
			described: box.getAttribute("aria-describedby") ? accessibleName({ getAttribute: (name: string) => (name === "aria-labelledby" ? box.getAttribute("aria-describedby") : null), ownerDocument: box.ownerDocument } as unknown as Element) : null,
			row: Array.from(box.closest(".gopherchina-item")?.classList ?? []).filter((cls) => cls.startsWith("gopherchina-state-")),
		}));
		expect(states).toEqual([
			{ name: "open item", checked: false, mixed: false, described: null, row: ["gopherchina-state-open"] },
			{ name: "started item", checked: false, mixed: true, described: "In progress", row: ["gopherchina-state-in-progress"] },
			{ name: "finished item", checked: true, mixed: false, described: null, row: ["gopherchina-state-done"] },
			{ name: "dropped item", checked: true, mixed: false, described: "Cancelled", row: ["gopherchina-state-cancelled"] },
		]);
	});

	it("names every control by its visible text first, and says which talk or item it acts on", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks" } });
		await harness.command("open");
		const el = pane(harness);
		const controls = Array.from(el.querySelectorAll<HTMLElement>(".gopherchina-body button, .gopherchina-body [role=link], .gopherchina-body input"));
		expect(controls.length).toBeGreaterThan(50);
		for (const control of controls) {
			const visible = (control.textContent ?? "").trim();
			const name = accessibleName(control).trim();
			expect([control.outerHTML.slice(0, 80), name.startsWith(visible)]).toEqual([control.outerHTML.slice(0, 80), true]);
			expect(name).not.toBe("");
		}
		const names = controls.filter((control) => control.matches(".gopherchina-pdf, .gopherchina-download")).map(accessibleName);
		expect(new Set(names).size).toBe(names.length);
		expect(names).toContain("Download 1.1.3 The State Of Go 2023 to the vault");
	});

	it("nests nothing interactive inside another interactive element", async () => {
		for (const tab of ["study", "talks", "questions"]) {
			harness = await loadPlugin(exampleFiles(), { viewState: { tab }, showCompleted: true });
			await harness.command("open");
			const interactive = "button, a[href], input, select, [role=link], [role=button], [role=tab], [tabindex]";
			for (const el of Array.from(pane(harness).querySelectorAll<HTMLElement>(interactive))) {
				expect([tab, el.outerHTML.slice(0, 100), el.querySelector(interactive)?.outerHTML ?? null]).toEqual([tab, el.outerHTML.slice(0, 100), null]);
			}
			unloadPlugin(harness);
			harness = null;
		}
	});

	it("opens a row's menu from the keyboard's menu key, below the row's control", async () => {
		harness = await loadPlugin(exampleFiles());
		await harness.command("open");
		const menus = captureMenus();
		const box = pane(harness).querySelector<HTMLInputElement>(".gopherchina-checkbox") as HTMLInputElement;
		box.focus();
		box.dispatchEvent(new KeyboardEvent("keydown", { key: "ContextMenu", bubbles: true, cancelable: true }));
		expect(menus.at(-1)?.titles).toEqual(["Open note", "Copy link", "Tie to a talk…"]);
		box.dispatchEvent(new KeyboardEvent("keydown", { key: "F10", shiftKey: true, bubbles: true, cancelable: true }));
		expect(menus).toHaveLength(2);
	});

	it("keeps focus on the clicked tab, the toggled group and the checked-off item's neighbour", async () => {
		harness = await loadPlugin(exampleFiles());
		await harness.command("open");
		let el = pane(harness);
		const talks = el.querySelector<HTMLElement>(".gopherchina-tab[data-tab='talks']") as HTMLElement;
		talks.focus();
		click(talks);
		el = pane(harness);
		expect(document.activeElement?.getAttribute("data-focus-key")).toBe("tab:talks");
		click(el.querySelector(".gopherchina-tab[data-tab='study']"));
		const second = pane(harness).querySelectorAll<HTMLInputElement>(".gopherchina-checkbox")[1] as HTMLInputElement;
		const next = pane(harness).querySelectorAll<HTMLInputElement>(".gopherchina-checkbox")[2] as HTMLInputElement;
		const nextKey = next.dataset.focusKey;
		second.focus();
		click(second);
		await flush(4);
		await settleView();
		expect(await harness.runtime.read(NOTE)).toContain("- [x] 有关 goroutine 泄露的问题");
		expect(document.activeElement?.getAttribute("data-focus-key")).toBe(nextKey);
	});

	it("keeps focus on Download all: on Cancel while the run goes on, on the button again when it ends", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks" } });
		const releases: Array<() => void> = [];
		setNetwork(() => new Promise((resolve) => releases.push(() => resolve({ status: 200, arrayBuffer: pdfBytes() }))));
		try {
			await harness.command("open");
			const button = pane(harness).querySelector<HTMLElement>(".gopherchina-download-all") as HTMLElement;
			button.focus();
			click(button);
			await settleView();
			expect(document.activeElement?.textContent).toBe("Cancel");
			expect(document.activeElement?.getAttribute("aria-label")).toBe("Cancel downloading the PDFs of 2023");
			click(document.activeElement);
			releases.shift()?.();
			await flush(6);
			await settleView();
			// The run stopped after one PDF: the button is back, with focus.
			expect(document.activeElement?.classList.contains("gopherchina-download-all")).toBe(true);
		} finally {
			setNetwork(null);
		}
	});
});
