import { loadPlugin, type PluginHarness, unloadPlugin } from "../runtime/plugin-harness";
import { captureNotices, click, flush, itemRow, pane, settleView } from "./helpers";

const NOTE = "talk.md";
const TEXT = "#gopherchina\n\n- [ ] first\n- [ ] second\n- [ ] third\n";

/** Changes the note on disk without telling the dashboard (as a sync or another device would). */
function writeBehindTheView(harness: PluginHarness, text: string): void {
	(harness.runtime.mock.vault.adapter as unknown as { writeSync__: (path: string, data: string) => void }).writeSync__(NOTE, text);
}

describe("the note changes between drawing and clicking", () => {
	let harness: PluginHarness;
	afterEach(() => unloadPlugin(harness));

	async function open(): Promise<ReturnType<typeof captureNotices>> {
		harness = await loadPlugin({ [NOTE]: TEXT });
		const notices = captureNotices();
		await harness.command("open");
		return notices;
	}

	it("lands on the right line when lines were added above the item", async () => {
		await open();
		const row = itemRow(pane(harness), "second");
		writeBehindTheView(harness, "#gopherchina\n\nnew line\nanother\n- [ ] first\n- [ ] second\n- [ ] third\n");
		click(row.querySelector("input"));
		await flush();
		expect(await harness.runtime.read(NOTE)).toBe("#gopherchina\n\nnew line\nanother\n- [ ] first\n- [x] second\n- [ ] third\n");
	});

	it("refuses when the item's line was edited, and writes nothing", async () => {
		const notices = await open();
		const row = itemRow(pane(harness), "second");
		const edited = "#gopherchina\n\n- [ ] first\n- [ ] second, reworded\n- [ ] third\n";
		writeBehindTheView(harness, edited);
		click(row.querySelector("input"));
		await flush();
		expect(await harness.runtime.read(NOTE)).toBe(edited);
		expect(notices.messages().at(-1)).toBe("Nothing was written: the line changed since the dashboard was drawn. The dashboard has been updated.");
	});

	it("refuses when the item's line was deleted", async () => {
		const notices = await open();
		const row = itemRow(pane(harness), "third");
		const shorter = "#gopherchina\n\n- [ ] first\n- [ ] second\n";
		writeBehindTheView(harness, shorter);
		click(row.querySelector("input"));
		await flush();
		expect(await harness.runtime.read(NOTE)).toBe(shorter);
		expect(notices.messages().at(-1)).toContain("Nothing was written");
	});

	it("refuses when the note was renamed or deleted", async () => {
		const notices = await open();
		const row = itemRow(pane(harness), "first");
		await harness.runtime.rename(NOTE, "renamed.md");
		click(row.querySelector("input"));
		await flush();
		expect(await harness.runtime.read("renamed.md")).toBe(TEXT);
		expect(notices.messages().at(-1)).toBe("Nothing was written: the note is gone.");
		await settleView();
		const again = itemRow(pane(harness), "first");
		await harness.runtime.remove("renamed.md");
		click(again.querySelector("input"));
		await flush();
		expect(notices.messages().at(-1)).toBe("Nothing was written: the note is gone.");
	});

	it("lands two quick clicks on two items of one note, in order", async () => {
		await open();
		click(itemRow(pane(harness), "first").querySelector("input"));
		click(itemRow(pane(harness), "third").querySelector("input"));
		await flush(6);
		expect(await harness.runtime.read(NOTE)).toBe("#gopherchina\n\n- [x] first\n- [ ] second\n- [x] third\n");
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
