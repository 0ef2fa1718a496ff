/** @jest-environment node */
import { numberAt, packNumbers } from "../../src/model/packed-numbers";
import { parseNote } from "../../src/model/note-parser";
import { buildMetadata } from "../../sandbox/metadata-builder";

function roundTrip(values: number[]): number[] {
	const packed = packNumbers(values);
	return values.map((_, i) => numberAt(packed, i));
}

describe("packed numbers", () => {
	it("gives back every number from -1 to 65,534 as a string, and larger ones as they were", () => {
		const edges = [-1, 0, 1, 254, 255, 256, 65_533, 65_534];
		expect(typeof packNumbers(edges)).toBe("string");
		expect(roundTrip(edges)).toEqual(edges);
		for (const large of [65_535, 65_536, 2 ** 31 - 1, -2]) {
			const values = [...edges, large];
			expect(packNumbers(values)).toBeInstanceOf(Int32Array);
			expect(roundTrip(values)).toEqual(values);
		}
		expect(roundTrip([])).toEqual([]);
	});

	it("packs lists longer than one call of String.fromCharCode takes", () => {
		let seed = 11;
		const values = Array.from({ length: 20_000 }, () => {
			seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
			return (seed % 65_536) - 1;
		});
		expect(roundTrip(values)).toEqual(values);
	});

	it("reads items back on lines past 65,535 and with offsets past it", () => {
		const filler = "一行没有任务的文字\n".repeat(70_000);
		const text = `#gopherchina\n\n- [ ] 第一项\n${filler}- [x] 第二项\n    - [ ] ${"长".repeat(70_000)}\n`;
		const note = parseNote({ path: "long.md", text, cache: buildMetadata(text), tags: ["#gopherchina"], trackedTags: ["gopherchina"], resolveLink: () => null, confirmed: true });
		expect(note.studyItems.map((item) => [item.line, item.status, item.parentLine, item.text.length])).toEqual([
			[2, " ", null, 3],
			[70_003, "x", null, 3],
			[70_004, " ", 70_003, 70_000],
		]);
	});
});
