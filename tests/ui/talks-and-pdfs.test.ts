import { TFile } from "obsidian-test-mocks/obsidian";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { bytesOf, pdfBytes, requests, setNetwork } from "../../sandbox/network";
import { captureMenus, captureNotices, click, exampleFiles, flush, pane, settleView, texts } from "./helpers";

function sessionRow(root: ParentNode, code: string, title: string): HTMLElement {
	const row = Array.from(root.querySelectorAll<HTMLElement>(".gopherchina-session")).find(
		(el) => el.querySelector(".gopherchina-code")?.textContent === code && el.querySelector(".gopherchina-session-title")?.textContent === title,
	);
	if (!row) {
		throw new Error(`no talk ${code} ${title}`);
	}
	return row;
}

function openedFiles(harness: PluginHarness): string[] {
	const leaves = (harness.runtime.app.workspace as unknown as { leaves: Array<{ file__: TFile | null }> }).leaves;
	return leaves.map((leaf) => leaf.file__?.path).filter((path): path is string => path !== undefined);
}

describe("talks and their PDFs", () => {
	let harness: PluginHarness;
	let opened: string[];
	beforeEach(() => {
		opened = [];
		window.open = ((url?: string | URL) => {
			opened.push(String(url));
			return null;
		});
		setNetwork(null);
	});
	afterEach(() => unloadPlugin(harness));

	it("groups talks by year and edition, then day and track, in code order", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks", expanded: { "talks:2019": true } } });
		await harness.command("open");
		const el = pane(harness);
		expect(texts(el, ".gopherchina-group-title")).toEqual(["2023", "2023 · Shanghai", "2021", "2019"]);
		expect(texts(el, ".gopherchina-group-meta")).toEqual(["25 talks", "2 talks", "4 talks", "3 talks"]);
		const first = el.querySelector(".gopherchina-group-content");
		expect(texts(first as HTMLElement, ".gopherchina-track").slice(0, 3)).toEqual(["Day 1 · track 1", "Day 1 · track 2", "Day 1 · track 3"]);
		expect(texts(first as HTMLElement, ".gopherchina-code").slice(0, 5)).toEqual(["1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2.1"]);
		expect(texts(el, ".gopherchina-track")).toContain("Day 1");
		const stateOfGo = sessionRow(el, "1.1.3", "The State Of Go 2023");
		expect(stateOfGo.querySelector(".gopherchina-mini-progress-text")?.textContent).toBe("1 of 4 done");
		// Its two notes collapse to a count, which opens a menu of them.
		const notes = stateOfGo.querySelector<HTMLElement>(".gopherchina-sources");
		expect(notes?.textContent).toBe("2 notes");
		expect(notes?.getAttribute("aria-label")).toBe("2 notes about 1.1.3 The State Of Go 2023");
		const menus = captureMenus();
		click(notes);
		expect(menus.at(-1)?.titles).toEqual(["Open GopherChina 2023 总结", "Open 1.1.3 The State Of Go 2023"]);
	});

	it("opens a PDF that is in the vault in Obsidian, and the note a source names at its line", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks" } });
		await harness.command("open");
		const row = sessionRow(pane(harness), "1.1.1", "大型项目开发之 Golang 早知道");
		expect(row.querySelector(".gopherchina-pdf")?.classList.contains("is-local")).toBe(true);
		expect(row.querySelector(".gopherchina-download")).toBeNull();
		click(row.querySelector(".gopherchina-pdf"));
		await flush();
		expect(openedFiles(harness)).toContain("GopherChina/2023/1.1.1 大型项目开发之 Golang 早知道.pdf");
		expect(opened).toEqual([]);
		const menus = captureMenus();
		click(row.querySelector(".gopherchina-sources"));
		menus.at(-1)?.click("Open GopherChina 2023 总结");
		await flush();
		expect(openedFiles(harness)).toContain("GopherChina 2023 总结.md");
	});

	it("opens a remote PDF's link as it is (GitHub pages too) and fetches nothing", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks" } });
		await harness.command("open");
		const row = sessionRow(pane(harness), "1.1.2", "基于Go语言的滴滴DevOps重塑之路");
		click(row.querySelector(".gopherchina-pdf"));
		await flush();
		expect(opened).toEqual(["https://github.com/gopherchina/conference/blob/master/2023/1.1.2%20%E5%9F%BA%E4%BA%8EGo%E8%AF%AD%E8%A8%80%E7%9A%84%E6%BB%B4%E6%BB%B4DevOps%E9%87%8D%E5%A1%91%E4%B9%8B%E8%B7%AF.pdf"]);
		expect(requests).toEqual([]);
	});

	it("downloads a remote PDF from its raw address into the year's folder and opens it", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks" } });
		setNetwork(() => ({ status: 200, headers: { "content-type": "application/octet-stream" }, arrayBuffer: pdfBytes() }));
		await harness.command("open");
		click(sessionRow(pane(harness), "1.1.2", "基于Go语言的滴滴DevOps重塑之路").querySelector(".gopherchina-download"));
		await flush(6);
		const path = "GopherChina/2023/1.1.2 基于Go语言的滴滴DevOps重塑之路.pdf";
		expect(requests.map((request) => request.url)).toEqual([
			"https://raw.githubusercontent.com/gopherchina/conference/master/2023/1.1.2%20%E5%9F%BA%E4%BA%8EGo%E8%AF%AD%E8%A8%80%E7%9A%84%E6%BB%B4%E6%BB%B4DevOps%E9%87%8D%E5%A1%91%E4%B9%8B%E8%B7%AF.pdf",
		]);
		expect(harness.runtime.app.vault.getAbstractFileByPath(path)).toBeInstanceOf(TFile);
		expect(openedFiles(harness)).toContain(path);
		await settleView();
		const row = sessionRow(pane(harness), "1.1.2", "基于Go语言的滴滴DevOps重塑之路");
		expect(row.querySelector(".gopherchina-pdf")?.classList.contains("is-local")).toBe(true);
	});

	it("writes nothing when the answer is not a PDF, and says so", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks" } });
		const notices = captureNotices();
		setNetwork(() => ({ status: 200, headers: { "content-type": "text/html" }, arrayBuffer: bytesOf("<html>rate limited</html>") }));
		await harness.command("open");
		const before = harness.runtime.app.vault.getFiles().length;
		click(sessionRow(pane(harness), "1.1.4", "谈谈 Go 服务稳定性建设").querySelector(".gopherchina-download"));
		await flush(6);
		expect(harness.runtime.app.vault.getFiles().length).toBe(before);
		expect(notices.messages()).toContain("Could not download 1.1.4 谈谈 Go 服务稳定性建设.pdf: the server did not send a PDF");
	});

	it("downloads every PDF of a year with progress, and stops when cancelled", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks" } });
		let release: () => void = () => undefined;
		setNetwork(() => new Promise((resolve) => {
			release = () => resolve({ status: 200, arrayBuffer: pdfBytes() });
		}));
		await harness.command("open");
		click(pane(harness).querySelector(".gopherchina-download-all"));
		await settleView();
		expect(pane(harness).querySelector(".gopherchina-download-progress")?.textContent).toContain("0 of 24");
		release();
		await settleView();
		expect(pane(harness).querySelector(".gopherchina-download-progress")?.textContent).toContain("1 of 24");
		click(pane(harness).querySelector(".gopherchina-download-progress button"));
		release();
		await settleView();
		expect(pane(harness).querySelector(".gopherchina-download-progress")).toBeNull();
		expect(requests).toHaveLength(2);
		expect(harness.runtime.app.vault.getFiles().filter((file) => file.path.startsWith("GopherChina/2023/"))).toHaveLength(3);
	});

	it("offers a context menu on a talk: open, copy link, open each of its notes, reveal", async () => {
		harness = await loadPlugin(exampleFiles(), { viewState: { tab: "talks" } });
		const menus = captureMenus();
		await harness.command("open");
		sessionRow(pane(harness), "1.1.1", "大型项目开发之 Golang 早知道").dispatchEvent(new MouseEvent("contextmenu", { bubbles: true }));
		expect(menus.at(-1)?.titles).toEqual(["Open the PDF", "Copy link", "Open GopherChina 2023 总结", "Open 2023 上海站", "Start a note", "Add a study item…", "Reveal PDF in file explorer"]);
		const twoNotes = sessionRow(pane(harness), "1.1.3", "The State Of Go 2023");
		twoNotes.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true }));
		// The talk's own note is one of its notes: listed once, as "Open its note".
		expect(menus.at(-1)?.titles.filter((title) => title.startsWith("Open ") && title !== "Open the PDF")).toEqual(["Open GopherChina 2023 总结", "Open its note"]);
	});

	it("refuses links that are not http or https", async () => {
		const { openWebUrl } = await import("../../src/ui/navigation");
		harness = await loadPlugin({});
		const notices = captureNotices();
		expect(openWebUrl("javascript:alert(1)")).toBe(false);
		expect(openWebUrl("file:///etc/passwd.pdf")).toBe(false);
		expect(opened).toEqual([]);
		expect(notices.messages()).toContain("Only http and https links open outside Obsidian.");
	});
});
