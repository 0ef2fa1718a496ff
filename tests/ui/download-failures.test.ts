import { Events, TFolder } from "obsidian-test-mocks/obsidian";
import type { DataWriteOptions, TFile as ObsidianFile, Vault } from "obsidian";
import { PdfActions } from "../../src/ui/pdf-actions";
import { pdfBytes, requests, setNetwork } from "../../sandbox/network";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { createRuntime } from "../../sandbox/runtime";
import { captureNotices, click, exampleFiles, pane, settleView } from "./helpers";
import { idleProgram } from "../../sandbox/program-stub";

type CreateBinary = (path: string, data: ArrayBuffer, options?: DataWriteOptions) => Promise<ObsidianFile>;

const TALK_1_1_4 = "1.1.4 谈谈 Go 服务稳定性建设.pdf";
const TALK_2_1_1 = "2.1.1 Sentinel&OpenSergo：下一代微服务治理标准与实践.pdf";
/** A note with one talk whose PDF is not in the vault. */
const ONE_TALK = { "n.md": "#gopherchina\n- [1.1.1 x](https://github.com/gopherchina/conference/blob/master/2023/1.1.1%20x.pdf)\n" };

/** Makes `createBinary` fail (or misbehave) for the paths `when` picks; others are written as usual. */
function breakWrites(vault: Vault, when: (path: string) => boolean, failure: (path: string, data: ArrayBuffer, write: CreateBinary) => Promise<ObsidianFile>): void {
	const write: CreateBinary = vault.createBinary.bind(vault);
	vault.createBinary = (path: string, data: ArrayBuffer, options?: DataWriteOptions) => (when(path) ? failure(path, data, write) : write(path, data, options));
}

function actionsFor(harness: PluginHarness): PdfActions {
	const { vault, workspace, metadataCache, fileManager } = harness.runtime.app;
	return new PdfActions({ services: { vault, workspace, metadataCache, fileManager, app: harness.runtime.app }, index: harness.plugin.index, settings: () => harness.plugin.options, updateSettings: async () => undefined, events: new Events(), program: idleProgram() });
}

function onlySession(harness: PluginHarness): NonNullable<ReturnType<PluginHarness["plugin"]["index"]["sessions"]>[number]> {
	const session = harness.plugin.index.sessions()[0];
	if (!session) {
		throw new Error("no talk");
	}
	return { ...session, localPath: null };
}

async function until(condition: () => boolean, what: string): Promise<void> {
	for (let i = 0; i < 1000; i++) {
		if (condition()) {
			return;
		}
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
	throw new Error(`timed out waiting for ${what}`);
}

const pdfsIn = (harness: PluginHarness, folder: string): string[] =>
	harness.runtime.app.vault
		.getFiles()
		.filter((file) => file.path.startsWith(`${folder}/`) && file.extension === "pdf")
		.map((file) => file.path);

describe("download all, when some talks cannot be saved", () => {
	let harness: PluginHarness;
	beforeEach(() => setNetwork(() => ({ status: 200, headers: { "content-type": "application/pdf" }, arrayBuffer: pdfBytes() })));
	afterEach(() => unloadPlugin(harness));

	async function downloadAll2023(): Promise<ReturnType<typeof captureNotices>> {
		const notices = captureNotices();
		await harness.command("open");
		click(pane(harness).querySelector(".gopherchina-download-all"));
		await until(() => notices.messages().some((message) => message.startsWith("Downloaded") || message.startsWith("已下载")), "the summary notice");
		await settleView();
		return notices;
	}

	it("goes on past the talks that fail, names each with its reason, and ends with a summary", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks" } });
		const vault = harness.runtime.app.vault;
		expect(pdfsIn(harness, "GopherChina/2023")).toHaveLength(1);
		breakWrites(
			vault,
			(path) => path.includes("1.1.4") || path.includes("2.1.1"),
			async (path) => {
				throw new Error(path.includes("1.1.4") ? "ENAMETOOLONG: name too long" : "File already exists.");
			},
		);
		const notices = await downloadAll2023();
		expect(notices.messages()).toEqual([
			`Could not download ${TALK_1_1_4}: the file could not be saved (ENAMETOOLONG: name too long)`,
			`Could not download ${TALK_2_1_1}: the file could not be saved (File already exists.)`,
			`Downloaded 22 of 24 PDFs of 2023; 2 failed: ${TALK_1_1_4}, ${TALK_2_1_1}`,
		]);
		expect(requests).toHaveLength(24);
		const saved = pdfsIn(harness, "GopherChina/2023");
		expect(saved).toHaveLength(23);
		expect(saved.some((path) => path.includes("1.1.4") || path.includes("2.1.1"))).toBe(false);
		expect(pane(harness).querySelector(".gopherchina-download-progress")).toBeNull();
		// The year still has talks to download, so its button is back.
		expect(pane(harness).querySelector(".gopherchina-download-all")).not.toBeNull();
	});

	it("says the same in Chinese", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks" }, language: "zh" });
		breakWrites(harness.runtime.app.vault, (path) => path.includes("1.1.4"), async () => {
			throw new Error("ENAMETOOLONG: name too long");
		});
		const notices = await downloadAll2023();
		expect(notices.messages()).toEqual([`无法下载 ${TALK_1_1_4}：无法保存文件（ENAMETOOLONG: name too long）`, `已下载 2023 的 23 / 24 个 PDF；1 个失败：${TALK_1_1_4}`]);
	});

	it("names five failed talks and counts the rest when every write fails", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks" } });
		breakWrites(harness.runtime.app.vault, () => true, async () => {
			throw new Error("EROFS: read-only file system");
		});
		const notices = await downloadAll2023();
		const summary = notices.messages().at(-1) ?? "";
		expect(notices.messages()).toHaveLength(25);
		expect(summary).toMatch(/^Downloaded 0 of 24 PDFs of 2023; 24 failed: (?:[^,]+\.pdf, ){5}and 19 more$/);
		expect(pdfsIn(harness, "GopherChina/2023")).toEqual(["GopherChina/2023/1.1.1 大型项目开发之 Golang 早知道.pdf"]);
		expect(pane(harness).querySelector(".gopherchina-download-progress")).toBeNull();
	});

	/**
	 * Downloads 2023's PDFs and cancels once `after` have been asked for; the first PDF's write fails
	 * when `failFirst`. The run's progress, its closing notice and the first PDF's file name.
	 */
	async function cancelledRun(after: number, failFirst: boolean): Promise<{ progress: unknown; notice: string | undefined; first: string; downloads: number }> {
		harness = await loadPlugin(exampleFiles());
		const actions = actionsFor(harness);
		const sessions = harness.plugin.index.sessions().filter((session) => session.year === 2023 && session.edition === null);
		const first = sessions.find((session) => session.localPath === null)?.fileName ?? "";
		if (failFirst) {
			breakWrites(harness.runtime.app.vault, (path) => path.endsWith(`/${first}`), async () => {
				throw new Error("EIO: i/o error");
			});
		}
		setNetwork(() => {
			if (requests.length === after) {
				actions.cancel("2023");
			}
			return { status: 200, arrayBuffer: pdfBytes() };
		});
		const notices = captureNotices();
		const progress = await actions.downloadAll("2023", sessions);
		return { progress, notice: notices.messages().at(-1), first, downloads: actions.downloads.size };
	}

	it("says how many were downloaded when cancelled", async () => {
		const run = await cancelledRun(3, false);
		expect(run.progress).toEqual({ done: 3, total: 24, cancelled: true });
		expect(run.notice).toBe("Stopped after 3 of 24 PDFs; 3 downloaded");
	});

	it("counts the failures when cancelled too", async () => {
		const run = await cancelledRun(2, true);
		expect(run.progress).toEqual({ done: 2, total: 24, cancelled: true });
		expect(run.notice).toBe(`Stopped after 2 of 24 PDFs; 1 downloaded, 1 failed: ${run.first}`);
		expect(run.downloads).toBe(0);
	});
});

describe("a download that cannot be saved", () => {
	let harness: PluginHarness;
	beforeEach(() => setNetwork(() => ({ status: 200, arrayBuffer: pdfBytes() })));
	afterEach(() => unloadPlugin(harness));

	it("re-enables the talk's button and says why, when the vault refuses the file", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks" } });
		const notices = captureNotices();
		breakWrites(harness.runtime.app.vault, () => true, async () => {
			throw new Error("File already exists.");
		});
		await harness.command("open");
		const row = Array.from(pane(harness).querySelectorAll<HTMLElement>(".gopherchina-session")).find((el) => el.querySelector(".gopherchina-code")?.textContent === "1.1.4");
		const button = row?.querySelector<HTMLButtonElement>(".gopherchina-download");
		click(button);
		await until(() => notices.messages().length > 0, "a notice");
		await settleView();
		expect(notices.messages()).toEqual([`Could not download ${TALK_1_1_4}: the file could not be saved (File already exists.)`]);
		expect(button?.disabled).toBe(false);
	});

	it("says so, and fetches nothing, when a file stands where a folder should be", async () => {
		harness = await loadPlugin({ ...ONE_TALK, "Slides/2023": "not a folder" }, { downloadFolder: "Slides/{year}" });
		const notices = captureNotices();
		await actionsFor(harness).downloadAndOpen(onlySession(harness));
		expect(notices.messages()).toEqual(["Could not download 1.1.1 x.pdf: Slides/2023 is a file, not a folder"]);
		expect(requests).toEqual([]);
		expect(await harness.runtime.read("Slides/2023")).toBe("not a folder");
	});

	it("says so when a folder stands where the file should be", async () => {
		harness = await loadPlugin({ ...ONE_TALK, "GopherChina/2023/1.1.1 X.pdf/inside.md": "a folder" });
		const notices = captureNotices();
		await actionsFor(harness).downloadAndOpen(onlySession(harness));
		expect(notices.messages()).toEqual(["Could not download 1.1.1 x.pdf: a folder named GopherChina/2023/1.1.1 X.pdf is in the way"]);
		expect(requests).toEqual([]);
	});

	it("says so when the folder cannot be created, and leaves nothing behind", async () => {
		harness = await loadPlugin(ONE_TALK);
		const vault = harness.runtime.app.vault;
		vault.createFolder = async () => {
			throw new Error("EACCES: permission denied");
		};
		const notices = captureNotices();
		const before = vault.getAllLoadedFiles().map((file) => file.path).sort();
		await actionsFor(harness).downloadAndOpen(onlySession(harness));
		expect(notices.messages()).toEqual(["Could not download 1.1.1 x.pdf: could not create the folder GopherChina (EACCES: permission denied)"]);
		expect(vault.getAllLoadedFiles().map((file) => file.path).sort()).toEqual(before);
	});

	it("removes a half-written file and the folders made for it", async () => {
		harness = await loadPlugin(ONE_TALK);
		const vault = harness.runtime.app.vault;
		breakWrites(vault, () => true, async (path, data) => {
			await vault.adapter.writeBinary(path, data.slice(0, 4));
			throw new Error("ENOSPC: no space left on device");
		});
		const notices = captureNotices();
		await actionsFor(harness).downloadAndOpen(onlySession(harness));
		expect(notices.messages()).toEqual(["Could not download 1.1.1 x.pdf: the file could not be saved (ENOSPC: no space left on device)"]);
		expect(await vault.adapter.exists("GopherChina/2023/1.1.1 x.pdf")).toBe(false);
		expect(vault.getAbstractFileByPath("GopherChina/2023")).toBeNull();
		expect(vault.getAbstractFileByPath("GopherChina")).toBeNull();
	});

	it("removes a half-written file the vault already lists, and keeps a folder that was there", async () => {
		harness = await loadPlugin({ ...ONE_TALK, "GopherChina/2023/other.md": "mine" });
		const vault = harness.runtime.app.vault;
		breakWrites(vault, () => true, async (path, data, write) => {
			await write(path, data.slice(0, 4));
			throw new Error("EIO: i/o error");
		});
		await actionsFor(harness).downloadAndOpen(onlySession(harness));
		expect(vault.getAbstractFileByPath("GopherChina/2023/1.1.1 x.pdf")).toBeNull();
		expect(await vault.adapter.exists("GopherChina/2023/1.1.1 x.pdf")).toBe(false);
		expect(vault.getAbstractFileByPath("GopherChina/2023")).toBeInstanceOf(TFolder);
	});

	it("reports anything else that throws on the way instead of letting it escape", async () => {
		harness = await loadPlugin(ONE_TALK);
		harness.runtime.app.vault.getRoot = () => {
			throw new Error("boom");
		};
		const notices = captureNotices();
		await expect(actionsFor(harness).downloadAndOpen(onlySession(harness))).resolves.toBeUndefined();
		expect(notices.messages()).toEqual(["Could not download 1.1.1 x.pdf: something went wrong (boom)"]);
	});
});

describe("a file that is already there under another spelling", () => {
	let harness: PluginHarness;
	let asked: number;
	beforeEach(() => {
		asked = 0;
		setNetwork(() => {
			asked++;
			return { status: 200, arrayBuffer: pdfBytes() };
		});
	});
	afterEach(() => unloadPlugin(harness));

	it("is found in another case and opened, not overwritten", async () => {
		harness = await loadPlugin({ ...ONE_TALK, "GopherChina/2023/1.1.1 X.pdf": "%PDF-1.4 mine" });
		const notices = captureNotices();
		await actionsFor(harness).downloadAndOpen(onlySession(harness));
		expect(notices.messages()).toEqual(["GopherChina/2023/1.1.1 X.pdf is already in the vault"]);
		expect(asked).toBe(0);
		expect(await harness.runtime.read("GopherChina/2023/1.1.1 X.pdf")).toBe("%PDF-1.4 mine");
		expect(pdfsIn(harness, "GopherChina/2023")).toEqual(["GopherChina/2023/1.1.1 X.pdf"]);
	});

	it("is found in another Unicode normalisation (NFD link, NFC file)", async () => {
		const nfd = "Café".normalize("NFD");
		harness = await loadPlugin({ "n.md": `#gopherchina\n- [x](https://x.org/2023/${encodeURIComponent(nfd)}.pdf)\n`, "GopherChina/2023/Café.pdf": "%PDF-1.4 mine" });
		const outcome = await actionsFor(harness).download(onlySession(harness));
		expect(outcome).toEqual({ ok: true, path: "GopherChina/2023/Café.pdf", existed: true });
		expect(asked).toBe(0);
	});

	it("uses a folder that exists in another case instead of making a second one", async () => {
		harness = await loadPlugin({ ...ONE_TALK, "gopherchina/2023/other.md": "mine" });
		const outcome = await actionsFor(harness).download(onlySession(harness));
		expect(outcome).toEqual({ ok: true, path: "gopherchina/2023/1.1.1 x.pdf", existed: false });
		expect(harness.runtime.app.vault.getAbstractFileByPath("GopherChina")).toBeNull();
	});

	it("is refused when the disk has it but the vault does not list it yet", async () => {
		harness = await loadPlugin({ ...ONE_TALK, "GopherChina/2023/other.md": "mine" });
		const vault = harness.runtime.app.vault;
		await vault.adapter.write("GopherChina/2023/1.1.1 x.pdf", "%PDF-1.4 synced a moment ago");
		const outcome = await actionsFor(harness).download(onlySession(harness));
		expect(outcome).toEqual({ ok: false, reason: "a file named 1.1.1 x.pdf is already on the disk, but not yet in the vault" });
		expect(await vault.adapter.read("GopherChina/2023/1.1.1 x.pdf")).toBe("%PDF-1.4 synced a moment ago");
	});
});

describe("the download folder setting", () => {
	let harness: PluginHarness;
	beforeEach(() => setNetwork(() => ({ status: 200, arrayBuffer: pdfBytes() })));
	afterEach(() => unloadPlugin(harness));

	it("never saves into the configuration folder or any hidden one", async () => {
		const runtime = createRuntime(ONE_TALK);
		// The vault's own answer, not a guess: the folder's name is configurable.
		const configDir = runtime.app.vault.configDir;
		harness = await loadPlugin(ONE_TALK, { downloadFolder: `${configDir}/{year}` }, runtime);
		const outcome = await actionsFor(harness).download(onlySession(harness));
		expect(outcome).toEqual({ ok: true, path: `${configDir.replace(/^\.+/, "")}/2023/1.1.1 x.pdf`, existed: false });
		expect(await runtime.app.vault.adapter.exists(`${configDir}/2023/1.1.1 x.pdf`)).toBe(false);
	});
});
