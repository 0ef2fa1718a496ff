import { parse } from "yaml";
import { tagsWith } from "../../src/ui/first-run";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { createColdRuntime } from "../../sandbox/runtime";
import { captureNotices, click, pane, settleView } from "./helpers";

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** A note's properties (parsed) and the bytes after them. */
function split(text: string): { properties: Record<string, unknown> | null; body: string } {
	const match = FRONT_MATTER.exec(text);
	if (!match) {
		return { properties: null, body: text };
	}
	return { properties: (parse(match[1] ?? "") as Record<string, unknown> | null) ?? {}, body: text.slice(match[0].length) };
}

function trackButton(harness: PluginHarness): HTMLButtonElement {
	const button = pane(harness).querySelector<HTMLButtonElement>(".gopherchina-track-note");
	if (!button) {
		throw new Error("no track button");
	}
	return button;
}

function reason(harness: PluginHarness): string {
	return pane(harness).querySelector(".gopherchina-track-reason")?.textContent ?? "";
}

/** How many listeners the workspace has for an event. */
function listeners(harness: PluginHarness, name: string): number {
	return ((harness.runtime.app.workspace as unknown as { _: Record<string, unknown[] | undefined> })._[name] ?? []).length;
}

const BODY = "# Talk notes\r\n\r\n- [ ] study the GC  \n---\n中文 #go\n\n";

describe("the first run", () => {
	let harness: PluginHarness;
	afterEach(() => unloadPlugin(harness));

	it("explains, and offers to track the open note once one is open", async () => {
		harness = await loadPlugin({ "Talk notes.md": BODY, "Slides/talk.pdf": "%PDF-1.4" });
		await harness.command("open");
		const el = pane(harness);
		expect(el.querySelector(".gopherchina-empty")?.textContent).toBe(
			"No notes tagged #gopherchina yet. Add the tag to a note (or change the tracked tags in settings) and it shows up here.",
		);
		expect(el.querySelector(".gopherchina-first-run p")?.textContent).toContain("study items");
		// No study items: no progress bar, not even 0 of 0.
		expect(el.querySelector(".gopherchina-header progress")).toBeNull();
		expect(trackButton(harness).textContent).toBe("Track the current note");
		expect(trackButton(harness).disabled).toBe(true);
		expect(reason(harness)).toBe("Open a Markdown note to track it.");
		expect(trackButton(harness).getAttribute("aria-describedby")).toBe(el.querySelector(".gopherchina-track-reason")?.id);

		await harness.runtime.openFile("Slides/talk.pdf");
		expect(trackButton(harness).disabled).toBe(true);
		await harness.runtime.openFile("Talk notes.md");
		expect(trackButton(harness).disabled).toBe(false);
		expect(reason(harness)).toBe("Adds #gopherchina to the properties of Talk notes.");
	});

	it("listens to the workspace only while it is shown", async () => {
		harness = await loadPlugin({ "Talk notes.md": BODY });
		const before = listeners(harness, "file-open");
		await harness.command("open");
		expect(listeners(harness, "file-open")).toBe(before + 1);
		for (let i = 0; i < 5; i++) {
			harness.plugin.options.showCompleted = !harness.plugin.options.showCompleted;
			await harness.plugin.saveOptions();
		}
		expect(listeners(harness, "file-open")).toBe(before + 1);
		expect(listeners(harness, "active-leaf-change")).toBeLessThanOrEqual(before + 2);

		await harness.runtime.openFile("Talk notes.md");
		click(trackButton(harness));
		await settleView();
		expect(pane(harness).querySelector(".gopherchina-first-run")).toBeNull();
		// The next event finds the view gone and lets it go.
		await harness.runtime.openFile("Talk notes.md");
		expect(listeners(harness, "file-open")).toBe(before);
	});

	it("speaks Chinese too", async () => {
		harness = await loadPlugin({ "a.md": BODY }, { language: "zh" });
		await harness.command("open");
		expect(trackButton(harness).textContent).toBe("跟踪当前笔记");
		expect(reason(harness)).toBe("请先打开一篇 Markdown 笔记。");
	});

	describe.each([
		["no properties", BODY, { tags: ["gopherchina"] }],
		["properties without tags", `---\ntitle: Deep dive\n---\n${BODY}`, { title: "Deep dive", tags: ["gopherchina"] }],
		["an empty tags property", `---\ntags:\n---\n${BODY}`, { tags: ["gopherchina"] }],
		["one tag as text", `---\ntags: go\n---\n${BODY}`, { tags: ["go", "gopherchina"] }],
		["two tags as text", `---\ntags: go, study\n---\n${BODY}`, { tags: ["go", "study", "gopherchina"] }],
		["a list", `---\ntags:\n  - go\n  - study\n---\n${BODY}`, { tags: ["go", "study", "gopherchina"] }],
		["a list on one line", `---\ntags: [go]\naliases: [x]\n---\n${BODY}`, { tags: ["go", "gopherchina"], aliases: ["x"] }],
		// Obsidian reads no tag from such text, so the note was not tracked; now it is, by a list.
		["text naming the tag among others", `---\ntags: go, GopherChina\n---\n${BODY}`, { tags: ["go", "GopherChina"] }],
	])("a note with %s", (_name, text, properties) => {
		it("gets the tag in its properties, its body byte for byte as it was, and shows up in the pane", async () => {
			harness = await loadPlugin({ "Talk notes.md": text });
			const notices = captureNotices();
			await harness.command("open");
			await harness.runtime.openFile("Talk notes.md");
			click(trackButton(harness));
			await settleView();
			const after = await harness.runtime.read("Talk notes.md");
			expect(split(after).properties).toEqual(properties);
			expect(split(after).body).toBe(split(text).body);
			expect(notices.messages()).toContain("Added #gopherchina to Talk notes.");
			expect(pane(harness).querySelector(".gopherchina-first-run")).toBeNull();
			expect(pane(harness).querySelector(".gopherchina-counts")?.textContent).toMatch(/^1 note · /);
		});
	});

	describe.each([
		["a nested tag in a list", `---\ntags: [GopherChina/2023]\n---\n${BODY}`],
		["the tag with # as text", `---\ntags: "#gopherchina"\n---\n${BODY}`],
		["the tag in capitals in a list", `---\ntags:\n  - GOPHERCHINA\n---\n${BODY}`],
	])("a note that has %s already (the cache has not read it yet)", (_name, text) => {
		it("is left as it is, and the notice says so", async () => {
			const runtime = createColdRuntime({ "Talk notes.md": text });
			harness = await loadPlugin({}, {}, runtime);
			const notices = captureNotices();
			let writes = 0;
			runtime.app.vault.on("modify", () => writes++);
			await harness.command("open");
			await runtime.openFile("Talk notes.md");
			click(trackButton(harness));
			await settleView();
			expect(await runtime.read("Talk notes.md")).toBe(text);
			expect(writes).toBe(0);
			expect(notices.messages()).toContain("Talk notes is already tracked; nothing was changed.");
			expect(trackButton(harness).disabled).toBe(false);
		});
	});

	it.each([
		["properties that are not YAML", `---\ntags: [go\n---\n${BODY}`, /^Could not add #gopherchina to Talk notes: .+\. Nothing was changed\.$/],
		["a tags property that is a map", `---\ntags:\n  a: b\n---\n${BODY}`, /^Could not add #gopherchina to Talk notes: its tags property is neither a list nor text\. Nothing was changed\.$/],
	])("writes nothing to a note with %s, and says why", async (_name, text, message) => {
		harness = await loadPlugin({ "Talk notes.md": text });
		const notices = captureNotices();
		await harness.command("open");
		await harness.runtime.openFile("Talk notes.md");
		click(trackButton(harness));
		await settleView();
		expect(await harness.runtime.read("Talk notes.md")).toBe(text);
		expect(notices.messages().at(-1)).toMatch(message);
		expect(trackButton(harness).disabled).toBe(false);
	});
});

describe("tagsWith", () => {
	const tracked = ["gopherchina", "talks/go"];
	it.each<[unknown, unknown[] | null]>([
		[undefined, ["gopherchina"]],
		[null, ["gopherchina"]],
		["", ["gopherchina"]],
		["go", ["go", "gopherchina"]],
		["go study", ["go", "study", "gopherchina"]],
		[" #go ,study, ", ["#go", "study", "gopherchina"]],
		[2023, [2023, "gopherchina"]],
		[["go", 2023], ["go", 2023, "gopherchina"]],
		[[], ["gopherchina"]],
		["#GopherChina", null],
		["gopherchina/2023/shanghai", null],
		[["go", "#Talks/Go/concurrency"], null],
		[["gopherchinese"], ["gopherchinese", "gopherchina"]],
		["go, gopherchina/2023", ["go", "gopherchina/2023"]],
	])("%j becomes %j", (value, expected) => {
		expect(tagsWith(value, "gopherchina", tracked)).toEqual(expected);
	});

	it("refuses a map or a yes/no", () => {
		expect(() => tagsWith({ a: 1 }, "gopherchina", tracked)).toThrow("neither a list nor text");
		expect(() => tagsWith(true, "gopherchina", tracked)).toThrow("neither a list nor text");
	});
});
