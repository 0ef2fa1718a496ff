/**
 * Round 2, the UI path: what the fuzzers found at the model level, reproduced through the plugin
 * (index, view, check-off queue), plus sequences on the queue itself. The oracle is buildMetadata.
 */
import { FuzzySuggestModal } from "obsidian-test-mocks/obsidian";
import type { CachedMetadata } from "obsidian";
import type { Session } from "../../src/index/sessions";
import { buildMetadata } from "../../sandbox/metadata-builder";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { createColdRuntime } from "../../sandbox/runtime";
import { captureMenus, captureNotices, click, flush, itemRow, pane, settleView } from "../ui/helpers";
import { taskMap } from "../adversary/lib";

const BASE = "https://github.com/gopherchina/conference/blob/master";
const NOTE = "2023/gc.md";
const HEAD = ["---", "tags: [gopherchina]", "year: 2023", "---", `- [2.2.3 GC 调优](${BASE}/2023/2.2.3%20GC.pdf)`, `- [1.1.1 The State Of Go](${BASE}/2023/1.1.1%20State.pdf)`, "", "## 复习"];
const note = (...lines: string[]): string => [...HEAD, ...lines, ""].join("\n");

function capturePicker(): Array<{ choose: (text: string) => void }> {
	const opened: Array<{ choose: (text: string) => void }> = [];
	const proto = FuzzySuggestModal.prototype as unknown as { open: () => void };
	proto.open = function (this: FuzzySuggestModal<Session>) {
		const items = this.getItems();
		opened.push({ choose: (text) => this.onChooseItem(items.find((item) => this.getItemText(item) === text) as Session, new MouseEvent("click")) });
	};
	return opened;
}

async function tieRow(harness: PluginHarness, text: string): Promise<void> {
	const menus = captureMenus();
	const pickers = capturePicker();
	itemRow(pane(harness), text).dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true }));
	menus.at(-1)?.click("Tie to a talk…");
	pickers.at(-1)?.choose("2.2.3 GC 调优 (2023)");
	await flush(6);
}

describe("adversary round 2: the UI path", () => {
	let harness: PluginHarness;
	afterEach(() => unloadPlugin(harness));

	it("S1: metadata read beside a newer text at start-up does not fit it; the click writes nothing", async () => {
		// The cache holds the parse of T0; the file on disk is T1 (a fence typed over `para`, same length).
		const t0 = note("para", "- [ ] b");
		const t1 = note("```a", "- [ ] b");
		expect(taskMap(t1).size).toBe(0);
		const runtime = createColdRuntime({ [NOTE]: t1 });
		(runtime.mock.metadataCache as unknown as { cache__: Map<string, CachedMetadata> }).cache__.set(NOTE, buildMetadata(t0));
		harness = await loadPlugin({}, {}, runtime);
		await harness.command("open");
		const row = itemRow(pane(harness), "b");
		// The old parse does not fit the text: the note is shown, but nothing is written from it.
		expect(harness.plugin.index.note(NOTE)?.version.confirmed).toBe(false);
		click(row.querySelector("input"));
		await flush(6);
		const now = await harness.runtime.read(NOTE);
		process.stdout.write(`S1: ${JSON.stringify(now)}\n`);
		// Line 9 is code in T1: nothing may be written.
		expect(now).toBe(t1);
	});

	it("S2: a refused click re-reads the note beside the old metadata; it fits, and the next click writes into an indented code block", async () => {
		const t0 = note("", "- [ ] b");
		harness = await loadPlugin({ [NOTE]: t0 });
		const notices = captureNotices();
		await harness.command("open");
		// The user indents the item with Tab; the cache has not parsed it yet.
		harness.runtime.holdMetadata();
		const t1 = note("", "\t- [ ] b");
		expect(taskMap(t1).size).toBe(0);
		await harness.runtime.modify(NOTE, t1);
		click(itemRow(pane(harness), "b").querySelector("input"));
		await flush(6);
		expect(await harness.runtime.read(NOTE)).toBe(t1);
		await settleView();
		click(itemRow(pane(harness), "b").querySelector("input"));
		await flush(6);
		const now = await harness.runtime.read(NOTE);
		process.stdout.write(`S2: ${JSON.stringify(now)} notices=${JSON.stringify(notices.messages())}\n`);
		harness.runtime.releaseMetadata();
		expect(now).toBe(t1);
	});

	it("T1: a tie after a trailing pipe makes the item a table header: it is no task any more", async () => {
		const text = note("- [ ] 看一下写屏障 |", "  -|-");
		expect(taskMap(text).has(8)).toBe(true);
		harness = await loadPlugin({ [NOTE]: text });
		const notices = captureNotices();
		await harness.command("open");
		await tieRow(harness, "看一下写屏障 |");
		const now = await harness.runtime.read(NOTE);
		process.stdout.write(`T1: ${JSON.stringify(now)} notices=${JSON.stringify(notices.messages())}\n`);
		// Either refused, or written and still a task.
		expect(now === text || taskMap(now).has(8)).toBe(true);
	});

	it("T2: a tie after an unclosed backtick lands inside a code span", async () => {
		const text = note("- [ ] 看 `go test", "  -run` 一下");
		harness = await loadPlugin({ [NOTE]: text });
		const notices = captureNotices();
		await harness.command("open");
		await tieRow(harness, "看 `go test");
		const now = await harness.runtime.read(NOTE);
		process.stdout.write(`T2: ${JSON.stringify(now)} notices=${JSON.stringify(notices.messages())}\n`);
		// Written only where the code is text of the item, not code.
		expect(now).toBe(text);
	});

	it("D1: a check-off with a completion date after a trailing pipe makes the item a table header", async () => {
		const text = note("- [ ] 看一下写屏障 |", "  -|-");
		harness = await loadPlugin({ [NOTE]: text }, { completionDate: true });
		await harness.command("open");
		click(itemRow(pane(harness), "看一下写屏障 |").querySelector("input"));
		await flush(6);
		const now = await harness.runtime.read(NOTE);
		process.stdout.write(`D1: ${JSON.stringify(now)}\n`);
		expect(now === text || taskMap(now).get(8) === "x").toBe(true);
	});

	it("D2: a check-off with a completion date puts the date after the block id, which stops being one", async () => {
		const text = note("- [ ] 看一下写屏障 ^gc-1");
		harness = await loadPlugin({ [NOTE]: text }, { completionDate: true });
		await harness.command("open");
		click(itemRow(pane(harness), "看一下写屏障 ^gc-1").querySelector("input"));
		await flush(6);
		const now = await harness.runtime.read(NOTE);
		process.stdout.write(`D2: ${JSON.stringify(now)}\n`);
		expect(now.split("\n")[8]).toMatch(/ \^gc-1$/u);
	});

	it("R1: a queued write follows the path, not the note: renamed away and replaced, it writes into the other note", async () => {
		const one = note("foo", "", "- [ ] A", "- [ ] B");
		const two = note("bar", "", "- [ ] A", "- [ ] B");
		harness = await loadPlugin({ [NOTE]: one, "2023/other.md": two });
		await harness.command("open");
		const vault = harness.runtime.app.vault as unknown as { process: (...args: unknown[]) => Promise<string> };
		const original = vault.process.bind(vault);
		let open: () => void = () => undefined;
		const gate = new Promise<void>((resolve) => (open = resolve));
		let first = true;
		vault.process = async (...args: unknown[]) => {
			if (first) {
				first = false;
				await gate;
			}
			return original(...args);
		};
		const rows = Array.from(pane(harness).querySelectorAll<HTMLElement>(".gopherchina-item")).filter((row) => row.dataset.path === NOTE);
		click(rows.find((row) => row.textContent?.includes("A"))?.querySelector("input"));
		click(rows.find((row) => row.textContent?.includes("B"))?.querySelector("input"));
		await flush(2);
		await harness.runtime.rename(NOTE, "2023/gc-old.md");
		await harness.runtime.rename("2023/other.md", NOTE);
		open();
		await flush(8);
		const moved = await harness.runtime.read("2023/gc-old.md");
		const other = await harness.runtime.read(NOTE);
		process.stdout.write(`R1: old=${JSON.stringify(moved)} other-now-at-path=${JSON.stringify(other)}\n`);
		// The other note was never clicked: it must be unchanged.
		expect(other).toBe(two);
	});

	it("Q1: clicks and Undos on two items while the cache is held, with completion dates: each Undo puts back its own line only", async () => {
		const text = note("- [ ] A", "", "- [ ] B", "", "- [/] C");
		harness = await loadPlugin({ [NOTE]: text }, { completionDate: true });
		const notices = captureNotices();
		await harness.command("open");
		const [a, b, c] = ["A", "B", "C"].map((name) => itemRow(pane(harness), name));
		harness.runtime.holdMetadata();
		click(a?.querySelector("input"));
		await flush(6);
		click(b?.querySelector("input"));
		await flush(6);
		click(c?.querySelector("input"));
		await flush(6);
		click(a?.querySelector("input"));
		await flush(6);
		process.stdout.write(`Q1 before Undo: ${JSON.stringify(await harness.runtime.read(NOTE))} notices=${JSON.stringify(notices.messages())}\n`);
		const undo = (name: string): void => {
			const button = notices.elements().find((el) => el.textContent?.startsWith(`Checked off: ${name}`))?.querySelector("button");
			if (button) click(button);
		};
		undo("B"); // B back to open
		await flush(6);
		undo("C"); // C back to in progress
		await flush(6);
		const now = await harness.runtime.read(NOTE);
		process.stdout.write(`Q1: ${JSON.stringify(now)} notices=${JSON.stringify(notices.messages())}\n`);
		harness.runtime.releaseMetadata();
		await settleView();
		expect(now).toBe(text);
	});
});
