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

	it("gives plain text for filtering", () => {
		expect(plainText(parseInline("读 **Go 1.21** 的 [notes](https://go.dev)"))).toBe("读 Go 1.21 的 notes");
	});
});
