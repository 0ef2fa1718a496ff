import { listMarkerEnd } from "./text";
import { isBlankSpan } from "./text-version";
/**
 * What a line's content starts, as CommonMark's block structure reads it: list markers, code fences,
 * HTML blocks, headings and their underlines, read at a position of the line without slicing it
 * (`model/nested-blocks.ts` asks at every line of a list, quote or callout). Columns count after tabs
 * are turned into spaces (`expandTabs`).
 */

/** HTML blocks that end at a line holding their end (CommonMark's kinds 1, 3, 4 and 5). */
const HTML_UNTIL: ReadonlyArray<[start: RegExp, end: RegExp]> = [
	[/<(?:script|pre|style|textarea)(?:[\t >]|$)/iy, /<\/(?:script|pre|style|textarea)>/i],
	[/<\?/y, /\?>/],
	[/<![A-Za-z]/y, />/],
	[/<!\[CDATA\[/y, /\]\]>/],
];
/** HTML blocks that end at a blank line: a block-level tag (kind 6). */
const HTML_BLOCK_TAG =
	/<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\t ]|\/?>|$)/iy;
/** Any other whole open or closing tag alone on its line (kind 7; it cannot end a paragraph). */
const HTML_LONE_TAG = /(?:<[A-Za-z][A-Za-z0-9-]*(?:[\t ]+[A-Za-z_:][\w.:-]*(?:[\t ]*=[\t ]*(?:[^\t "'=<>`]+|'[^']*'|"[^"]*"))?)*[\t ]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[\t ]*>)[\t ]*$/y;
const ATX_HEADING = /#{1,6}(?:[ \t]|$)/y;

/**
 * The length of the list marker at `at` (`-`, `+`, `*`, or up to nine digits and `.` or `)`, then a
 * space, a tab or the line's end), or 0. Within a paragraph only a list that starts at 1 and has
 * content can begin.
 */
export function listMarker(text: string, at: number, inParagraph: boolean): number {
	const end = listMarkerEnd(text, at);
	if (end === -1 || (end < text.length && text.charCodeAt(end) !== 32)) {
		return 0;
	}
	const char = text.charCodeAt(at);
	const bullet = char === 45 || char === 43 || char === 42;
	if (inParagraph && (isBlank(text, end) || (!bullet && (end - at !== 2 || char !== 49)))) {
		return 0;
	}
	return end - at;
}

/**
 * The length of the code fence at `at` (three or more backticks or tildes; a backtick fence's info
 * string holds no backtick), or 0.
 */
export function fenceAt(text: string, at: number): number {
	const char = text.charCodeAt(at);
	if (char !== 96 && char !== 126) {
		return 0;
	}
	let end = at;
	while (text.charCodeAt(end) === char) {
		end++;
	}
	if (end - at < 3 || (char === 96 && text.includes("`", end))) {
		return 0;
	}
	return end - at;
}

const HIDDEN_HTML = /<(?:script|style)(?:[\t >]|$)/iy;

/** True when a script or a style, HTML whose text is never shown, starts at `at`. */
export function isHiddenHtml(text: string, at: number): boolean {
	HIDDEN_HTML.lastIndex = at;
	return HIDDEN_HTML.test(text);
}

/**
 * True when the line closes a fence of `length` or more `char`s from `pos`: up to three spaces, the
 * fence, nothing after it but spaces and tabs.
 */
export function closesFence(text: string, pos: number, char: string, length: number): boolean {
	const indent = spacesAt(text, pos);
	if (indent > 3) {
		return false;
	}
	let end = pos + indent;
	while (text[end] === char) {
		end++;
	}
	return end - pos - indent >= length && isBlank(text, end);
}

/**
 * What ends the HTML block (not a comment) that starts at `at`: a line holding the pattern, or (null) a
 * blank line; undefined when none starts there. Within a paragraph a lone tag starts none.
 */
export function htmlBlockEnd(text: string, at: number, inParagraph: boolean): RegExp | null | undefined {
	for (const [start, end] of HTML_UNTIL) {
		start.lastIndex = at;
		if (start.test(text)) {
			return end;
		}
	}
	HTML_BLOCK_TAG.lastIndex = at;
	if (HTML_BLOCK_TAG.test(text)) {
		return null;
	}
	HTML_LONE_TAG.lastIndex = at;
	return !inParagraph && HTML_LONE_TAG.test(text) ? null : undefined;
}

/** True when the line from `at` is a setext heading's underline: `=` or `-` only, then spaces. */
export function isUnderline(text: string, at: number): boolean {
	const char = text.charCodeAt(at);
	if (char !== 61 && char !== 45) {
		return false;
	}
	let end = at;
	while (text.charCodeAt(end) === char) {
		end++;
	}
	return isBlank(text, end);
}

/** True when the line from `at` is an ATX heading (`#` to `######`, then a space or the end). */
export function isHeading(text: string, at: number): boolean {
	ATX_HEADING.lastIndex = at;
	return ATX_HEADING.test(text);
}

/** How many spaces stand at `pos`. */
export function spacesAt(text: string, pos: number): number {
	let end = pos;
	while (text.charCodeAt(end) === 32) {
		end++;
	}
	return end - pos;
}

/** True when the line from `pos` is blank: nothing but spaces and tabs. */
export function isBlank(text: string, pos: number): boolean {
	return isBlankSpan(text, pos, text.length);
}

/**
 * The line with each tab of its start turned into the spaces up to the next tab stop (every 4
 * columns): as far as quote markers, list markers and indentation go, where columns count. The rest
 * is kept as it is.
 */
export function expandTabs(text: string): string {
	const tab = text.indexOf("\t");
	if (tab === -1) {
		return text;
	}
	let end = 0;
	while (end < text.length && PREFIX_CHARS.includes(text[end] as string)) {
		end++;
	}
	if (tab >= end) {
		return text;
	}
	let result = "";
	for (let i = 0; i < end; i++) {
		const char = text[i] as string;
		result += char === "\t" ? " ".repeat(4 - (result.length % 4)) : char;
	}
	return result + text.slice(end);
}

/** What the start of a line, where columns count, is made of. */
const PREFIX_CHARS = " \t>-+*.)0123456789";
