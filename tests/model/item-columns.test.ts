/** @jest-environment node */
import { noteOf } from "../support/read-note";

/**
 * A note keeps its study items as columns: each item's status, heading path and talk are places in
 * the note's short lists of each. Past a few distinct values those lists are looked up by a map; every
 * item must read back as the note says, however many of each the note has.
 */
describe("study items read back from the note's columns", () => {
	const STATUSES = [" ", "x", "/", "-", ">", "<", "?", "!", "*", "a", "b", "X"];

	function note(talks: number, perTalk: number): string {
		const parts = ["---", "tags: [gopherchina]", "---", "# GopherChina 2023", ""];
		for (let talk = 0; talk < talks; talk++) {
			parts.push(`## 1.${talk + 1} 第 ${talk + 1} 场`, `[slides](https://github.com/gopherchina/conference/blob/master/2023/1.${talk + 1}%20Talk${talk}.pdf)`, "");
			for (let item = 0; item < perTalk; item++) {
				const status = STATUSES[(talk + item) % STATUSES.length] as string;
				parts.push(`${item % 2 === 1 ? "    " : ""}- [${status}] 第 ${talk} 场的第 ${item} 项`);
			}
			parts.push("");
		}
		return parts.join("\n");
	}

	it.each([
		["few of each", 3, 3],
		["more statuses, headings and talks than are looked through", 14, 5],
	])("%s", (_name, talks, perTalk) => {
		const text = note(talks, perTalk);
		const lines = text.split("\n");
		const record = noteOf(text);
		const items = record.studyItems;
		expect(items).toHaveLength(talks * perTalk);
		const keyOfTalk = new Map(record.sessions.map((ref) => [ref.line, ref.key]));
		let seen = 0;
		for (let talk = 0; talk < talks; talk++) {
			const headingLine = lines.indexOf(`## 1.${talk + 1} 第 ${talk + 1} 场`);
			for (let entry = 0; entry < perTalk; entry++) {
				const item = items[seen++];
				const line = headingLine + 3 + entry;
				expect(item?.line).toBe(line);
				expect(item?.lineText).toBe(lines[line]);
				expect(item?.status).toBe(STATUSES[(talk + entry) % STATUSES.length]);
				expect(item?.text).toBe(`第 ${talk} 场的第 ${entry} 项`);
				expect(item?.headings).toEqual(["GopherChina 2023", `1.${talk + 1} 第 ${talk + 1} 场`]);
				expect(item?.parentLine).toBe(entry % 2 === 1 ? line - 1 : null);
				expect(item?.sessionKey).toBe(keyOfTalk.get(headingLine + 1));
			}
		}
		// The tallies read the same columns.
		const tallied: Array<[boolean, string | null]> = [];
		record.eachItem((open, sessionKey) => tallied.push([open, sessionKey]));
		expect(tallied).toEqual(items.map((item) => [item.state === "open" || item.state === "in-progress", item.sessionKey]));
	});

	it("gives back every item's line whole, however the line starts", () => {
		const indents = ["", "  ", "    ", "\t", " \t", "        "];
		const markers = ["-", "*", "+", "1.", "2)", "10."];
		const quotes = ["", "> ", ">", "> > "];
		const boxes = ["[ ]", "[x]", "[/]", "[-]", "[X]", "[?]", "[[]", "[]]"];
		const gaps = [" ", "\t", "  ", ""];
		const rests = ["第一项", "read [the docs] first", "", "[x] again", "👍 done", "a".repeat(90), "[", "]"];
		let seed = 5;
		const pick = <T>(list: readonly T[]): T => {
			seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
			return list[seed % list.length] as T;
		};
		const lines = ["---", "tags: [gopherchina]", "---", ""];
		for (let n = 0; n < 600; n++) {
			const quote = pick(quotes);
			lines.push(`${quote}${quote === "" ? pick(indents) : ""}${pick(markers)} ${pick(boxes)}${pick(gaps)}${pick(rests)}`);
			if (n % 7 === 0) {
				lines.push("");
			}
		}
		const record = noteOf(lines.join("\n"));
		expect(record.studyItems.length).toBeGreaterThan(300);
		for (const item of record.studyItems) {
			expect(item.lineText).toBe(lines[item.line]);
		}
	});
});
