import type { CachedMetadata, Loc, Pos } from "obsidian";
import { TASK_PREFIX } from "./status";
import { isUnicodeSpace, listMarkerEnd } from "./text";
import { isBlankSpan, type LineSpans } from "./text-version";
import { closesFence, expandTabs, fenceAt, htmlBlockEnd, spacesAt } from "./block-starts";

const THEMATIC = /^(?:[-*_][\t ]*){3,}$/;
/** Quote markers and indentation of up to three spaces: what may stand before a block's own mark. */
const CONTAINER_PREFIX = /^(?:[\t ]*>)*[\t ]{0,3}/;
/** Marks that open a block of another kind: a fence, a comment, math, HTML. */
const OPENS_BLOCK = /^(?:`{3}|~{3}|%%|\$\$|<[!?/A-Za-z])/;
/** What a line that merely continues a paragraph (lazily) can never start with. */
const ENDS_PARAGRAPH = /^(?:`{3}|~{3}|%%|\$\$|<[!?/A-Za-z]|#{1,6}(?:[\t ]|$)|>|(?:[-*_][\t ]*){3,}$|[-=]+[\t ]*$)/;

/**
 * True when a note's metadata fits its text, checked as far as can be without parsing the note:
 * every list item, section and heading starts and ends where its line and column say; a list item
 * starts with a list marker and a task's status character is the one the metadata names; lines
 * between sections are blank; and every section's lines look like its kind (a code block opens with
 * a fence or indentation, a thematic break is one, HTML opens with `<`, and no line of a paragraph
 * or table opens a fence, comment, math block or HTML). Metadata handed over with the text
 * by the cache's `changed` event always fits; metadata read beside a text from the disk may be an
 * older parse, and then the note's lines must not be trusted for a write. The check can only say no:
 * when in doubt it does.
 */
export function metadataFitsText(text: string, spans: LineSpans, cache: CachedMetadata): boolean {
	const lineCount = spans.starts.length;
	const lineAt = (line: number): string => text.slice(spans.starts[line], spans.ends[line]);
	// A block Obsidian reports starts and ends where its lines and columns say, at the end of a line.
	const pointFits = (point: Loc): boolean => {
		const start = spans.starts[point.line];
		return start !== undefined && start + point.col === point.offset && point.offset <= text.length;
	};
	const fits = (position: Pos): boolean => pointFits(position.start) && pointFits(position.end) && spans.ends[position.end.line] === position.end.offset;
	// The column of each item's marker (inside its quotes), by line; -1 where no item starts.
	const markerColumn = new Int32Array(lineCount).fill(-1);
	for (const item of cache.listItems ?? []) {
		if (!fits(item.position) || !listMarkerAt(text, item.position.start.offset)) {
			return false;
		}
		const line = item.position.start.line;
		const content = lineAt(line);
		if (item.task !== undefined) {
			if (taskStatus(content.startsWith("\uFEFF") ? content.slice(1) : content) !== item.task) {
				return false;
			}
		}
		if (item.parent === line) {
			// An item that starts on its parent's line (`- [ ] 1. …`).
			continue;
		}
		let quote = 0;
		for (let at = 0; at < content.length; at++) {
			const code = content.charCodeAt(at);
			if (code === 62) {
				quote = at + 1;
			} else if (code !== 32 && code !== 9) {
				break;
			}
		}
		let column = quote;
		while (content.charCodeAt(column) === 32 || content.charCodeAt(column) === 9) {
			column++;
		}
		markerColumn[line] = column - quote;
		const parentColumn = item.parent >= 0 && item.parent < lineCount ? (markerColumn[item.parent] as number) : -1;
		if (item.parent < 0 ? column - quote > 3 : parentColumn === -1 || column - quote <= parentColumn) {
			return false;
		}
	}
	for (const heading of cache.headings ?? []) {
		if (!fits(heading.position)) {
			return false;
		}
	}
	if (cache.frontmatterPosition !== undefined && (!fits(cache.frontmatterPosition) || lineAt(cache.frontmatterPosition.start.line) !== "---")) {
		return false;
	}
	// Which lines the sections cover; the rest must be blank.
	const covered = new Uint8Array(lineCount);
	for (const section of cache.sections ?? []) {
		if (!fits(section.position)) {
			return false;
		}
		const { start, end } = section.position;
		for (let line = start.line; line <= end.line && line < lineCount; line++) {
			covered[line] = 1;
		}
		if (!sectionLooksLike(section.type, text, spans, start.line, end.line, markerColumn)) {
			return false;
		}
	}
	for (let line = 0; line < lineCount; line++) {
		if (covered[line] === 0 && !isBlankSpan(text, spans.starts[line] as number, spans.ends[line] as number)) {
			return false;
		}
	}
	return true;
}

/**
 * The status character `TASK_PREFIX` reads on a line (`- [x] …`), or null where it reads none. A line
 * of the usual shape (indentation, a list marker, spaces, a checkbox) is read by hand; a quote or a
 * status outside the basic plane is left to the expression.
 */
export function taskStatus(line: string): string | null {
	let at = 0;
	while (line.charCodeAt(at) === 32 || line.charCodeAt(at) === 9) {
		at++;
	}
	if (line.charCodeAt(at) === 62) {
		return TASK_PREFIX.exec(line)?.[2] ?? null;
	}
	const marker = listMarkerEnd(line, at);
	if (marker === -1) {
		return null;
	}
	at = marker;
	while (line.charCodeAt(at) === 32 || line.charCodeAt(at) === 9) {
		at++;
	}
	if (at === marker || line.charCodeAt(at) !== 91) {
		return null;
	}
	const status = line.charCodeAt(at + 1);
	if (status >= 0xd800 && status <= 0xdfff) {
		return TASK_PREFIX.exec(line)?.[2] ?? null;
	}
	if (Number.isNaN(status) || status === 10 || status === 13 || status === 0x2028 || status === 0x2029 || line.charCodeAt(at + 2) !== 93) {
		return null;
	}
	const after = at + 3;
	return after === line.length || line.charCodeAt(after) === 32 || line.charCodeAt(after) === 9 ? line.charAt(at + 1) : null;
}

/**
 * True when a list marker starts at `offset`, as `/^[\t >]{0,40}(?:[-*+]|\d{1,9}[.)])(?:[\t ]|$)/`
 * reads the 60 characters from there: at most 40 tabs, spaces and `>`, a bullet or up to nine digits
 * and `.` or `)`, then a tab, a space or the end of the text.
 */
function listMarkerAt(text: string, offset: number): boolean {
	let at = offset;
	while (at < text.length && at - offset <= 40) {
		const code = text.charCodeAt(at);
		if (code !== 9 && code !== 32 && code !== 62) {
			break;
		}
		at++;
	}
	if (at - offset > 40) {
		return false;
	}
	at = listMarkerEnd(text, at);
	if (at === -1) {
		return false;
	}
	if (at === text.length) {
		return true;
	}
	const next = text.charCodeAt(at);
	return next === 9 || next === 32;
}

/**
 * True when the line text[from, to) can only continue a paragraph, as the checks of a paragraph's
 * lines would find: after its indentation comes a character no block opens or ends with (a letter,
 * a Chinese character, most punctuation; not a space, which a line of nothing else would make blank).
 * Lines it is unsure of are read in full.
 */
function plainLine(text: string, from: number, to: number): boolean {
	let at = from;
	while (at < to && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) {
		at++;
	}
	if (at === to) {
		return false;
	}
	const code = text.charCodeAt(at);
	return code >= 128 ? !isUnicodeSpace(code) : PLAIN_START[code] === 1;
}

/** ASCII characters no block opens or ends with, nor a list marker starts with. */
const PLAIN_START = new Uint8Array(128);
for (let code = 33; code < 127; code++) {
	PLAIN_START[code] = "`~%$<#>-*_=+0123456789".includes(String.fromCharCode(code)) ? 0 : 1;
}

function sectionLooksLike(type: string, text: string, spans: LineSpans, from: number, to: number, items: Int32Array): boolean {
	const lineAt = (line: number): string => text.slice(spans.starts[line], spans.ends[line]);
	const start = spans.starts[from] as number;
	const first = lineAt(from).slice(text.charCodeAt(start) === 0xfeff ? 1 : 0);
	// Quotes and indentation before the block's own text (only a line starting with either has them).
	const lead = first.charCodeAt(0);
	const own = lead === 32 || lead === 9 || lead === 62 ? first.slice((CONTAINER_PREFIX.exec(first)?.[0] ?? "").length) : first;
	// A block that must end at a line of its own kind ends there, or runs to the end of the note (the
	// blank lines after it are no section's): asked only of such blocks that do not end there.
	const last = lineAt(to);
	const atEnd = (): boolean => {
		for (let line = to + 1; line < spans.starts.length; line++) {
			if (!isBlankSpan(text, spans.starts[line] as number, spans.ends[line] as number)) {
				return false;
			}
		}
		return true;
	};
	switch (type) {
		case "code": {
			const fence = fenceAt(own, 0);
			if (fence === 0) {
				// Indented code: no line of it opens a fence (or it would be fenced code now).
				for (let line = from; line <= to; line++) {
					const expanded = expandTabs(lineAt(line));
					const indent = spacesAt(expanded, 0);
					if (indent <= 3 && fenceAt(expanded, indent) > 0) {
						return false;
					}
				}
				return /^(?:[\t ]*>)*(?: {4}|\t)/.test(first);
			}
			return (to > from && closesFence(expandTabs(last), 0, own.charAt(0), fence)) || atEnd();
		}
		case "thematicBreak":
			return THEMATIC.test(own.trimEnd());
		case "html": {
			if (!own.startsWith("<")) {
				return false;
			}
			const end = own.startsWith("<!--") ? /-->/ : htmlBlockEnd(own, 0, false);
			// Kinds that end at a line holding their end hold it on their last line (`<!-->` and
			// `<!--->` close where they open).
			return !(end instanceof RegExp) || end.test(to === from ? own.slice(own.startsWith("<!--") ? 2 : 1) : last) || atEnd();
		}
		case "heading":
			return own.startsWith("#") || to > from;
		case "yaml":
			return first === "---";
		case "comment":
		case "math": {
			// Opened by its mark at the start, closed on its last line (after the opening mark, when
			// that is the same line).
			const mark = type === "comment" ? "%%" : "$$";
			const body = own.trimStart();
			if (!body.startsWith(mark)) {
				return false;
			}
			return (to === from ? body.includes(mark, 2) : last.includes(mark)) || atEnd();
		}
		case "paragraph":
		case "table":
			// A paragraph starts with at most three spaces, has no blank line, and no line of it opens
			// a block of another kind or ends it.
			if (/^(?: {4}|\t)/.test(first)) {
				return false;
			}
			for (let line = from; line <= to; line++) {
				if (plainLine(text, spans.starts[line] as number, spans.ends[line] as number)) {
					continue;
				}
				const content = lineAt(line);
				const rest = content.slice((CONTAINER_PREFIX.exec(content)?.[0] ?? "").length);
				const body = rest.replace(/^(?:[-*+]|\d{1,9}[.)])[\t ]+/, "");
				if (rest.trim() === "" || OPENS_BLOCK.test(rest) || OPENS_BLOCK.test(body) || (line > from && ENDS_PARAGRAPH.test(rest))) {
					return false;
				}
			}
			return true;
		default:
			// A list starts with an item; a quote or a callout with its `>`.
			if (type === "list" && items[from] === -1) {
				return false;
			}
			if ((type === "blockquote" || type === "callout") && !/^[\t ]{0,3}>/.test(first)) {
				return false;
			}
			// Lists, quotes, callouts and footnotes may hold code, HTML and comments of their own, but a
			// line at the margin that is no item and no quote only continues a paragraph (lazily): it
			// cannot open or end a block.
			for (let line = from + 1; line <= to; line++) {
				const start = spans.starts[line] as number;
				const margin = start < (spans.ends[line] as number) ? text.charCodeAt(start) : -1;
				if (items[line] !== -1 || margin === 32 || margin === 9 || margin === -1 || (type !== "list" && margin === 62)) {
					continue;
				}
				if (margin < 128 ? PLAIN_START[margin] === 1 : !isUnicodeSpace(margin)) {
					continue;
				}
				const content = lineAt(line);
				if (ENDS_PARAGRAPH.test(content) || OPENS_BLOCK.test(content)) {
					return false;
				}
			}
			return true;
	}
}
