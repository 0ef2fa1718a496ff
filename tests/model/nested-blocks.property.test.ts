/** @jest-environment node */
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { LINE_HTML, LINE_HTML_START, LINE_SKIPPED } from "../../src/model/comments";
import { markNestedBlocks } from "../../src/model/nested-blocks";
import { buildMetadata } from "../../sandbox/metadata-builder";
import { noteOf } from "../support/read-note";

/**
 * Code and HTML comment blocks inside containers, held to CommonMark as markdown-it reads it (the
 * parser the in-memory Obsidian builds its metadata with): over notes made of lines that open and
 * close quotes, list items, fences, indented code and comments in every order.
 */
const markdown = new MarkdownIt("default", { html: true });
const QUESTION = "为什么会这样？";
const LINK = "https://x.com/a.pdf";
const PREFIXES = ["- > ", "-\t", "1)  ", "> > ", "", "  ", "   ", "> ", "- ", "    ", "\t", "> - ", "1. ", "      ", ">     ", "-     ", "  > "];
const LINES = ["===", "  --", "> =", "<div>", "</div>", "- <div>", "  <pre>", "</pre>", "<span>", "> <div>", "<?x", "?>", "```", "~~~", "````", "  ```", "   ~~~", "> ```", ">```", "- a", "  - b", "1. c", "2. d", "> q", "    indented", "\tindented", "", "", "para", "# h", "---", "> [!note]", "- ```", "1. ```", "  ~~~~", "      x", "<!--", "  <!--", "> <!--", "-->", "  -->", "- <!--", "***", "-", "> - [ ] task", "\t- x", ">\t```", "1) x", "10. x", "*   x", "+ x", "> > x", ">>", "    - nested", "~~~ info", "``` a`b", " > ```", "- > ```", "   - ```", "* * *", "- - -", "<!-- c -->", "x -->", "-\t```", "  \t~~~", "> \tcode", "1.     code", "  1. x", "    ```", "2) ```"];

const line = fc.oneof(
	{ weight: 3, arbitrary: fc.constantFrom(...LINES) },
	{ weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(QUESTION, LINK)).map(([prefix, text]) => prefix + text) },
);
const note = fc.array(line, { minLength: 1, maxLength: 14 }).map((body) => `${["#gopherchina", "", ...body].join("\n")}\n`);

/** The lines markdown-it reads as code or as an HTML comment block, nested in a container or not. */
function blocksOf(text: string): { code: Set<number>; comments: Set<number>; nested: Set<number> } {
	const code = new Set<number>();
	const comments = new Set<number>();
	const nested = new Set<number>();
	for (const token of markdown.parse(text, {})) {
		if (token.map === null) {
			continue;
		}
		const into = token.type === "fence" || token.type === "code_block" ? code : token.type === "html_block" && token.content.trimStart().startsWith("<!--") ? comments : null;
		for (let at = token.map[0]; into !== null && at < token.map[1]; at++) {
			into.add(at);
			if (token.level > 0) {
				nested.add(at);
			}
		}
	}
	return { code, comments, nested };
}

describe("nested code and comment blocks, against markdown-it", () => {
	it("marks exactly the code and comment lines markdown-it finds inside containers", () => {
		fc.assert(
			fc.property(note, (text) => {
				const lines = text.split("\n");
				const cache = buildMetadata(text);
				const marks = new Uint8Array(lines.length);
				const sections = (cache.sections ?? []).filter((section) => ["list", "blockquote", "callout"].includes(section.type));
				for (const section of sections) {
					markNestedBlocks(lines, section.position.start.line, section.position.end.line, marks);
				}
				const inSections = (at: number): boolean => sections.some((section) => section.position.start.line <= at && at <= section.position.end.line);
				const { code, comments, nested } = blocksOf(text);
				for (let at = 0; at < lines.length; at++) {
					const blank = (lines[at] ?? "").replace(/^[\t >]*/, "") === "";
					const expected = !inSections(at) || !nested.has(at) ? 0 : code.has(at) ? LINE_SKIPPED : comments.has(at) ? LINE_HTML : 0;
					const actual = marks[at] === LINE_HTML_START ? LINE_HTML : (marks[at] as number);
					// A blank line inside code or a comment holds nothing either way.
					if (!blank && actual !== expected) {
						throw new Error(`line ${at}: marked ${actual}, markdown-it ${expected}`);
					}
				}
			}),
			{ numRuns: 3000, seed: 3 },
		);
	});

	it("reports no question or PDF link on a line markdown-it reads as code or a comment", () => {
		fc.assert(
			fc.property(note, (text) => {
				const cache = buildMetadata(text);
				const record = noteOf(text, cache);
				const { code, comments } = blocksOf(text);
				const wrong = [...record.questions.map((question) => question.line), ...record.sessions.map((ref) => ref.line)].filter((at) => code.has(at) || comments.has(at));
				expect(wrong).toEqual([]);
			}),
			{ numRuns: 3000, seed: 5 },
		);
	});
});
