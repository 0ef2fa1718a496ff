import { buildMetadata } from "../../sandbox/metadata-builder";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { captureNotices, click, flush, itemRow, pane, settleView } from "../ui/helpers";
import { taskMap } from "./lib";

const NOTE = "talk.md";

describe("adversary: the UI path", () => {
	let harness: PluginHarness;
	afterEach(() => unloadPlugin(harness));

	it("U1: a click on B, drawn where A stood in an older drawing, must not write A", async () => {
		const v0 = "#gopherchina\nfoo\n# g\n- [ ] A\n";
		harness = await loadPlugin({ [NOTE]: v0 });
		await harness.command("open");
		const notices = captureNotices();
		const rowA = itemRow(pane(harness), "A");
		expect(rowA.dataset.line).toBe("3");
		// The user types above A; the cache has not read it yet.
		harness.runtime.holdMetadata();
		const x = "#gopherchina\nfoo\nbar\n- [ ] B\n# g\n- [ ] A\n";
		await harness.runtime.modify(NOTE, x);
		click(rowA.querySelector("input"));
		await flush(6);
		const y = "#gopherchina\nfoo\nbar\n- [ ] B\n# g\n- [x] A\n";
		expect(await harness.runtime.read(NOTE)).toBe(y);
		// The cache's worker now reports its parse of x (the text before our write), as the app does.
		const cache = harness.runtime.mock.metadataCache as unknown as { trigger: (...a: unknown[]) => void };
		cache.trigger("changed", harness.runtime.file(NOTE), x, buildMetadata(x));
		await settleView();
		const rowB = itemRow(pane(harness), "B");
		expect(rowB.dataset.line).toBe("3");
		click(rowB.querySelector("input"));
		await flush(6);
		const now = await harness.runtime.read(NOTE);
		process.stdout.write(`U1 after clicking B: ${JSON.stringify(now)} notices=${JSON.stringify(notices.messages())}\n`);
		harness.runtime.releaseMetadata();
		// B was clicked: either B is checked or nothing changed; A must not be reopened.
		expect([y, "#gopherchina\nfoo\nbar\n- [x] B\n# g\n- [x] A\n"]).toContain(now);
	});

	it("U2: a completion date is left alone when dropping it would leave HTML alone on the line; nothing is written into HTML", async () => {
		const v0 = "#gopherchina\n- [x] <span> ✅ 2020-01-01\n  - [ ] sub\n";
		harness = await loadPlugin({ [NOTE]: v0 }, { completionDate: true, showCompleted: true });
		await harness.command("open");
		harness.runtime.holdMetadata();
		const parent = itemRow(pane(harness), "<span> ✅ 2020-01-01");
		const sub = itemRow(pane(harness), "sub");
		click(parent.querySelector("input"));
		await flush(6);
		const v1 = await harness.runtime.read(NOTE);
		// Reopened, the date kept: "- [ ] <span>" alone would open an HTML block over "sub".
		expect(v1).toBe("#gopherchina\n- [ ] <span> ✅ 2020-01-01\n  - [ ] sub\n");
		expect(taskMap(v1).has(2)).toBe(true);
		click(sub.querySelector("input"));
		await flush(6);
		const v2 = await harness.runtime.read(NOTE);
		harness.runtime.releaseMetadata();
		// Either refused or written into "sub", which is still a task: never anywhere else.
		if (v2 !== v1) {
			expect(v2).toBe("#gopherchina\n- [ ] <span> ✅ 2020-01-01\n  - [x] sub ✅ " + v2.slice(-11));
			expect(taskMap(v2).has(2)).toBe(true);
		}
	});

	it("U3: Undo of A, clicked after B (drawn later at A's old line) was checked, must not overwrite B", async () => {
		const v0 = "#gopherchina\nfoo\n# g\n- [ ] A\n";
		harness = await loadPlugin({ [NOTE]: v0 });
		const notices = captureNotices();
		await harness.command("open");
		click(itemRow(pane(harness), "A").querySelector("input"));
		await flush(6);
		await settleView();
		const undoA = notices.elements().at(-1)?.querySelector("button");
		expect(await harness.runtime.read(NOTE)).toBe("#gopherchina\nfoo\n# g\n- [x] A\n");
		// The user adds B above; the cache reads it and the pane shows B where A used to be.
		await harness.runtime.modify(NOTE, "#gopherchina\nfoo\nbar\n- [ ] B\n# g\n- [x] A\n");
		await settleView();
		const rowB = itemRow(pane(harness), "B");
		expect(rowB.dataset.line).toBe("3");
		harness.runtime.holdMetadata();
		click(rowB.querySelector("input"));
		await flush(6);
		expect(await harness.runtime.read(NOTE)).toBe("#gopherchina\nfoo\nbar\n- [x] B\n# g\n- [x] A\n");
		// Undo on A's notice, while the cache is still reading B's write.
		click(undoA);
		await flush(6);
		const now = await harness.runtime.read(NOTE);
		process.stdout.write(`U3 after Undo of A: ${JSON.stringify(now)} notices=${JSON.stringify(notices.messages())}\n`);
		harness.runtime.releaseMetadata();
		expect(["#gopherchina\nfoo\nbar\n- [x] B\n# g\n- [ ] A\n", "#gopherchina\nfoo\nbar\n- [x] B\n# g\n- [x] A\n"]).toContain(now);
	});
});
