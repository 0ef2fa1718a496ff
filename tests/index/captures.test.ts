import { getAllTags } from "obsidian";
import { loadCaptures } from "../support/captures";
import { startIndex } from "../../sandbox/harness";
import { createRuntime } from "../../sandbox/runtime";

/**
 * Every note captured from the real app, with the metadata the real app produced, through the
 * plugin's index: the study items must be exactly the task list items of that metadata.
 */
const captures = loadCaptures();

describe("real Obsidian metadata through the index", () => {
	it.each(captures.map((capture) => [capture.name, capture] as const))("%s", async (_name, capture) => {
		const runtime = createRuntime({ [capture.filePath]: capture.fileContents });
		const tags = capture.getAllTags ?? [];
		const tracked = tags.length > 0 ? [(tags[0] as string).slice(1)] : ["gopherchina"];
		const { index } = await startIndex(runtime, tracked);
		runtime.setCache(capture.filePath, capture.cachedMetadata);

		const record = index.note(capture.filePath);
		if (tags.length === 0) {
			expect(record).toBeNull();
			return;
		}
		expect(record).not.toBeNull();
		expect(record?.tags).toEqual([...new Set(tags.map((tag) => tag.toLowerCase()))]);
		expect(getAllTags(capture.cachedMetadata)).toEqual(tags);
		const expected = (capture.cachedMetadata.listItems ?? [])
			.filter((item) => item.task !== undefined)
			.map((item) => ({ line: item.position.start.line, status: item.task, parentLine: item.parent >= 0 ? item.parent : null }));
		expect(record?.studyItems.map((item) => ({ line: item.line, status: item.status, parentLine: item.parentLine }))).toEqual(expected);
		const lines = capture.fileContents.split("\n");
		for (const item of record?.studyItems ?? []) {
			expect(lines[item.line]).toContain(item.text);
			expect(item.text).not.toMatch(/^\[.\]/);
		}
	});

	it("covers tasks inside callouts and block quotes", () => {
		const quoted = captures.filter((capture) =>
			(capture.cachedMetadata.listItems ?? []).some((item) => item.task !== undefined && /^\s*>/.test(capture.fileContents.split("\n")[item.position.start.line] ?? "")),
		);
		expect(quoted.length).toBeGreaterThanOrEqual(3);
	});
});
