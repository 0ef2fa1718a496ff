import { snapshot } from "../../src/index/snapshot";
import { startIndex } from "../../sandbox/harness";
import { createColdRuntime, createRuntime } from "../../sandbox/runtime";

const URL_A = "https://github.com/gopherchina/conference/blob/master/2023/1.1.1%20A.pdf";
const URL_B = "https://github.com/gopherchina/conference/blob/master/2023/1.1.2%20B.pdf";

const noteA = `#gopherchina\n\n- [1.1.1 A](${URL_A})\n  - [ ] study A\n- [ ] general\n`;
const noteB = `---\ntags: [gopherchina/2023]\n---\n- [1.1.2 B](${URL_B})\n  - [x] study B\n`;

async function tick(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 0));
}

describe("the vault index", () => {
	it("waits for the layout before reading anything", async () => {
		const runtime = createRuntime({ "a.md": noteA });
		const { VaultIndex } = await import("../../src/index/vault-index");
		const { metadataCache, vault, workspace } = runtime.app;
		const index = new VaultIndex({ metadataCache, vault, workspace }, { trackedTags: () => ["gopherchina"], announceDelay: 0 });
		index.load();
		await tick();
		expect(index.notes()).toEqual([]);
		expect(index.ready).toBe(false);
		runtime.layoutReady();
		await tick();
		expect(index.ready).toBe(true);
		expect(index.notes().map((note) => note.path)).toEqual(["a.md"]);
		index.unload();
	});

	it("updates one note at a time from the cache's changed event, without rescanning", async () => {
		const runtime = createRuntime({ "a.md": noteA, "b.md": noteB, "other.md": "no tags\n" });
		const { index } = await startIndex(runtime);
		const parses = runtime.parses;
		const revision = index.revision;
		await runtime.modify("a.md", noteA.replace("- [ ] general", "- [x] general"));
		expect(runtime.parses).toBe(parses + 1);
		expect(index.revision).toBeGreaterThan(revision);
		expect(index.note("a.md")?.studyItems.map((item) => item.state)).toEqual(["open", "done"]);
		expect(index.progress()).toEqual({ open: 1, done: 2 });
		expect(index.noteProgress("a.md")).toEqual({ open: 1, done: 1 });
		// a.md has no year of its own: its items count in the year of the talk they are tied to (its only talk).
		expect(index.yearProgress(2023)).toEqual({ open: 1, done: 2 });
	});

	it("adds a note when it is tagged and drops it when the tag goes", async () => {
		const runtime = createRuntime({ "a.md": "- [ ] x\n" });
		const { index } = await startIndex(runtime);
		expect(index.notes()).toEqual([]);
		await runtime.modify("a.md", "#gopherchina/2019\n- [ ] x\n");
		expect(index.notes().map((note) => note.year)).toEqual([2019]);
		await runtime.modify("a.md", "#gopherchinese\n- [ ] x\n");
		expect(index.notes()).toEqual([]);
		expect(index.progress()).toEqual({ open: 0, done: 0 });
	});

	it("follows deletes and renames, and drops sessions nobody mentions any more", async () => {
		const runtime = createRuntime({ "a.md": noteA, "b.md": noteB });
		const { index } = await startIndex(runtime);
		expect(index.sessions().map((session) => session.code?.code)).toEqual(["1.1.1", "1.1.2"]);
		await runtime.remove("b.md");
		expect(index.sessions().map((session) => session.code?.code)).toEqual(["1.1.1"]);
		expect(index.progress()).toEqual({ open: 2, done: 0 });
		await runtime.rename("a.md", "notes/renamed.md");
		await tick();
		expect(index.notes().map((note) => note.path)).toEqual(["notes/renamed.md"]);
		expect(index.sessions()[0]?.sources).toEqual([{ path: "notes/renamed.md", line: 2 }]);
	});

	it("merges one PDF linked from two notes into one session with two sources", async () => {
		const raw = URL_A.replace("/blob/", "/raw/");
		const runtime = createRuntime({ "a.md": noteA, "c.md": `#gopherchina\n\n[again](${raw}?raw=true)\n` });
		const { index } = await startIndex(runtime);
		const sessions = snapshot(index).sessions;
		expect(sessions).toHaveLength(1);
		expect(sessions[0]).toMatchObject({ code: "1.1.1", title: "A", url: URL_A, sources: [{ path: "a.md", line: 2 }, { path: "c.md", line: 2 }] });
	});

	it("keeps two editions' talks with the same code apart", async () => {
		const shanghai = URL_A.replace("/2023/", "/2023-shanghai/").replace("%20A", "%20S");
		const runtime = createRuntime({ "a.md": noteA, "s.md": `#gopherchina\n[1.1.1 S](${shanghai})\n## 1.1.1\n- [ ] which one\n` });
		const { index } = await startIndex(runtime);
		expect(snapshot(index).sessions.map((session) => [session.code, session.edition])).toEqual([["1.1.1", null], ["1.1.1", "shanghai"]]);
		// The heading names 1.1.1, and the note links the Shanghai talk of that code.
		expect(snapshot(index).studyItems.find((item) => item.text === "which one")?.sessionId).toContain("2023-shanghai");
	});

	it("finds a local copy of a remote PDF by its file name, and notices it arrive and leave", async () => {
		const runtime = createRuntime({ "a.md": noteA });
		const { index } = await startIndex(runtime);
		expect(index.sessions()[0]?.localPath).toBeNull();
		runtime.addFile("GopherChina/2023/1.1.1 A.pdf", "%PDF-1.4");
		expect(index.sessions()[0]?.localPath).toBe("GopherChina/2023/1.1.1 A.pdf");
		await runtime.remove("GopherChina/2023/1.1.1 A.pdf");
		expect(index.sessions()[0]?.localPath).toBeNull();
	});

	it("merges a link to the vault copy into the remote session", async () => {
		const runtime = createRuntime({ "a.md": noteA, "GopherChina/2023/1.1.1 A.pdf": "%PDF", "l.md": "#gopherchina\n![[1.1.1 A.pdf]]\n" });
		const { index } = await startIndex(runtime);
		const sessions = snapshot(index).sessions;
		expect(sessions).toHaveLength(1);
		expect(sessions[0]).toMatchObject({ url: URL_A, localPath: "GopherChina/2023/1.1.1 A.pdf", sources: [{ path: "a.md", line: 2 }, { path: "l.md", line: 1 }] });
	});

	it("survives a metadata cache that is still empty at start", async () => {
		const runtime = createColdRuntime({ "a.md": noteA, "b.md": noteB });
		const { index } = await startIndex(runtime);
		expect(index.ready).toBe(true);
		expect(index.notes()).toEqual([]);
		runtime.parseAll();
		expect(index.notes().map((note) => note.path)).toEqual(["a.md", "b.md"]);
	});

	it("reads several tracked tags and rebuilds when they change", async () => {
		const runtime = createRuntime({ "a.md": noteA, "t.md": "#talks/go\n- [ ] t\n" });
		const harness = await startIndex(runtime, ["talks"]);
		expect(harness.index.notes().map((note) => note.path)).toEqual(["t.md"]);
		harness.tags = ["gopherchina", "talks"];
		await harness.index.rebuild();
		expect(harness.index.notes().map((note) => note.path)).toEqual(["a.md", "t.md"]);
	});

	it("never reads the text of an untracked note", async () => {
		const runtime = createRuntime({ "a.md": noteA, "u.md": "- [ ] untracked\n" });
		const reads: string[] = [];
		const vault = runtime.app.vault;
		const original = vault.cachedRead.bind(vault);
		vault.cachedRead = async (file) => {
			reads.push(file.path);
			return original(file);
		};
		await startIndex(runtime);
		expect(reads).toEqual(["a.md"]);
	});

	it("announces changes, debounced, to subscribers", async () => {
		const runtime = createRuntime({ "a.md": noteA });
		const { index } = await startIndex(runtime);
		const calls: number[] = [];
		const ref = index.onChange(() => calls.push(index.revision));
		await runtime.modify("a.md", `${noteA}- [ ] one\n`);
		await runtime.modify("a.md", `${noteA}- [ ] two\n`);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(calls).toHaveLength(1);
		index.offChange(ref);
	});

	it("resolves a study item to the session its parent item or heading names", async () => {
		const runtime = createRuntime({
			"a.md": noteA,
			"b.md": noteB,
			"h.md": "#gopherchina\n## 1.1.2 B\n- [ ] under heading\n",
			"p.md": "---\ntags: gopherchina\nsession: 1.1.1\nyear: 2023\n---\n- [ ] per-talk note\n",
			"two.md": `#gopherchina\n- [1.1.1 A](${URL_A})\n- [1.1.2 B](${URL_B})\n\n- [ ] not about either\n`,
		});
		const { index } = await startIndex(runtime);
		const bySession = new Map(snapshot(index).studyItems.map((item) => [item.text, item.sessionId]));
		expect(bySession.get("study A")).toContain("1.1.1 A.pdf");
		// A note that links exactly one talk is about that talk; a note that links two is about neither.
		expect(bySession.get("general")).toContain("1.1.1 A.pdf");
		expect(bySession.get("not about either")).toBeNull();
		expect(bySession.get("under heading")).toContain("1.1.2 B.pdf");
		expect(bySession.get("per-talk note")).toContain("1.1.1 A.pdf");
		const progress = index.sessionProgress();
		expect([...progress.values()].reduce((sum, p) => sum + p.open + p.done, 0)).toBe(5);
	});

	it("reads PDF links in properties: wikilinks and web addresses, in lists too", async () => {
		const runtime = createRuntime({
			"GopherChina/2022/1.2 P.pdf": "%PDF",
			"talk.md": `---\ntags: gopherchina\npdf: "[[1.2 P.pdf]]"\nslides:\n  - ${URL_B}\n---\n- [ ] about P\n`,
		});
		const { index } = await startIndex(runtime);
		const model = snapshot(index);
		expect(model.sessions.map((entry) => [entry.code, entry.localPath, entry.url, entry.sources])).toEqual([
			["1.1.2", null, URL_B, [{ path: "talk.md", line: 4 }]],
			["1.2", "GopherChina/2022/1.2 P.pdf", null, [{ path: "talk.md", line: 2 }]],
		]);
		expect(model.sessions[1]?.year).toBe(2022);
		expect(model.studyItems[0]?.sessionId).toBe("vault:GopherChina/2022/1.2 P.pdf");
	});
});
