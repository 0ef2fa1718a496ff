/** @jest-environment node */
import fc from "fast-check";
import { cleanName, isReservedName, MAX_NAME_BYTES, nameKey, safeName, truncateUtf8, unreserved, utf8Length } from "../../src/model/file-names";

const bytes = (text: string): number => Buffer.byteLength(text, "utf8");
const hasLoneSurrogate = (text: string): boolean => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe("UTF-8 length and truncation", () => {
	it("counts bytes as UTF-8 does", () => {
		for (const text of ["", "abc", "é", "长", "🎉", "e\u0301", "👨‍👩‍👧", "🇨🇳", "한"]) {
			expect(utf8Length(text)).toBe(bytes(text));
		}
		expect(utf8Length("\uD800")).toBe(3);
	});

	it("leaves a text that fits as it is", () => {
		expect(truncateUtf8("长".repeat(66), 198)).toBe("长".repeat(66));
	});

	it.each([
		["Chinese, 3 bytes a character", "长".repeat(100), 196, "长".repeat(65)],
		["emoji, a surrogate pair each", `a${"🎉".repeat(60)}`, 196, `a${"🎉".repeat(48)}`],
		["an accent written as a combining mark (NFD)", "e\u0301".repeat(100), 196, "e\u0301".repeat(65)],
		["flags, two regional indicators each", `abcdef${"🇨🇳".repeat(30)}`, 196, `abcdef${"🇨🇳".repeat(23)}`],
		["zero-width-joined emoji", `${"x".repeat(190)}👨‍👩‍👧`, 196, "x".repeat(190)],
		["a skin tone", `${"x".repeat(189)}👍🏽`, 196, `${"x".repeat(189)}`],
		["Hangul spelled in jamo (NFD)", "한".normalize("NFD").repeat(30), 196, "한".normalize("NFD").repeat(21)],
	])("cuts %s between visible characters", (_name, text, max, expected) => {
		const cut = truncateUtf8(text, max);
		expect(cut).toBe(expected);
		expect(bytes(cut)).toBeLessThanOrEqual(max);
		expect(hasLoneSurrogate(cut)).toBe(false);
	});
});

describe("cleaning a name", () => {
	it.each([
		['a\\b/c:d*e?f"g<h>i|j', "a b c d e f g h i j"],
		["[[link]] #tag ^block", "link tag block"],
		["\u0001x\u001f\u007f\u0085y\u009f", "x y"],
		["a\uD800b\uDC00", "a b"],
		["  ..hidden..  ", "hidden"],
		["a...b....c", "a.b.c"],
		["tab\tand\u3000ideographic  space", "tab and ideographic space"],
		["x" + ". ".repeat(5) + "y", "x. . . . . y"],
		["", ""],
		["...", ""],
	])("%j → %j", (before, after) => {
		expect(cleanName(before)).toBe(after);
	});
});

describe("Windows device names", () => {
	it.each(["CON", "con", "Prn", "AUX", "nul", "COM1", "com9", "COM0", "LPT1", "lpt9", "COM¹", "COM²", "LPT³", "con.txt", "CON.tar.gz", "nul .md", "CONIN$", "conout$"])("%j is reserved", (name) => {
		expect(isReservedName(name)).toBe(true);
		expect(isReservedName(unreserved(name))).toBe(false);
	});

	it.each(["CONSOLE", "COM10", "LPT", "con-talk", "icon", "COM⁴", "_CON", "a.con"])("%j is not reserved", (name) => {
		expect(isReservedName(name)).toBe(false);
		expect(unreserved(name)).toBe(name);
	});

	it.each([
		["CON", "CON_"],
		["con.txt", "con_.txt"],
		["COM¹", "COM¹_"],
		["LPT²", "LPT²_"],
		["nul .md", "nul_ .md"],
	])("%j becomes %j", (before, after) => {
		expect(unreserved(before)).toBe(after);
		expect(safeName(before)).toBe(after);
	});
});

describe("a safe name", () => {
	it("never ends in a dot or a space after a cut, and never holds ..", () => {
		expect(safeName(`${"a".repeat(194)}. b`, 196)).toBe("a".repeat(194));
		expect(safeName(`${"a".repeat(195)}..b`, 196)).toBe("a".repeat(195));
		expect(safeName(`${"长".repeat(65)} 长`, 196)).toBe("长".repeat(65));
	});

	it("stays within the limit when a long name needs an underscore", () => {
		const name = safeName(`con.${"x".repeat(300)}`, 196);
		expect(name.startsWith("con_.")).toBe(true);
		expect(bytes(name)).toBeLessThanOrEqual(196);
	});

	it("is empty when nothing usable is left", () => {
		expect(safeName(". . ./\\")).toBe("");
	});

	const pieces = fc.constantFrom("长", "a", "Z", " ", ".", "..", "/", "\\", ":", "*", "?", '"', "<", ">", "|", "#", "\u0000", "\u001f", "\u007f", "\t", "🎉", "👨‍👩‍👧", "🇨🇳", "e\u0301", "\uD800", "\uDC00", "CON", "com1", "LPT²", "한".normalize("NFD"));
	const names = fc.array(pieces, { maxLength: 120 }).map((parts) => parts.join(""));

	it("holds for any name: within the limit, nothing illegal, no .., no dot or space at the ends, not reserved", () => {
		fc.assert(
			fc.property(names, fc.integer({ min: 8, max: MAX_NAME_BYTES }), (text, max) => {
				const name = safeName(text, max);
				expect(bytes(name)).toBeLessThanOrEqual(max);
				expect([...name].filter((char) => '\\/:*?"<>|#^[]'.includes(char) || /\p{Cc}/u.test(char))).toEqual([]);
				expect(name).not.toContain("..");
				expect(name).not.toMatch(/^[.\s]|[.\s]$/);
				expect(hasLoneSurrogate(name)).toBe(false);
				expect(isReservedName(name)).toBe(false);
				expect(safeName(name, max)).toBe(name);
			}),
			{ numRuns: 1000 },
		);
	});
});

describe("the key that a case-insensitive, normalising disk sees", () => {
	it("matches names that differ in case or Unicode normalisation", () => {
		expect(nameKey("Talk.pdf")).toBe(nameKey("talk.PDF"));
		expect(nameKey("Café.pdf".normalize("NFD"))).toBe(nameKey("café.pdf".normalize("NFC")));
		expect(nameKey("大型项目开发之 Golang 早知道.pdf")).toBe(nameKey("大型项目开发之 GOLANG 早知道.pdf"));
		expect(nameKey("a.pdf")).not.toBe(nameKey("b.pdf"));
	});
});
