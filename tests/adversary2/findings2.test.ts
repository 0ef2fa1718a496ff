/** @jest-environment node */
/**
 * Minimal cases found by round 2 (fuzz2.test.ts, stale.test.ts), each asserting what the contract
 * requires; they fail while the holes are there. UI reproductions are in ui2.test.ts.
 */
import { setTaskStatus } from "../../src/model/checkoff";
import { parseNote } from "../../src/model/note-parser";
import { tieItems } from "../../src/model/tie-edit";
import { textVersion } from "../../src/model/text-version";
import { buildMetadata } from "../../sandbox/metadata-builder";
import { listSet, taskMap } from "../adversary/lib";

const lineOf = (text: string, line: number): string => (text.split("\n")[line] ?? "").replace(/\r$/, "");
const target = (text: string, line: number) => ({ line, lineText: lineOf(text, line), version: textVersion(text) });

describe("round 2: metadata read beside a newer text is taken as confirmed (metadataFitsText)", () => {
	it.each([
		["a fence typed over a line of the same length", "#gopherchina\npara\n- [ ] b\n", "#gopherchina\n```a\n- [ ] b\n", 2],
		["the last item indented into a code block", "# h\n\n- [ ] b\n", "# h\n\n\t- [ ] b\n", 2],
		["a processing instruction over a thematic break", "# h\n\n**b**\n_ _ _\n- [ ] \n", "# h\n\n**b**\n<?xxx\n- [ ] \n", 4],
	])("%s", (_name, t0, t1, line) => {
		const note = parseNote({ path: "n.md", text: t1, cache: buildMetadata(t0), tags: ["#gopherchina"], trackedTags: ["gopherchina"], resolveLink: () => null, confirmed: false });
		const item = note.studyItems.find((entry) => entry.line === line);
		expect(taskMap(t1).has(line)).toBe(false);
		if (item !== undefined && note.version.confirmed) {
			const result = setTaskStatus(t1, { line: item.line, lineText: item.lineText, version: item.version }, "x");
			// no write may land on a line that is no task in the note's text
			expect(result.ok).toBe(false);
		}
	});
});

describe("round 2: text appended at a task's end changes what the line is", () => {
	it.each([
		["completion date after a trailing pipe: table header", "# h\n\n- [ ] a |\n  -|-\n", 2],
		["completion date, minimal", "1. [ ] |\n-|-", 0],
	])("%s", (_name, text, line) => {
		expect(taskMap(text).get(line)).toBe(" ");
		const result = setTaskStatus(text, target(text, line), "x", { completionDate: "2024-05-01" });
		expect(result.ok && taskMap(result.text).get(line)).toBe("x");
	});

	it.each([
		["tie after a trailing pipe: table header", "# h\n\n- [ ] a |\n  -|-\n", 2],
		["tie, minimal", "- [ ] |\n-|-", 0],
	])("%s", (_name, text, line) => {
		const result = tieItems(text, [target(text, line)], "2.2.3");
		// Refused, or written with the line still a task.
		expect(result.ok ? taskMap(result.text).get(line) : " ").toBe(" ");
	});

	it("a tie after an HTML tag alone lets the next line become a task (cousin of round 1's U2)", () => {
		const text = "- [ ] <n>\n  - n";
		const result = tieItems(text, [target(text, 0)], "2.2.3");
		expect(result.ok ? [...listSet(result.text)] : [...listSet(text)]).toEqual([...listSet(text)]);
	});

	it("a tie after an unclosed backtick lands in a code span", () => {
		const text = "- [ ] `\n`";
		const result = tieItems(text, [target(text, 0)], "2.2.3");
		// The contract: the code is the item's text. Here it is code.
		expect(result.ok).toBe(false);
	});
});

describe("round 2: completion dates and block ids", () => {
	it("checking off puts the date after a block id, which then is no block id", () => {
		const text = "# h\n\n- [ ] a ^blk\n";
		const result = setTaskStatus(text, target(text, 2), "x", { completionDate: "2024-05-01" });
		expect(result.ok && lineOf(result.text, 2)).toMatch(/ \^blk$/u);
	});
	it("reopening leaves a date that stands before a block id", () => {
		const text = "# h\n\n- [x] a ✅ 2024-01-01 ^blk\n";
		const result = setTaskStatus(text, target(text, 2), " ", { completionDate: "2024-05-01" });
		expect(result.ok && lineOf(result.text, 2)).toBe("- [ ] a ^blk");
	});
});
