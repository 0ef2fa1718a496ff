import { TFile } from "obsidian-test-mocks/obsidian";
import { VIEW_TYPE } from "../../src/ui/dashboard-view";
import { snapshot } from "../../src/index/snapshot";
import { startIndex } from "../../sandbox/harness";
import { bytesOf, pdfBytes, setNetwork } from "../../sandbox/network";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { createRuntime } from "../../sandbox/runtime";
import { captureNotices, click, exampleFiles, flush, pane } from "./helpers";
import { idleProgram } from "../../sandbox/program-stub";

function sessionRow(root: ParentNode, code: string): HTMLElement {
	const row = Array.from(root.querySelectorAll<HTMLElement>(".gopherchina-session")).find((el) => el.querySelector(".gopherchina-code")?.textContent === code);
	if (!row) {
		throw new Error(`no talk ${code}`);
	}
	return row;
}

describe("downloads that go wrong", () => {
	let harness: PluginHarness;
	beforeEach(() => setNetwork(null));
	afterEach(() => unloadPlugin(harness));

	it.each([
		["a 404", { status: 404, arrayBuffer: bytesOf("Not Found") }, "the server answered 404"],
		["an empty body", { status: 200, arrayBuffer: new ArrayBuffer(0) }, "the file is empty"],
		["HTML saying 200", { status: 200, headers: { "content-type": "text/html" }, arrayBuffer: bytesOf("<!doctype html>") }, "the server did not send a PDF"],
		["bytes that are not a PDF", { status: 200, headers: { "content-type": "application/pdf" }, arrayBuffer: bytesOf("GIF89a") }, "the server did not send a PDF"],
	])("writes nothing on %s, and says so", async (_name, answer, reason) => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks" } });
		const notices = captureNotices();
		setNetwork(() => answer);
		await harness.command("open");
		const files = harness.runtime.app.vault.getFiles().map((file) => file.path).sort();
		click(sessionRow(pane(harness), "1.1.4").querySelector(".gopherchina-download"));
		await flush(6);
		expect(harness.runtime.app.vault.getFiles().map((file) => file.path).sort()).toEqual(files);
		expect(notices.messages().at(-1)).toBe(`Could not download 1.1.4 谈谈 Go 服务稳定性建设.pdf: ${reason}`);
	});

	it("writes nothing when the network fails", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks" } });
		const notices = captureNotices();
		setNetwork(() => Promise.reject(new Error("offline")));
		await harness.command("open");
		click(sessionRow(pane(harness), "1.1.4").querySelector(".gopherchina-download"));
		await flush(6);
		expect(notices.messages().at(-1)).toBe("Could not download 1.1.4 谈谈 Go 服务稳定性建设.pdf: the network request failed");
	});

	it("never overwrites a file that is already there", async () => {
		const path = "GopherChina/2023/1.1.4 谈谈 Go 服务稳定性建设.pdf";
		harness = await loadPlugin({ ...exampleFiles(), [path]: "%PDF-1.4 mine, with my highlights" }, { viewState: { tab: "talks" } });
		const notices = captureNotices();
		let asked = 0;
		setNetwork(() => {
			asked++;
			return { status: 200, arrayBuffer: pdfBytes() };
		});
		await harness.command("open");
		// The talk already has this local copy, so its button opens it; the download path is checked directly.
		const { PdfActions } = await import("../../src/ui/pdf-actions");
		const session = harness.plugin.index.sessions().find((entry) => entry.code?.code === "1.1.4");
		const actions = new PdfActions({ services: { ...harness.runtime.app, fileManager: harness.runtime.app.fileManager, app: harness.runtime.app }, index: harness.plugin.index, settings: () => harness.plugin.options, updateSettings: async () => undefined, events: new (await import("obsidian")).Events(), program: idleProgram() });
		const outcome = await actions.download({ ...(session as NonNullable<typeof session>), localPath: null });
		expect(outcome).toEqual({ ok: true, path, existed: true });
		expect(asked).toBe(0);
		expect(await harness.runtime.read(path)).toBe("%PDF-1.4 mine, with my highlights");
		expect(notices.messages()).toEqual([]);
	});

	it("saves only inside the configured folder, whatever the file name says", async () => {
		harness = await loadPlugin({ "n.md": "#gopherchina\n- [x](https://x.org/2023/..%2F..%2F..%2Fevil%2F..%2F1.1.1%20x.pdf)\n" }, { downloadFolder: "Slides/{year}" });
		setNetwork(() => ({ status: 200, arrayBuffer: pdfBytes() }));
		const { PdfActions } = await import("../../src/ui/pdf-actions");
		const actions = new PdfActions({ services: { ...harness.runtime.app, fileManager: harness.runtime.app.fileManager, app: harness.runtime.app }, index: harness.plugin.index, settings: () => harness.plugin.options, updateSettings: async () => undefined, events: new (await import("obsidian")).Events(), program: idleProgram() });
		const session = harness.plugin.index.sessions()[0];
		const outcome = await actions.download(session as NonNullable<typeof session>);
		expect(outcome.ok && outcome.path.startsWith("Slides/2023/")).toBe(true);
		expect(outcome.ok && outcome.path.split("/")).toHaveLength(3);
		expect(harness.runtime.app.vault.getFiles().filter((file) => file.extension === "pdf").map((file) => file.path)).toEqual([outcome.ok ? outcome.path : ""]);
	});
});

describe("lifecycle", () => {
	interface Listeners {
		_: Record<string, unknown[]>;
	}
	const count = (events: unknown): number => Object.values((events as Listeners)._).reduce((sum, list) => sum + list.length, 0);

	it("leaves no listeners, timers or DOM behind when turned off, and works again when turned on", async () => {
		const runtime = createRuntime(exampleFiles());
		const { metadataCache, vault, workspace } = runtime.app;
		const baseline = [count(metadataCache), count(vault), count(workspace)];
		const timers = new Set<number>();
		const stacks = new Map<number, string>();
		const setTimeoutOriginal = window.setTimeout.bind(window);
		const clearTimeoutOriginal = window.clearTimeout.bind(window);
		window.setTimeout = ((handler: () => void, ms?: number) => {
			const id = setTimeoutOriginal(() => {
				timers.delete(id);
				handler();
			}, ms);
			timers.add(id);
			stacks.set(id, new Error().stack ?? "");
			return id;
		}) as typeof window.setTimeout;
		window.clearTimeout = ((id?: number) => {
			if (id !== undefined) {
				timers.delete(id);
			}
			clearTimeoutOriginal(id);
		}) as typeof window.clearTimeout;
		try {
			for (let round = 0; round < 3; round++) {
				const harness = await loadPlugin({}, {}, runtime);
				await harness.command("open");
				click(pane(harness).querySelector(".gopherchina-item input"));
				await flush();
				expect(count(metadataCache)).toBeGreaterThan(baseline[0] as number);
				// Obsidian closes a plugin's views when the plugin is turned off; the plugin itself does not.
				runtime.app.workspace.detachLeavesOfType(VIEW_TYPE);
				unloadPlugin(harness);
				expect([count(metadataCache), count(vault), count(workspace)]).toEqual(baseline);
				expect(document.querySelectorAll("[class^='gopherchina'], [class*=' gopherchina']")).toHaveLength(0);
				expect([...timers].map((id) => stacks.get(id)?.split("\n").slice(2, 5).join(" | "))).toEqual([]);
			}
		} finally {
			window.setTimeout = setTimeoutOriginal;
			window.clearTimeout = clearTimeoutOriginal;
		}
	});

	it("ends up with the right model after files appear, move and vanish in bursts", async () => {
		const runtime = createRuntime({});
		const { index } = await startIndex(runtime);
		const work: Array<Promise<void>> = [];
		for (let i = 0; i < 40; i++) {
			runtime.addFile(`burst/n${i}.md`, `#gopherchina\n- [ ] item ${i}\n- [https://x.org/2023/1.1.${i % 9}%20T.pdf](https://x.org/2023/1.1.${i % 9}%20T.pdf)\n`);
		}
		for (let i = 0; i < 40; i += 3) {
			work.push(runtime.rename(`burst/n${i}.md`, `moved/n${i}.md`));
		}
		for (let i = 1; i < 40; i += 4) {
			work.push(runtime.remove(`burst/n${i}.md`));
		}
		await Promise.all(work);
		await flush(5);
		const fresh = await startIndex(createRuntime(Object.fromEntries(await Promise.all(runtime.app.vault.getMarkdownFiles().map(async (file) => [file.path, await runtime.read(file.path)] as const)))));
		expect(snapshot(index)).toEqual(snapshot(fresh.index));
		expect(index.notes()).toHaveLength(30);
		expect(runtime.app.vault.getAbstractFileByPath("moved/n0.md")).toBeInstanceOf(TFile);
	});
});

describe("failures stay inside", () => {
	it("logs an error thrown while handling a file event instead of letting it escape", async () => {
		const runtime = createRuntime({ "a.md": "#gopherchina\n- [ ] a\n" });
		const { index } = await startIndex(runtime);
		const logged: unknown[] = [];
		const original = console.error;
		console.error = (...args: unknown[]) => logged.push(args);
		try {
			const broken = { get listItems(): never { throw new Error("broken metadata"); }, tags: [{ tag: "#gopherchina", position: { start: { line: 0, col: 0, offset: 0 }, end: { line: 0, col: 12, offset: 12 } } }] };
			expect(() => runtime.setCache("a.md", broken as never)).not.toThrow();
		} finally {
			console.error = original;
		}
		expect(logged.length).toBeGreaterThan(0);
		expect(index.skippedNotes().map((note) => note.path)).toEqual(["a.md"]);
	});
});
