import { snapshot, type Snapshot } from "../../src/index/snapshot";
import { deepList, hostileVault, hugeNote, longLine } from "../support/hostile";
import { loadPlugin, type PluginHarness, unloadPlugin } from "../../sandbox/plugin-harness";
import { parseNote } from "../../src/model/note-parser";
import { buildMetadata } from "../../sandbox/metadata-builder";
import { expectLinear } from "../model/linear-time-helper";
import { click, pane, settleView } from "../ui/helpers";

describe("hostile notes", () => {
	jest.setTimeout(120_000);
	let harness: PluginHarness;
	let model: Snapshot;
	const errors: unknown[] = [];

	beforeAll(async () => {
		const original = console.error;
		console.error = (...args: unknown[]) => errors.push(args);
		try {
			harness = await loadPlugin(hostileVault());
			model = snapshot(harness.plugin.index);
		} finally {
			console.error = original;
		}
	});
	afterAll(() => unloadPlugin(harness));

	const paths = (): string[] => model.notes.map((note) => note.path);
	const items = (path: string): string[] => model.studyItems.filter((item) => item.path === path).map((item) => item.text);

	it("tracks the notes that carry a tracked tag, and only those", () => {
		expect(paths()).toEqual([
			"hostile/binary.md",
			"hostile/deep-quotes.md",
			"hostile/generated/huge-5mb.md",
			"hostile/generated/long-line.md",
			"hostile/generated/nested-500.md",
			"hostile/html-and-script.md",
			"hostile/malformed-escapes.md",
			"hostile/not-yaml.md",
			"hostile/odd-tags.md",
			"hostile/scheme-links.md",
		]);
		expect(harness.plugin.index.skippedNotes()).toEqual([]);
	});

	it("keeps malformed escapes as written instead of failing", () => {
		const titles = model.sessions.filter((session) => session.sources.some((source) => source.path === "hostile/malformed-escapes.md")).map((session) => session.title);
		expect(titles).toEqual(["Broken escape", "Lone percent", "%ZZ bad%2"]);
		expect(model.sessions.find((session) => session.title === "Broken escape")?.id).toContain("1.1.1%E0%A4%A Broken.pdf");
	});

	it("makes no talk of javascript:, file: or data: links posing as PDFs", () => {
		expect(model.sessions.filter((session) => session.sources.some((source) => source.path === "hostile/scheme-links.md"))).toEqual([]);
		expect(model.sessions.every((session) => session.url === null || /^https?:\/\//.test(session.url))).toBe(true);
	});

	it("reads a note whose properties are not YAML, a binary note and odd tags", () => {
		expect(items("hostile/not-yaml.md")).toEqual(["still read although the properties are broken"]);
		expect(items("hostile/binary.md")).toEqual(["after garbage"]);
		expect(items("hostile/odd-tags.md")).toEqual(["tracked through #GOPHERCHINA"]);
	});

	it("reads a 5 MB note, a 100,000-character line and a list nested 500 deep", () => {
		expect(Buffer.byteLength(hugeNote())).toBeGreaterThanOrEqual(5 * 1024 * 1024);
		expect(items("hostile/generated/huge-5mb.md").length).toBeGreaterThan(20_000);
		expect(items("hostile/generated/long-line.md")).toHaveLength(1);
		expect(items("hostile/generated/nested-500.md")).toHaveLength(500);
		const deepest = model.studyItems.find((item) => item.path === "hostile/generated/nested-500.md" && item.text === "level 499");
		expect(deepest?.parentLine).toBe(500);
	});

	it("finds the questions of callouts nested 200 deep", () => {
		const questions = model.questions.filter((question) => question.path === "hostile/deep-quotes.md");
		expect(questions.length).toBeGreaterThan(0);
		expect(questions[0]?.text).toBe("level 1?");
	});

	it("parses a long hostile line in linear time", () => {
		// CPU time of a 20,000- and a 200,000-character line, best of several samples: ten times the
		// length may cost about ten times as much (at most 15), never a hundred.
		expectLinear(
			"parsing a long hostile line",
			(length) => {
				const text = longLine(length);
				return { text, cache: buildMetadata(text) };
			},
			({ text, cache }) => {
				const note = parseNote({ path: "x.md", text, cache, tags: ["#gopherchina"], trackedTags: ["gopherchina"], resolveLink: () => null });
				return [note.studyItems, note.questions, note.sessions];
			},
			{ small: 20_000, large: 200_000 },
		);
		expect(deepList(3)).toContain("- [ ] level 2");
	});

	it("keeps the pane up over all of them: every tab draws, and nothing throws", async () => {
		await harness.command("open");
		await settleView();
		for (const tab of ["talks", "questions", "study"]) {
			click(pane(harness).querySelector(`.gopherchina-tab[data-tab='${tab}']`));
			await settleView();
			expect(pane(harness).querySelector(".gopherchina-body")).not.toBeNull();
		}
		const el = pane(harness);
		expect(el.querySelectorAll("script, iframe, img[onerror]")).toHaveLength(0);
		expect(Array.from(el.querySelectorAll("a")).every((a) => !(a.getAttribute("href") ?? "").startsWith("javascript:"))).toBe(true);
		expect(errors).toEqual([]);
	});
});
