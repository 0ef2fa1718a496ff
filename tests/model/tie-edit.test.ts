/** @jest-environment node */
import { tieItem, tieItems, withTie } from "../../src/model/tie-edit";
import { textVersion } from "../../src/model/text-version";
import { expectLinear } from "./linear-time-helper";

/** The target as the dashboard would have it: the line, its text, and the text it was drawn from. */
function at(drawn: string, line: number): { line: number; lineText: string; version: ReturnType<typeof textVersion> } {
	const lineText = drawn.split("\n")[line]?.replace(/\r$/, "") ?? "";
	return { line, lineText, version: textVersion(drawn) };
}

describe("tying a study item to a talk in the note's text", () => {
	it.each([
		["- [ ] 复习调度器的抢占", "- [ ] 复习调度器的抢占 (2.2.3)"],
		["- [x] done ✅ 2024-05-01", "- [x] done (2.2.3) ✅ 2024-05-01"],
		["- [ ] keep the block id ^abc-1", "- [ ] keep the block id (2.2.3) ^abc-1"],
		["- [x] both ✅ 2024-05-01 ^id", "- [x] both (2.2.3) ✅ 2024-05-01 ^id"],
		["> - [ ] in a quote", "> - [ ] in a quote (2.2.3)"],
		["\uFEFF- [ ] with a byte-order mark", "\uFEFF- [ ] with a byte-order mark (2.2.3)"],
		["- [ ] a date in the text ✅ 2024-05-01 and more", "- [ ] a date in the text ✅ 2024-05-01 and more (2.2.3)"],
	])("%j → %j", (line, tied) => {
		expect(withTie(line, "2.2.3")).toBe(tied);
	});

	it("writes nothing on a line that is not a task", () => {
		expect(withTie("- not a task", "2.2.3")).toBeNull();
		expect(tieItem("- plain\n", at("- plain\n", 0), "2.2.3")).toEqual({ ok: false, reason: "not-a-task" });
	});

	it("changes only the target's line, keeping CRLF line endings", () => {
		const before = "#gopherchina\r\n- [ ] a\r\n- [ ] b\r\n";
		expect(tieItem(before, at(before, 2), "1.1.1")).toMatchObject({ ok: true, text: "#gopherchina\r\n- [ ] a\r\n- [ ] b (1.1.1)\r\n", line: 2, lineText: "- [ ] b (1.1.1)", previous: "- [ ] b" });
	});

	it("follows the line when lines were added above it and the move is certain", () => {
		const drawn = "#gopherchina\n\n- [ ] a\n- [ ] b\n";
		const now = "#gopherchina\nnew line\n\n- [ ] a\n- [ ] b\n";
		expect(tieItem(now, at(drawn, 3), "1.2")).toMatchObject({ ok: true, text: "#gopherchina\nnew line\n\n- [ ] a\n- [ ] b (1.2)\n", line: 4 });
	});

	it("refuses when the line itself changed", () => {
		const drawn = "#gopherchina\n\n- [ ] a\n";
		expect(tieItem("#gopherchina\n\n- [ ] a, reworded\n", at(drawn, 2), "1.2")).toEqual({ ok: false, reason: "changed" });
	});

	it("ties several lines in one edit, or none when one of them cannot be found", () => {
		const drawn = "## GC\n- [ ] a\n  - [ ] b\n- [ ] c\n";
		const all = tieItems(drawn, [at(drawn, 1), at(drawn, 2), at(drawn, 3)], "2.1");
		expect(all).toMatchObject({ ok: true, text: "## GC\n- [ ] a (2.1)\n  - [ ] b (2.1)\n- [ ] c (2.1)\n" });
		expect(all.ok && all.lines.map((line) => line.line)).toEqual([1, 2, 3]);
		const edited = "## GC\n- [ ] a\n  - [ ] b, changed\n- [ ] c\n";
		// The first line is found no more for certain either (a list item changed below it): refused.
		expect(tieItems(edited, [at(drawn, 1), at(drawn, 2), at(drawn, 3)], "2.1")).toEqual({ ok: false, reason: "uncertain" });
		expect(tieItems(edited, [at(drawn, 2)], "2.1")).toEqual({ ok: false, reason: "changed" });
	});

	it("refuses a code that is no talk number, and the same line twice", () => {
		const drawn = "- [ ] a\n";
		expect(tieItem(drawn, at(drawn, 0), "1.2) x")).toEqual({ ok: false, reason: "not-a-task" });
		expect(tieItems(drawn, [at(drawn, 0), at(drawn, 0)], "1.2")).toEqual({ ok: false, reason: "uncertain" });
	});
});

describe("tying many items of one note in one write", () => {
	it("costs about as much as the note: linear in the number of items", () => {
		expectLinear(
			"tieItems over every item of a note",
			(items) => {
				const text = Array.from({ length: items }, (_, i) => `- [ ] item ${i}`).join("\n");
				const version = textVersion(text);
				return { text, targets: Array.from({ length: items }, (_, line) => ({ line, lineText: `- [ ] item ${line}`, version })) };
			},
			({ text, targets }) => tieItems(text, targets, "2.2.3"),
			{ small: 1_000, large: 10_000 },
		);
	});
});
