/** @jest-environment node */
import { isCommented, LINE_HTML, LINE_HTML_START, LINE_SKIPPED, maskComments } from "../../src/model/comments";
import { expectLinear, repeatTo } from "./linear-time-helper";

/** The note's lines as the scanner leaves them, trailing blanks trimmed; marks and block starts by line. */
function visible(text: string, marks: Record<number, number> = {}, blockStarts: number[] = []): string[] {
	const lines = text.split("\n");
	const table = new Uint8Array(lines.length);
	for (const [line, mark] of Object.entries(marks)) {
		table[Number(line)] = mark;
	}
	return maskComments(lines, table, (line) => blockStarts.includes(line)).map((line) => line.trimEnd());
}

describe("%% comments", () => {
	it("blanks an inline comment and keeps the columns of what follows", () => {
		const masked = maskComments(["text %% [x](a.pdf) %% more [y](b.pdf)"], new Uint8Array(1), () => false);
		expect(masked).toEqual(["text                  more [y](b.pdf)"]);
	});

	it("blanks several comments on one line", () => {
		expect(visible("a %% b %% c %% d %% e")).toEqual(["a         c         e"]);
		expect(visible("%%%%x%%%%")).toEqual(["    x"]);
	});

	it("runs over lines and blocks up to the next %%, keeping quote prefixes", () => {
		expect(visible("a %% b\n\n> c\nd %% e")).toEqual(["a", "", ">", "     e"]);
	});

	it("runs to the end of the note when never closed", () => {
		expect(visible("a %% b\nc\n\nd")).toEqual(["a", "", "", ""]);
	});

	it("neither opens nor closes in skipped lines (code, properties, comment blocks)", () => {
		expect(visible("```\n%%\n```\nx", { 0: LINE_SKIPPED, 1: LINE_SKIPPED, 2: LINE_SKIPPED })).toEqual(["```", "%%", "```", "x"]);
		expect(visible("a %% b\n%%\nc %% d", { 1: LINE_SKIPPED })).toEqual(["a", "%%", "     d"]);
	});

	it("is not opened by %% in inline code, and is closed by %% in backticks inside it", () => {
		expect(visible("`%%` x `` %% `` y")).toEqual(["`%%` x `` %% `` y"]);
		expect(visible("a %% `b %%` c")).toEqual(["a         ` c"]);
	});

	it("keeps a lone %, and opens at any %%, also one glued to a word", () => {
		expect(visible("50% off")).toEqual(["50% off"]);
		expect(visible("100%% sure %% x")).toEqual(["100           x"]);
	});
});

describe("<!-- --> comments", () => {
	it("blanks an inline comment, also the empty <!--> and <!--->", () => {
		expect(visible("a <!-- [x](a.pdf) --> b <!--> c <!---> d")).toEqual(["a                     b       c        d"]);
	});

	it("runs over the lines of one block, and not into the next list item or heading", () => {
		expect(visible("a <!-- b\nc --> d")).toEqual(["a", "      d"]);
		expect(visible("- a <!-- b\n- c --> d", {}, [0, 1])).toEqual(["- a <!-- b", "- c --> d"]);
		expect(visible("a <!-- b\n\nc --> d")).toEqual(["a <!-- b", "", "c --> d"]);
	});

	it("is text when never closed in its block, unless it starts its line: then it hides the rest of the block", () => {
		expect(visible("a <!-- b\nc\n\nd")).toEqual(["a <!-- b", "c", "", "d"]);
		expect(visible("- <!-- b\n  c\n\nd", {}, [0])).toEqual(["-", "", "", "d"]);
		expect(visible("> <!-- b\n> c\n\nd")).toEqual([">", ">", "", "d"]);
	});

	it("hides an HTML block that opens with <!-- whole, to its end however far, and reads other HTML blocks", () => {
		const marks = { 0: LINE_HTML_START, 1: LINE_HTML, 2: LINE_HTML, 4: LINE_HTML_START, 5: LINE_HTML };
		expect(visible("<!-- a\nb\nc --> d\ne\n<div>\n<!-- f --> g", marks)).toEqual(["", "", "", "e", "<div>", "           g"]);
	});

	it("is not opened by <!-- in inline code or after a backslash", () => {
		expect(visible("`<!--` a `-->`")).toEqual(["`<!--` a `-->`"]);
		expect(visible("\\<!-- a -->")).toEqual(["\\<!-- a -->"]);
	});

	it("hides %% inside it, and is hidden inside %%", () => {
		expect(visible("a <!-- %% --> b %% <!-- %% c")).toEqual(["a             b            c"]);
	});
});

describe("inside list items, callouts and quotes", () => {
	it("keeps the item, callout and quote markers and blanks the comment", () => {
		expect(visible("- [ ] a %% b %% c")).toEqual(["- [ ] a         c"]);
		expect(visible("> [!note] t\n> a <!-- b --> c")).toEqual(["> [!note] t", "> a            c"]);
		expect(visible("> > %%\n> > b\n> > %% c")).toEqual(["> >", "> >", "> >    c"]);
	});
});

describe("links that Obsidian's metadata lists", () => {
	const lines = ["a %% [[x.pdf]] %% [[x.pdf]]", "[[y.pdf]]", "b"];
	const marks = new Uint8Array([0, 0, LINE_SKIPPED]);
	const masked = maskComments(lines, marks, () => false);

	it("are commented when their column is in a comment or their line is skipped", () => {
		expect(isCommented(lines, masked, marks, 0, 5, "[[x.pdf]]")).toBe(true);
		expect(isCommented(lines, masked, marks, 0, 18, "[[x.pdf]]")).toBe(false);
		expect(isCommented(lines, masked, marks, 1, 0, "[[y.pdf]]")).toBe(false);
		expect(isCommented(lines, masked, marks, 2, 0, "[[z.pdf]]")).toBe(true);
	});

	it("are looked for in the line's visible text when the column does not point at them", () => {
		expect(isCommented(lines, masked, marks, 0, 99, "[[x.pdf]]")).toBe(false);
		expect(isCommented(["%% [[q.pdf]] %%"], maskComments(["%% [[q.pdf]] %%"], new Uint8Array(1), () => false), new Uint8Array(1), 0, 7, "[[q.pdf]]")).toBe(true);
	});
});

describe("hostile lines", () => {
	it.each(["%", "<!--", "%% `", "<!-- `", "`` <!-- ` %%", "<!--> %"])("scans 100,000 characters of %j in linear time", (unit) => {
		expectLinear(`maskComments on ${JSON.stringify(unit)}`, (length) => repeatTo(unit, length), (line) => maskComments([line, line], new Uint8Array(2), () => false));
	});

	it("scans 10,000 lines that each open <!-- in one block in linear time", () => {
		const timeFor2 = (count: number): number => {
			const lines = Array.from({ length: count }, () => "a <!-- b");
			const start = performance.now();
			maskComments(lines, new Uint8Array(count), () => false);
			return performance.now() - start;
		};
		timeFor2(1_000);
		expect(timeFor2(10_000)).toBeLessThan(Math.max(250, timeFor2(1_000) * 40));
	});
});
