/** @jest-environment node */
import { parseNote } from "../../src/model/note-parser";
import { buildMetadata } from "../../sandbox/metadata-builder";
import { heapHeldBy } from "../support/memory";

/**
 * A note's study items are kept long after its text is let go, as one string of their lines. That
 * string must be a copy: a line cut from the text is a view into the whole text, and so is the
 * result of joining a single line.
 */
describe("memory held by study items", () => {
	// The first parse of a long note also compiles the parser and makes its one-off tables (about
	// 2 MiB): done here, so that what is measured is what the notes hold.
	beforeAll(() => {
		const filler = "填充的文字，没有任务的一行。\n".repeat(20_000);
		const text = `#gopherchina\n\n${filler}\n- [ ] 调度器在这一年改了什么\n    - [x] 读完 runtime/proc.go\n\n${filler}`;
		const record = parseNote({ path: "warm.md", text, cache: buildMetadata(text), tags: ["#gopherchina"], trackedTags: ["gopherchina"], resolveLink: () => null, confirmed: true });
		void record.sessions;
		void record.questions;
		void record.studyItems;
	});

	it.each([
		["one item", ["- [ ] 调度器在这一年改了什么"]],
		["several items", ["- [ ] 调度器在这一年改了什么", "    - [x] 读完 runtime/proc.go", "- [/] 写一篇笔记"]],
	])("keeps no note's text alive (%s)", (_name, items) => {
		const notes = 10;
		let lines = 0;
		const { kept, bytes } = heapHeldBy(() => {
			const records: unknown[] = [];
			for (let note = 0; note < notes; note++) {
				// About 1.2 MB of text each around the items.
				const filler = "填充的文字，没有任务的一行。\n".repeat(20_000);
				const text = `#gopherchina\n\n${filler}\n${items.map((item) => `${item} ${note}`).join("\n")}\n\n${filler}`;
				lines += text.split("\n").length;
				const record = parseNote({ path: `note-${note}.md`, text, cache: buildMetadata(text), tags: ["#gopherchina"], trackedTags: ["gopherchina"], resolveLink: () => null, confirmed: true });
				// Everything parsed: the note lets its text go.
				void record.sessions;
				void record.questions;
				records.push(record, record.studyItems.map((item) => item.lineText));
			}
			return records;
		});
		expect(kept).toHaveLength(2 * notes);
		// What is kept is each note's version, 8 bytes a line (some 3 MiB for these 400,000 lines), and
		// little else; one text held alive would be 2.3 MiB more (1.2 million UTF-16 units), ten 23 MiB.
		expect(bytes).toBeLessThan(8 * lines + 2 * 2 ** 20);
	});
});
