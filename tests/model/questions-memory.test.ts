/** @jest-environment node */
import { findQuestions } from "../../src/model/questions";
import { splitLines } from "../../src/model/text";
import { heapHeldBy } from "../support/memory";

/**
 * The questions of a note are kept long after its text is let go. A line split from the text, and
 * any piece cut from it, may be a view into the whole text: a question must hold a copy of its own.
 */
describe("memory held by questions", () => {
	it("keeps no note's text alive", () => {
		const notes = 20;
		const { kept, bytes } = heapHeldBy(() => {
			const found: unknown[] = [];
			for (let note = 0; note < notes; note++) {
				// About 3 MB of text each, with a callout, a question and a question found by its words.
				const text = `> [!question] 调度器在 ${note} 年改了什么\n\n为什么 goroutine 会泄露，这个问题到底怎么排查？\nHow does the scheduler pick the next goroutine\n${"填充的文字，没有问题的一行。\n".repeat(100_000)}`;
				found.push(findQuestions(splitLines(text), { skipped: new Uint8Array(100_004), headingLines: new Set(), listItems: new Map() }));
			}
			return found;
		});
		expect(kept.flat()).toHaveLength(3 * notes);
		// Twenty texts held alive would be some 60 MB.
		expect(bytes).toBeLessThan(10 * 2 ** 20);
	});
});
