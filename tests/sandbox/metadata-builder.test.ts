import type { CachedMetadata } from "obsidian";
import { maskInline } from "../../sandbox/inline-mask";
import { buildMetadata } from "../../sandbox/metadata-builder";

const tagsOf = (cache: CachedMetadata): Array<[string, number, number]> =>
	(cache.tags ?? []).map((tag) => [tag.tag, tag.position.start.line, tag.position.start.col]);
const linksOf = (cache: CachedMetadata): string[] => (cache.links ?? []).map((link) => link.link);

describe("the metadata builder reads no tag or link in an HTML comment, as Obsidian", () => {
	it("ignores tags and links in an inline HTML comment, and reads what follows it on the line", () => {
		const cache = buildMetadata("- [ ] #task text <!-- #hidden [[hidden]] [md](hidden.md) --> more #shown [[shown]]\n");
		expect(tagsOf(cache)).toEqual([["#task", 0, 6], ["#shown", 0, 66]]);
		expect(linksOf(cache)).toEqual(["shown"]);
		expect(cache.listItems?.map((item) => item.task)).toEqual([" "]);
	});

	it("ignores several comments on one line and one that runs over the lines of a paragraph", () => {
		const cache = buildMetadata("a <!-- #one --> #two <!-- #three --> #four\n\nb <!-- starts\n#inside [[inside]]\nends --> #after\n");
		expect(tagsOf(cache)).toEqual([["#two", 0, 16], ["#four", 0, 37], ["#after", 4, 9]]);
		expect(linksOf(cache)).toEqual([]);
	});

	it("reads an unclosed <!-- inside a paragraph as text, as CommonMark does", () => {
		const cache = buildMetadata("a <!-- never closed #tag [[link]]\n\n#next\n");
		expect(tagsOf(cache).map(([tag]) => tag)).toEqual(["#tag", "#next"]);
		expect(linksOf(cache)).toEqual(["link"]);
	});

	it("reads a comment closed in a later paragraph as text: a comment does not cross blocks", () => {
		const cache = buildMetadata("a <!-- #one\n\n#two --> #three\n");
		expect(tagsOf(cache).map(([tag]) => tag)).toEqual(["#one", "#two", "#three"]);
	});

	it("knows the empty comments <!--> and <!--->", () => {
		const cache = buildMetadata("a <!--> #one <!---> #two\n");
		expect(tagsOf(cache).map(([tag]) => tag)).toEqual(["#one", "#two"]);
	});

	it("treats comment markers in inline code as code", () => {
		const cache = buildMetadata("a `<!--` #one `-->` and `#code` #two\n");
		expect(tagsOf(cache).map(([tag]) => tag)).toEqual(["#one", "#two"]);
	});

	it("reads nothing in an HTML comment block, which is an html section", () => {
		const cache = buildMetadata("#top\n\n<!--\n- [ ] #task [[link]]\n-->\n\n<!-- unclosed\n#tag\n\n#more\n");
		expect(tagsOf(cache).map(([tag]) => tag)).toEqual(["#top"]);
		expect(cache.listItems).toBeUndefined();
		expect(cache.links).toBeUndefined();
		expect(cache.sections?.map((section) => [section.type, section.position.start.line, section.position.end.line])).toEqual([
			["paragraph", 0, 0],
			["html", 2, 4],
			["html", 6, 9],
		]);
	});

	it("still reads tags and links in %% comments, as the app does", () => {
		const cache = buildMetadata("- [ ] #task %% #in-comment [[in comment]] %% after\n\n%%\n#block [[block]]\n%%\n");
		expect(tagsOf(cache).map(([tag]) => tag)).toEqual(["#task", "#in-comment", "#block"]);
		expect(linksOf(cache)).toEqual(["in comment", "block"]);
	});

	it("masks a line of 100,000 characters of `<!--` or backticks in linear time", () => {
		const timeFor = (unit: string, length: number): number => {
			const line = unit.repeat(Math.ceil(length / unit.length));
			const start = performance.now();
			maskInline([line]);
			return performance.now() - start;
		};
		for (const unit of ["<!--", "`", "` ``", "<!-- `", "<!-- -- ->"]) {
			timeFor(unit, 10_000);
			// Ten times the length may cost ten times the time, with room for noise; not a hundred times.
			expect(timeFor(unit, 100_000)).toBeLessThan(Math.max(250, timeFor(unit, 10_000) * 40));
		}
		expect(buildMetadata(`a ${"<!--".repeat(25_000)} #tag\n`).tags?.map((tag) => tag.tag)).toEqual(["#tag"]);
	});
});

describe("%% in code", () => {
	it("opens no comment block inside a fenced code block", () => {
		const cache = buildMetadata("```\n%%\n```\n- [ ] #task\n\n~~~~\n%%\n~~~\n~~~~\n- [ ] #two\n");
		expect(cache.sections?.map((section) => [section.type, section.position.start.line, section.position.end.line])).toEqual([
			["code", 0, 2],
			["list", 3, 3],
			["code", 5, 8],
			["list", 9, 9],
		]);
		expect(tagsOf(cache).map(([tag]) => tag)).toEqual(["#task", "#two"]);
	});
});

describe("tags after an escaped character", () => {
	it("reads #Escaped in \\[\\[#Escaped Links\\]\\] as a tag, and no link", () => {
		const cache = buildMetadata("- [ ] #task Task with \\[\\[#Escaped Links\\]\\] escaped link\n");
		expect(tagsOf(cache)).toEqual([["#task", 0, 6], ["#Escaped", 0, 26]]);
		expect(cache.links).toBeUndefined();
	});

	it("reads no tag in an escaped hash, a heading link or after a plain bracket", () => {
		const cache = buildMetadata("a \\#not [[#heading]] [#no](x.md) x#no \\\\\\#not\n");
		expect(cache.tags).toBeUndefined();
	});
});
