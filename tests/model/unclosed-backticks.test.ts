/** @jest-environment node */
import { questionAndLinkLines as read } from "../support/read-note";

/**
 * A run of backticks that no run on its line closes is read as text: the plugin reads code spans
 * within a line only. A span that CommonMark closes on a later line of the paragraph is rare in notes,
 * and pairing runs over lines takes the paragraph's exact bounds (tables, HTML blocks, quotes, lazy
 * lines, link destinations, tags over lines); read wrongly it hid real questions and links. So the
 * lines after such a run are always read, whatever follows them.
 */
describe("a backtick run unclosed on its line", () => {
	it.each([
		["in a paragraph", "#gopherchina\n\na `\n为什么会这样？\nb\n", [3]],
		["before an ATX heading", "#gopherchina\n\n# a `\n为什么会这样？\nb `\n", [3]],
		["before a heading underline", "#gopherchina\n\na `\n---\n为什么会这样？\nb `\n", [4]],
		["before a thematic break", "#gopherchina\n\na `\n***\n为什么会这样？\nb `\n", [4]],
		["before a quote", "#gopherchina\n\na `\n> 为什么会这样？\n> b `\n", [3]],
		["escaped", "#gopherchina\n\nUse \\` here\n为什么会这样？\nb `\n", [3]],
		["in an HTML attribute", '#gopherchina\n\na <span title="`">x</span>\n为什么会这样？\nb `\n', [3]],
		["in an autolink", "#gopherchina\n\nsee <https://x.com/`>\n为什么会这样？\nb `\n", [3]],
		["in a quote inside a list item", "#gopherchina\n\n- > 运行 `go\n  > test` 之后为什么会这样？\n  > 再看 `vet` 呢\n", [3, 4]],
	])("leaves the lines after it read (%s)", (_name, text, questions) => {
		expect(read(text).questions).toEqual(questions);
	});

	it("leaves table rows' links read", () => {
		expect(read("#gopherchina\n\n| 符号 | 链接 |\n|---|---|\n| ` | https://x.com/a1.pdf |\n| ` | https://x.com/a2.pdf |\n").links).toEqual([4, 5]);
	});
});
