import { isUnicodeSpace } from "./text";
/**
 * A compact record of the exact text a note's model was built from: a hash of the whole text and
 * one hash per line, plus which lines are inert (plain text that cannot change how the lines around
 * it are read). A write compares the note's text with it: the same text means the metadata it was
 * built with is authoritative; a different text can be compared line by line without keeping the old
 * text itself.
 */
export interface TextVersion {
	/** Hash of the whole text (53 bits). */
	readonly hash: number;
	readonly length: number;
	/** Hash of each line, without its line ending. */
	readonly lines: Float64Array;
	/** 1 where the line is inert (see `isInertLine`), 0 where adding or removing it can change others. */
	readonly inert: Uint8Array;
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

/** Finishes the two 32-bit states into one 53-bit number. */
function finish(a: number, b: number): number {
	let h1 = Math.imul(a ^ (a >>> 16), 2246822507);
	h1 ^= Math.imul(b ^ (b >>> 13), 3266489909);
	let h2 = Math.imul(b ^ (b >>> 16), 2246822507);
	h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A 53-bit hash of a string (cyrb53). */
export function hashString(value: string, from = 0, to = value.length): number {
	let a = SEED1;
	let b = SEED2;
	for (let i = from; i < to; i++) {
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

/** Per-line hashes of a text (line endings left out). */
export function lineHashes(text: string, spans: LineSpans = lineSpans(text)): Float64Array {
	const hashes = new Float64Array(spans.starts.length);
	for (let i = 0; i < hashes.length; i++) {
		hashes[i] = hashString(text, spans.starts[i], spans.ends[i]);
	}
	return hashes;
}

const THEMATIC_OR_UNDERLINE = /^(?:(?:[-*_][\t ]*){3,}|-+[\t ]*|=+[\t ]*)$/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])[\t ]+/;

/**
 * True when text[from, to) holds a mark that can open or close a block from inside a line: `%%`,
 * `$$`, a run of three backticks or tildes, `<!--`, any `>` (every HTML block but the last two kinds
 * ends at a line holding `>`: `</pre>`, `?>`, `]]>`, `-->`), a table's `|`, or white space other than
 * spaces and tabs (a lone carriage return ends a line for CommonMark; other spaces make a line that
 * looks blank but is not).
 */
function hasStructuralMark(text: string, from: number, to: number): boolean {
	let run = 0;
	let runChar = 0;
	for (let i = from; i < to; i++) {
		const code = text.charCodeAt(i);
		run = code === runChar ? run + 1 : 1;
		runChar = code;
		if (isOtherWhiteSpace(code)) {
			return true;
		}
		switch (code) {
			case 124: // |
			case 62: // >
				return true;
			case 37: // %
			case 36: // $
				if (run >= 2) {
					return true;
				}
				break;
			case 96: // `
			case 126: // ~
				if (run >= 3) {
					return true;
				}
				break;
			case 60: // <  (<!--)
				if (text.startsWith("!--", i + 1)) {
					return true;
				}
				break;
		}
	}
	return false;
}

/** White space other than space and tab: controls, no-break and ideographic spaces, line separators, BOM. */
function isOtherWhiteSpace(code: number): boolean {
	return code !== 32 && code !== 9 && isUnicodeSpace(code);
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

/**
 * True for the line text[from, to) when, added or removed, it cannot change how any other line is
 * read: it is not blank (blank lines end HTML blocks, tables and paragraphs), opens or closes no code
 * block, comment, math block or HTML, is no thematic break or heading underline, and has no table
 * pipe or quote. Conservative on purpose: a line it is unsure of is not inert.
 */
function isInertSpan(text: string, from: number, to: number): boolean {
	let i = from;
	while (i < to && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
		i++;
	}
	if (i === to) {
		return false;
	}
	const first = text.charCodeAt(i);
	// > < | ` ~ $ =
	if (first === 62 || first === 60 || first === 124 || first === 96 || first === 126 || first === 36 || first === 61) {
		return false;
	}
	if (hasStructuralMark(text, i, to)) {
		return false;
	}
	if (first !== 45 && first !== 42 && first !== 95 && first !== 43 && (first < 48 || first > 57)) {
		return true;
	}
	// Starts like a thematic break, an underline or a list marker: look closer.
	const rest = text.slice(i, to);
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

/** See `isInertSpan`. */
export function isInertLine(line: string): boolean {
	return isInertSpan(line, 0, line.length);
}

/** The version of a text (see `TextVersion`). `propertiesEnd` is the last line of the properties block. */
export function textVersion(text: string, propertiesEnd = -1, confirmed = true, spans: LineSpans = lineSpans(text)): TextVersion {
	const inert = new Uint8Array(spans.starts.length);
	for (let i = 0; i < inert.length; i++) {
		inert[i] = isInertSpan(text, spans.starts[i] as number, spans.ends[i] as number) ? 1 : 0;
	}
	return { hash: hashString(text), length: text.length, lines: lineHashes(text, spans), inert, propertiesEnd, confirmed };
}

/** True when `text` is, to the letter, the text the version was made from. */
export function isSameText(version: TextVersion, text: string): boolean {
	return text.length === version.length && hashString(text) === version.hash;
}
