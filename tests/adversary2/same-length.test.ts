/** @jest-environment node */
/**
 * Start-up reads a note from disk beside metadata that may be an older parse. An edit that keeps every
 * line's length keeps every offset the older metadata names, so `metadataFitsText` alone cannot see
 * it; one line turned into a block opener (a fence, a comment, math, HTML, a quote, a heading, a
 * thematic break) can still make the tasks below it no tasks. Whatever the note shows then, no write
 * may land on a line that is no task in the note's text.
 */
import { setTaskStatus } from "../../src/model/checkoff";
import { noteOf } from "../support/read-note";
import { buildMetadata } from "../../sandbox/metadata-builder";
import { taskMap } from "../adversary/lib";

function generator(start: number): () => number {
	let seed = start;
	return () => {
		seed = (seed * 1103515245 + 12345) & 0x7fffffff;
		return seed / 0x7fffffff;
	};
}

const WORDS = ["alpha", "beta", "为什么", "gamma delta", "x", "text here", "more"];
const LEADS = ["", "", "  ", "    ", "> ", ">   "];
const OPENERS = ["```", "~~~", "%%", "$$", "<!--", "<div>", "<pre>", "***", "---", "> ", "# ", "- ", "    "];
const BLOCKS: ReadonlyArray<[string, string]> = [["```", "```"], ["~~~~", "~~~~"], ["%%", "%%"], ["$$", "$$"], ["<!--", "-->"], ["<pre>", "</pre>"], ["<div>", "</div>"]];

describe("metadata of an older text, every line's length kept", () => {
	it("never lets a write land on a line that is no task (6,000 pairs)", () => {
		const random = generator(20261127);
		const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
		let pairs = 0;
		let trusted = 0;
		const wrong: string[] = [];
		while (pairs < 6000) {
			const lines = ["#gopherchina", ""];
			const count = 3 + Math.floor(random() * 8);
			for (let i = 0; i < count; i++) {
				const lead = pick(LEADS);
				const kind = random();
				if (kind < 0.08) {
					// A closed block of its own: the edit may reopen it or close it elsewhere.
					const [open, close] = pick(BLOCKS);
					lines.push(`${lead}${open}`, `${lead}${pick(WORDS)}`, `${lead}${close}`);
					continue;
				}
				lines.push(kind < 0.5 ? `${lead}- [ ] ${pick(WORDS)}` : kind < 0.8 ? `${lead}  ${pick(WORDS)} ${pick(WORDS)}` : kind < 0.9 ? "" : `${lead}${pick(WORDS)} ${pick(WORDS)}`);
			}
			const older = `${lines.join("\n")}\n`;
			const changed = 2 + Math.floor(random() * (lines.length - 2));
			const line = lines[changed] as string;
			const lead = /^[\t >]*/.exec(line)?.[0] ?? "";
			// Into a block opener, or (a block's own line) into plain text.
			const opener = random() < 0.8 ? pick(OPENERS) : "z";
			if (line.length - lead.length < opener.length) {
				continue;
			}
			lines[changed] = lead + opener + "y".repeat(line.length - lead.length - opener.length);
			const text = `${lines.join("\n")}\n`;
			if (text === older) {
				continue;
			}
			pairs++;
			const note = noteOf(text, buildMetadata(older), false);
			if (!note.version.confirmed) {
				continue;
			}
			trusted++;
			const tasks = taskMap(text);
			for (const item of note.studyItems) {
				const result = setTaskStatus(text, { line: item.line, lineText: item.lineText, version: item.version }, "x");
				if (result.ok && !tasks.has(item.line)) {
					wrong.push(`${JSON.stringify(older)} → ${JSON.stringify(text)}: line ${item.line}`);
				}
			}
		}
		expect(wrong).toEqual([]);
		// The check is no blanket refusal: most pairs that keep the tasks where they were are trusted.
		expect(trusted).toBeGreaterThan(pairs / 4);
	});
});
