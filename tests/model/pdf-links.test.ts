/** @jest-environment node */
import { downloadUrl, findPdfUrls, isWebUrl, remoteFileName, remoteFolders, remotePdfKey } from "../../src/model/pdf-links";
import { isPdfTarget, maskInlineCode, safeDecode } from "../../src/model/text";

const BLOB = "https://github.com/gopherchina/conference/blob/master/2023/1.1.1%20Go%20%26%20Rust.pdf";

describe("PDF links in a line of text", () => {
	it("finds markdown links, with titles and <…> targets", () => {
		expect(findPdfUrls(`- [1.1.1 A](${BLOB})`)).toEqual([{ text: "1.1.1 A", url: BLOB, column: 2 }]);
		expect(findPdfUrls(`[t](${BLOB} "a title")`)).toEqual([{ text: "t", url: BLOB, column: 0 }]);
		expect(findPdfUrls("[t](<https://x.org/a b.pdf>)")).toEqual([{ text: "t", url: "https://x.org/a b.pdf", column: 0 }]);
	});

	it("finds autolinks and bare URLs, without trailing punctuation", () => {
		expect(findPdfUrls(`see <${BLOB}>`)).toEqual([{ text: null, url: BLOB, column: 4 }]);
		expect(findPdfUrls(`see ${BLOB}.`)).toEqual([{ text: null, url: BLOB, column: 4 }]);
		expect(findPdfUrls(`见${BLOB}。`)).toEqual([{ text: null, url: BLOB, column: 1 }]);
	});

	it("takes an address written as a link's text for text: only the target is a link", () => {
		expect(findPdfUrls("[https://x.org/old/1.1.1-Foo.pdf](https://x.org/new/1.1.1-Foo.pdf)")).toEqual([{ text: "https://x.org/old/1.1.1-Foo.pdf", url: "https://x.org/new/1.1.1-Foo.pdf", column: 0 }]);
		expect(findPdfUrls("see [[a] https://x.org/old.pdf](https://x.org/new.pdf)")).toEqual([{ text: "[a] https://x.org/old.pdf", url: "https://x.org/new.pdf", column: 4 }]);
		expect(findPdfUrls("[slides https://x.org/old.pdf of 1.1.1](https://x.org/new.pdf)")).toEqual([{ text: "slides https://x.org/old.pdf of 1.1.1", url: "https://x.org/new.pdf", column: 0 }]);
		// Brackets that make no link, or may make none, leave the address an address.
		for (const after of ["](x y z)", "](notes (draft)", "](<x)", " \\](x)"]) {
			expect(findPdfUrls(`[see https://x.org/a.pdf${after}`).map((link) => link.url)).toContain("https://x.org/a.pdf");
		}
		expect(findPdfUrls("[note https://x.org/a.pdf] and (b)")).toEqual([{ text: null, url: "https://x.org/a.pdf", column: 6 }]);
		// A bare address followed by `](` with no `[` before it, or by `](` that no `)` closes, is an address.
		expect(findPdfUrls("https://x.org/a.pdf](b)")).toEqual([{ text: null, url: "https://x.org/a.pdf", column: 0 }]);
		expect(findPdfUrls("- 讲稿 [https://x.org/1.1.1-Foo.pdf]( 见附件")).toEqual([{ text: null, url: "https://x.org/1.1.1-Foo.pdf", column: 6 }]);
	});

	it("reads `<…>` with a space in it as no autolink: the address ends at the space", () => {
		expect(findPdfUrls("<https://x.org/1.1.1 Foo.pdf>")).toEqual([]);
		expect(findPdfUrls("<https://x.org/a.pdf and more")).toEqual([{ text: null, url: "https://x.org/a.pdf", column: 1 }]);
	});

	it("counts a markdown link once, not again as a bare URL", () => {
		expect(findPdfUrls(`[a](${BLOB}) and [b](https://x.org/b.pdf)`)).toHaveLength(2);
	});

	it("ignores links that are not PDFs and schemes other than http(s)", () => {
		expect(findPdfUrls("[a](https://x.org/a.html) https://x.org/b.pdf.html")).toEqual([]);
		expect(findPdfUrls("[a](javascript:alert(1)//x.pdf) [b](file:///etc/x.pdf) data:application/pdf,x.pdf")).toEqual([]);
		expect(isWebUrl("javascript:alert(1)")).toBe(false);
		expect(isWebUrl("HTTPS://x.org")).toBe(true);
	});

	it("treats a path ending in .pdf in any case, after query and fragment, as a PDF", () => {
		expect(isPdfTarget("a/B.PDF?raw=true")).toBe(true);
		expect(isPdfTarget("a/b.pdf#page=3")).toBe(true);
		expect(isPdfTarget("a/b.pdfx")).toBe(false);
		expect(isPdfTarget("a?x=b.pdf")).toBe(false);
	});

	it("finds the link text across nested and escaped brackets, and the `!` of an embed", () => {
		expect(findPdfUrls("[a [b] c](http://x/a.pdf)")).toEqual([{ text: "a [b] c", url: "http://x/a.pdf", column: 0 }]);
		expect(findPdfUrls("[a \\] b](http://x/a.pdf)")).toEqual([{ text: "a \\] b", url: "http://x/a.pdf", column: 0 }]);
		expect(findPdfUrls("[[a](http://x/a.pdf)")).toEqual([{ text: "a", url: "http://x/a.pdf", column: 1 }]);
		expect(findPdfUrls("see ![t](http://x/a.pdf) and ![u](<http://x/b c.pdf>)")).toEqual([
			{ text: "t", url: "http://x/a.pdf", column: 4 },
			{ text: "u", url: "http://x/b c.pdf", column: 29 },
		]);
	});

	it("keeps a link whose `[` is missing, without text, and still reads the next one", () => {
		expect(findPdfUrls("x](http://x/a.pdf) [b](http://x/b.pdf)")).toEqual([
			{ text: null, url: "http://x/a.pdf", column: 3 },
			{ text: "b", url: "http://x/b.pdf", column: 19 },
		]);
	});

	it("reads links whose `)` is missing, and ends a link at the `)` after its title", () => {
		expect(findPdfUrls("[a](http://x/a.pdf [b](http://x/b.pdf")).toEqual([
			{ text: "a", url: "http://x/a.pdf", column: 0 },
			{ text: "b", url: "http://x/b.pdf", column: 19 },
		]);
		expect(findPdfUrls("[a](<http://x/a.pdf> [b](<http://x/b.pdf>")).toEqual([
			{ text: "a", url: "http://x/a.pdf", column: 0 },
			{ text: "b", url: "http://x/b.pdf", column: 21 },
		]);
		expect(findPdfUrls('[a](http://x/a.pdf "t") (http://x/b.pdf)')).toEqual([
			{ text: "a", url: "http://x/a.pdf", column: 0 },
			{ text: null, url: "http://x/b.pdf", column: 25 },
		]);
	});

	it("drops every trailing punctuation mark of a bare URL, and a URL that is nothing but them", () => {
		expect(findPdfUrls("http://x/a.pdf.,;:!?")).toEqual([{ text: null, url: "http://x/a.pdf", column: 0 }]);
		expect(findPdfUrls("http://x/a.pdf。）")).toEqual([{ text: null, url: "http://x/a.pdf", column: 0 }]);
		expect(findPdfUrls("http://x/a.pdf)).")).toEqual([{ text: null, url: "http://x/a.pdf", column: 0 }]);
		expect(findPdfUrls("http://......")).toEqual([]);
	});

	it("keeps an apostrophe inside a bare URL, as GitHub's addresses keep it, and drops one that closes a quote", () => {
		const pragmas = "https://github.com/gopherchina/conference/blob/master/2017/2.4%20Go's%20Hidden%20Pragmas.pdf";
		expect(findPdfUrls(`see ${pragmas}.`)).toEqual([{ text: null, url: pragmas, column: 4 }]);
		expect(findPdfUrls("'http://x/a.pdf' and 'http://x/b.pdf'.")).toEqual([
			{ text: null, url: "http://x/a.pdf", column: 1 },
			{ text: null, url: "http://x/b.pdf", column: 22 },
		]);
	});

	it("skips inline code", () => {
		expect(findPdfUrls(maskInlineCode(`\`${BLOB}\` and \`\`x\`\``))).toEqual([]);
	});
});

describe("PDF identity", () => {
	it("gives GitHub's blob, raw, ?raw=true and raw.githubusercontent.com forms one key", () => {
		const forms = [
			BLOB,
			BLOB.replace("/blob/", "/raw/"),
			`${BLOB}?raw=true`,
			"https://raw.githubusercontent.com/gopherchina/conference/master/2023/1.1.1%20Go%20%26%20Rust.pdf",
			"https://github.com/GopherChina/Conference/blob/main/2023/1.1.1 Go & Rust.pdf",
		];
		expect(new Set(forms.map(remotePdfKey)).size).toBe(1);
	});

	it("keeps different files and different editions apart", () => {
		expect(remotePdfKey(BLOB)).not.toBe(remotePdfKey(BLOB.replace("/2023/", "/2023-shanghai/")));
		expect(remotePdfKey("https://x.org/a.pdf")).not.toBe(remotePdfKey("https://y.org/a.pdf"));
	});

	it("decodes file names and folders correctly: %26 is &, %2B is +, never a space", () => {
		expect(remoteFileName(BLOB)).toBe("1.1.1 Go & Rust.pdf");
		expect(remoteFileName("https://x.org/C%2B%2B+Go.pdf")).toBe("C+++Go.pdf");
		expect(remoteFolders(BLOB)).toEqual(["2023"]);
	});

	it("downloads GitHub pages from their raw address", () => {
		expect(downloadUrl(BLOB)).toBe("https://raw.githubusercontent.com/gopherchina/conference/master/2023/1.1.1%20Go%20%26%20Rust.pdf");
		expect(downloadUrl("https://x.org/a.pdf")).toBe("https://x.org/a.pdf");
	});
});

describe("percent-decoding", () => {
	it("decodes what is valid and keeps malformed escapes as written", () => {
		expect(safeDecode("a%20b%26c%2Bd")).toBe("a b&c+d");
		expect(safeDecode("%E0%A4%A bad %20 good")).toBe("%E0%A4%A bad   good");
		expect(safeDecode("100%")).toBe("100%");
		expect(safeDecode("%E5%A4%A7%ZZ")).toBe("大%ZZ");
	});
});
