import { Events } from "obsidian";
import { parse } from "yaml";
import type { Session } from "../../src/index/sessions";
import type { DashboardContext } from "../../src/ui/services";
import { addStudyItem, fillTemplate, findTalkNote, insertItem, itemLine, startTalkNote } from "../../src/ui/talk-note";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { idleProgram } from "../../sandbox/program-stub";
import { captureNotices, flush } from "./helpers";

const URL_113 = "https://github.com/gopherchina/conference/blob/master/2023/1.1.3%20The%20State%20Of%20Go%202023.pdf";
const NOTE = "GopherChina/2023/1.1.3 The State Of Go 2023.md";
const OWN = `---\ntags: [gopherchina]\nsession: "1.1.3"\nyear: 2023\npdf: ${URL_113}\n---\n# T\n\n## Questions\n- [ ] one\n\n## Notes\n`;

/** The context a dashboard gets, made from the loaded plugin as the plugin makes it. */
function context(harness: PluginHarness): DashboardContext {
	const { vault, workspace, metadataCache, fileManager } = harness.runtime.app;
	return { services: { vault, workspace, metadataCache, fileManager, app: harness.runtime.app }, index: harness.plugin.index, settings: () => harness.plugin.options, updateSettings: async () => undefined, events: new Events(), program: idleProgram() };
}

function talk(harness: PluginHarness, match: (session: Session) => boolean): Session {
	const found = harness.plugin.index.sessions().find(match);
	if (!found) {
		throw new Error("no such talk");
	}
	return found;
}

describe("a talk's own note, written safely", () => {
	let harness: PluginHarness | null = null;
	afterEach(() => {
		if (harness) {
			unloadPlugin(harness);
			harness = null;
		}
	});

	it("never puts an item inside a code block or the properties while Obsidian re-reads the note", async () => {
		harness = await loadPlugin({ [NOTE]: OWN, "Index.md": `#gopherchina\n[x](${URL_113})\n` });
		const session = talk(harness, (entry) => entry.code?.code === "1.1.3");
		harness.runtime.holdMetadata();
		await harness.runtime.modify(NOTE, OWN.replace("# T\n", "# T\n```go\nfunc main() {\n}\n```\n").replace("year: 2023\n", "year: 2023\naliases:\n  - a\n  - b\n"));
		expect(await addStudyItem(context(harness), session, "NEW")).toBe(true);
		const text = await harness.runtime.read(NOTE);
		expect(text.endsWith("\n- [ ] NEW\n")).toBe(true);
		expect(parse(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? "")).toMatchObject({ aliases: ["a", "b"] });
		harness.runtime.releaseMetadata();
	});

	it("tells a talk's PDF from another whose name ends the same, and an edition's talk from the main one", async () => {
		const files = {
			"Vault/2023/1.1 Go.pdf": "%PDF-1.4",
			"Vault/2023/2.1.1 Go.pdf": "%PDF-1.4",
			"Other.md": "---\ntags: [gopherchina]\npdf: \"[[Vault/2023/2.1.1 Go.pdf]]\"\n---\nsee also [[Vault/2023/1.1 Go.pdf]]\n",
			"Main.md": "---\ntags: [gopherchina]\nsession: 1.2.1\nyear: 2023\n---\n[a](https://github.com/gopherchina/conference/blob/master/2023/1.2.1%20Go.pdf) [b](https://github.com/gopherchina/conference/blob/master/2023-shanghai/1.2.1%20Rust.pdf)\n",
		};
		harness = await loadPlugin(files);
		const short = talk(harness, (entry) => entry.fileName === "1.1 Go.pdf");
		expect(findTalkNote(context(harness), short)).toBeNull();
		const longer = talk(harness, (entry) => entry.fileName === "2.1.1 Go.pdf");
		expect(findTalkNote(context(harness), longer)?.path).toBe("Other.md");
		const shanghai = talk(harness, (entry) => entry.edition === "shanghai");
		expect(findTalkNote(context(harness), shanghai)).toBeNull();
		const main = talk(harness, (entry) => entry.code?.code === "1.2.1" && entry.edition === null);
		expect(findTalkNote(context(harness), main)?.path).toBe("Main.md");
	});

	it("quotes template values inside the properties, so a title with a colon or # stays one value", () => {
		const session = { id: "x", year: 2023, edition: null, code: { code: "1.1", parts: [1, 1], id: "1.1", day: 1, track: null, slot: 1 }, title: 'Go: C# "interop"', fileName: "x.pdf", url: null, localPath: null, sources: [] };
		const filled = fillTemplate('---\ntitle: {{title}}\nalias: "{{title}}"\ntags: [x]\n---\n# {{title}}\n', session, "2024-01-01");
		const properties = parse(/^---\n([\s\S]*?)\n---\n/.exec(filled)?.[1] ?? "") as Record<string, unknown>;
		expect(properties).toEqual({ title: 'Go: C# "interop"', alias: 'Go: C# "interop"', tags: ["x"] });
		expect(filled.endsWith('# Go: C# "interop"\n')).toBe(true);
	});

	it("never takes another talk's note for its own when two talks' names come out the same", async () => {
		const a = "https://github.com/gopherchina/conference/blob/master/2023/1.1.9%20Go%3A%20%E6%B3%9B%E5%9E%8B%3F.pdf";
		const b = "https://github.com/gopherchina/conference/blob/master/2023/1.1.9%20Go%20%E6%B3%9B%E5%9E%8B.pdf";
		harness = await loadPlugin({ "Index.md": `#gopherchina\n- ${a}\n- ${b}\n` });
		const first = talk(harness, (entry) => entry.url === b);
		const second = talk(harness, (entry) => entry.url === a);
		const one = await startTalkNote(context(harness), first, false);
		await flush(4);
		const two = await startTalkNote(context(harness), second, false);
		expect(one?.path).toBe("GopherChina/2023/1.1.9 Go 泛型.md");
		expect(two?.path).toBe("GopherChina/2023/1.1.9 Go 泛型 2.md");
		expect(findTalkNote(context(harness), first)?.path).toBe(one?.path);
	});

	it("starts one note and says so once when started twice at once", async () => {
		harness = await loadPlugin({ "Index.md": `#gopherchina\n[x](${URL_113})\n` });
		const notices = captureNotices();
		const session = talk(harness, (entry) => entry.code?.code === "1.1.3");
		const [one, two] = await Promise.all([startTalkNote(context(harness), session, false), startTalkNote(context(harness), session, false)]);
		expect(one).toBe(two);
		expect(notices.messages().filter((message) => message.startsWith("Started"))).toHaveLength(1);
	});

	it("keeps a CRLF note CRLF, and drops a list marker typed in front of the item", () => {
		expect(insertItem("# T\r\n- [ ] a\r\n\r\n## Notes\r\n", "NEW", { listItems: [{ position: { end: { line: 1 } } }] }, true)).toBe("# T\r\n- [ ] a\r\n- [ ] NEW\r\n\r\n## Notes\r\n");
		expect(insertItem("# T\r\ntext", "NEW", null, false)).toBe("# T\r\ntext\r\n- [ ] NEW\r\n");
		expect(itemLine("- [ ] x")).toBe("x");
		expect(itemLine("* y")).toBe("y");
	});
});
