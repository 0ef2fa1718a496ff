import { trimmed } from "./memo";
import { isUnicodeSpace, listMarkerEnd } from "./text";
/**
 * A compact record of the exact text a note's model was built from: a hash of the whole text and
 * one hash per line, which also says whether the line is inert (plain text that cannot change how
 * the lines around it are read). A write compares the note's text with it: the same text means the
 * metadata it was built with is authoritative; a different text can be compared line by line without
 * keeping the old text itself.
 */
export interface TextVersion {
	/** Hash of the whole text (53 bits). */
	readonly hash: number;
	readonly length: number;
	/**
	 * Each line's `lineHash` (its line ending left out): 52 bits of hash and, in the lowest bit, 1 where
	 * the line is inert (see `isInertLine`), 0 where adding or removing it can change others. A plain
	 * list of numbers: a typed array would cost a note about 180 bytes more in V8.
	 */
	readonly lines: readonly number[];
	/** Last line of the properties block, or -1 when the note has none. */
	readonly propertiesEnd: number;
	/**
	 * True when the metadata the note's model was built with is known to be for this very text;
	 * otherwise no write is made from it.
	 */
	readonly confirmed: boolean;
}

const SEED1 = 0xdeadbeef;
const SEED2 = 0x41c6ce57;

/** Finishes the two 32-bit states into one 53-bit number; `lowBit` 0 or 1 replaces its lowest bit. */
function finish(a: number, b: number, lowBit = -1): number {
	let h1 = Math.imul(a ^ (a >>> 16), 2246822507);
	h1 ^= Math.imul(b ^ (b >>> 13), 3266489909);
	let h2 = Math.imul(b ^ (b >>> 16), 2246822507);
	h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	const low = lowBit === -1 ? h1 : (h1 & ~1) | lowBit;
	return 4294967296 * (2097151 & h2) + (low >>> 0);
}

/**
 * A 53-bit hash of text[from, to): two 32-bit multiplicative lanes (after cyrb53), fed two UTF-16
 * units at a time, seeded with the length so that a trailing NUL cannot pass for the end.
 */
export function hashString(value: string, from = 0, to = value.length): number {
	let a = SEED1 ^ (to - from);
	let b = SEED2;
	let i = from;
	for (; i + 1 < to; i += 2) {
		const pair = value.charCodeAt(i) | (value.charCodeAt(i + 1) << 16);
		a = Math.imul(a ^ pair, 2654435761);
		b = Math.imul(b ^ pair, 1597334677);
	}
	if (i < to) {
		const code = value.charCodeAt(i);
		a = Math.imul(a ^ code, 2654435761);
		b = Math.imul(b ^ code, 1597334677);
	}
	return finish(a, b);
}

/** Start of every line and end of its content (before `\r\n` or `\n`), in one pass. */
export interface LineSpans {
	starts: number[];
	ends: number[];
}

export function lineSpans(text: string): LineSpans {
	const starts: number[] = [];
	const ends: number[] = [];
	let start = 0;
	for (;;) {
		const newline = text.indexOf("\n", start);
		if (newline === -1) {
			starts.push(start);
			ends.push(text.length);
			return { starts, ends };
		}
		starts.push(start);
		ends.push(newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline);
		start = newline + 1;
	}
}

/** Each line's `lineHash` (line endings left out), as `TextVersion.lines` has them. */
export function lineHashes(text: string, spans: LineSpans = lineSpans(text)): number[] {
	const count = spans.starts.length;
	const hashes: number[] = [];
	for (let i = 0; i < count; i++) {
		hashes.push(readLine(text, spans.starts[i] as number, spans.ends[i] as number));
	}
	return hashes;
}

/**
 * A line's hash as `TextVersion.lines` keeps it: `hashString`'s 53 bits with the lowest one replaced
 * by the line's inert flag (see `isInertLine`), so lines that differ in that flag differ in it too.
 */
export function lineHash(line: string): number {
	return readLine(line, 0, line.length);
}

/** True when the line whose `lineHash` this is is inert (see `isInertLine`). */
export function isInertHash(hash: number): boolean {
	return hash % 2 === 1;
}

/**
 * The hash of a whole text, folded from the hashes of its lines and how each line ends (`\n`,
 * `\r\n` or the end of the text): two texts with the same lines and line endings, and only those,
 * share it. `textVersion` folds it from the lines' hashes it keeps, without reading the text again.
 */
export function textHash(text: string, spans: LineSpans = lineSpans(text), hashes: readonly number[] = lineHashes(text, spans)): number {
	const fold = new HashFold(text.length);
	for (let i = 0; i < hashes.length; i++) {
		fold.add(hashes[i] as number, ending(text, spans, i));
	}
	return fold.finish();
}

/** How line `i` ends: 0 at the end of the text, 1 with `\n`, 2 with `\r\n`. */
function ending(text: string, spans: LineSpans, i: number): number {
	const end = spans.ends[i] as number;
	return end === text.length ? 0 : text.charCodeAt(end) === 13 ? 2 : 1;
}

/** Folds line hashes (53 bits each) and line endings into one 53-bit hash. */
class HashFold {
	private a: number;
	private b: number;

	constructor(length: number) {
		this.a = SEED1 ^ length;
		this.b = SEED2 ^ Math.floor(length / 4294967296);
	}

	add(lineHash: number, lineEnding: number): void {
		this.a = Math.imul(this.a ^ (lineHash >>> 0), 2654435761);
		this.b = Math.imul(this.b ^ (Math.floor(lineHash / 4294967296) | (lineEnding << 21)), 1597334677);
	}

	finish(): number {
		return finish(this.a, this.b);
	}
}

/** 1 for the ASCII characters `hasStructuralMark` must look at: `|`, `>`, `%`, `$`, backtick, `~`, `<`, controls. */
const MARKS = new Uint8Array(128);
for (const char of "|>%$`~<") {
	MARKS[char.charCodeAt(0)] = 1;
}
for (let code = 0; code < 32; code++) {
	MARKS[code] = code === 9 ? 0 : isUnicodeSpace(code) ? 1 : 0;
}

/**
 * True when text[from, to) holds a mark that can open or close a block from inside a line: `%%`,
 * `$$`, a run of three backticks or tildes, `<!--`, any `>` (every HTML block but the last two kinds
 * ends at a line holding `>`: `</pre>`, `?>`, `]]>`, `-->`), a table's `|`, or white space other than
 * spaces and tabs (a lone carriage return ends a line for CommonMark; other spaces make a line that
 * looks blank but is not). `from` is where the line's content starts (after its indentation).
 */
function markAt(text: string, from: number, at: number, code: number): boolean {
	if (code >= 128) {
		return isUnicodeSpace(code);
	}
	if (MARKS[code] === 0) {
		return false;
	}
	switch (code) {
		case 37: // %
		case 36: // $
			return at - 1 >= from && text.charCodeAt(at - 1) === code;
		case 96: // `
		case 126: // ~
			return at - 2 >= from && text.charCodeAt(at - 1) === code && text.charCodeAt(at - 2) === code;
		case 60: // <  (<!--)
			return text.startsWith("!--", at + 1);
		default:
			// |, > and controls other than the tab.
			return true;
	}
}

/**
 * The `lineHash` of text[from, to): `hashString` and whether the line is inert (see `isInertSpan`)
 * in one walk; the look for marks stops at the first one.
 */
function readLine(text: string, from: number, to: number): number {
	let content = from;
	while (content < to && (text.charCodeAt(content) === 32 || text.charCodeAt(content) === 9)) {
		content++;
	}
	// The hash of `hashString`, two units at a time, and the look for marks on the way (spaces and
	// tabs of the indentation are no marks).
	let a = SEED1 ^ (to - from);
	let b = SEED2;
	let marked = false;
	let i = from;
	for (; i + 1 < to; i += 2) {
		const first = text.charCodeAt(i);
		const second = text.charCodeAt(i + 1);
		const pair = first | (second << 16);
		a = Math.imul(a ^ pair, 2654435761);
		b = Math.imul(b ^ pair, 1597334677);
		if (!marked && mayMark(first)) {
			marked = markAt(text, content, i, first);
		}
		if (!marked && mayMark(second)) {
			marked = markAt(text, content, i + 1, second);
		}
	}
	if (i < to) {
		const code = text.charCodeAt(i);
		a = Math.imul(a ^ code, 2654435761);
		b = Math.imul(b ^ code, 1597334677);
		if (!marked && mayMark(code)) {
			marked = markAt(text, content, i, code);
		}
	}
	return finish(a, b, content < to && !marked && inertShape(text, content, to) ? 1 : 0);
}

/** True for a character `markAt` must look at (most are passed over by this test alone). */
function mayMark(code: number): boolean {
	return code >= 128 ? code < 0x3001 || code === 0xfeff : MARKS[code] === 1;
}

/**
 * `isInertSpan` for a line whose content text[from, to) is not blank and holds no structural mark:
 * what its first characters say (no quote, HTML, table, fence, math or underline start; no thematic
 * break or underline; a list item whose content is none of those either).
 */
function inertShape(text: string, from: number, to: number): boolean {
	const first = text.charCodeAt(from);
	// > < | ` ~ $ =
	if (first === 62 || first === 60 || first === 124 || first === 96 || first === 126 || first === 36 || first === 61) {
		return false;
	}
	if (first !== 45 && first !== 42 && first !== 95 && first !== 43 && (first < 48 || first > 57)) {
		return true;
	}
	if (isThematicOrUnderline(text, from, to)) {
		return false;
	}
	// A list marker, then spaces or tabs (`_` starts none).
	const marker = first === 95 ? -1 : listMarkerEnd(text, from);
	if (marker === -1) {
		return true;
	}
	let at = marker;
	while (at < to && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) {
		at++;
	}
	if (at === marker) {
		return true;
	}
	const next = at < to ? text.charCodeAt(at) : -1;
	return !(next === 60 || next === 62 || isThematicOrUnderline(text, at, to));
}

/**
 * A thematic break (three or more of `-`, `*`, `_`, spaces and tabs between) or a setext underline
 * (`-` or `=` repeated, then spaces or tabs), filling text[from, to).
 */
function isThematicOrUnderline(text: string, from: number, to: number): boolean {
	if (from >= to) {
		return false;
	}
	const first = text.charCodeAt(from);
	if (first === 61 || first === 45) {
		// -+[\t ]* or =+[\t ]*
		let at = from;
		while (at < to && text.charCodeAt(at) === first) {
			at++;
		}
		while (at < to && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) {
			at++;
		}
		if (at === to) {
			return true;
		}
	}
	if (first !== 45 && first !== 42 && first !== 95) {
		return false;
	}
	let marks = 0;
	for (let at = from; at < to; at++) {
		const code = text.charCodeAt(at);
		if (code === 45 || code === 42 || code === 95) {
			marks++;
		} else if (code !== 32 && code !== 9) {
			return false;
		}
	}
	return marks >= 3;
}

/**
 * True for the line text[from, to) when, added or removed, it cannot change how any other line is
 * read: it is not blank (blank lines end HTML blocks, tables and paragraphs), opens or closes no code
 * block, comment, math block or HTML, is no thematic break or heading underline, and has no table
 * pipe or quote. Conservative on purpose: a line it is unsure of is not inert.
 */
function isInertSpan(text: string, from: number, to: number): boolean {
	return isInertHash(readLine(text, from, to));
}

/** A blank line as CommonMark has it: nothing but spaces and tabs. */
export function isBlankSpan(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const code = text.charCodeAt(i);
		if (code !== 32 && code !== 9) {
			return false;
		}
	}
	return true;
}

/** See `isInertSpan`. */
export function isInertLine(line: string): boolean {
	return isInertSpan(line, 0, line.length);
}

/**
 * The version of a text (see `TextVersion`), in one pass over its characters: each line's hash and
 * whether it is inert, and the whole text's hash folded from them. `propertiesEnd` is the last line
 * of the properties block.
 */
export function textVersion(text: string, propertiesEnd = -1, confirmed = true, spans: LineSpans = lineSpans(text)): TextVersion {
	const lines = trimmed(lineHashes(text, spans));
	return { hash: textHash(text, spans, lines), length: text.length, lines, propertiesEnd, confirmed };
}

/** True when `text` is, to the letter, the text the version was made from. */
export function isSameText(version: TextVersion, text: string): boolean {
	return text.length === version.length && textHash(text) === version.hash;
}
