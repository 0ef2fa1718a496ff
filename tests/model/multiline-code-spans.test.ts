/** @jest-environment node */
import fc from "fast-check";
import type { CachedMetadata } from "obsidian";
import { buildMetadata } from "../../sandbox/metadata-builder";
import { noteOf, questionAndLinkLines } from "../support/read-note";
import { maskInline } from "../../sandbox/inline-mask";
import { expectLinear } from "./linear-time-helper";

/**
 * A code span closes at the next run of as many backticks, on its line or on a later line of the
 * same block (CommonMark; Obsidian renders it so). What such a span holds is code on every line it
 * runs over: no question, no link, and a comment marker in it opens nothing.
 */
const read = questionAndLinkLines;

describe("code spans over several lines", () => {
	it.each([
		["a paragraph", "#gopherchina\n\n讲到 `go\n为什么会这样？ https://x.com/a.pdf` 的用法\n"],
		["a list item's lines", "#gopherchina\n\n- 讲到 `go\n  为什么会这样？ https://x.com/a.pdf` 的用法\n"],
		["three lines, a double run", "#gopherchina\n\n讲到 ``go\n为什么会这样？ ` 还在代码里\nhttps://x.com/a.pdf`` 的用法\n"],
	])("hide what they hold (%s)", (_name, text) => {
		expect(read(text)).toEqual({ questions: [], links: [] });
	});

	it("show what follows the closing run", () => {
		expect(read("#gopherchina\n\n讲到 `go\nx` 之后为什么？\n").questions).toEqual([3]);
	});

	it.each([
		["a blank line", "#gopherchina\n\n讲到 `go\n\n为什么会这样？`\n", [4]],
		["a new list item", "#gopherchina\n\n- 讲到 `go\n- 为什么会这样？`\n", [3]],
		["a heading", "#gopherchina\n\n讲到 `go\n## 为什么会这样？`\n", []],
	])("end at their block's end (%s)", (_name, text, questions) => {
		// With no closer in the block, the backticks are text.
		expect(read(text).questions).toEqual(questions);
	});

	it("open no comment with a `%%` they hold", () => {
		expect(read("#gopherchina\n\n讲到 `go\n还是 %% 代码` 为什么？\n\n下一段为什么？\n").questions).toEqual([3, 5]);
	});

	it("report no question or link that markdown's inline code hides, over generated paragraphs", () => {
		const QUESTION = "为什么？";
		const LINK = "https://x.com/a.pdf";
		const piece = fc.constantFrom("`", "``", "```", QUESTION, LINK, "文字", " ", "x");
		// Each line starts with text, so that no line of a block starts another (a fence, a list item).
		const line = fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => `文${pieces.join("")}`);
		const block = fc.array(line, { minLength: 1, maxLength: 4 });
		fc.assert(
			fc.property(fc.array(block, { minLength: 1, maxLength: 3 }), (blocks) => {
				// Paragraphs apart by a blank line; each line's question and link, and whether inline code hides them.
				const lines = ["#gopherchina", ""];
				const hidden: boolean[][] = [[false, false], [false, false]];
				for (const body of blocks) {
					const masked = maskInline(body);
					body.forEach((text, at) => {
						lines.push(text);
						hidden.push([text.includes("？") && !(masked[at] as string).includes("？"), text.includes(LINK) && !(masked[at] as string).includes(LINK)]);
					});
					lines.push("");
					hidden.push([false, false]);
				}
				const found = read(lines.join("\n"));
				expect(found.questions.filter((at) => hidden[at]?.[0] === true)).toEqual([]);
				expect(found.links.filter((at) => hidden[at]?.[1] === true)).toEqual([]);
			}),
			{ numRuns: 2000, seed: 7 },
		);
	});

	it("are found in time linear in the paragraph, however many runs never close", () => {
		// Line j of one paragraph holds a run of j backticks: none closes, and each looks on to the end.
		const paragraph = (size: number): { text: string; cache: CachedMetadata } => {
			const lines: string[] = [];
			for (let j = 1, total = 0; total < size; j++) {
				lines.push(`文${"`".repeat(j)}`);
				total += j + 2;
			}
			const text = `#gopherchina\n\n${lines.join("\n")}\n为什么？\n`;
			return { text, cache: buildMetadata(text) };
		};
		const questions = ({ text, cache }: { text: string; cache: CachedMetadata }): unknown => noteOf(text, cache).questions;
		expectLinear("unclosed runs of every length over a paragraph", paragraph, questions, { small: 30_000, large: 300_000 });
	});
});

describe("a code span that finds no closer in its paragraph", () => {
	it.each([
		["an ATX heading", "#gopherchina\n\n# a `\n为什么会这样？\nb `\n", [3]],
		["a heading underline", "#gopherchina\n\na `\n---\n为什么会这样？\nb `\n", [4]],
		["a thematic break", "#gopherchina\n\na `\n***\n为什么会这样？\nb `\n", [4]],
		["a quote that starts", "#gopherchina\n\na `\n> 为什么会这样？\n> b `\n", [3]],
	])("is text, and the next block is read (after %s)", (_name, text, questions) => {
		expect(read(text).questions).toEqual(questions);
	});

	it("pairs no backticks across blocks: a span the next block opens and closes is code", () => {
		expect(read("#gopherchina\n\n# a `\nb ` 为什么会这样？\nc `\n").questions).toEqual([]);
		expect(read("#gopherchina\n\na `\n***\nb ` 为什么会这样？\nc `\n").questions).toEqual([]);
	});

	it("keeps a link of the next block", () => {
		expect(read("#gopherchina\n\n# a `\nhttps://x.com/a.pdf\nb `\n").links).toEqual([3]);
	});
});

describe("a backtick that opens no code span", () => {
	it.each([
		["escaped", "#gopherchina\n\nUse \\` here\n为什么会这样？\nb `\n"],
		["in an HTML attribute", '#gopherchina\n\na <span title="`">x</span>\n为什么会这样？\nb `\n'],
		["in an autolink", "#gopherchina\n\nsee <https://x.com/`>\n为什么会这样？\nb `\n"],
	])("hides nothing on later lines (%s)", (_name, text) => {
		expect(read(text).questions).toEqual([3]);
	});
});

describe("a code span right after a web address", () => {
	it("ends the address: what the span holds is code, not part of a link", () => {
		// Code spans are read before links: the address stops at the backtick.
		expect(read("#gopherchina\n\n文https://x.com/a.pdf` 为什么？`\n")).toEqual({ questions: [], links: [2] });
		expect(read("#gopherchina\n\n- 见 https://x.com/b` 怎么办？`\n").questions).toEqual([]);
	});
});
