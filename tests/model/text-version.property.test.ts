import { hashString, isInertHash, isInertLine, lineHash, lineHashes, lineSpans, textHash, textVersion } from "../../src/model/text-version";
import { isUnicodeSpace } from "../../src/model/text";
import { random } from "../../sandbox/synthetic-vault";

// The rules `isInertLine` follows, written the plain way (regular expressions and a scan per line):
// the one-pass reading of `textVersion` must agree with them on every line.
const THEMATIC_OR_UNDERLINE = /^(?:(?:[-*_][\t ]*){3,}|-+[\t ]*|=+[\t ]*)$/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])[\t ]+/;

function plainStructuralMark(text: string, from: number, to: number): boolean {
	let run = 0;
	let runChar = 0;
	for (let i = from; i < to; i++) {
		const code = text.charCodeAt(i);
		run = code === runChar ? run + 1 : 1;
		runChar = code;
		if (code !== 32 && code !== 9 && isUnicodeSpace(code)) {
			return true;
		}
		if (code === 124 || code === 62 || ((code === 37 || code === 36) && run >= 2) || ((code === 96 || code === 126) && run >= 3) || (code === 60 && text.startsWith("!--", i + 1))) {
			return true;
		}
	}
	return false;
}

function plainInert(line: string): boolean {
	let i = 0;
	while (i < line.length && (line[i] === " " || line[i] === "\t")) {
		i++;
	}
	if (i === line.length) {
		return false;
	}
	const first = line.charCodeAt(i);
	if ([62, 60, 124, 96, 126, 36, 61].includes(first) || plainStructuralMark(line, i, line.length)) {
		return false;
	}
	if (first !== 45 && first !== 42 && first !== 95 && first !== 43 && (first < 48 || first > 57)) {
		return true;
	}
	const rest = line.slice(i);
	if (THEMATIC_OR_UNDERLINE.test(rest)) {
		return false;
	}
	const marker = LIST_MARKER.exec(rest);
	if (marker) {
		const after = rest.slice(marker[0].length);
		const next = after.charAt(0);
		return !(next === "<" || next === ">" || THEMATIC_OR_UNDERLINE.test(after));
	}
	return true;
}

const PIECES = ["-", "*", "_", "+", "=", " ", "\t", "1", "12", "1234567890", ".", ")", "[ ]", "[x]", "<", "!--", ">", "|", "%", "$", "`", "~", "a", "go", "为什么", "\u00a0", "\u3000", "\ufeff", "\r", "\u2028", "\u0001", "?", "#", "<div>"];

function randomLine(next: () => number): string {
	const length = Math.floor(next() * 9);
	let line = "";
	for (let i = 0; i < length; i++) {
		line += PIECES[Math.floor(next() * PIECES.length)] as string;
	}
	return line;
}

describe("a text's version, read in one pass", () => {
	it("calls a line inert exactly when the plain rules do", () => {
		const next = random(20261127);
		for (let n = 0; n < 60_000; n++) {
			const line = randomLine(next);
			if (isInertLine(line) !== plainInert(line)) {
				throw new Error(`disagrees on ${JSON.stringify(line)}: one pass says ${isInertLine(line)}`);
			}
		}
	});

	it("hashes each line as hashString does, with isInertLine's answer in the lowest bit", () => {
		const next = random(7);
		for (let n = 0; n < 2_000; n++) {
			const lines = Array.from({ length: 1 + Math.floor(next() * 8) }, () => randomLine(next).replace(/\r/g, ""));
			const endings = lines.map(() => (next() < 0.3 ? "\r\n" : "\n"));
			const text = lines.map((line, i) => (i < lines.length - 1 ? line + (endings[i] as string) : line)).join("");
			const version = textVersion(text);
			expect(version.lines).toEqual(lines.map((line) => lineHash(line)));
			expect(version.lines.map((hash) => Math.floor(hash / 2))).toEqual(lines.map((line) => Math.floor(hashString(line) / 2)));
			expect(version.lines.map((hash) => isInertHash(hash))).toEqual(lines.map((line) => plainInert(line)));
			expect(version.hash).toBe(textHash(text));
			expect(lineHashes(text)).toEqual(version.lines);
		}
	});

	it("gives texts and lines that differ only in a line ending, an empty last line, a trailing NUL or a character different hashes", () => {
		expect(hashString("x")).not.toBe(hashString("x\u0000"));
		expect(hashString("xy")).not.toBe(hashString("xy\u0000"));
		expect(hashString("ab")).not.toBe(hashString("ba"));
		const texts = ["a\nb", "a\r\nb", "a\nb\n", "a\nb\r\n", "a\n\nb", "ab", "a\nc", "a\rb", "", "\n", "\r\n", "\n\n"];
		const hashes = texts.map((text) => textHash(text));
		expect(new Set(hashes).size).toBe(texts.length);
		for (const text of texts) {
			expect(textVersion(text).hash).toBe(textHash(text, lineSpans(text)));
		}
	});
});
