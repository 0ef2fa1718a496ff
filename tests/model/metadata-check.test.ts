/** @jest-environment node */
import { metadataFitsText } from "../../src/model/metadata-check";
import { lineSpans } from "../../src/model/text-version";
import { NoteStore } from "../../src/index/note-store";
import { noteOf } from "../support/read-note";
import { normalizeTrackedTags } from "../../src/model/tags";
import { loadCaptures } from "../support/captures";
import { buildMetadata } from "../../sandbox/metadata-builder";

describe("whether a note's metadata is for its text", () => {
	it.each(loadCaptures().map((capture) => [capture.name, capture] as const))("real Obsidian's metadata fits its own text: %s", (_, capture) => {
		expect(metadataFitsText(capture.fileContents, lineSpans(capture.fileContents), capture.cachedMetadata)).toBe(true);
	});

	it.each([
		["a line added above the tasks", "# t\n- [ ] a\n- [ ] b\n", "# t\nnew\n- [ ] a\n- [ ] b\n"],
		["a task checked off in the editor", "# t\n- [ ] a\n", "# t\n- [x] a\n"],
		["a line that grew", "# t\nsome text\n- [ ] a\n", "# t\nsome more text\n- [ ] a\n"],
		["the note cut short", "# t\n- [ ] a\n- [ ] b\n", "# t\n"],
	])("an older parse does not fit after %s", (_, older, text) => {
		expect(metadataFitsText(text, lineSpans(text), buildMetadata(older))).toBe(false);
	});

	// Lines a quick look passes over must be read in full when they are not plain text.
	it.each([
		["an ideographic space line inside a paragraph", "a\n\u3000\nc", "a\nc"],
		["a fence line inside a paragraph", "a\nb\nc", "a\n```\nc"],
		["a heading line inside a list", "- a\n  b\n", "- a\n# b\n"],
	])("an older parse does not fit after %s", (_, older, text) => {
		expect(metadataFitsText(text, lineSpans(text), buildMetadata(older))).toBe(false);
	});

	it("does not trust a paragraph holding a line of nothing but no-break spaces (blank to some readers)", () => {
		const text = "a\n\u00a0\u00a0\nb";
		expect(metadataFitsText(text, lineSpans(text), buildMetadata(text))).toBe(false);
	});

	it.each([
		["a paragraph whose lines start with letters, Chinese and punctuation", "Go\n为什么\n(a)\n\u00a0x"],
		["a list item at the very end of the note", "- a\n-"],
		["a list item under forty quote and space characters", `${"> ".repeat(19)}- a`],
		["a numbered item of nine digits", "123456789. a"],
	])("metadata fits its own text: %s", (_, text) => {
		expect(metadataFitsText(text, lineSpans(text), buildMetadata(text))).toBe(true);
	});
});

describe("a note read beside metadata of an older text", () => {
	it("keeps the record that fits its text, and takes the new one when the cache hands it over", () => {
		const store = new NoteStore(() => null);
		store.tracked = normalizeTrackedTags(["gopherchina"]);
		const first = "#gopherchina\n- [ ] a\n";
		store.update("n.md", first, buildMetadata(first), true);
		const record = store.note("n.md");
		const newer = "#gopherchina\nnew line\n- [ ] a\n";
		store.update("n.md", newer, buildMetadata(first), false);
		expect(store.note("n.md")).toBe(record);
		store.update("n.md", newer, buildMetadata(newer), true);
		expect(store.note("n.md")?.studyItems[0]?.line).toBe(2);
	});

	// Lines grew and shrank by as much, so every offset the older metadata names still fits; but a
	// fence, comment or math block opened inside the first item now holds the second.
	it.each([
		["a fence", "  ````"],
		["a comment", "  %% x"],
		["a math block", "  $$ x"],
		["an HTML comment", "  <!-- x"],
	])("does not trust an item that %s opened inside a list item now holds", (_, opener) => {
		const store = new NoteStore(() => null);
		store.tracked = normalizeTrackedTags(["gopherchina"]);
		const older = "#gopherchina\n- [ ] a\n  one\n  two\n  - [ ] b\n";
		const lines = older.split("\n");
		lines[2] = opener;
		lines[3] = `  ${"t".repeat(older.split("\n")[2]!.length + older.split("\n")[3]!.length - opener.length - 2)}`;
		const text = lines.join("\n");
		expect(text.length).toBe(older.length);
		expect(metadataFitsText(text, lineSpans(text), buildMetadata(older))).toBe(true);
		store.update("n.md", text, buildMetadata(older), false);
		expect(store.note("n.md")?.version.confirmed).toBe(false);
	});

	// One line of the older text replaced by one of the same length that opens a block running over
	// the tasks below it, in this section or the next.
	it.each([
		["an HTML comment after a quoted item", "#gopherchina\n\n> - [ ] why\n  a b c d\n> - [ ] more\n", 3, "  <!--yyy", 4],
		["an HTML block after a quoted item, on into the next list", "#gopherchina\n\n> - [ ] more\n  为什么 为什么\n  - [ ] x\n", 3, "  <pre>yy", 4],
		["a comment in indented code", "#gopherchina\n\n> x\n\n    more x\n  beta\n> - [ ] gamma\n", 4, "    %%yyyy", 6],
	])("does not trust a task that %s now holds", (_, older, changed, replacement, task) => {
		const lines = older.split("\n");
		expect((lines[changed] as string).length).toBe(replacement.length);
		lines[changed] = replacement;
		const text = lines.join("\n");
		expect(buildMetadata(older).listItems?.some((item) => item.position.start.line === task)).toBe(true);
		expect((buildMetadata(text).listItems ?? []).some((item) => item.position.start.line === task && item.task !== undefined)).toBe(false);
		const note = noteOf(text, buildMetadata(older), false);
		expect(note.version.confirmed).toBe(false);
	});

	// A section whose end changed: a fence or comment no longer closed where the older parse ended it,
	// a single line that now opens a block, a quote that is now a list.
	it.each([
		["indented code now an unclosed fence", "#gopherchina\n\n    aaa\n\n- [ ] t\n", "#gopherchina\n\n```    \n\n- [ ] t\n"],
		["a fence no longer closed", "#gopherchina\n\n```\nx\n```\n\n- [ ] t\n", "#gopherchina\n\n```\nx\nxxx\n\n- [ ] t\n"],
		["a comment no longer closed", "#gopherchina\n\n%%\nx\n%%\n\n- [ ] t\n", "#gopherchina\n\n%%\nx\nxx\n\n- [ ] t\n"],
		["a div now an HTML comment", "#gopherchina\n\n<div>\n\n- [ ] t\n", "#gopherchina\n\n<!--x\n\n- [ ] t\n"],
		["a div now a pre", "#gopherchina\n\n<div>\n\n- [ ] t\n", "#gopherchina\n\n<pre>\n\n- [ ] t\n"],
		["a quote now a list item with a fence", "#gopherchina\n\n> qqqqqq\n  - [ ] t\n", "#gopherchina\n\n- ``````\n  - [ ] t\n"],
		["a heading that ends the list, its nested item now indented code", "#gopherchina\n\n  - [ ] beta\n  gamma delta text\n    - [ ] t\n", "#gopherchina\n\n  - [ ] beta\n  # yyyyyyyyyyyyyy\n    - [ ] t\n"],
	])("does not trust a task after %s", (_, older, text) => {
		expect(text.length).toBe(older.length);
		const note = noteOf(text, buildMetadata(older), false);
		expect(note.version.confirmed).toBe(false);
	});

	it.each([
		["indented code with `%%` inside a line", "#gopherchina\n\n    fmt.Printf(\"%d%%\", n)\n\n- [ ] b\n"],
		["an unclosed inline `%%` on a task above", "#gopherchina\n\n- [ ] a %%\n- [ ] b\n"],
		["an unclosed inline `%%` in a paragraph above", "#gopherchina\n\nRate 5%% now\n\n- [ ] b\n"],
		["a comment closed on its line inside a list", "#gopherchina\n\n- [ ] a\n  %% note %%\n- [ ] b\n"],
		["a `%%` line in fenced code in a list item", "#gopherchina\n\n- [ ] a\n  ```matlab\n  %% cell\n  ```\n"],
		["a `%%` line in fenced code in a quote", "#gopherchina\n\n> ```\n> %% cell\n> ```\n\n- [ ] b\n"],
		["a comment block in a callout", "#gopherchina\n\n> [!note]\n> %%\n> hidden\n> %%\n\n- [ ] a\n"],
		["an unclosed fence at the end, then a blank line", "#gopherchina\n\n- [ ] a\n\n```go\nx := 1\n\n"],
		["an unclosed fence at the end, then spaces", "#gopherchina\n\n- [ ] a\n\n```go\nx := 1\n  "],
		["an unclosed HTML comment at the end, then a blank line", "#gopherchina\n\n- [ ] a\n\n<!-- draft\n\n"],
		["an unclosed pre at the end, with CRLF", "#gopherchina\r\n\r\n- [ ] a\r\n\r\n<pre>\r\nx\r\n\r\n"],
		["tab-indented code holding a fence line", "#gopherchina\n\n\tcode\n\t```\n\n- [ ] a\n"],
		["`<!-->` alone on its line", "#gopherchina\n\n<!-->\n\n- [ ] a\n"],
	])("trusts a note read beside its own metadata: %s", (_, text) => {
		const note = noteOf(text, buildMetadata(text), false);
		expect(note.version.confirmed).toBe(true);
	});

	it("trusts a note whose own list holds a fence, a comment and math, read beside its own metadata", () => {
		const store = new NoteStore(() => null);
		store.tracked = normalizeTrackedTags(["gopherchina"]);
		const text = "#gopherchina\n- [ ] a\n  ```\n  - [ ] not a task\n  ```\n  %% hidden\n  - [ ] no task %%\n  $$\n  x\n  $$\n  - [ ] b\n";
		store.update("n.md", text, buildMetadata(text), false);
		expect(store.note("n.md")?.studyItems.map((item) => item.text)).toEqual(["a", "b"]);
		expect(store.note("n.md")?.version.confirmed).toBe(true);
	});

	it.each(loadCaptures().map((capture) => [capture.name, capture] as const))("trusts real Obsidian's metadata read beside its own text: %s", (_, capture) => {
		const note = noteOf(capture.fileContents, capture.cachedMetadata, false);
		expect(note.version.confirmed).toBe(true);
	});

	it("shows a note it has no record of yet, but marks its text unconfirmed so nothing is written from it", () => {
		const store = new NoteStore(() => null);
		store.tracked = normalizeTrackedTags(["gopherchina"]);
		const newer = "#gopherchina\nnew line\n- [ ] a\n";
		store.update("n.md", newer, buildMetadata("#gopherchina\n- [ ] a\n"), false);
		expect(store.note("n.md")?.version.confirmed).toBe(false);
		// A later read from disk never replaces a record, even when it fits; the cache's event does.
		store.update("n.md", newer, buildMetadata(newer), false);
		expect(store.note("n.md")?.version.confirmed).toBe(false);
		store.update("n.md", newer, buildMetadata(newer), true);
		expect(store.note("n.md")?.version.confirmed).toBe(true);
	});
});
