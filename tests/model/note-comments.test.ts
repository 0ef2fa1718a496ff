/** @jest-environment node */
import { parseNote } from "../../src/model/note-parser";
import { buildMetadata } from "../../sandbox/metadata-builder";

/** A note parsed as the index parses it, over the metadata the runtime builds for it. */
function parse(text: string): ReturnType<typeof parseNote> {
	return parseNote({ path: "n.md", text, cache: buildMetadata(text), tags: ["#gopherchina"], trackedTags: ["gopherchina"], resolveLink: () => null });
}

const pdf = (name: string): string => `https://x.org/2023/${name}.pdf`;
const talks = (text: string): string[] => parse(text).sessions.map((ref) => ref.fileName.replace(/\.pdf$/, ""));
const questions = (text: string): string[] => parse(text).questions.map((question) => question.text);

describe("talks in comments are not talks", () => {
	it("skips links in an inline %% comment, however many on a line", () => {
		expect(talks(`text %% [x](${pdf("x")}) %% more [b](${pdf("b")})`)).toEqual(["b"]);
		expect(talks(`[a](${pdf("a")}) %% ${pdf("x")} %% [b](${pdf("b")}) %%[y](${pdf("y")})%% <${pdf("c")}>`)).toEqual(["a", "b", "c"]);
	});

	it("skips a %% block over lines, and everything after an unclosed %%", () => {
		expect(talks(`%%\n- [x](${pdf("x")})\n%%\n- [a](${pdf("a")})`)).toEqual(["a"]);
		expect(talks(`- [a](${pdf("a")})\n\n%%\n- [x](${pdf("x")})\n\n- [y](${pdf("y")})`)).toEqual(["a"]);
		expect(talks(`- [a](${pdf("a")}) %% from here\n\n- [x](${pdf("x")})`)).toEqual(["a"]);
		expect(talks(`a %% starts\n- [x](${pdf("x")})\nends %% [b](${pdf("b")})`)).toEqual(["b"]);
	});

	it("skips <!-- --> inline and as a block, also unclosed to the end of the note", () => {
		expect(talks(`- [a](${pdf("a")}) <!-- [x](${pdf("x")}) --> [b](${pdf("b")})`)).toEqual(["a", "b"]);
		expect(talks(`<!--\n- [x](${pdf("x")})\n-->\n- [a](${pdf("a")})`)).toEqual(["a"]);
		expect(talks(`- [a](${pdf("a")})\n\n<!-- old list\n- [x](${pdf("x")})\n\n- [y](${pdf("y")})`)).toEqual(["a"]);
	});

	it("reads the link after an unclosed <!-- in a line of text, which Obsidian shows", () => {
		expect(talks(`see <!-- [a](${pdf("a")})`)).toEqual(["a"]);
	});

	// An inline `<!--` never closed in its own block is text (CommonMark): it hides nothing in the next
	// block, whichever kind of block that is.
	it.each([
		["the paragraph below a heading", (link: string) => `## Runtime <!-- draft\nWhy does the GC pause?\n${link} -->`],
		["a quote below a paragraph", (link: string) => `Flow: A <!-- B\n> Why does the GC pause?\n> ${link}\n> C --> D`],
		["a thematic break", (link: string) => `Draft <!-- one\n***\nWhy does the GC pause?\n${link} -->`],
		["a quote below a list item", (link: string) => `- x <!-- y\n> Why does the GC pause? <!-- note -->\n> ${link}`],
	])("reads on past an unclosed inline <!-- into %s", (_name, note) => {
		expect(talks(note(`[a](${pdf("a")})`))).toEqual(["a"]);
		expect(questions(note(`[a](${pdf("a")})`))).toContain("Why does the GC pause?");
	});

	it("reads a continuation line that only looks like an item (`2023. <!--`) as text", () => {
		expect(questions("Some text\n2023. <!-- x\nWhy does the GC pause?")).toEqual(["Why does the GC pause?"]);
	});

	it("skips comments in list items, callouts and quotes", () => {
		expect(talks(`- [a](${pdf("a")})\n  - note %% [x](${pdf("x")}) %%`)).toEqual(["a"]);
		expect(talks(`> [!note] Talks\n> [a](${pdf("a")}) <!-- [x](${pdf("x")}) -->\n> %%\n> [y](${pdf("y")})\n> %%`)).toEqual(["a"]);
		expect(talks(`> quoted %% ${pdf("x")} %% ${pdf("a")}`)).toEqual(["a"]);
	});

	it("skips internal links and embeds that the metadata lists inside %% comments", () => {
		const text = "- [[1.1.1 A.pdf]] %% [[1.1.2 X.pdf]] ![[1.1.3 Y.pdf]] %%\n\n%%\n[[1.1.4 Z.pdf]]\n%%\n";
		expect(buildMetadata(text).links?.map((link) => link.link)).toEqual(["1.1.1 A.pdf", "1.1.2 X.pdf", "1.1.4 Z.pdf"]);
		expect(talks(text)).toEqual(["1.1.1 A"]);
	});

	it("reads comment markers in code as code: they open nothing", () => {
		expect(talks(`\`%%\` [a](${pdf("a")}) \`<!--\` [b](${pdf("b")})`)).toEqual(["a", "b"]);
		expect(talks(`\`\`\`\n%%\n<!--\n\`\`\`\n- [a](${pdf("a")})`)).toEqual(["a"]);
		expect(talks(`\`%% ${pdf("x")} %%\``)).toEqual([]);
	});

	it("keeps PDF links in properties, whatever the body comments out", () => {
		const text = `---\ntitle: 100%% sure\npdf: ${pdf("1.2.1 P")}\nslides: "[[1.2.2 Q.pdf]]"\n---\n%%\n[x](${pdf("x")})\n`;
		expect(talks(text)).toEqual(["1.2.1 P", "1.2.2 Q"]);
	});

	it("drops a comment out of a talk's title", () => {
		expect(parse(`- [1.1.1 Go %% draft %% 语言](${pdf("a")})`).sessions.map((ref) => ref.title)).toEqual(["Go 语言"]);
	});
});

describe("a heading in a comment names no talk", () => {
	it("leaves study items below it with the talk of the heading Obsidian sees", () => {
		const text = `## [1.1.1 A](${pdf("1.1.1%20A")})\n\n%%\n## 1.2.1 Old\n%%\n- [ ] study\n`;
		const note = parse(text);
		expect(note.sessions).toHaveLength(1);
		expect(note.studyItems.map((item) => item.sessionKey)).toEqual([note.sessions[0]?.key]);
	});
});

describe("questions in comments are not questions", () => {
	it("skips questions in inline and block comments of both kinds", () => {
		expect(questions("%% Why? %%\n<!-- How? -->\n\n%%\n- What?\n%%\n\n<!--\n- When?\n-->\n- Really?")).toEqual(["Really?"]);
	});

	it("reads a question around a comment without the comment", () => {
		expect(questions("- Why %% not now %% is it so?\n- Is it? <!-- yes -->")).toEqual(["Why is it so?", "Is it?"]);
	});

	it("skips a question callout in a comment and a commented question title", () => {
		expect(questions("%%\n> [!question] Hidden?\n%%\n\n> [!question] %% old? %%\n> New?")).toEqual(["New?"]);
	});

	it("skips everything after an unclosed %%", () => {
		expect(questions("- Shown?\n%% from here\n- Hidden?")).toEqual(["Shown?"]);
	});
});
