/** @jest-environment node */
import { maskInlineCode } from "../../src/model/text";
import { questionAndLinkLines } from "../support/read-note";

/**
 * A backslash-escaped backtick is text (CommonMark): it opens no code span, and a run of backticks it
 * starts opens one only with the rest of its backticks. Inside a span a backslash is text, so a run
 * after one closes the span as it stands.
 */
describe("escaped backticks", () => {
	it.each([
		["an escaped backtick before a link", "Price \\`: https://example.com/a/1.1.1-Foo.pdf and `code`", "Price \\`: https://example.com/a/1.1.1-Foo.pdf and       "],
		["an escaped backtick, then a span", "\\` a `x` b", "\\` a     b"],
		["the rest of an escaped run opens a span", "\\``x` b", "\\`    b"],
		["an escaped backslash before a backtick is no escape", "\\\\`x` b", "\\\\    b"],
		["a backslash inside a span is text: the run after it closes", "`a\\` b", "     b"],
	])("%s", (_name, line, masked) => {
		expect(maskInlineCode(line)).toBe(masked);
	});

	it("reads a link and a question after an escaped backtick", () => {
		const text = "#gopherchina\n\nPrice \\`: https://example.com/a/1.1.1-Foo.pdf and `code`\n\n\\` 为什么 GC 会停顿 `x`\n";
		expect(questionAndLinkLines(text)).toEqual({ questions: [4], links: [2] });
	});

	it("opens no comment inside what an escaped backtick leaves as text, and reads on after it", () => {
		const text = "#gopherchina\n\nEscape \\` %% ` 这里为什么要隐藏 %%\n\n- Why does the GC pause?\n- https://example.com/a/1.1.1-Foo.pdf\n";
		expect(questionAndLinkLines(text)).toEqual({ questions: [4], links: [5] });
	});
});
