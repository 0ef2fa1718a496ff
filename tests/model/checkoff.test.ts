/** @jest-environment node */
import { questionToTask, restoreLine, setTaskStatus, toggledStatus } from "../../src/model/checkoff";
import { isInertLine, textVersion } from "../../src/model/text-version";

/** The target as the dashboard would have it: the line, its text, and the text it was drawn from. */
function at(drawn: string, line: number, propertiesEnd = -1): { line: number; lineText: string; version: ReturnType<typeof textVersion> } {
	const lineText = drawn.split("\n")[line]?.replace(/\r$/, "") ?? "";
	return { line, lineText, version: textVersion(drawn, propertiesEnd) };
}

function check(before: string, line: number, status: string, date?: string): ReturnType<typeof setTaskStatus> {
	return setTaskStatus(before, at(before, line), status, { completionDate: date ?? null });
}

describe("checking off a study item in the note's text", () => {
	it.each([
		["- [ ] a\n- [ ] b\n", 1, "x", "- [ ] a\n- [x] b\n"],
		["- [x] a\n", 0, " ", "- [ ] a\n"],
		["  * [/] nested\n", 0, "x", "  * [x] nested\n"],
		["1. [ ] numbered\n", 0, "x", "1. [x] numbered\n"],
		["3) [ ] numbered\n", 0, "x", "3) [x] numbered\n"],
		["> [!note]\n> - [ ] in a callout\n", 1, "x", "> [!note]\n> - [x] in a callout\n"],
		["\t- [ ] tab\n", 0, "x", "\t- [x] tab\n"],
		["- [ ] 中文 [ ] 不变\n", 0, "x", "- [x] 中文 [ ] 不变\n"],
		["- [ ] no newline at end", 0, "x", "- [x] no newline at end"],
		["- [ ] \n", 0, "x", "- [x] \n"],
	])("before %j, line %i → %j", (before, line, status, after) => {
		expect(check(before, line, status)).toMatchObject({ ok: true, text: after, line });
	});

	it("keeps CRLF line endings when checking off", () => {
		expect(check("a\r\n- [ ] b\r\n- [ ] c\r\n", 2, "x")).toMatchObject({ ok: true, text: "a\r\n- [ ] b\r\n- [x] c\r\n" });
	});

	it("keeps a byte-order mark on the first line", () => {
		expect(check("\uFEFF- [ ] a\n", 0, "x")).toMatchObject({ ok: true, text: "\uFEFF- [x] a\n" });
	});

	it("returns the line exactly as it was, for Undo", () => {
		expect(check("- [x] a ✅ 2020-02-02\n", 0, " ", "2026-11-27")).toMatchObject({ ok: true, text: "- [ ] a\n", previous: "- [x] a ✅ 2020-02-02" });
	});

	it("refuses a line that is not a task", () => {
		expect(check("- plain\n", 0, "x")).toEqual({ ok: false, reason: "not-a-task" });
		expect(check("- [ ] a\n", 0, "xx")).toEqual({ ok: false, reason: "not-a-task" });
	});

	it("adds and removes a completion date when asked", () => {
		expect(check("- [ ] a\n", 0, "x", "2026-11-26")).toMatchObject({ ok: true, text: "- [x] a ✅ 2026-11-26\n" });
		expect(check("- [x] a ✅ 2026-11-26\n", 0, " ", "2026-11-27")).toMatchObject({ ok: true, text: "- [ ] a\n" });
	});

	// Text added to a task shaped like a link reference definition can make it a paragraph that takes
	// the lines below it (a nested item becomes its text); the date is left off instead.
	it.each([
		["a definition", "- [ ] [Go spec]: https://go.dev/ref/spec\n  2. [ ] read chapter 2\n", 0, "x"],
		["a definition with a title", "- [ ] [a]: /u \"t\"\n  - [ ] b\n", 0, "x"],
		["a definition in a quote", "> - [ ] [a]: /u\n>   2. [ ] b\n", 0, "x"],
		["a definition whose date is dropped", "- [x] [a]: /u ✅ 2024-01-01\n  2. [ ] b\n", 0, " "],
	])("leaves the completion date alone on %s", (_name, before, line, status) => {
		const result = check(before, line, status, "2026-11-27");
		expect(result.ok).toBe(true);
		if (result.ok) {
			const lines = before.split("\n");
			lines[line] = (lines[line] as string).replace(/\[.\]/, `[${status}]`);
			expect(result.text).toBe(lines.join("\n"));
		}
	});

	it("restores the original bytes when toggled twice", () => {
		const original = "# t\r\n\r\n- [ ] a\r\n  - [/] b\r\n";
		const once = check(original, 3, toggledStatus("/"));
		expect(once.ok).toBe(true);
		if (once.ok) {
			expect(setTaskStatus(once.text, { line: once.line, lineText: once.lineText, version: textVersion(once.text) }, "/")).toMatchObject({ ok: true, text: original });
		}
	});

	it("toggles open and in-progress to done, everything else back to open", () => {
		expect([" ", "/", "x", "X", "-", ">"].map(toggledStatus)).toEqual(["x", "x", " ", " ", " ", " "]);
	});

	it("refuses a version whose metadata is not known to be for its text", () => {
		const drawn = "- [ ] a\n";
		const target = { line: 0, lineText: "- [ ] a", version: textVersion(drawn, -1, false) };
		expect(setTaskStatus(drawn, target, "x")).toEqual({ ok: false, reason: "uncertain" });
	});
});

describe("a note that changed between drawing the pane and the click", () => {
	const twins = "## Scheduler\n- [ ] read docs\n\n## GC\n- [ ] read docs\n";
	const scheduler = at(twins, 1);

	it.each([
		["edited", "## Scheduler\n- [ ] read docs (runtime/proc.go)\n\n## GC\n- [ ] read docs\n"],
		["deleted", "## Scheduler\n\n## GC\n- [ ] read docs\n"],
		["checked off in the editor", "## Scheduler\n- [x] read docs\n\n## GC\n- [ ] read docs\n"],
	])("never moves to an identical twin when the clicked line was %s", (_, now) => {
		const result = setTaskStatus(now, scheduler, "x");
		expect(result.ok).toBe(false);
	});

	it("follows lines added above when the move is certain", () => {
		const drawn = "# Notes\n\n- [ ] a\n- [ ] b\n";
		const now = "# Notes\nnew text\nmore text\n\n- [ ] a\n- [ ] b\n";
		expect(setTaskStatus(now, at(drawn, 3), "x")).toMatchObject({ ok: true, line: 5, text: "# Notes\nnew text\nmore text\n\n- [ ] a\n- [x] b\n" });
	});

	it("follows lines added below, past a blank line", () => {
		const drawn = "# Notes\n- [ ] a\n\n- [ ] b\n";
		expect(setTaskStatus("# Notes\n- [ ] a\n\n- [ ] b\n- [ ] c\n", at(drawn, 1), "x")).toMatchObject({ ok: true, line: 1 });
	});

	it("refuses a line added right below the item (it could continue or underline it)", () => {
		const drawn = "# Notes\n- [ ] a\n- [ ] b\n";
		expect(setTaskStatus("# Notes\n- [ ] a\n- [ ] b\n- [ ] c\n", at(drawn, 1), "x")).toEqual({ ok: false, reason: "uncertain" });
	});

	it("refuses a paragraph added right above an item (an item may not interrupt it)", () => {
		const drawn = "# Notes\n\n- [ ]\n";
		expect(setTaskStatus("# Notes\n\ntags: [x]\n- [ ]\n", at(drawn, 2), "x")).toEqual({ ok: false, reason: "uncertain" });
	});

	it("refuses when a line above changes which container an indented fence belongs to", () => {
		// "# H" ends the list, so "  ```" opens a fence at the top level that runs over the item.
		const drawn = "- a\n  more\n  ```\n\n- [ ] T\n";
		const now = "- a\n# H\n  more\n  ```\n\n- [ ] T\n";
		expect(setTaskStatus(now, at(drawn, 4), "x")).toEqual({ ok: false, reason: "uncertain" });
	});

	it("follows a CRLF conversion of the whole note", () => {
		const drawn = "# t\n- [ ] a\n";
		expect(setTaskStatus("# t\r\n- [ ] a\r\n", at(drawn, 1), "x")).toMatchObject({ ok: true, text: "# t\r\n- [x] a\r\n" });
	});

	it.each([
		["a fence opened above", "# Notes\n```\n- [ ] a\n- [ ] b\n"],
		["a comment opened above", "# Notes\n%%\n- [ ] a\n- [ ] b\n"],
		["an HTML comment opened above", "# Notes\n<!--\n- [ ] a\n- [ ] b\n"],
		["an HTML block opened above", "# Notes\n<div>\n- [ ] a\n- [ ] b\n"],
		["a math block opened above", "# Notes\n$$\n- [ ] a\n- [ ] b\n"],
		["a blank line added above", "# Notes\n\n- [ ] a\n- [ ] b\n"],
		["a line added at the top", "intro\n# Notes\n- [ ] a\n- [ ] b\n"],
	])("refuses when %s", (_, now) => {
		const drawn = "# Notes\n- [ ] a\n- [ ] b\n";
		expect(setTaskStatus(now, at(drawn, 2), "x")).toEqual({ ok: false, reason: "uncertain" });
	});

	it("refuses when the properties changed", () => {
		const drawn = "---\ntags: [gopherchina]\n---\n- [ ] a\n";
		const now = "---\ntags: [gopherchina]\nnotes: x\n---\n- [ ] a\n";
		expect(setTaskStatus(now, at(drawn, 3, 2), "x")).toEqual({ ok: false, reason: "uncertain" });
	});

	it("refuses a nested item whose parent changed", () => {
		const drawn = "# N\n- parent\n    - [ ] child\n";
		const now = "# N\nparagraph\n    - [ ] child\n";
		expect(setTaskStatus(now, at(drawn, 2), "x")).toEqual({ ok: false, reason: "uncertain" });
	});

	it("follows a nested item when its list starts below the change", () => {
		const drawn = "# N\ntext\n\n- parent\n    - [ ] child\n";
		const now = "# N\ntext that grew\n\n- parent\n    - [ ] child\n";
		expect(setTaskStatus(now, at(drawn, 4), "x")).toMatchObject({ ok: true, line: 4 });
	});

	it("refuses when a twin of the clicked line was added or removed", () => {
		const drawn = "# N\n- [ ] a\ntext\n- [ ] a\n";
		expect(setTaskStatus("# N\n- [ ] a\ntext\n- [ ] a\n- [ ] a\n", at(drawn, 1), "x")).toEqual({ ok: false, reason: "uncertain" });
		expect(setTaskStatus("# N\n- [ ] a\ntext\n", at(drawn, 1), "x").ok).toBe(false);
	});

	it("checks off the second of two identical items after a line that starts with inline code", () => {
		const note = "```go func() {}``` starts a goroutine.\n- [ ] read docs\n- [ ] read docs\n";
		expect(setTaskStatus(note, at(note, 2), "x")).toMatchObject({ ok: true, text: "```go func() {}``` starts a goroutine.\n- [ ] read docs\n- [x] read docs\n" });
	});
});

describe("undo", () => {
	it("puts back exactly the line the write replaced", () => {
		const drawn = "- [x] a ✅ 2020-02-02\n";
		const reopened = setTaskStatus(drawn, at(drawn, 0), " ", { completionDate: "2026-11-27" });
		expect(reopened.ok).toBe(true);
		if (reopened.ok) {
			const written = { line: reopened.line, lineText: reopened.lineText, version: textVersion(reopened.text) };
			expect(restoreLine(reopened.text, written, reopened.previous)).toMatchObject({ ok: true, text: drawn });
			expect(restoreLine("- [ ] a edited\n", written, reopened.previous)).toEqual({ ok: false, reason: "changed" });
		}
	});
});

describe("turning a question into a study item", () => {
	it("inserts a checkbox after the list marker", () => {
		expect(questionToTask("- why?\n", at("- why?\n", 0))).toMatchObject({ ok: true, text: "- [ ] why?\n" });
		expect(questionToTask("> 1. how？\r\n", at("> 1. how？\r\n", 0))).toMatchObject({ ok: true, text: "> 1. [ ] how？\r\n" });
	});

	it("refuses lines that changed or are not list items", () => {
		expect(questionToTask("why?\n", at("why?\n", 0))).toEqual({ ok: false, reason: "not-a-task" });
		expect(questionToTask("- other?\n", at("- why?\n", 0)).ok).toBe(false);
	});

	it("never turns an identical question elsewhere into a task", () => {
		const drawn = "# A\n- why?\n# B\n- why?\n";
		expect(questionToTask("# B\n- why?\n", at(drawn, 1)).ok).toBe(false);
	});
});

describe("inert lines", () => {
	it.each(["text", "- [ ] item", "  - nested", "# heading", "1. item", "a < b", "**bold**"])("%j is inert", (line) => {
		expect(isInertLine(line)).toBe(true);
	});
	it.each(["", "   ", "```", "~~~", "```go func() {}``` x", "%%", "a %% b", "<!--", "-->", "<div>", "$$", "---", "***", "- - -", "===", "-", "> quote", "| a |", "- <div>", "    ```"])(
		"%j is not inert",
		(line) => {
			expect(isInertLine(line)).toBe(false);
		},
	);
});
