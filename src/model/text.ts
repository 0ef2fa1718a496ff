/** Small text helpers shared by the parsers. Pure functions; no Obsidian, no DOM. */

/** Splits a note into lines the way Obsidian numbers them: on `\n`, with a trailing `\r` dropped. */
export function splitLines(text: string): string[] {
	const lines = text.split("\n");
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] as string;
		if (line.endsWith("\r")) {
			lines[i] = line.slice(0, -1);
		}
	}
	return lines;
}

const ESCAPE_RUN = /(?:%[0-9a-f]{2})+/gi;

/**
 * Decodes percent-escapes. Runs that are not valid UTF-8 stay as written instead of throwing,
 * so `%E0%A4%A` or a lone `%` never breaks a title. `+` is left alone: in a path it is a plus.
 */
export function safeDecode(value: string): string {
	if (!value.includes("%")) {
		return value;
	}
	try {
		return decodeURIComponent(value);
	} catch {
		return value.replace(ESCAPE_RUN, (run) => {
			try {
				return decodeURIComponent(run);
			} catch {
				return run;
			}
		});
	}
}

/** Where a link target's path ends: at its `?query` or `#fragment`, else at its end. */
export function pathEnd(target: string): number {
	let end = target.length;
	const hash = target.indexOf("#");
	if (hash !== -1) {
		end = hash;
	}
	const query = target.indexOf("?");
	if (query !== -1 && query < end) {
		end = query;
	}
	return end;
}

/** Drops a `?query` and a `#fragment` from a link target. */
export function stripQueryAndFragment(target: string): string {
	const end = pathEnd(target);
	return target.slice(0, end);
}

/** The last segment of a slash-separated path. */
export function lastSegment(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash === -1 ? path : path.slice(slash + 1);
}

/** True when a link target names a PDF: its path ends in `.pdf`, any case, after query and fragment. */
export function isPdfTarget(target: string): boolean {
	return stripQueryAndFragment(target).trim().toLowerCase().endsWith(".pdf");
}

/**
 * Replaces inline code spans with spaces of the same length, so columns stay where they were. A span
 * opens with a run of backticks and closes at the next run of the same length. One pass over the
 * runs: linear however many backticks a hostile line holds.
 */
export function maskInlineCode(line: string): string {
	if (!line.includes("`")) {
		return line;
	}
	const { opens, starts, lengths, closing } = backtickRuns(line);
	let result = "";
	let copied = 0;
	for (let k = 0; k < starts.length; ) {
		const close = closing[k] as number;
		if (close === -1) {
			k++;
			continue;
		}
		const from = opens[k] as number;
		const to = (starts[close] as number) + (lengths[close] as number);
		result += line.slice(copied, from) + " ".repeat(to - from);
		copied = to;
		k = close + 1;
	}
	return result + line.slice(copied);
}

/**
 * True when the character at `at` is escaped: an odd number of backslashes stands right before it.
 * A backslash-escaped backtick is text, so a run of backticks it starts opens a code span only with
 * the rest of its backticks (inside a span a backslash is text, so a closing run counts whole).
 */
export function isEscaped(text: string, at: number): boolean {
	let slashes = 0;
	while (at - slashes - 1 >= 0 && text.charCodeAt(at - slashes - 1) === 92) {
		slashes++;
	}
	return slashes % 2 === 1;
}

/**
 * The backtick runs of a line from `from` on, and for each where a code span opened by it would start
 * (`opens`: at the run, or one backtick in after a backslash, see `isEscaped`) and close (`closing`,
 * -1: it opens none): the next run as long as what opens. Found in one pass.
 */
export function backtickRuns(text: string, from = 0): { opens: number[]; starts: number[]; lengths: number[]; closing: number[] } {
	const starts: number[] = [];
	const lengths: number[] = [];
	for (let i = text.indexOf("`", from); i !== -1; ) {
		let end = i + 1;
		while (text.charCodeAt(end) === 96) {
			end++;
		}
		starts.push(i);
		lengths.push(end - i);
		i = text.indexOf("`", end);
	}
	const opens = new Array<number>(starts.length);
	const closing = new Array<number>(starts.length).fill(-1);
	const seen = new Map<number, number>();
	for (let k = starts.length - 1; k >= 0; k--) {
		const length = lengths[k] as number;
		const escaped = isEscaped(text, starts[k] as number) ? 1 : 0;
		opens[k] = (starts[k] as number) + escaped;
		closing[k] = length === escaped ? -1 : (seen.get(length - escaped) ?? -1);
		seen.set(length, k);
	}
	return { opens, starts, lengths, closing };
}

/** Unicode white space: tabs and line breaks, NEL, NBSP, BOM and category Zs. */
export function isUnicodeSpace(code: number): boolean {
	return (
		code === 0x20 ||
		(code >= 0x09 && code <= 0x0d) ||
		code === 0x85 ||
		code === 0xa0 ||
		code === 0x1680 ||
		(code >= 0x2000 && code <= 0x200a) ||
		code === 0x2028 ||
		code === 0x2029 ||
		code === 0x202f ||
		code === 0x205f ||
		code === 0x3000 ||
		code === 0xfeff
	);
}

/** White space as JavaScript sees it in `trim` and in the `\s` of a pattern: Unicode white space but NEL. */
export function isTrimmedSpace(code: number): boolean {
	return code !== 0x85 && isUnicodeSpace(code);
}

/**
 * Where a list marker that starts at `at` ends: after `-`, `*` or `+`, or after one to nine digits and
 * `.` or `)`; -1 where none starts there. What follows the marker is left to the caller.
 */
export function listMarkerEnd(text: string, at: number): number {
	const first = text.charCodeAt(at);
	if (first === 45 || first === 42 || first === 43) {
		return at + 1;
	}
	let end = at;
	while (end - at < 10 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) {
		end++;
	}
	const close = text.charCodeAt(end);
	return end === at || end - at > 9 || (close !== 46 && close !== 41) ? -1 : end + 1;
}

/** Characters other than these may change in lower case. */
const MAY_CHANGE_IN_LOWER_CASE = /[^a-z0-9 ._-]/;

/**
 * `text` in lower case, and `text` itself when lowering changes nothing (no second string is kept):
 * most owners, repositories and file names have no capital, and `toLowerCase` is not asked of those
 * made only of lower-case letters, digits and `.`, `_`, `-`, space.
 */
export function lowerCase(text: string): string {
	if (!MAY_CHANGE_IN_LOWER_CASE.test(text)) {
		return text;
	}
	const lower = text.toLowerCase();
	return lower === text ? text : lower;
}
