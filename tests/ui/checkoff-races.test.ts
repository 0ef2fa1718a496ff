import { buildMetadata } from "../../sandbox/metadata-builder";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { createRuntime } from "../../sandbox/runtime";
import { captureNotices, click, flush, itemRow, pane, settleView } from "./helpers";

const NOTE = "talk.md";
const TEXT = "#gopherchina\n\n- [ ] first\n- [ ] second\n- [ ] third\n";
const EDITING = "Nothing was written: this note is being edited right now. Check the item off again once the dashboard has caught up.";
const UNCERTAIN = "Nothing was written: the note changed around this item, so which line it is now cannot be told for certain. The dashboard has been updated; check it off again there.";
const CHANGED = "Nothing was written: the item changed since the dashboard was drawn. The dashboard has been updated.";

/**
 * Changes the note while the metadata cache has not read it yet (someone typing, a sync, another
 * device): the write lands, its metadata waits until `harness.runtime.releaseMetadata()`.
 */
async function writeBehindTheView(harness: PluginHarness, text: string, path = NOTE): Promise<void> {
	harness.runtime.holdMetadata();
	await harness.runtime.modify(path, text);
}

describe("the note changes between drawing and clicking", () => {
	let harness: PluginHarness;
	afterEach(() => unloadPlugin(harness));

	async function open(files: Record<string, string> = { [NOTE]: TEXT }): Promise<ReturnType<typeof captureNotices>> {
		harness = await loadPlugin(files);
		const notices = captureNotices();
		await harness.command("open");
		return notices;
	}

	it("lands on the right line when lines were added above the item and the move is certain", async () => {
		await open();
		const row = itemRow(pane(harness), "second");
		await writeBehindTheView(harness, "#gopherchina\nnew line\nanother\n\n- [ ] first\n- [ ] second\n- [ ] third\n");
		click(row.querySelector("input"));
		await flush();
		expect(await harness.runtime.read(NOTE)).toBe("#gopherchina\nnew line\nanother\n\n- [ ] first\n- [x] second\n- [ ] third\n");
	});

	it("refuses while the note is being edited around the item, says so, and writes nothing", async () => {
		const notices = await open();
		const row = itemRow(pane(harness), "second");
		const edited = "#gopherchina\n\n- [ ] first\n- [ ] second, reworded\n- [ ] third\n";
		await writeBehindTheView(harness, edited);
		click(row.querySelector("input"));
		await flush();
		expect(await harness.runtime.read(NOTE)).toBe(edited);
		expect(notices.messages().at(-1)).toBe(EDITING);
		// Once the cache has read the note, the pane shows it and a click lands.
		harness.runtime.releaseMetadata();
		await settleView();
		click(itemRow(pane(harness), "second, reworded").querySelector("input"));
		await flush();
		expect(await harness.runtime.read(NOTE)).toBe("#gopherchina\n\n- [ ] first\n- [x] second, reworded\n- [ ] third\n");
	});

	it("refuses a click on a row drawn before the cache read an edit of its line", async () => {
		const notices = await open();
		const stale = itemRow(pane(harness), "second");
		const edited = "#gopherchina\n\n- [ ] first\n- [ ] second, reworded\n- [ ] third\n";
		await harness.runtime.modify(NOTE, edited);
		click(stale.querySelector("input"));
		await flush();
		expect(await harness.runtime.read(NOTE)).toBe(edited);
		expect(notices.messages().at(-1)).toBe(CHANGED);
	});

	it.each([
		["edited", "## Scheduler\n- [ ] read docs (runtime/proc.go)\n\n## GC\n- [ ] read docs\n"],
		["deleted", "## Scheduler\n\n## GC\n- [ ] read docs\n"],
		["checked off in the editor", "## Scheduler\n- [x] read docs\n\n## GC\n- [ ] read docs\n"],
	])("never checks off an identical twin when the clicked line was %s", async (_, changed) => {
		const text = "#gopherchina\n## Scheduler\n- [ ] read docs\n\n## GC\n- [ ] read docs\n";
		const notices = await open({ [NOTE]: text });
		const row = pane(harness).querySelectorAll<HTMLElement>(".gopherchina-item")[0] as HTMLElement;
		expect(row.dataset.line).toBe("2");
		const now = `#gopherchina\n${changed}`;
		await writeBehindTheView(harness, now);
		click(row.querySelector("input"));
		await flush();
		expect(await harness.runtime.read(NOTE)).toBe(now);
		expect(notices.messages().at(-1)).toContain("Nothing was written");
		expect(notices.messages().join("\n")).not.toContain("Checked off");
	});

	it("refuses when the note was renamed or deleted", async () => {
		const notices = await open();
		const row = itemRow(pane(harness), "first");
		await harness.runtime.rename(NOTE, "renamed.md");
		click(row.querySelector("input"));
		await flush();
		expect(await harness.runtime.read("renamed.md")).toBe(TEXT);
		expect(notices.messages().at(-1)).toBe("Nothing was written: the note was renamed or deleted.");
		await settleView();
		const again = itemRow(pane(harness), "first");
		await harness.runtime.remove("renamed.md");
		click(again.querySelector("input"));
		await flush();
		expect(notices.messages().at(-1)).toBe("Nothing was written: the note was renamed or deleted.");
	});

	it("lands two quick clicks on two items of one note, in order", async () => {
		await open();
		click(itemRow(pane(harness), "first").querySelector("input"));
		click(itemRow(pane(harness), "third").querySelector("input"));
		await flush(6);
		expect(await harness.runtime.read(NOTE)).toBe("#gopherchina\n\n- [x] first\n- [ ] second\n- [x] third\n");
	});

	/** Clicks "first", then "third" while the cache has not read the first write; the note after. */
	async function twoQuickClicks(): Promise<string> {
		harness.runtime.holdMetadata();
		const first = itemRow(pane(harness), "first");
		const third = itemRow(pane(harness), "third");
		click(first.querySelector("input"));
		await flush(4);
		click(third.querySelector("input"));
		await flush(4);
		const text = await harness.runtime.read(NOTE);
		harness.runtime.releaseMetadata();
		return text;
	}

	it("lands two quick clicks on two items with completion dates on, while the cache is still parsing the first write", async () => {
		harness = await loadPlugin({ [NOTE]: TEXT }, { completionDate: true });
		await harness.command("open");
		const lines = (await twoQuickClicks()).split("\n");
		expect(lines[2]).toMatch(/^- \[x\] first ✅ \d{4}-\d{2}-\d{2}$/);
		expect(lines[3]).toBe("- [ ] second");
		expect(lines[4]).toMatch(/^- \[x\] third ✅ \d{4}-\d{2}-\d{2}$/);
	});

	it("lands two quick clicks on two items while the cache is still parsing the first write", async () => {
		await open();
		expect(await twoQuickClicks()).toBe("#gopherchina\n\n- [x] first\n- [ ] second\n- [x] third\n");
	});

	it("lands two quick clicks on one item: checked, then open again", async () => {
		await open();
		const row = itemRow(pane(harness), "second");
		const writes: string[] = [];
		harness.runtime.app.vault.on("modify", () => void harness.runtime.read(NOTE).then((text) => writes.push(text)));
		click(row.querySelector("input"));
		click(row.querySelector("input"));
		await flush(8);
		expect(writes[0]).toContain("- [x] second");
		expect(await harness.runtime.read(NOTE)).toBe(TEXT);
	});
});

describe("rows drawn from metadata older than the note (start-up)", () => {
	let harness: PluginHarness;
	afterEach(() => unloadPlugin(harness));

	it("never writes from a row the older metadata made, even after a write of ours to another row of the note", async () => {
		// The older metadata saw a paragraph where the note now has a fence: `b` is no task any more.
		const text = "#gopherchina\n- [ ] z\n```\n- [ ] b\n```\n";
		const runtime = createRuntime({ [NOTE]: text });
		runtime.setCache(NOTE, buildMetadata("#gopherchina\n- [ ] z\npar\n- [ ] b\n```\n"));
		harness = await loadPlugin({ [NOTE]: text }, {}, runtime);
		const notices = captureNotices();
		await harness.command("open");
		const stale = itemRow(pane(harness), "b");
		// The cache catches up; the pane redraws without `b`, and `z` is checked off there.
		runtime.reparse(NOTE);
		await settleView();
		click(itemRow(pane(harness), "z").querySelector("input"));
		await flush();
		expect(await runtime.read(NOTE)).toBe("#gopherchina\n- [x] z\n```\n- [ ] b\n```\n");
		// A click that still reaches the row drawn before is refused, and nothing is written.
		click(stale.querySelector("input"));
		await flush();
		expect(await runtime.read(NOTE)).toBe("#gopherchina\n- [x] z\n```\n- [ ] b\n```\n");
		expect(notices.messages().at(-1)).toBe(UNCERTAIN);
	});
});

describe("with the metadata cache as slow as the app's worker", () => {
	let harness: PluginHarness;
	afterEach(() => unloadPlugin(harness));

	const TWINS = "#gopherchina\n## Scheduler\n- [ ] read docs\n\n## GC\n- [ ] read docs\n";
	const OTHER = "other.md";

	it("keeps a written row pending until its own note is read again; another note's change does not end it", async () => {
		harness = await loadPlugin({ [NOTE]: TWINS, [OTHER]: "#gopherchina\n- [ ] elsewhere\n" });
		await harness.command("open");
		harness.runtime.holdMetadata();
		const rowA = pane(harness).querySelectorAll<HTMLElement>(".gopherchina-item[data-path='talk.md']")[0] as HTMLElement;
		click(rowA.querySelector("input"));
		await flush(6);
		expect(await harness.runtime.read(NOTE)).toBe("#gopherchina\n## Scheduler\n- [x] read docs\n\n## GC\n- [ ] read docs\n");
		// Another tracked note changes and is read at once; the pane redraws.
		await harness.runtime.modify(OTHER, "#gopherchina\n- [ ] elsewhere, edited\n");
		harness.runtime.releaseMetadata(OTHER);
		await settleView();
		const redrawn = pane(harness).querySelector<HTMLElement>(".gopherchina-item[data-path='talk.md'][data-line='2']") as HTMLElement;
		expect(redrawn.classList.contains("is-pending")).toBe(true);
		// A second click on the same row toggles that item back; the twin under "GC" is never touched.
		click(redrawn.querySelector("input"));
		await flush(6);
		expect(await harness.runtime.read(NOTE)).toBe(TWINS);
		harness.runtime.releaseMetadata();
		await settleView();
		const settled = pane(harness).querySelector<HTMLElement>(".gopherchina-item[data-path='talk.md'][data-line='2']") as HTMLElement;
		expect(settled.classList.contains("is-pending")).toBe(false);
	});

	it("never writes the twin when a row drawn before the write is clicked after the cache read it", async () => {
		harness = await loadPlugin({ [NOTE]: TWINS });
		await harness.command("open");
		const notices = captureNotices();
		const rowA = pane(harness).querySelectorAll<HTMLElement>(".gopherchina-item")[0] as HTMLElement;
		harness.runtime.holdMetadata();
		click(rowA.querySelector("input"));
		await flush(6);
		harness.runtime.releaseMetadata();
		await settleView();
		// The old row element (drawn from the text before the write) is clicked again.
		click(rowA.querySelector("input"));
		await flush(6);
		const text = await harness.runtime.read(NOTE);
		expect(text.endsWith("## GC\n- [ ] read docs\n")).toBe(true);
		expect(notices.messages().filter((message) => message.startsWith("Checked off")).length).toBe(1);
	});

	it("undo puts back the line's own completion date, and refuses when the line changed since", async () => {
		harness = await loadPlugin({ [NOTE]: "#gopherchina\n- [x] done long ago ✅ 2020-02-02\n" }, { completionDate: true, showCompleted: true });
		const notices = captureNotices();
		await harness.command("open");
		click(itemRow(pane(harness), "done long ago ✅ 2020-02-02").querySelector("input"));
		await flush(6);
		expect(await harness.runtime.read(NOTE)).toBe("#gopherchina\n- [ ] done long ago\n");
		const undo = notices.elements().at(-1)?.querySelector("button");
		click(undo);
		await flush(6);
		expect(await harness.runtime.read(NOTE)).toBe("#gopherchina\n- [x] done long ago ✅ 2020-02-02\n");

		await settleView();
		click(itemRow(pane(harness), "done long ago ✅ 2020-02-02").querySelector("input"));
		await flush(6);
		const undoAgain = notices.elements().at(-1)?.querySelector("button");
		await harness.runtime.modify(NOTE, "#gopherchina\n- [ ] done long ago, edited\n");
		click(undoAgain);
		await flush(6);
		expect(await harness.runtime.read(NOTE)).toBe("#gopherchina\n- [ ] done long ago, edited\n");
		expect(notices.messages().at(-1)).toBe("Could not undo: the line changed after it was checked off.");
	});
});
