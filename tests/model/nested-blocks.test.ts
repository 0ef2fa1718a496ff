/** @jest-environment node */
import { readFileSync } from "fs";
import { join } from "path";
import type { CachedMetadata } from "obsidian";
import { buildMetadata } from "../../sandbox/metadata-builder";
import { noteOf, questionAndLinkLines } from "../support/read-note";
import { expectLinear } from "./linear-time-helper";

/**
 * Obsidian's sections name code only at the top level: code inside a list item, a quote or a callout
 * is part of the container's section (the capture `code_block_in_task` shows it), and so is an HTML
 * comment block there. Obsidian renders them as code and as a comment all the same, so nothing in
 * them is a question or a link, and a comment marker in such code opens nothing.
 */
const read = questionAndLinkLines;

describe("code inside list items, quotes and callouts", () => {
	it.each([
		["a fence in a list item", "#gopherchina\n\n- item\n\n  ```\n  怎么用？\n  https://x.com/a.pdf\n  ```\n"],
		["a fence right after the list marker", "#gopherchina\n\n- ```go\n  怎么用？\n  https://x.com/a.pdf\n  ```\n"],
		["a fence in a quote", "#gopherchina\n\n> ```\n> 为什么会这样？\n> https://x.com/b.pdf\n> ```\n"],
		["a fence in a callout", "#gopherchina\n\n> [!note]\n> ```\n> 为什么会这样？\n> https://x.com/b.pdf\n> ```\n"],
		["a fence in a list item in a quote", "#gopherchina\n\n> - item\n>   ~~~\n>   为什么会这样？\n>   ~~~\n"],
		["indented code in a list item", "#gopherchina\n\n- item\n\n      为什么缩进代码？\n      https://x.com/c.pdf\n"],
		["indented code right after the list marker", "#gopherchina\n\n-     为什么缩进代码？\n"],
		["indented code in a tab-indented item", "#gopherchina\n\n- item\n\n\t\t为什么缩进代码？\n"],
		["a longer tilde fence that a shorter one does not close", "#gopherchina\n\n1. a\n   ~~~~\n   怎么办？\n   ~~~\n   还在代码里吗？\n   ~~~~\n"],
		["an unclosed fence, to the end of its item", "#gopherchina\n\n- a\n  ```\n  怎么办？\n"],
	])("%s", (_name, text) => {
		expect(read(text)).toEqual({ questions: [], links: [] });
	});

	it("reads what follows the code in the same item, and what follows the item", () => {
		const text = "#gopherchina\n\n- a\n  ```\n  怎么办？\n  ```\n  为什么在代码之后？\n\n为什么在列表之后？\n";
		expect(read(text).questions).toEqual([6, 8]);
	});

	it.each([
		["`===` in a quote", "#gopherchina\n\n> a\n> ===\n>     为什么是代码？\n"],
		["`--` in a list item", "#gopherchina\n\n- a\n  --\n      为什么是代码？\n"],
		["`=` in a list item, before a link", "#gopherchina\n\n- a\n  =\n      https://a.com/x.pdf\n"],
	])("takes the indented lines after a heading's underline for code (%s)", (_name, text) => {
		expect(read(text)).toEqual({ questions: [], links: [] });
	});

	it.each([
		["in a quote", "#gopherchina\n\n> - \n>\n>      Why is alpha slow?\n"],
		["in a quote, CRLF", "#gopherchina\r\n\r\n> - \r\n>\r\n>      Why is alpha slow?\r\n"],
		["in a list item", "#gopherchina\n\n- a\n\n  - \n\n      Why is alpha slow?\n"],
	])("ends an empty list item at the blank line after it, so what follows is the outer block's (%s)", (_name, text) => {
		expect(read(text).questions).toEqual([]);
	});

	it("reads on after code that follows an underline", () => {
		expect(read("#gopherchina\n\n> a\n> =\n>     <!--\n> 为什么会这样？\n").questions).toEqual([5]);
	});

	it("does not take a paragraph's indented continuation for code", () => {
		const text = "#gopherchina\n\n- 第一行\n      为什么这一行还是段落？\n";
		expect(read(text).questions).toEqual([3]);
	});

	it("ends a fence with the item it is in", () => {
		const text = "#gopherchina\n\n- a\n  ```\n  code\n- 为什么这里不是代码？\n";
		expect(read(text).questions).toEqual([5]);
	});

	it("holds with the metadata Obsidian made (code_block_in_task), a question in the code", () => {
		const capture = JSON.parse(readFileSync(join(__dirname, "../fixtures/obsidian-captures/code_block_in_task.json"), "utf8")) as { fileContents: string; cachedMetadata: CachedMetadata };
		expect(capture.fileContents).toContain("  ls -la\n");
		// The same lines and the same blocks: a code line either way.
		const text = capture.fileContents.replace("  ls -la\n", "  怎么了ls？\n");
		expect(read(text, capture.cachedMetadata).questions).toEqual([]);
	});
});

describe("other HTML blocks inside containers", () => {
	it.each([
		["a fence", "#gopherchina\n\n- <div>\n  ```\n\n  为什么会这样？\n", [5]],
		["a comment", "#gopherchina\n\n- <div>\n  <!--\n\n  为什么会这样？\n  -->\n", [5]],
		["indented code", "#gopherchina\n\n> <pre>\n>       为什么在 pre 里？\n> </pre>\n\n为什么在后面？\n", [3, 6]],
	])("hold no code and open no comment past their blank line (%s)", (_name, text, questions) => {
		expect(read(text).questions).toEqual(questions);
	});
});

describe("comment markers inside nested code", () => {
	it("a `%%` in code in a list item opens no comment", () => {
		const text = "#gopherchina\n\n- a\n  ```\n  %%\n  ```\n\n为什么会这样？\nhttps://x.com/a.pdf\n";
		expect((buildMetadata(text).sections ?? []).map((section) => section.type)).toEqual(["paragraph", "list", "paragraph"]);
		expect(read(text)).toEqual({ questions: [7], links: [8] });
	});

	it("a `<!--` in code in a list item opens no comment", () => {
		const text = "#gopherchina\n\n- a\n  ```\n  <!--\n  ```\n  为什么会这样？\n";
		expect(read(text).questions).toEqual([6]);
	});
});

describe("HTML comment blocks inside list items, quotes and callouts", () => {
	it.each([
		["a list item, closed after a blank line", "#gopherchina\n\n- a\n  <!--\n\n  为什么会这样？\n  https://x.com/a.pdf\n  -->\n"],
		["a list item, never closed", "#gopherchina\n\n- a\n  <!--\n\n  为什么会这样？\n"],
		["a quote", "#gopherchina\n\n> <!--\n>\n> 为什么会这样？\n> -->\n"],
		["a callout", "#gopherchina\n\n> [!note]\n> <!--\n>\n> 为什么会这样？\n> https://x.com/a.pdf\n> -->\n"],
	])("run over blank lines to their end (%s)", (_name, text) => {
		expect(read(text)).toEqual({ questions: [], links: [] });
	});

	it("end with their container when never closed", () => {
		const text = "#gopherchina\n\n> <!--\n> 为什么藏起来？\n\n为什么在引用之后？\n";
		expect(read(text).questions).toEqual([5]);
	});

	it.each([
		["a list marker and a quote", "#gopherchina\n\n- > <!-- 为什么会这样？ https://x.com/a.pdf\n"],
		["a number and a quote", "#gopherchina\n\n1. > <!-- 为什么会这样？\n"],
		["two list markers", "#gopherchina\n\n- - <!-- 为什么会这样？\n"],
		["a list marker and a quote, over two lines", "#gopherchina\n\n- > <!--\n  > 为什么会这样？\n"],
	])("open behind %s", (_name, text) => {
		expect(read(text)).toEqual({ questions: [], links: [] });
	});

	it.each([
		["a callout, over a blank quote line", "#gopherchina\n\n> [!note]\n> <!-- 草稿\n>\n为什么会这样？\n", [5]],
		["a quote, over a blank quote line", "#gopherchina\n\n> <!-- 草稿\n>\n为什么会这样？\n", [4]],
		["a list item, over a blank line", "#gopherchina\n\n- <!-- 草稿\n\n  x\n为什么会这样？\n", [5]],
		["a nested list item", "#gopherchina\n\n- - <!--\n为什么会这样？\n", [3]],
	])("end with their container when never closed (%s)", (_name, text, questions) => {
		expect(read(text).questions).toEqual(questions);
	});

	it.each([["<!-->"], ["<!--->"]])("close where they open (%s)", (comment) => {
		expect(read(`#gopherchina\n\n- x\n\n  ${comment}\n  为什么会这样？\n`).questions).toEqual([5]);
	});

	it("show what follows their `-->`", () => {
		const text = "#gopherchina\n\n- a\n  <!--\n\n  藏起来？\n  -->\n  为什么看得见？\n";
		expect(read(text).questions).toEqual([7]);
	});
});

describe("reading nested blocks stays linear", () => {
	const parse = ({ text, cache }: { text: string; cache: CachedMetadata }): unknown => noteOf(text, cache).questions;
	/** The note with one section of `type` from its third line on (nesting this deep overflows the metadata builder's parser). */
	function input(type: string, body: string): { text: string; cache: CachedMetadata } {
		const text = `#gopherchina\n\n${body}`;
		const last = text.split("\n").length - 1;
		const at = (line: number): { line: number; col: number; offset: number } => ({ line, col: 0, offset: 0 });
		return { text, cache: { sections: [{ type, position: { start: at(2), end: at(last) } }] } };
	}

	it("on blank lines under thousands of nested list items", () => {
		expectLinear("blank lines under deep items", (n) => input("list", `${"- ".repeat(n / 4)}x\n${"\n".repeat(n / 2)}为什么？\n`), parse, { small: 2_000, large: 20_000 });
	});

	it("on a line that goes on in thousands of nested items", () => {
		expectLinear("continuation of deep items", (n) => input("list", `${"- ".repeat(n / 8)}x\n${" ".repeat(n / 4)}为什么？\n${" ".repeat(n / 4)}为什么？\n`), parse, { small: 4_000, large: 40_000 });
	});

	it("on blank quote lines under thousands of items in a quote", () => {
		expectLinear("blank quote lines under deep items", (n) => input("blockquote", `> ${"- ".repeat(n / 4)}x\n${">\n".repeat(n / 4)}为什么？\n`), parse, { small: 10_000, large: 100_000 });
	});

	it("on lines that each reopen a hundred quotes", () => {
		expectLinear("lines of deep quotes", (n) => input("blockquote", `${">".repeat(100)} 为什么？\n`.repeat(n / 110)), parse, { small: 2_000, large: 20_000 });
	});
});

/**
 * `$$` math is a formula, not text: Obsidian gives a top-level math block a `math` section, and one
 * inside a list item or a quote is part of the container's section.
 */
describe("math blocks", () => {
	const mathSection = (text: string, from: number, to: number): CachedMetadata => {
		const cache = buildMetadata(text);
		const lines = text.split("\n");
		const offset = (line: number): number => lines.slice(0, line).reduce((sum, each) => sum + each.length + 1, 0);
		const sections = (cache.sections ?? []).filter((section) => section.position.end.line < from || section.position.start.line > to);
		sections.push({ type: "math", position: { start: { line: from, col: 0, offset: offset(from) }, end: { line: to, col: (lines[to] as string).length, offset: offset(to) + (lines[to] as string).length } } });
		sections.sort((a, b) => a.position.start.line - b.position.start.line);
		return { ...cache, sections };
	};

	it("reads nothing in a top-level math section", () => {
		const text = "#gopherchina\n\n$$\n\\text{为什么} T(n) = O(n \\log n)\n% https://example.com/1.1.1-Foo.pdf\n$$\n\n为什么在公式之后？\n";
		expect(read(text, mathSection(text, 2, 5))).toEqual({ questions: [7], links: [] });
	});

	it.each([
		["in a list item", "#gopherchina\n\n- step\n  $$\n  \\text{为什么} T(n)\n  https://example.com/1.1.1-Foo.pdf\n  $$\n  为什么在公式之后？\n", [7]],
		["in a quote", "#gopherchina\n\n> $$\n> \\text{为什么} T(n)\n> $$\n> 为什么在公式之后？\n", [5]],
		["on one line in a list item", "#gopherchina\n\n- step\n  $$ \\text{为什么} $$\n  为什么在公式之后？\n", [4]],
		["unclosed, to the end of its item", "#gopherchina\n\n- step\n  $$\n  \\text{为什么} T(n)\n\n为什么在列表之后？\n", [6]],
	])("reads nothing in math %s, and reads on after it", (_name, text, questions) => {
		expect(read(text)).toEqual({ questions, links: [] });
	});

	it.each([
		["in a list item", "#gopherchina\n\n- $$a^2$$ 怎么推导出来的？\n", [2]],
		["in a quote", "#gopherchina\n\n> $$x$$ 为什么？\n", [2]],
		["in an item's second line", "#gopherchina\n\n- x\n  $$O(n)$$ 为什么不是线性的？\n", [3]],
	])("reads the text after math closed on its line %s", (_name, text, questions) => {
		expect(read(text).questions).toEqual(questions);
	});

	it("reads a link after math closed on its line", () => {
		expect(read("#gopherchina\n\n- $$O(n)$$ 见 [讲稿](https://x.com/2023/1.1.1-Foo.pdf)\n").links).toEqual([2]);
	});
});

describe("properties Obsidian gives only as a yaml section", () => {
	// Obsidian leaves out `frontmatterPosition` for properties it cannot read (the capture empty_yaml
	// has a `yaml` section and no position); the block is properties all the same.
	it("reads nothing in them", () => {
		const text = "---\n# 为什么 GC 会停顿\n# https://example.com/1.1.1-Foo.pdf\n---\n#gopherchina\n\n为什么在属性之后？\n";
		const built = buildMetadata(text);
		const end = text.indexOf("\n---\n") + 4;
		const cache: CachedMetadata = {
			...built,
			frontmatterPosition: undefined,
			sections: [{ type: "yaml", position: { start: { line: 0, col: 0, offset: 0 }, end: { line: 3, col: 3, offset: end } } }, ...(built.sections ?? []).filter((section) => section.position.start.line > 3)],
		};
		expect(read(text, cache)).toEqual({ questions: [6], links: [] });
	});
});

describe("scripts and styles", () => {
	// Their text never shows; the text of other HTML does, and is read.
	it.each([
		["at the top level", "#gopherchina\n\n<script>\n// why does this run twice?\nconst u = \"https://x.com/1.1.1-Foo.pdf\";\n</script>\n\n为什么在脚本之后？\n", [7]],
		["in a list item", "#gopherchina\n\n- item\n\n  <style>\n  /* 为什么这样写？ https://x.com/a.pdf */\n  </style>\n\n为什么在列表之后？\n", [8]],
		["in a quote, on one line", "#gopherchina\n\n> <script>alert('why?')</script>\n> 为什么在脚本之后？\n", [3]],
	])("reads nothing in a script or a style %s", (_name, text, questions) => {
		expect(read(text)).toEqual({ questions, links: [] });
	});

	it("reads text after a script's closing tag on its line", () => {
		expect(read("#gopherchina\n\n<script src=x></script> 为什么这样？\n").questions).toEqual([2]);
	});

	it("reads the text of other HTML", () => {
		expect(read("#gopherchina\n\n<div>\n为什么在 div 里？\n</div>\n").questions).toEqual([3]);
	});
});
