/** @jest-environment node */
import { questionToTask, setTaskStatus, toggledStatus } from "../../src/model/checkoff";

function check(before: string, line: number, status: string, lineText?: string, date?: string): ReturnType<typeof setTaskStatus> {
	const lines = before.split(/\r?\n/);
	return setTaskStatus(before, { line, lineText: lineText ?? lines[line] ?? "" }, status, { completionDate: date ?? null });
}

describe("checking off a study item in the note's text", () => {
	it.each([
		["- [ ] a\n- [ ] b\n", 1, "x", "- [ ] a\n- [x] b\n"],
		["- [x] a\n", 0, " ", "- [ ] a\n"],
		["  * [/] nested\n", 0, "x", "  * [x] nested\n"],
		["1. [ ] numbered\n", 0, "x", "1. [x] numbered\n"],
		["> [!note]\n> - [ ] in a callout\n", 1, "x", "> [!note]\n> - [x] in a callout\n"],
		["\t- [ ] tab\n", 0, "x", "\t- [x] tab\n"],
		["- [ ] 中文 [ ] 不变\n", 0, "x", "- [x] 中文 [ ] 不变\n"],
		["- [ ] no newline at end", 0, "x", "- [x] no newline at end"],
	])("before %j, line %i → %j", (before, line, status, after) => {
		expect(check(before, line, status)).toMatchObject({ ok: true, text: after, line });
	});

	it("keeps CRLF line endings when checking off", () => {
		expect(check("a\r\n- [ ] b\r\n- [ ] c\r\n", 2, "x")).toMatchObject({ ok: true, text: "a\r\n- [ ] b\r\n- [x] c\r\n" });
	});

	it("keeps a byte-order mark on the first line", () => {
		expect(check("\uFEFF- [ ] a\n", 0, "x")).toMatchObject({ ok: true, text: "\uFEFF- [x] a\n" });
	});

	it("finds the line when lines were inserted above it", () => {
		expect(setTaskStatus("new\nnew\n- [ ] b\n", { line: 0, lineText: "- [ ] b" }, "x")).toMatchObject({ ok: true, line: 2, text: "new\nnew\n- [x] b\n" });
	});

	it("refuses when the line was edited and no identical line exists", () => {
		expect(setTaskStatus("- [ ] b edited\n", { line: 0, lineText: "- [ ] b" }, "x")).toEqual({ ok: false, reason: "changed" });
	});

	it("refuses when the line moved and two identical lines could be meant", () => {
		expect(setTaskStatus("x\n- [ ] b\n- [ ] b\n", { line: 0, lineText: "- [ ] b" }, "x")).toEqual({ ok: false, reason: "ambiguous" });
	});

	it("uses the line it was told about when identical lines exist but it is still in place", () => {
		expect(setTaskStatus("- [ ] b\n- [ ] b\n", { line: 1, lineText: "- [ ] b" }, "x")).toMatchObject({ ok: true, text: "- [ ] b\n- [x] b\n" });
	});

	it("refuses a line that is not a task", () => {
		expect(check("- plain\n", 0, "x")).toEqual({ ok: false, reason: "not-a-task" });
		expect(check("- [ ] a\n", 0, "xx")).toEqual({ ok: false, reason: "not-a-task" });
	});

	it("adds and removes a completion date when asked", () => {
		const done = check("- [ ] a\n", 0, "x", undefined, "2026-11-26");
		expect(done).toMatchObject({ ok: true, text: "- [x] a ✅ 2026-11-26\n" });
		expect(check("- [x] a ✅ 2026-11-26\n", 0, " ", undefined, "2026-11-27")).toMatchObject({ ok: true, text: "- [ ] a\n" });
	});

	it("restores the original bytes when toggled twice", () => {
		const original = "# t\r\n\r\n- [ ] a\r\n  - [/] b\r\n";
		const once = check(original, 3, toggledStatus("/"));
		expect(once.ok).toBe(true);
		if (once.ok) {
			expect(setTaskStatus(once.text, { line: once.line, lineText: once.lineText }, "/")).toMatchObject({ ok: true, text: original });
		}
	});

	it("toggles open and in-progress to done, everything else back to open", () => {
		expect([" ", "/", "x", "X", "-", ">"].map(toggledStatus)).toEqual(["x", "x", " ", " ", " ", " "]);
	});
});

describe("turning a question into a study item", () => {
	it("inserts a checkbox after the list marker", () => {
		expect(questionToTask("- why?\n", { line: 0, lineText: "- why?" })).toMatchObject({ ok: true, text: "- [ ] why?\n" });
		expect(questionToTask("> 1. how？\r\n", { line: 0, lineText: "> 1. how？" })).toMatchObject({ ok: true, text: "> 1. [ ] how？\r\n" });
	});

	it("refuses lines that changed or are not list items", () => {
		expect(questionToTask("why?\n", { line: 0, lineText: "why?" })).toEqual({ ok: false, reason: "not-a-task" });
		expect(questionToTask("- other?\n", { line: 0, lineText: "- why?" })).toEqual({ ok: false, reason: "changed" });
	});
});
