import { Dashboard } from "../../src/ui/dashboard";
import type { PdfActions } from "../../src/ui/pdf-actions";
import { pdfBytes, requests, setNetwork } from "../../sandbox/network";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { captureNotices, click, pane, settleView } from "./helpers";

const TALKS = 300;
const RAW = "https://github.com/gopherchina/conference/raw/master/2023";

/** One note per talk, all of 2023, each linking its PDF on GitHub as the example vault does. */
function vault(): Record<string, string> {
	const files: Record<string, string> = {};
	for (let n = 0; n < TALKS; n++) {
		const code = `${Math.floor(n / 100) + 1}.${Math.floor((n % 100) / 10) + 1}.${(n % 10) + 1}`;
		const name = `${code} Talk ${n + 1}.pdf`;
		files[`Talks/${code}.md`] = `---\ntags: [gopherchina/2023]\n---\n- [${code} Talk ${n + 1}](${RAW}/${encodeURIComponent(name)})\n  - [ ] study ${n + 1}\n`;
	}
	return files;
}

/** The PdfActions the pane uses. */
function actionsOf(harness: PluginHarness): PdfActions {
	const view = harness.runtime.app.workspace.getLeavesOfType("gopherchina-dashboard")[0]?.view as unknown as { dashboard: { pdf: PdfActions } };
	return view.dashboard.pdf;
}

function listeners(actions: PdfActions): number {
	return (actions as unknown as { progressListeners: Map<string, Set<unknown>> }).progressListeners.get("2023")?.size ?? 0;
}

function saved(harness: PluginHarness): number {
	return harness.runtime.app.vault.getFiles().filter((file) => file.path.startsWith("GopherChina/2023/")).length;
}

async function until(done: () => boolean, timeout: number): Promise<void> {
	const end = Date.now() + timeout;
	while (!done() && Date.now() < end) {
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

describe("download all", () => {
	let harness: PluginHarness;
	let redraws: jest.SpyInstance;
	beforeEach(() => {
		redraws = jest.spyOn(Dashboard.prototype, "redraw");
	});
	afterEach(() => {
		redraws.mockRestore();
		setNetwork(null);
		unloadPlugin(harness);
	});

	interface Run {
		/** From the click to the end of the run, on the clock and in CPU time of this process. */
		wallTime: number;
		cpuTime: number;
		redraws: number;
		/** What the status said and the bar showed, in order, each change once. */
		texts: string[];
		values: number[];
	}

	/** Opens the Talks tab of the 300-talk vault and presses the year's "Download all". */
	async function downloadAll300(): Promise<Run> {
		harness = await loadPlugin(vault(), { viewState: { tab: "talks" } });
		setNetwork(async () => {
			await new Promise((resolve) => setTimeout(resolve, 5));
			return { status: 200, headers: { "content-type": "application/pdf" }, arrayBuffer: pdfBytes() };
		});
		await harness.command("open");
		const el = pane(harness);
		const actions = actionsOf(harness);
		redraws.mockClear();

		const started = Date.now();
		const cpu = process.cpuUsage();
		click(el.querySelector(".gopherchina-download-all"));
		// The run's start redrew the pane at once: its progress is watched from here on, in place.
		const status = el.querySelector(".gopherchina-download-progress [role=status]");
		const bar = el.querySelector<HTMLProgressElement>(".gopherchina-download-progress progress");
		const texts = [status?.textContent ?? ""];
		const values = [bar?.value ?? -1];
		const observer = new MutationObserver(() => {
			if (status?.textContent !== texts.at(-1)) {
				texts.push(status?.textContent ?? "");
			}
			if (bar?.value !== values.at(-1)) {
				values.push(bar?.value ?? -1);
			}
		});
		if (status && bar) {
			observer.observe(status, { subtree: true, childList: true, characterData: true });
			observer.observe(bar, { attributes: true });
		}
		await until(() => actions.downloads.size === 0, 20_000);
		const wallTime = Date.now() - started;
		const used = process.cpuUsage(cpu);
		await settleView();
		observer.disconnect();
		return { wallTime, cpuTime: (used.user + used.system) / 1000, redraws: redraws.mock.calls.length, texts, values };
	}

	it("saves 300 talks' PDFs in seconds, updating only its progress in place", async () => {
		const notices = captureNotices();
		let run = await downloadAll300();
		// Other processes holding the cores stretch the clock: a slow run is measured again before
		// anything fails (the CPU time of a run is about a quarter of its time on the clock).
		for (let attempt = 1; attempt < 3 && run.wallTime >= 3000; attempt++) {
			unloadPlugin(harness);
			run = await downloadAll300();
		}
		const el = pane(harness);
		expect(requests).toHaveLength(TALKS);
		expect(saved(harness)).toBe(TALKS);
		expect(run.wallTime).toBeLessThan(3000);
		// Start, end, and the index announcing the saved PDFs once: never one per PDF.
		expect(run.redraws).toBeLessThanOrEqual(3);
		expect(run.texts[0]).toBe(`0 of ${TALKS}`);
		const intermediate = run.texts.filter((text) => text !== `0 of ${TALKS}` && text !== `${TALKS} of ${TALKS}`);
		expect(intermediate.length).toBeGreaterThan(0);
		expect(intermediate.every((text) => /^\d+ of 300$/.test(text))).toBe(true);
		// The bar moved with each PDF; the status, a polite live region, far less often.
		expect(run.values.length).toBeGreaterThan(TALKS / 2);
		expect(run.texts.length).toBeLessThan(run.values.length / 10);
		expect(notices.messages()).toContain(`Downloaded ${TALKS} of ${TALKS} PDFs of 2023`);
		expect(el.querySelector(".gopherchina-download-progress")).toBeNull();
		expect(el.querySelector(".gopherchina-download-all")).toBeNull();
		expect(el.querySelector(".gopherchina-counts")?.textContent).toBe(`${TALKS} notes · ${TALKS} talks · ${TALKS} PDFs in the vault`);
		expect(listeners(actionsOf(harness))).toBe(0);
	}, 90_000);

	it("draws the current progress when the pane is redrawn mid-run, and lets the old element go", async () => {
		harness = await loadPlugin(vault(), { viewState: { tab: "talks" } });
		const answers: Array<() => void> = [];
		setNetwork(() => new Promise((resolve) => answers.push(() => resolve({ status: 200, arrayBuffer: pdfBytes() }))));
		await harness.command("open");
		const actions = actionsOf(harness);
		click(pane(harness).querySelector(".gopherchina-download-all"));
		await settleView();
		const answer = async (count: number): Promise<void> => {
			for (let i = 0; i < count; i++) {
				await until(() => answers.length > 0, 1000);
				answers.shift()?.();
				await new Promise((resolve) => setTimeout(resolve, 0));
			}
		};
		await answer(3);
		const first = pane(harness).querySelector<HTMLElement>(".gopherchina-download-progress");
		expect(first?.querySelector("progress")?.value).toBe(3);
		expect(first?.querySelector("progress")?.getAttribute("aria-label")).toBe("Downloading the PDFs of 2023");
		expect(listeners(actions)).toBe(1);

		// Redraw the pane five times (a setting changes): each draws the run as it stands.
		for (let i = 0; i < 5; i++) {
			harness.plugin.options.showCompleted = !harness.plugin.options.showCompleted;
			await harness.plugin.saveOptions();
		}
		const second = pane(harness).querySelector<HTMLElement>(".gopherchina-download-progress");
		expect(second).not.toBe(first);
		expect(first?.isConnected).toBe(false);
		expect(second?.querySelector("[role=status]")?.textContent).toBe("3 of 300");
		expect(second?.querySelector("progress")?.value).toBe(3);

		// The next PDF reaches the element shown; those gone stop listening.
		await answer(1);
		expect(second?.querySelector("progress")?.value).toBe(4);
		expect(listeners(actions)).toBe(1);

		click(second?.querySelector("button"));
		await answer(1);
		await until(() => actions.downloads.size === 0, 1000);
		expect(listeners(actions)).toBe(0);
		expect(saved(harness)).toBe(5);
	});
});
