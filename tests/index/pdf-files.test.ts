import { VaultIndex } from "../../src/index/vault-index";
import { settle, startIndex } from "../../sandbox/harness";
import { createRuntime, type Runtime } from "../../sandbox/runtime";

const RAW = "https://github.com/gopherchina/conference/raw/master/2023";
const remote = (name: string): string => `${RAW}/${encodeURIComponent(name)}`;
const NOTE = `#gopherchina\n- [1.1.2 Remote](${remote("1.1.2 Remote.pdf")})\n- [[1.1.1 Local.pdf]]\n`;

function localPaths(index: VaultIndex): Record<string, string | null> {
	return Object.fromEntries(index.sessions().map((session) => [session.fileName, session.localPath]));
}

/** Counts the index's announcements. */
function announcements(index: VaultIndex): () => number {
	let count = 0;
	index.onChange(() => count++);
	return () => count;
}

async function tick(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 0));
}

describe("PDF files in the index", () => {
	it("takes in a PDF created before the index is ready, and one created while the notes are read", async () => {
		const runtime = createRuntime({ "a.md": NOTE });
		const { metadataCache, vault, workspace } = runtime.app;
		const index = new VaultIndex({ metadataCache, vault, workspace }, { trackedTags: () => ["gopherchina"], announceDelay: 0 });
		index.load();
		runtime.addFile("Early/1.1.1 Local.pdf", "%PDF-1.4");
		runtime.layoutReady();
		expect(index.ready).toBe(false);
		runtime.addFile("Late/1.1.2 Remote.pdf", "%PDF-1.4");
		await settle(index);
		expect(localPaths(index)).toEqual({ "1.1.2 Remote.pdf": "Late/1.1.2 Remote.pdf", "1.1.1 Local.pdf": "Early/1.1.1 Local.pdf" });
		expect(index.sessionCounts()).toEqual({ sessions: 2, local: 2 });
		index.unload();
	});

	it("looks at the old and the new name of a renamed file", async () => {
		const runtime = createRuntime({ "a.md": NOTE, "Slides/1.1.1 Local.pdf": "%PDF-1.4", "Slides/1.1.2 Remote.pdf.part": "%PDF-1.4", "img.png": "" });
		const { index } = await startIndex(runtime);
		const announced = announcements(index);
		expect(index.sessionCounts()).toEqual({ sessions: 2, local: 1 });

		await runtime.rename("Slides/1.1.2 Remote.pdf.part", "Slides/1.1.2 Remote.pdf");
		await runtime.rename("Slides/1.1.1 Local.pdf", "Slides/1.1.1 Local.pdf.bak");
		await tick();
		expect(localPaths(index)).toEqual({ "1.1.2 Remote.pdf": "Slides/1.1.2 Remote.pdf", "1.1.1 Local.pdf": null });
		expect(index.sessionCounts()).toEqual({ sessions: 2, local: 1 });
		const after = announced();
		expect(after).toBeGreaterThan(0);

		// Neither a picture nor a PDF that is no talk's changes anything shown.
		runtime.addFile("Other/unrelated.pdf", "%PDF-1.4");
		await runtime.rename("img.png", "Pictures/img.png");
		await runtime.rename("Other/unrelated.pdf", "Other/still unrelated.pdf");
		await tick();
		expect(announced()).toBe(after);

		// A renamed note is read again under its new path.
		await runtime.rename("a.md", "Notes/a.md");
		await tick();
		expect(index.notes().map((note) => note.path)).toEqual(["Notes/a.md"]);
		expect(index.sessionCounts()).toEqual({ sessions: 2, local: 1 });
	});

	it("follows a folder of PDFs moved and deleted, and announces a folder of 300 once", async () => {
		const names = Array.from({ length: 300 }, (_, n) => `1.1.${n + 1} Talk ${n + 1}.pdf`);
		const note = `#gopherchina\n${names.map((name) => `- [${name.slice(0, -4)}](${remote(name)})`).join("\n")}\n`;
		const files: Record<string, string> = { "a.md": note };
		for (const name of names) {
			files[`Batch/2023/${name}`] = "%PDF-1.4";
		}
		const runtime: Runtime = createRuntime(files);
		const { index } = await startIndex(runtime);
		const announced = announcements(index);
		expect(index.sessionCounts()).toEqual({ sessions: 300, local: 300 });

		await runtime.rename("Batch", "Archive");
		await tick();
		expect(announced()).toBe(1);
		expect(index.sessionCounts()).toEqual({ sessions: 300, local: 300 });
		expect(new Set(Object.values(localPaths(index)).map((path) => path?.slice(0, path.lastIndexOf("/"))))).toEqual(new Set(["Archive/2023"]));

		await runtime.remove("Archive");
		await tick();
		expect(announced()).toBe(2);
		expect(index.sessionCounts()).toEqual({ sessions: 300, local: 0 });
	});

	it("forgets a PDF it missed leaving when the vault is read again", async () => {
		const runtime = createRuntime({ "a.md": NOTE, "Slides/1.1.2 Remote.pdf": "%PDF-1.4" });
		const { index } = await startIndex(runtime);
		expect(index.sessionCounts()).toEqual({ sessions: 2, local: 1 });
		index.unload();
		// Deleted while the index was not listening.
		await runtime.remove("Slides/1.1.2 Remote.pdf");
		index.load();
		await index.rebuild();
		expect(index.sessionCounts()).toEqual({ sessions: 2, local: 0 });
		expect(localPaths(index)["1.1.2 Remote.pdf"]).toBeNull();
		index.unload();
	});

	it("holds back PDF announcements until released, but not a note's", async () => {
		const runtime = createRuntime({ "a.md": NOTE });
		const { index } = await startIndex(runtime);
		const announced = announcements(index);
		index.sessions();
		const release = index.holdPdfAnnouncements();
		runtime.addFile("Slides/1.1.1 Local.pdf", "%PDF-1.4");
		runtime.addFile("Slides/1.1.2 Remote.pdf", "%PDF-1.4");
		await tick();
		expect(announced()).toBe(0);
		// The model has them at once.
		expect(index.sessionCounts()).toEqual({ sessions: 2, local: 2 });
		await runtime.modify("a.md", `${NOTE}- [ ] study\n`);
		await tick();
		expect(announced()).toBe(1);
		release();
		release();
		await tick();
		expect(announced()).toBe(2);
	});
});
