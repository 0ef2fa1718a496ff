import { CodeSpanFinder } from "./code-spans";
import { ALNUM, CHAR_KINDS, kindsAt } from "./question-words";
import { backtickRuns } from "./text";
/**
 * The parts of a line that the question rules read. Code spans, links and URLs are filled with a
 * neutral mark of the same length (so positions still point into the line): a word in `why()`, in a
 * talk's link text or in a URL never makes a line ask. The line is then cut into sentences and
 * into the clauses set apart in brackets or bold. Every scan moves forward only: linear in the line.
 */

/** Stands for a character of code, a link or a URL: no letter, no space, no punctuation. */
export const FILLER = "\u2591";

/** A span of a line, [from, to). */
export interface Span {
	from: number;
	to: number;
}

/** A sentence and the mark that ends it (`""` at the end of the line). */
export interface Sentence extends Span {
	end: string;
}

/** The line with inline code, links (text and target), wikilinks and bare URLs filled. */
export function readable(text: string): string {
	if (!/[`[\]:]/.test(text)) {
		return text;
	}
	const fill: Span[] = [];
	const runs = codeSpans(text);
	let next = 0;
	let lastOpen = -1;
	let closeParen = -2;
	let closeWiki = -2;
	for (let i = 0; i < text.length; i++) {
		const code = runs[next];
		if (code !== undefined && i === code.from) {
			fill.push(code);
			i = code.to - 1;
			next++;
			lastOpen = -1;
			continue;
		}
		const char = text.charCodeAt(i);
		if (char === 91 && text.charCodeAt(i + 1) === 91) {
			// [[wikilink]] (or ![[embed]]) up to the next ]].
			if (closeWiki !== -1 && closeWiki < i) {
				closeWiki = text.indexOf("]]", i + 2);
			}
			if (closeWiki === -1) {
				continue;
			}
			fill.push({ from: i, to: closeWiki + 2 });
			i = closeWiki + 1;
			lastOpen = -1;
		} else if (char === 91) {
			lastOpen = i;
		} else if (char === 93 && text.charCodeAt(i + 1) === 40 && lastOpen !== -1) {
			// [text](target): the text is a title or a name, the target a path.
			if (closeParen !== -1 && closeParen < i) {
				closeParen = text.indexOf(")", i + 2);
			}
			if (closeParen === -1) {
				continue;
			}
			fill.push({ from: lastOpen, to: closeParen + 1 });
			i = closeParen;
			lastOpen = -1;
		} else if ((char === 104 || char === 72) && (startsWithUrl(text, i))) {
			let end = i;
			while (end < text.length && !isSpace(text.charCodeAt(end)) && text.charCodeAt(end) !== 62) {
				end++;
			}
			fill.push({ from: i, to: end });
			i = end - 1;
		}
	}
	return fillSpans(text, fill);
}

/** `CHAR_KINDS`, and a bit of its own for the characters `readable` fills from: `` ` ``, `[`, `]`, `h`. */
const FILLS = 128;
const WALK_KINDS = CHAR_KINDS.slice();
for (const char of "`[]hH") {
	WALK_KINDS[char.charCodeAt(0)] = (WALK_KINDS[char.charCodeAt(0)] as number) | FILLS;
}

/**
 * True when `readable(text.slice(from))` holds a character some rule asks by (`mayAskBy` in
 * `model/question-words.ts`): when false, no rule can find the line asking. The same walk as
 * `readable`, without making the filled line: each character is read once and nothing is allocated
 * (unless the line holds backticks), so a line that cannot ask costs a few nanoseconds a character.
 * A character seen after a `[` counts only once no link `[…](…)` can fill it.
 */
export function mayAskReadable(text: string, from = 0): boolean {
	/** Made at the first backtick the walk meets: most lines have none. */
	let code: CodeSpanFinder | null = null;
	let span: Span | null = null;
	let lastOpen = -1;
	let closeParen = -2;
	let closeWiki = -2;
	let afterAlnum = false;
	/** A character that asks stands after `lastOpen`: a link from there would fill it. */
	let pending = false;
	for (let i = from; i < text.length; i++) {
		const char = text.charCodeAt(i);
		const kinds = WALK_KINDS[char] as number;
		if (kinds === 0 || kinds === ALNUM) {
			afterAlnum = kinds === ALNUM;
			continue;
		}
		if ((kinds & FILLS) !== 0) {
			if (char === 96 && code === null) {
				// The code spans from the start of the text: one that starts before `i` was skipped.
				code = new CodeSpanFinder(text);
				span = { from: -1, to: -1 };
				if (!code.next(from, span)) {
					span.from = -1;
				}
			}
			if (span !== null && i === span.from) {
				// A code span: what stood after `lastOpen` is now past any link.
				if (pending) {
					return true;
				}
				i = span.to - 1;
				if (!(code as CodeSpanFinder).next(span.to, span)) {
					span.from = -1;
				}
				lastOpen = -1;
				afterAlnum = false;
				continue;
			}
			if (char === 91 && text.charCodeAt(i + 1) === 91) {
				if (closeWiki !== -1 && closeWiki < i) {
					closeWiki = text.indexOf("]]", i + 2);
				}
				if (closeWiki !== -1) {
					if (pending) {
						return true;
					}
					i = closeWiki + 1;
					lastOpen = -1;
					afterAlnum = false;
					continue;
				}
			} else if (char === 91) {
				if (pending) {
					return true;
				}
				lastOpen = i;
			} else if (char === 93 && text.charCodeAt(i + 1) === 40 && lastOpen !== -1) {
				if (closeParen !== -1 && closeParen < i) {
					closeParen = text.indexOf(")", i + 2);
				}
				if (closeParen !== -1) {
					// The link fills all from `lastOpen` (or from the last URL after it) on.
					pending = false;
					i = closeParen;
					lastOpen = -1;
					afterAlnum = false;
					continue;
				}
			} else if ((char === 104 || char === 72) && startsWithUrl(text, i)) {
				// A link after `lastOpen` would fill only from the end of the URL on.
				if (pending) {
					return true;
				}
				let end = i;
				while (end < text.length && !isSpace(text.charCodeAt(end)) && text.charCodeAt(end) !== 62) {
					end++;
				}
				i = end - 1;
				afterAlnum = false;
				continue;
			}
		}
		if (kindsAt(text, i, kinds, afterAlnum) !== 0) {
			if (lastOpen === -1) {
				return true;
			}
			pending = true;
		}
		afterAlnum = (kinds & ALNUM) !== 0;
	}
	return pending;
}

/** `http://` or `https://` at `at`, in any case (no other character lower-cases into these). */
function startsWithUrl(text: string, at: number): boolean {
	if (lowerAscii(text, at) !== 104 || lowerAscii(text, at + 1) !== 116 || lowerAscii(text, at + 2) !== 116 || lowerAscii(text, at + 3) !== 112) {
		return false;
	}
	const colon = lowerAscii(text, at + 4) === 115 ? at + 5 : at + 4;
	return text.charCodeAt(colon) === 58 && text.charCodeAt(colon + 1) === 47 && text.charCodeAt(colon + 2) === 47;
}

function lowerAscii(text: string, at: number): number {
	const char = text.charCodeAt(at);
	return char >= 65 && char <= 90 ? char + 32 : char;
}

function isSpace(char: number): boolean {
	return char === 32 || char === 9 || char === 0xa0 || char === 0x3000;
}

/** Code spans of a line: a backtick run up to the next run of the same length (one pass). */
function codeSpans(text: string): Span[] {
	const { opens, starts, lengths, closing } = backtickRuns(text);
	const spans: Span[] = [];
	for (let k = 0; k < starts.length; k++) {
		const close = closing[k] as number;
		if (close !== -1) {
			spans.push({ from: opens[k] as number, to: (starts[close] as number) + (lengths[close] as number) });
			k = close;
		}
	}
	return spans;
}

/** The text with each span (in order, not overlapping) replaced by fillers. */
export function fillSpans(text: string, spans: readonly Span[]): string {
	if (spans.length === 0) {
		return text;
	}
	let result = "";
	let copied = 0;
	for (const span of spans) {
		const from = Math.max(copied, span.from);
		if (span.to > from) {
			result += text.slice(copied, from) + FILLER.repeat(span.to - from);
			copied = span.to;
		}
	}
	return result + text.slice(copied);
}

const OPEN = 40;
const OPEN_WIDE = 0xff08;
const CLOSE = 41;
const CLOSE_WIDE = 0xff09;
const STAR = 42;

/**
 * Clauses set apart in a line: the innermost bracketed ones (ASCII or full-width brackets) and the
 * bold ones (`**…**`), as the spans of their content, in order of their start.
 */
export function clauses(text: string): { brackets: Span[]; bold: Span[] } {
	const brackets: Span[] = [];
	const bold: Span[] = [];
	let open = -1;
	let boldOpen = -1;
	for (let i = 0; i < text.length; i++) {
		const char = text.charCodeAt(i);
		if (char === OPEN || char === OPEN_WIDE) {
			open = i;
		} else if ((char === CLOSE || char === CLOSE_WIDE) && open !== -1) {
			brackets.push({ from: open + 1, to: i });
			open = -1;
		} else if (char === STAR && text.charCodeAt(i + 1) === STAR) {
			if (boldOpen === -1) {
				boldOpen = i + 2;
			} else {
				bold.push({ from: boldOpen, to: i });
				boldOpen = -1;
			}
			i++;
		}
	}
	return { brackets, bold };
}

/** `。！!；;？?`: the marks that end a sentence (a `.` only before a space or at the end). */
function endsSentence(char: number): boolean {
	return char === 0x3002 || char === 0xff01 || char === 33 || char === 0xff1b || char === 59 || char === 0xff1f || char === 63;
}

/**
 * The sentences of a line: cut after `。！；？` (and their ASCII forms; a `.` only before a space or
 * at the end, so `sync.Pool` and `1.21` stay whole).
 */
export function sentences(text: string): Sentence[] {
	const found: Sentence[] = [];
	let from = 0;
	for (let i = 0; i < text.length; i++) {
		const char = text.charCodeAt(i);
		if (endsSentence(char) || (char === 46 && (i + 1 === text.length || isSpace(text.charCodeAt(i + 1))))) {
			let to = i + 1;
			while (to < text.length && endsSentence(text.charCodeAt(to))) {
				to++;
			}
			found.push({ from, to: i, end: text.charAt(i) });
			from = to;
			i = to - 1;
		}
	}
	if (from < text.length) {
		found.push({ from, to: text.length, end: "" });
	}
	return found;
}

/** A span without the spaces, emphasis marks and quotes around it. */
export function trimSpan(text: string, span: Span): Span {
	let { from, to } = span;
	while (from < to && " \t*_\u3000\"'“‘".includes(text.charAt(from))) {
		from++;
	}
	while (to > from && " \t*_\u3000\"'”’，,：:".includes(text.charAt(to - 1))) {
		to--;
	}
	return { from, to };
}
