import { SHIPPED_PROGRAM } from "../../src/program/program";
import { PROGRAM_TREE_URL } from "../../src/program/update";
import { requests, setNetwork } from "../../sandbox/network";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { captureNotices, exampleFiles } from "../ui/helpers";
import { ANSWERS } from "./answers";

const STORED_DATA = { trackedTags: ["gopherchina", "talks"], downloadFolder: "Slides/{year}", viewState: { tab: "talks" } };
const NOW = "2024-05-01T08:00:00.000Z";

let harness: PluginHarness;
afterEach(() => {
	unloadPlugin(harness);
	setNetwork(null);
	jest.useRealTimers();
});

type SaveSpy = jest.SpyInstance<Promise<void>, [data: unknown]>;

async function start(data: unknown = STORED_DATA): Promise<{ saveData: SaveSpy; notices: ReturnType<typeof captureNotices> }> {
	harness = await loadPlugin(exampleFiles(), data);
	return { saveData: jest.spyOn(harness.plugin, "saveData"), notices: captureNotices() };
}

/** What the plugin saved the `n`th time (from 0; -1 for the last). */
function savedData(saveData: SaveSpy, n: number): Record<string, unknown> {
	return (saveData.mock.calls.at(n)?.[0] ?? {}) as Record<string, unknown>;
}

/** Runs the command as the palette does, and waits for its notice. */
async function update(): Promise<void> {
	jest.useFakeTimers({ now: new Date(NOW), doNotFake: ["setTimeout", "setImmediate", "nextTick", "queueMicrotask"] });
	await harness.command("update-program");
	for (let i = 0; i < 100 && harness.plugin.program.updating(); i++) {
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
	expect(harness.plugin.program.updating()).toBe(false);
}

describe("the command Update the program", () => {
	it("is registered without a hotkey, in sentence case", async () => {
		await start();
		const command = harness.mock.commands__.get("update-program") as { name?: string; hotkeys?: unknown } | undefined;
		expect(command?.name).toBe("Update the program");
		expect(command?.hotkeys).toBeUndefined();
		// Loading asks nothing of the network.
		expect(requests).toEqual([]);
	});

	it("takes a good answer: one request, the program saved with its date beside the rest of the data, and shown", async () => {
		const { saveData, notices } = await start();
		setNetwork(ANSWERS.normal);
		const before = harness.plugin.index.programTalks();
		expect(harness.plugin.program.updated()).toBeNull();
		await update();
		expect(requests.map((request) => request.url)).toEqual([PROGRAM_TREE_URL]);
		expect(saveData).toHaveBeenCalledTimes(1);
		const saved = savedData(saveData, 0);
		expect(saved).toMatchObject({ trackedTags: ["gopherchina", "talks"], downloadFolder: "Slides/{year}", viewState: { tab: "talks" } });
		expect(saved.program).toEqual({ updated: NOW, sha: "954a32895f4ef2d60ddac8ab6325dbaf65c81576", paths: [...SHIPPED_PROGRAM.paths] });
		expect(notices.messages()).toEqual(["The program is up to date: 152 talks, none new."]);
		expect(harness.plugin.program.updated()).toBe(NOW);
		expect(harness.plugin.index.programTalks()).not.toBe(before);
		expect(harness.plugin.index.programTalks().map((talk) => talk.key)).toEqual(before.map((talk) => talk.key));
	});

	it("adds a new year's talks and the year, and says how many are new", async () => {
		const { saveData, notices } = await start();
		setNetwork(ANSWERS.with2024);
		await update();
		expect(notices.messages()).toEqual(["Updated the program from GitHub: 155 talks, 3 new."]);
		expect((savedData(saveData, 0).program as { paths: string[] }).paths).toHaveLength(155);
		const index = harness.plugin.index;
		expect(index.programYears()[0]).toBe("2024");
		expect(
			index
				.programSessions()
				.filter((session) => session.year === 2024)
				.map((session) => [session.code?.code, session.title, session.noted, session.sources.length]),
		).toEqual([
			["1.1.1", "Go 1.22 的新特性", false, 0],
			["1.1.2", "用 Go 构建向量数据库", false, 0],
			["2.1.1", "Profile-guided optimization in practice", false, 0],
		]);
		// The notes' own talks are as they were.
		expect(index.sessions()).toHaveLength(34);
	});

	it.each([
		["truncated", "GitHub sent only part of the file list"],
		["rateLimit403", "GitHub's limit on requests without sign-in is used up for now; try again later"],
		["rateLimit429", "GitHub's limit on requests without sign-in is used up for now; try again later"],
		["notFound", "GitHub answered with status 404"],
		["html", "GitHub answered with a web page, not the file list"],
		["invalidJson", "GitHub's answer is not valid JSON"],
		["noTree", "GitHub's answer is not a file list"],
		["noPdfs", "GitHub's file list holds no slide PDFs"],
	] as const)("keeps the old program and writes nothing on the %s answer", async (answer, reason) => {
		const { saveData, notices } = await start();
		setNetwork(ANSWERS[answer]);
		const before = harness.plugin.index.programTalks();
		await update();
		expect(requests).toHaveLength(1);
		expect(saveData).not.toHaveBeenCalled();
		expect(notices.messages()).toEqual([`Could not update the program: ${reason}. The program stays as it was.`]);
		expect(harness.plugin.index.programTalks()).toBe(before);
		expect(harness.plugin.program.updated()).toBeNull();
	});

	it("keeps the old program and writes nothing when there is no network", async () => {
		const { saveData, notices } = await start();
		setNetwork(() => {
			throw new Error("net::ERR_INTERNET_DISCONNECTED");
		});
		await update();
		expect(saveData).not.toHaveBeenCalled();
		expect(notices.messages()).toEqual(["Could not update the program: GitHub could not be reached. The program stays as it was."]);
	});

	it("keeps the program it had when saving fails, and says so", async () => {
		const { saveData, notices } = await start();
		setNetwork(ANSWERS.with2024);
		saveData.mockRejectedValueOnce(new Error("ENOSPC: no space left on device"));
		await update();
		expect(notices.messages()).toEqual(["Could not update the program: it could not be saved (ENOSPC: no space left on device). The program stays as it was."]);
		expect(harness.plugin.index.programTalks()).toHaveLength(152);
		expect(harness.plugin.program.updated()).toBeNull();
	});

	it("keeps an updated program when a later update fails, and across later saves of the view state", async () => {
		const { saveData } = await start();
		setNetwork(ANSWERS.with2024);
		await update();
		setNetwork(ANSWERS.rateLimit403);
		await update();
		expect(harness.plugin.index.programTalks()).toHaveLength(155);
		expect(harness.plugin.program.updated()).toBe(NOW);
		harness.plugin.options.showCompleted = true;
		await harness.plugin.saveOptions();
		expect((savedData(saveData, -1).program as { paths: string[] }).paths).toHaveLength(155);
	});

	it("asks once while an update runs, and tells the views when it starts and ends", async () => {
		await start();
		let answer: (() => void) | null = null;
		setNetwork(() => new Promise((resolve) => (answer = () => resolve(ANSWERS.normal()))));
		const events: boolean[] = [];
		const pluginEvents = (harness.plugin as unknown as { events: { on: (name: string, callback: () => void) => unknown } }).events;
		pluginEvents.on("program-changed", () => events.push(harness.plugin.program.updating()));
		const first = harness.plugin.program.update();
		const second = harness.plugin.program.update();
		expect(second).toBe(first);
		expect(harness.plugin.program.updating()).toBe(true);
		await new Promise((resolve) => setTimeout(resolve, 0));
		(answer as (() => void) | null)?.();
		await first;
		expect(requests).toHaveLength(1);
		expect(harness.plugin.program.updating()).toBe(false);
		expect(events).toEqual([true, false]);
	});

	it("says it in Chinese when the dashboard speaks Chinese", async () => {
		const { notices } = await start({ language: "zh" });
		setNetwork(ANSWERS.with2024);
		await update();
		setNetwork(ANSWERS.truncated);
		await update();
		expect(notices.messages()).toEqual(["已从 GitHub 更新议程：共 155 个演讲，新增 3 个。", "无法更新议程：GitHub 只发来了部分文件列表。议程保持不变。"]);
	});
});

describe("a program kept in the plugin's data", () => {
	const stored = { updated: "2024-04-30T12:00:00.000Z", sha: null, paths: [...SHIPPED_PROGRAM.paths, "2024/1.1.1 Go 1.22 的新特性.pdf"] };

	it("is the program shown from the start, with its date", async () => {
		await start({ ...STORED_DATA, program: stored });
		expect(harness.plugin.index.programTalks()).toHaveLength(153);
		expect(harness.plugin.program.updated()).toBe(stored.updated);
		expect(harness.plugin.program.shippedDate).toBe("2023-11-19");
	});

	it("is ignored when malformed: the shipped program is shown and the other data stays", async () => {
		const { saveData } = await start({ ...STORED_DATA, program: { ...stored, paths: ["2024/notes.md"] } });
		expect(harness.plugin.index.programTalks()).toHaveLength(152);
		expect(harness.plugin.program.updated()).toBeNull();
		expect(harness.plugin.options).toMatchObject({ trackedTags: ["gopherchina", "talks"], downloadFolder: "Slides/{year}" });
		await harness.plugin.saveOptions();
		expect(savedData(saveData, 0)).toMatchObject({ trackedTags: ["gopherchina", "talks"], downloadFolder: "Slides/{year}", viewState: { tab: "talks" } });
		expect(savedData(saveData, 0)).not.toHaveProperty("program");
	});
});
