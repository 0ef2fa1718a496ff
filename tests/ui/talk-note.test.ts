import type { TFile } from "obsidian";
import { parse } from "yaml";
import { insertItem, itemLine, talkNoteName } from "../../src/ui/talk-note";
import type { Session } from "../../src/index/sessions";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { captureMenus, captureNotices, click, flush, pane, settleView } from "./helpers";

const URL_113 = "https://github.com/gopherchina/conference/blob/master/2023/1.1.3%20The%20State%20Of%20Go%202023.pdf";
const URL_SH = "https://github.com/gopherchina/conference/blob/master/2023-shanghai/1.2.1%20Rust%20%26%20Go%20%E4%BA%92%E6%93%8D%E4%BD%9C.pdf";
const NOTE_PATH = "GopherChina/2023/1.1.3 The State Of Go 2023.md";

const VAULT: Record<string, string> = {
	"Conference.md": `#gopherchina\n\n- [The State Of Go 2023](${URL_113})\n- [Rust & Go 互操作](${URL_SH})\n`,
};

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

function split(text: string): { properties: Record<string, unknown>; body: string } {
	const match = FRONT_MATTER.exec(text);
	return { properties: (parse(match?.[1] ?? "") as Record<string, unknown> | null) ?? {}, body: match ? text.slice(match[0].length) : text };
}

function talk(harness: PluginHarness, code: string): Session {
	const session = harness.plugin.index.sessions().find((entry) => entry.code?.code === code);
	if (!session) {
		throw new Error(`no talk ${code}`);
	}
	return session;
}

function row(harness: PluginHarness, code: string): HTMLElement {
	const found = Array.from(pane(harness).querySelectorAll<HTMLElement>(".gopherchina-session")).find((el) => el.querySelector(".gopherchina-code")?.textContent === code);
	if (!found) {
		throw new Error(`no row ${code}`);
	}
	return found;
}

function openedFiles(harness: PluginHarness): string[] {
	const leaves = (harness.runtime.app.workspace as unknown as { leaves: Array<{ file__: TFile | null }> }).leaves;
	return leaves.map((leaf) => leaf.file__?.path).filter((path): path is string => path !== undefined);
}

describe("a talk's own note", () => {
	let harness: PluginHarness | null = null;
	afterEach(() => {
		if (harness) {
			unloadPlugin(harness);
			harness = null;
		}
	});

	it("names the note after the talk, made safe as a download's name is", () => {
		const base = { id: "x", year: 2023, edition: null, url: null, localPath: null, sources: [] };
		expect(talkNoteName({ ...base, code: { code: "1.1.3", parts: [1, 1, 3], id: "1.1.3", day: 1, track: 1, slot: 3 }, title: "The State Of Go 2023", fileName: "1.1.3 The State Of Go 2023.pdf" })).toBe("1.1.3 The State Of Go 2023.md");
		expect(talkNoteName({ ...base, code: null, title: "Go: the good parts / 下篇?", fileName: "x.pdf" })).toBe("Go the good parts 下篇.md");
		expect(talkNoteName({ ...base, code: null, title: "", fileName: "slides.pdf" })).toBe("slides.md");
	});

	it("starts a note on a talk: properties, a title and two sections; it opens, and the talk has it as a source", async () => {
		harness = await loadPlugin(VAULT, { viewState: { tab: "talks" } });
		await harness.command("open");
		const notices = captureNotices();
		const menus = captureMenus();
		row(harness, "1.1.3").dispatchEvent(new MouseEvent("contextmenu", { bubbles: true }));
		expect(menus.at(-1)?.titles).toContain("Start a note");
		menus.at(-1)?.click("Start a note");
		await flush(6);
		await settleView();
		const text = await harness.runtime.read(NOTE_PATH);
		const { properties, body } = split(text);
		expect(properties).toEqual({ tags: ["gopherchina"], session: "1.1.3", year: 2023, pdf: URL_113 });
		expect(body).toBe("# 1.1.3 The State Of Go 2023\n\n## Notes\n\n## Questions\n\n");
		expect(openedFiles(harness)).toContain(NOTE_PATH);
		expect(notices.messages()).toContain(`Started ${NOTE_PATH}`);
		expect(talk(harness, "1.1.3").sources.map((source) => source.path)).toContain(NOTE_PATH);
		// Asked again, it opens the note it has and writes nothing.
		const files = harness.runtime.app.vault.getFiles().length;
		row(harness, "1.1.3").dispatchEvent(new MouseEvent("contextmenu", { bubbles: true }));
		expect(menus.at(-1)?.titles).toContain("Open its note");
		menus.at(-1)?.click("Open its note");
		await flush(4);
		expect(harness.runtime.app.vault.getFiles().length).toBe(files);
		expect(await harness.runtime.read(NOTE_PATH)).toBe(text);
	});

	it("puts an edition's talk in its edition's folder and writes its edition", async () => {
		harness = await loadPlugin(VAULT, { viewState: { tab: "talks", expanded: { "talks:2023-shanghai": true } } });
		await harness.command("open");
		const menus = captureMenus();
		row(harness, "1.2.1").dispatchEvent(new MouseEvent("contextmenu", { bubbles: true }));
		menus.at(-1)?.click("Start a note");
		await flush(6);
		const path = "GopherChina/2023-shanghai/1.2.1 Rust & Go 互操作.md";
		expect(split(await harness.runtime.read(path)).properties).toEqual({ tags: ["gopherchina"], session: "1.2.1", year: 2023, edition: "shanghai", pdf: URL_SH });
	});

	it("starts from the template note, its placeholders filled in, and still tags it", async () => {
		const template = "---\naliases: [\"{{title}}\"]\n---\n# {{code}} · {{title}} ({{year}}{{edition}})\n\nSlides: {{pdf}}\nStarted {{date}}. $& stays.\n";
		harness = await loadPlugin({ ...VAULT, "Templates/Talk.md": template }, { viewState: { tab: "talks" }, noteTemplate: "Templates/Talk" });
		await harness.command("open");
		const menus = captureMenus();
		row(harness, "1.1.3").dispatchEvent(new MouseEvent("contextmenu", { bubbles: true }));
		menus.at(-1)?.click("Start a note");
		await flush(6);
		const { properties, body } = split(await harness.runtime.read(NOTE_PATH));
		expect(properties).toEqual({ aliases: ["The State Of Go 2023"], tags: ["gopherchina"], session: "1.1.3", year: 2023, pdf: URL_113 });
		expect(body).toMatch(/^# 1\.1\.3 · The State Of Go 2023 \(2023\)\n\nSlides: https:\/\/github\.com\/\S+\.pdf\nStarted \d{4}-\d{2}-\d{2}\. \$& stays\.\n$/);
	});

	it("never overwrites: a file already at the note's path is opened as it is", async () => {
		harness = await loadPlugin({ ...VAULT, [NOTE_PATH]: "my own words\n" }, { viewState: { tab: "talks" } });
		await harness.command("open");
		const menus = captureMenus();
		row(harness, "1.1.3").dispatchEvent(new MouseEvent("contextmenu", { bubbles: true }));
		menus.at(-1)?.click("Open its note");
		await flush(4);
		expect(await harness.runtime.read(NOTE_PATH)).toBe("my own words\n");
		expect(openedFiles(harness)).toContain(NOTE_PATH);
	});

	it("keeps a study item on one line", () => {
		expect(itemLine(" a\nb\r\nc\u2028d ")).toBe("a b c d");
	});

	it("places a new study item under Questions, else after the last list item, else at the end", () => {
		const heading = (text: string, level: number, line: number): { heading: string; level: number; position: { start: { line: number } } } => ({ heading: text, level, position: { start: { line } } });
		const text = "# T\n\n## Notes\n- a\n\n## Questions\n- [ ] q1\n\n## Links\nx\n";
		expect(insertItem(text, "new", { headings: [heading("T", 1, 0), heading("Notes", 2, 2), heading("Questions", 2, 5), heading("Links", 2, 8)] }, true)).toBe("# T\n\n## Notes\n- a\n\n## Questions\n- [ ] q1\n- [ ] new\n\n## Links\nx\n");
		const lists = "# T\n- a\n  - b\n\ntext\n";
		expect(insertItem(lists, "new", { listItems: [{ position: { end: { line: 1 } } }, { position: { end: { line: 2 } } }] }, true)).toBe("# T\n- a\n  - b\n- [ ] new\n\ntext\n");
		expect(insertItem("# T\nplain", "new", {}, true)).toBe("# T\nplain\n- [ ] new\n");
		// Metadata of another text is not trusted: the item goes at the end.
		expect(insertItem(text, "new", { headings: [heading("Questions", 2, 1)] }, false)).toBe(`${text}- [ ] new\n`);
	});

	it("adds a study item from the modal to the talk's note, starting the note first when it has none", async () => {
		harness = await loadPlugin(VAULT, { viewState: { tab: "talks" } });
		await harness.command("open");
		click(row(harness, "1.1.3").querySelector(".gopherchina-add-item"));
		const input = document.querySelector<HTMLInputElement>(".gopherchina-add-item-input");
		expect(input).not.toBeNull();
		expect(document.body.textContent).toContain("This talk has no note of its own yet");
		(input as HTMLInputElement).value = "  重读 loopvar 的提案 ";
		input?.dispatchEvent(new Event("input", { bubbles: true }));
		input?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
		await flush(8);
		await settleView();
		const { body } = split(await harness.runtime.read(NOTE_PATH));
		expect(body).toBe("# 1.1.3 The State Of Go 2023\n\n## Notes\n\n## Questions\n- [ ] 重读 loopvar 的提案\n\n");
		expect(harness.plugin.index.notes().find((note) => note.path === NOTE_PATH)?.counts).toEqual({ open: 1, done: 0 });
	});
});
