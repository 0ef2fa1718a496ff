/** @jest-environment node */
import { ownString } from "../../src/model/memo";
import { heapHeldBy } from "../support/memory";

/**
 * What the model keeps of a note's text is copied with `ownString`: the same characters, sharing no
 * memory with the note, and in one byte a character when they all fit in one, however wide the
 * note's text is.
 */
describe("ownString", () => {
	const note = `笔记：${"https://github.com/gopherchina/conference/blob/master/2023/2.1%20Go.pdf ".repeat(20_001)}结束`;
	const address = (i: number): string => note.slice(3 + 73 * i, 3 + 73 * i + 72);

	it("gives back the same characters, wide or not", () => {
		for (const text of ["", "short", "https://example.com/a.pdf", "é".repeat(40), "中文标题的一个很长的名字，有十三个字以上", "a\u0000\"\\\n\t\u00ff\u0100", "\ud800 lone surrogate and more", address(5)]) {
			expect(ownString(text)).toBe(text);
		}
	});

	it("keeps an address cut from a wide note in one byte a character, without the note", () => {
		const copies = 20_000;
		// The first copy compiles what it runs (its regular expression among them): not the copies' own.
		ownString(address(copies));
		const { kept, bytes } = heapHeldBy(() => Array.from({ length: copies }, (_, i) => ownString(address(i))));
		expect(kept).toHaveLength(copies);
		// 72 characters: one byte each, a header and a list entry make about 100 bytes; two bytes each,
		// about 150.
		expect(bytes / copies).toBeLessThan(135);
	});

	it("copies a text whose JSON would be too long for a string", () => {
		const text = "\u0001".repeat(89_478_490);
		expect(ownString(text)).toBe(text);
	});
});
