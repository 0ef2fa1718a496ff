import { isUnicodeSpace } from "./text";
/**
 * File and folder names that every disk under a vault accepts: Windows, macOS, Linux, Android and iOS.
 * Pure functions; each runs in time linear in its input (one pass, no backtracking patterns).
 */

/**
 * Most file systems allow 255 bytes per name (ext4, APFS, and NTFS once its UTF-16 is counted as
 * UTF-8 by sync tools); 200 leaves room for a sync tool's " (conflicted copy 2)" suffix.
 */
export const MAX_NAME_BYTES = 200;

/**
 * Illegal in a name on Windows, macOS or Android (`\ / : * ? " < > |`), plus `# ^ [ ]`, which Obsidian
 * refuses in a file name because they break wiki links.
 */
const ILLEGAL = new Set([..."\\/:*?\"<>|#^[]"].map((char) => char.charCodeAt(0)));

/** Windows refuses these as a name's stem (before the first dot), in any case and with any extension. */
const RESERVED = /^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

const ZWJ = "\u200d";
const MARK = /\p{M}/u;
/** What `cleanName` wrote last: a space, a dot or anything else. */
const OTHER = 0;
const SPACE = 1;
const DOT = 2;

/** The key two names share when a case-insensitive, normalisation-insensitive disk sees one file. */
export function nameKey(name: string): string {
	return name.normalize("NFC").toLowerCase();
}

/** The length of a text in UTF-8 bytes (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
	let bytes = 0;
	for (const char of text) {
		bytes += bytesOf(char.codePointAt(0) ?? 0);
	}
	return bytes;
}

/**
 * The longest start of `text` that fits in `maxBytes` of UTF-8. It never splits a character (nor a
 * surrogate pair), and it keeps what belongs to one visible character together: a letter with its
 * combining accents, an emoji with its skin tone, variation selector or zero-width-joined parts, a flag's
 * two regional indicators, a Hangul syllable spelled in jamo (NFD).
 */
export function truncateUtf8(text: string, maxBytes: number): string {
	const chars: string[] = [];
	let bytes = 0;
	let cut = false;
	for (const char of text) {
		bytes += bytesOf(char.codePointAt(0) ?? 0);
		if (bytes > maxBytes) {
			cut = true;
			chars.push(char);
			break;
		}
		chars.push(char);
	}
	if (!cut) {
		return text;
	}
	// chars[keep] is the first character left out; step back while it belongs to the one before.
	let keep = chars.length - 1;
	while (keep > 0 && (extendsPrevious(chars[keep] as string) || chars[keep - 1] === ZWJ)) {
		keep--;
	}
	if (keep > 0 && isRegionalIndicator(chars[keep] as string)) {
		let run = 0;
		for (let i = keep - 1; i >= 0 && isRegionalIndicator(chars[i] as string); i--) {
			run++;
		}
		if (run % 2 === 1) {
			keep--;
		}
	}
	return chars.slice(0, keep).join("");
}

/**
 * One pass over a name: control characters (C0, DEL, C1), lone surrogates and illegal characters
 * become spaces; runs of white space become one space and runs of dots one dot (so no `..` is left);
 * dots and spaces at either end go (Windows drops them, and a leading dot hides a file). Unchanged
 * stretches are copied as slices, so a long name costs one scan and few allocations.
 */
export function cleanName(text: string): string {
	let out = "";
	let from = 0;
	let last = OTHER;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
			i++;
			last = OTHER;
			continue;
		}
		if (code === 0x2e) {
			if (last === DOT) {
				out += text.slice(from, i);
				from = i + 1;
			}
			last = DOT;
			continue;
		}
		if (code === 0x20 && last !== SPACE) {
			last = SPACE;
			continue;
		}
		if (code === 0x20 || isUnicodeSpace(code) || isUnsafeCode(code)) {
			out += last === SPACE ? text.slice(from, i) : `${text.slice(from, i)} `;
			from = i + 1;
			last = SPACE;
			continue;
		}
		last = OTHER;
	}
	return trimDotsAndSpaces(from === 0 ? text : out + text.slice(from));
}

/** Dots and white space at either end removed, by index (no regular expression to backtrack). */
export function trimDotsAndSpaces(text: string): string {
	let start = 0;
	let end = text.length;
	while (start < end && isDotOrSpaceCode(text.charCodeAt(start))) {
		start++;
	}
	while (end > start && isDotOrSpaceCode(text.charCodeAt(end - 1))) {
		end--;
	}
	return text.slice(start, end);
}

/** True when Windows reserves the name's stem: `CON`, `com1`, `con.txt`, `COM¹`, `LPT²`, `nul .md`. */
export function isReservedName(name: string): boolean {
	const dot = name.indexOf(".");
	return RESERVED.test((dot === -1 ? name : name.slice(0, dot)).trimEnd());
}

/** A reserved stem gets an underscore: `CON` → `CON_`, `con.txt` → `con_.txt`. Other names stay. */
export function unreserved(name: string): string {
	if (!isReservedName(name)) {
		return name;
	}
	const dot = name.indexOf(".");
	const stem = (dot === -1 ? name : name.slice(0, dot)).trimEnd();
	return `${stem}_${name.slice(stem.length)}`;
}

/**
 * One safe name (a file's stem or a folder): cleaned, at most `maxBytes` of UTF-8, never a reserved
 * name, never ending in a dot or a space. Empty when nothing usable is left.
 */
export function safeName(text: string, maxBytes: number = MAX_NAME_BYTES): string {
	let name = trimDotsAndSpaces(truncateUtf8(cleanName(text), maxBytes));
	if (isReservedName(name)) {
		// The underscore needs one byte; a reserved stem is short, so only a long tail is cut.
		name = unreserved(trimDotsAndSpaces(truncateUtf8(name, maxBytes - 1)));
	}
	return name;
}

function bytesOf(code: number): number {
	return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** Control characters (C0, DEL, C1), surrogates (a paired one never gets here) and illegal characters. */
function isUnsafeCode(code: number): boolean {
	return code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff) || ILLEGAL.has(code);
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}

function isDotOrSpaceCode(code: number): boolean {
	return code === 0x2e || isUnicodeSpace(code);
}

/** Marks, joiners, variation selectors, skin tones, tag characters and Hangul vowel and final jamo. */
function extendsPrevious(char: string): boolean {
	const code = char.codePointAt(0) ?? 0;
	return (
		MARK.test(char) ||
		code === 0x200d ||
		(code >= 0x1f3fb && code <= 0x1f3ff) ||
		(code >= 0xe0020 && code <= 0xe007f) ||
		(code >= 0x1160 && code <= 0x11ff)
	);
}

function isRegionalIndicator(char: string): boolean {
	const code = char.codePointAt(0) ?? 0;
	return code >= 0x1f1e6 && code <= 0x1f1ff;
}
