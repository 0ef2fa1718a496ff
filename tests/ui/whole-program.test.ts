import { parse } from "yaml";
import { setNetwork } from "../../sandbox/network";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { ANSWERS } from "../program/answers";
import { captureMenus, click, exampleFiles, flush, pane, settleView, texts } from "./helpers";

function yearHeader(harness: PluginHarness, title: string): HTMLElement {
	const header = Array.from(pane(harness).querySelectorAll<HTMLElement>(".gopherchina-group-header")).find((el) => el.querySelector(".gopherchina-group-title")?.textContent === title);
	if (!header) {
		throw new Error(`no year ${title}`);
	}
	return header;
}

function talkRow(harness: PluginHarness, year: string, code: string): HTMLElement {
	const group = yearHeader(harness, year).closest(".gopherchina-group") as HTMLElement;
	const row = Array.from(group.querySelectorAll<HTMLElement>(".gopherchina-session")).find((el) => el.querySelector(".gopherchina-code")?.textContent === code);
	if (!row) {
		throw new Error(`no talk ${code} in ${year}`);
	}
	return row;
}

function wholeProgram(harness: PluginHarness): HTMLInputElement {
	return pane(harness).querySelector<HTMLInputElement>("input[data-toggle='whole-program']") as HTMLInputElement;
}

describe("the whole program in the Talks tab", () => {
	let harness: PluginHarness | null = null;
	afterEach(() => {
		if (harness) {
			unloadPlugin(harness);
			harness = null;
		}
		setNetwork(null);
	});

	it("lists every talk of the program under its year when switched on, the notes' talks as before when off", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks" } });
		await harness.command("open");
		expect(texts(pane(harness), ".gopherchina-group-title")).toEqual(["2023", "2023 · Shanghai", "2021", "2019"]);
		const switchEl = wholeProgram(harness);
		expect(switchEl.checked).toBe(false);
		switchEl.checked = true;
		switchEl.dispatchEvent(new Event("change"));
		const years = texts(pane(harness), ".gopherchina-group-title");
		expect(years.slice(0, 4)).toEqual(["2023", "2023 · Shanghai", "2021", "2020"]);
		expect(years).toContain("2015");
		expect(pane(harness).querySelector(".gopherchina-tab[data-tab='talks'] .gopherchina-tab-count")?.textContent).toBe(String(harness.plugin.index.programSessions().length));
		// 2023: every talk of the program is in the example vault's notes.
		expect(yearHeader(harness, "2023").querySelector(".gopherchina-group-meta")?.textContent).toBe("25 of 25 talks in your notes");
		click(yearHeader(harness, "2021").querySelector("button"));
		const meta = yearHeader(harness, "2021").querySelector(".gopherchina-group-meta")?.textContent ?? "";
		// The year holds the program's 19 talks and the four talks only the example vault's notes name.
		expect(meta).toBe("4 of 23 talks in your notes");
		const unnoted = talkRow(harness, "2021", "1.4");
		expect(unnoted.classList.contains("is-unnoted")).toBe(true);
		expect(unnoted.querySelector(".gopherchina-pdf")).not.toBeNull();
		expect(unnoted.querySelector(".gopherchina-download")).not.toBeNull();
		expect(unnoted.querySelector(".gopherchina-start-note")).not.toBeNull();
		// The switch is remembered.
		unloadPlugin(harness);
		const state = { tab: "talks", wholeProgram: true };
		harness = await loadPlugin(exampleFiles(), { viewState: state });
		await harness.command("open");
		expect(wholeProgram(harness).checked).toBe(true);
	});

	it("narrows the program with the filter and the year menu", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks", wholeProgram: true, year: "2017" } });
		await harness.command("open");
		expect(texts(pane(harness), ".gopherchina-group-title")).toEqual(["2017"]);
		const options = Array.from(pane(harness).querySelectorAll<HTMLOptionElement>(".gopherchina-year option")).map((option) => option.value);
		expect(options).toContain("2015");
		expect(options).toContain("2023-shanghai");
		const filter = pane(harness).querySelector<HTMLInputElement>(".gopherchina-filter") as HTMLInputElement;
		filter.value = "pragmas";
		filter.dispatchEvent(new Event("input"));
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(texts(pane(harness), ".gopherchina-session-title")).toEqual(["Go's Hidden Pragmas"]);
	});

	it("starts a note on a talk nobody noted: the talk is then in your notes, with that note as its source", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks", wholeProgram: true, year: "2021" } });
		await harness.command("open");
		const before = yearHeader(harness, "2021").querySelector(".gopherchina-group-meta")?.textContent ?? "";
		const noted = Number(before.split(" ")[0]);
		const row = talkRow(harness, "2021", "1.4");
		const title = row.querySelector(".gopherchina-session-title")?.textContent ?? "";
		click(row.querySelector(".gopherchina-start-note"));
		await flush(8);
		await settleView();
		const path = `GopherChina/2021/1.4 ${title}.md`;
		const text = await harness.runtime.read(path);
		const properties = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? "") as Record<string, unknown>;
		expect(properties).toMatchObject({ tags: ["gopherchina"], session: "1.4", year: 2021 });
		expect(String(properties.pdf)).toMatch(/^https:\/\/github\.com\/gopherchina\/conference\/blob\/master\/2021\/1\.4/);
		const after = talkRow(harness, "2021", "1.4");
		expect(after.classList.contains("is-unnoted")).toBe(false);
		expect(after.querySelector(".gopherchina-sources")?.textContent).toBe("1 note");
		expect(yearHeader(harness, "2021").querySelector(".gopherchina-group-meta")?.textContent).toBe(`${noted + 1} of 23 talks in your notes`);
		// A study item added to it shows in the year's progress.
		const menus = captureMenus();
		after.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true }));
		expect(menus.at(-1)?.titles).toContain("Open its note");
	});

	it("updates the program from the Talks tab and says when it was last updated", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks", wholeProgram: true } });
		await harness.command("open");
		expect(pane(harness).querySelector(".gopherchina-program-status")?.textContent).toBe("Program as published on 2023-11-19");
		setNetwork(() => ANSWERS.with2024());
		click(pane(harness).querySelector(".gopherchina-update-program"));
		for (let i = 0; i < 50 && harness.plugin.program.updating(); i++) {
			await new Promise((resolve) => setTimeout(resolve, 0));
		}
		await settleView();
		expect(pane(harness).querySelector(".gopherchina-program-status")?.textContent).toMatch(/^Program updated /);
		expect(texts(pane(harness), ".gopherchina-group-title")[0]).toBe("2024");
	});
});
