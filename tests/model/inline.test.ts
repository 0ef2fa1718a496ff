/** @jest-environment node */
import { parseInline, plainText } from "../../src/model/inline";

describe("inline markdown of a study item", () => {
	it("reads emphasis, code and strike-through", () => {
		expect(parseInline("a **b** *c* `d*e` ~~f~~ ==g==")).toEqual([
			{ type: "text", text: "a " },
			{ type: "strong", children: [{ type: "text", text: "b" }] },
			{ type: "text", text: " " },
			{ type: "em", children: [{ type: "text", text: "c" }] },
			{ type: "text", text: " " },
			{ type: "code", text: "d*e" },
			{ type: "text", text: " " },
			{ type: "strike", children: [{ type: "text", text: "f" }] },
			{ type: "text", text: " " },
			{ type: "mark", children: [{ type: "text", text: "g" }] },
		]);
	});

	it("reads markdown links, wikilinks with aliases, tags and bare URLs", () => {
		expect(parseInline("[Go](https://go.dev) [[Note|alias]] #go/tag https://x.org/a.pdf.")).toEqual([
			{ type: "link", href: "https://go.dev", children: [{ type: "text", text: "Go" }] },
			{ type: "text", text: " " },
			{ type: "wikilink", target: "Note", text: "alias" },
			{ type: "text", text: " " },
			{ type: "tag", tag: "#go/tag" },
			{ type: "text", text: " " },
			{ type: "link", href: "https://x.org/a.pdf", children: [{ type: "text", text: "https://x.org/a.pdf" }] },
			{ type: "text", text: "." },
		]);
	});

	it("keeps HTML and scripts as plain text", () => {
		const tokens = parseInline("<script>alert(1)</script><img src=x onerror=alert(1)>");
		expect(tokens).toEqual([{ type: "text", text: "<script>alert(1)</script><img src=x onerror=alert(1)>" }]);
	});

	it("leaves unmatched delimiters and numeric hashes as text", () => {
		expect(plainText(parseInline("2 * 3 = 6, issue #3344, a_b_c"))).toBe("2 * 3 = 6, issue #3344, a_b_c");
		expect(parseInline("issue #3344")).toEqual([{ type: "text", text: "issue #3344" }]);
	});

	it("closes a code span with the next run of as many backticks, even inside a longer run", () => {
		expect(parseInline("``a ` b`` and `c`")).toEqual([
			{ type: "code", text: "a ` b" },
			{ type: "text", text: " and " },
			{ type: "code", text: "c" },
		]);
		expect(parseInline("```a`` b```")).toEqual([{ type: "code", text: "a`` b" }]);
		expect(parseInline("`` `x` ``` y")).toEqual([{ type: "code", text: "`x`" }, { type: "text", text: "` y" }]);
	});

	it("reads an unclosed run of backticks as text until a shorter rest of it can close", () => {
		expect(parseInline("``a` b")).toEqual([{ type: "text", text: "`" }, { type: "code", text: "a" }, { type: "text", text: " b" }]);
		expect(parseInline("a ``` b ` c ``")).toEqual([{ type: "text", text: "a `" }, { type: "code", text: "b ` c" }]);
		expect(parseInline("``` a")).toEqual([{ type: "text", text: "``` a" }]);
	});

	it("reads embeds and aliases of wikilinks, and leaves broken ones as text", () => {
		expect(parseInline("[[Note]] ![[img.png]] [[A|]] [[A|b|c]]")).toEqual([
			{ type: "wikilink", target: "Note", text: "Note" },
			{ type: "text", text: " " },
			{ type: "wikilink", target: "img.png", text: "img.png" },
			{ type: "text", text: " " },
			{ type: "wikilink", target: "A", text: "A" },
			{ type: "text", text: " " },
			{ type: "wikilink", target: "A", text: "b|c" },
		]);
		expect(parseInline("[[a]b]] [[a|b]c]] [[]] [[a")).toEqual([{ type: "text", text: "[[a]b]] [[a|b]c]] [[]] [[a" }]);
	});

	it("reads <…> targets, titles and parentheses in links", () => {
		expect(parseInline('[t](<a b.pdf> "title") [u](a(b)c) [v](a "t")')).toEqual([
			{ type: "link", href: "a b.pdf", children: [{ type: "text", text: "t" }] },
			{ type: "text", text: " " },
			{ type: "link", href: "a(b)c", children: [{ type: "text", text: "u" }] },
			{ type: "text", text: " " },
			{ type: "link", href: "a", children: [{ type: "text", text: "v" }] },
		]);
		expect(parseInline("[w](a (b)")).toEqual([{ type: "text", text: "[w](a (b)" }]);
		expect(parseInline("[a \\] b](x) [c [d]](y)")).toEqual([
			{ type: "link", href: "x", children: [{ type: "text", text: "a ] b" }] },
			{ type: "text", text: " [c [d]](y)" },
		]);
	});

	it("closes emphasis at a delimiter that follows neither a space nor a backslash", () => {
		expect(parseInline("*a *b* c* **x ** y** _a\\_ b_")).toEqual([
			{ type: "em", children: [{ type: "text", text: "a *b" }] },
			{ type: "text", text: " c* " },
			{ type: "strong", children: [{ type: "text", text: "x ** y" }] },
			{ type: "text", text: " " },
			{ type: "em", children: [{ type: "text", text: "a_ b" }] },
		]);
		expect(parseInline("*a *b")).toEqual([{ type: "text", text: "*a *b" }]);
		expect(parseInline("\\`a` \\[x](y) \\*z*")).toEqual([{ type: "text", text: "`a` [x](y) *z*" }]);
	});

	it("gives plain text for filtering", () => {
		expect(plainText(parseInline("读 **Go 1.21** 的 [notes](https://go.dev)"))).toBe("读 Go 1.21 的 notes");
	});
});
