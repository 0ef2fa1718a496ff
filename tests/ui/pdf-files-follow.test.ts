import { Dashboard } from "../../src/ui/dashboard";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { pane, settleView } from "./helpers";

const RAW = "https://github.com/gopherchina/conference/raw/master/2023";
const remote = (name: string): string => `${RAW}/${encodeURIComponent(name)}`;

function counts(harness: PluginHarness): string {
	return pane(harness).querySelector(".gopherchina-counts")?.textContent ?? "";
}

function localPath(harness: PluginHarness, fileName: string): string | null | undefined {
	return harness.plugin.index.sessions().find((session) => session.fileName === fileName)?.localPath;
}

/** Whether the talk's row in the pane offers its PDF as a local copy. */
function rowIsLocal(harness: PluginHarness, title: string): boolean {
	const row = Array.from(pane(harness).querySelectorAll<HTMLElement>(".gopherchina-session")).find((el) => el.querySelector(".gopherchina-session-title")?.textContent === title);
	if (!row) {
		throw new Error(`no talk ${title}`);
	}
	return row.querySelector(".gopherchina-pdf")?.classList.contains("is-local") ?? false;
}

describe("the PDF count and local copies follow the vault", () => {
	let harness: PluginHarness;
	let redraws: jest.SpyInstance;
	beforeEach(() => {
		redraws = jest.spyOn(Dashboard.prototype, "redraw");
	});
	afterEach(() => {
		redraws.mockRestore();
		unloadPlugin(harness);
	});

	/** Runs a change to the vault and waits for the pane; returns how many times the pane was redrawn. */
	async function redrawsOf(change: () => unknown): Promise<number> {
		redraws.mockClear();
		await change();
		await settleView();
		return redraws.mock.calls.length;
	}

	it("without a refresh: a PDF created, moved to another folder, its folder renamed, then deleted", async () => {
		const note = `#gopherchina\n- [1.1.2 Remote](${remote("1.1.2 Remote.pdf")})\n- [[1.1.1 Local.pdf]]\n`;
		harness = await loadPlugin({ "Talks/2023.md": note, "Slides/2023/1.1.1 Local.pdf": "%PDF-1.4" }, { viewState: { tab: "talks" } });
		const { runtime } = harness;
		await harness.command("open");
		expect(counts(harness)).toBe("1 note · 2 talks · 1 PDF in the vault");

		expect(await redrawsOf(() => runtime.addFile("Downloads/1.1.2 Remote.pdf", "%PDF-1.4"))).toBe(1);
		expect(counts(harness)).toBe("1 note · 2 talks · 2 PDFs in the vault");
		expect(localPath(harness, "1.1.2 Remote.pdf")).toBe("Downloads/1.1.2 Remote.pdf");
		expect(rowIsLocal(harness, "Remote")).toBe(true);

		// `[[1.1.1 Local.pdf]]` still finds the file in its new folder, so the note is not rewritten.
		await runtime.app.vault.createFolder("Archive");
		expect(await redrawsOf(() => runtime.rename("Slides/2023/1.1.1 Local.pdf", "Archive/1.1.1 Local.pdf"))).toBe(1);
		expect(counts(harness)).toBe("1 note · 2 talks · 2 PDFs in the vault");
		expect(localPath(harness, "1.1.1 Local.pdf")).toBe("Archive/1.1.1 Local.pdf");
		expect(rowIsLocal(harness, "Local")).toBe(true);

		expect(await redrawsOf(() => runtime.rename("Archive", "Old slides"))).toBe(1);
		expect(counts(harness)).toBe("1 note · 2 talks · 2 PDFs in the vault");
		expect(localPath(harness, "1.1.1 Local.pdf")).toBe("Old slides/1.1.1 Local.pdf");

		expect(await redrawsOf(() => runtime.remove("Old slides/1.1.1 Local.pdf"))).toBe(1);
		expect(counts(harness)).toBe("1 note · 2 talks · 1 PDF in the vault");
		expect(localPath(harness, "1.1.1 Local.pdf")).toBeNull();
		expect(rowIsLocal(harness, "Local")).toBe(false);

		expect(await redrawsOf(() => runtime.remove("Downloads"))).toBe(1);
		expect(counts(harness)).toBe("1 note · 2 talks · 0 PDFs in the vault");
		expect(localPath(harness, "1.1.2 Remote.pdf")).toBeNull();

		// A PDF that is no talk's, and a picture, leave the pane as it is.
		expect(await redrawsOf(() => runtime.addFile("Misc/receipt.pdf", "%PDF-1.4"))).toBe(0);
		runtime.addFile("Misc/photo.png", "");
		expect(await redrawsOf(() => runtime.rename("Misc/photo.png", "Misc/photo 2.png"))).toBe(0);
	});

	it("redraws once when a folder of 300 talks' PDFs moves", async () => {
		const names = Array.from({ length: 300 }, (_, n) => `1.${Math.floor(n / 50) + 1}.${(n % 50) + 1} Talk ${n + 1}.pdf`);
		const files: Record<string, string> = { "Talks/2023.md": `#gopherchina\n${names.map((name) => `- [${name.slice(0, -4)}](${remote(name)})`).join("\n")}\n` };
		for (const name of names) {
			files[`Slides/${name}`] = "%PDF-1.4";
		}
		harness = await loadPlugin(files, { viewState: { tab: "talks" } });
		await harness.command("open");
		expect(counts(harness)).toBe("1 note · 300 talks · 300 PDFs in the vault");
		expect(await redrawsOf(() => harness.runtime.rename("Slides", "GopherChina/2023"))).toBe(1);
		expect(counts(harness)).toBe("1 note · 300 talks · 300 PDFs in the vault");
		expect(harness.plugin.index.sessions().every((session) => session.localPath?.startsWith("GopherChina/2023/"))).toBe(true);
	});
});
