import type { CachedMetadata, Pos } from "obsidian";
import { TASK_PREFIX } from "./status";
import { isBlankSpan, type LineSpans } from "./text-version";

const LIST_MARKER_AT = /^[\t >]{0,40}(?:[-*+]|\d{1,9}[.)])(?:[\t ]|$)/;
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
	// Every block Obsidian reports starts where its line and column say and ends at the end of a line.
	const fits = (position: Pos): boolean => {
		for (const point of [position.start, position.end]) {
			const start = spans.starts[point.line];
			if (start === undefined || start + point.col !== point.offset || point.offset > text.length) {
				return false;
			}
		}
		return spans.ends[position.end.line] === position.end.offset;
	};
	for (const item of cache.listItems ?? []) {
		if (!fits(item.position) || !LIST_MARKER_AT.test(text.slice(item.position.start.offset, item.position.start.offset + 60))) {
			return false;
		}
		if (item.task !== undefined) {
			const content = lineAt(item.position.start.line);
			const match = TASK_PREFIX.exec(content.startsWith("\uFEFF") ? content.slice(1) : content);
			if (!match || match[2] !== item.task) {
				return false;
			}
		}
	}
	const markerColumn = new Map<number, number>();
	for (const item of cache.listItems ?? []) {
		const content = lineAt(item.position.start.line);
		const quote = /^(?:[\t ]*>)*/.exec(content)?.[0].length ?? 0;
		let column = quote;
		while (content.charCodeAt(column) === 32 || content.charCodeAt(column) === 9) {
			column++;
		}
		const line = item.position.start.line;
		if (item.parent === line) {
			// An item that starts on its parent's line (`- [ ] 1. …`).
			continue;
		}
		markerColumn.set(line, column - quote);
		const parentColumn = item.parent >= 0 ? markerColumn.get(item.parent) : undefined;
		if (item.parent < 0 ? column - quote > 3 : parentColumn === undefined || column - quote <= parentColumn) {
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
		if (!sectionLooksLike(section.type, lineAt, start.line, end.line, markerColumn)) {
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

function sectionLooksLike(type: string, lineAt: (line: number) => string, from: number, to: number, items: ReadonlyMap<number, number>): boolean {
	const first = lineAt(from).replace(/^\uFEFF/, "");
	const own = first.slice((CONTAINER_PREFIX.exec(first)?.[0] ?? "").length);
	switch (type) {
		case "code":
			return /^(?:`{3}|~{3})/.test(own) || /^(?:[\t ]*>)*(?: {4}|\t)/.test(first);
		case "thematicBreak":
			return THEMATIC.test(own.trimEnd());
		case "html":
			return own.startsWith("<");
		case "heading":
			return own.startsWith("#") || to > from;
		case "yaml":
			return first === "---";
		case "comment":
		case "math":
			return true;
		case "paragraph":
		case "table":
			// A paragraph starts with at most three spaces, has no blank line, and no line of it opens
			// a block of another kind or ends it.
			if (/^(?: {4}|\t)/.test(first)) {
				return false;
			}
			for (let line = from; line <= to; line++) {
				const content = lineAt(line);
				const rest = content.slice((CONTAINER_PREFIX.exec(content)?.[0] ?? "").length);
				const body = rest.replace(/^(?:[-*+]|\d{1,9}[.)])[\t ]+/, "");
				if (rest.trim() === "" || OPENS_BLOCK.test(rest) || OPENS_BLOCK.test(body) || (line > from && ENDS_PARAGRAPH.test(rest))) {
					return false;
				}
			}
			return true;
		default:
			// Lists, quotes, callouts and footnotes may hold code, HTML and comments of their own, but a
			// line at the margin that is no item and no quote only continues a paragraph (lazily): it
			// cannot open or end a block.
			for (let line = from + 1; line <= to; line++) {
				const content = lineAt(line);
				const margin = content.charCodeAt(0);
				if (items.has(line) || margin === 32 || margin === 9 || content === "" || (type !== "list" && margin === 62)) {
					continue;
				}
				if (ENDS_PARAGRAPH.test(content) || OPENS_BLOCK.test(content)) {
					return false;
				}
			}
			return true;
	}
}
