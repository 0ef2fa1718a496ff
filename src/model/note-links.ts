import type { CachedMetadata, Reference } from "obsidian";
import { isCommented, LINE_SKIPPED, maskComments } from "./comments";
import { findPdfUrls, isWebUrl } from "./pdf-links";
import { localSessionRef, type NoteYear, remoteSessionRef } from "./session-refs";
import { isPdfTarget, maskInlineCode, stripQueryAndFragment } from "./text";
import type { SessionRef } from "./types";

/** What finding a note's PDF links needs. */
export interface LinkInput {
	path: string;
	cache: CachedMetadata;
	resolveLink: (linkpath: string, sourcePath: string) => string | null;
}

/**
 * Every PDF link of a note as a session reference: web links in the text (never in code, comments or
 * the properties block), internal links and embeds from the metadata (not those in comments, which
 * the metadata still lists for `%%`), and PDF links in properties.
 */
export function findSessions(input: LinkInput, lines: string[], skipped: Uint8Array, noteYear: NoteYear): SessionRef[] {
	const refs: SessionRef[] = [];
	let starts: Set<number> | null = null;
	const visible = maskComments(lines, skipped, (line) => (starts ??= blockStarts(input.cache)).has(line));
	for (let line = 0; line < lines.length; line++) {
		if (skipped[line] === LINE_SKIPPED) {
			continue;
		}
		const text = visible[line] as string;
		if (!text.includes("://")) {
			continue;
		}
		const masked = text !== lines[line];
		for (const link of findPdfUrls(maskInlineCode(text))) {
			// A comment inside the link text leaves a gap of one space, as the rendered text shows it.
			const title = masked && link.text !== null ? link.text.replace(/[\t ]{2,}/g, " ") : link.text;
			refs.push(remoteSessionRef(link.url, title, line, noteYear));
		}
	}
	const internal: Reference[] = [...(input.cache.links ?? []), ...(input.cache.embeds ?? [])];
	for (const link of internal) {
		const start = positionOf(link);
		if (start !== null && isCommented(lines, visible, skipped, start.line, start.col, link.original)) {
			continue;
		}
		const ref = internalRef(input, link, start === null ? -1 : start.line, noteYear);
		if (ref) {
			refs.push(ref);
		}
	}
	const propertyLine = propertyLines(input.cache, lines);
	for (const link of input.cache.frontmatterLinks ?? []) {
		const ref = internalRef(input, link, propertyLine(link.original), noteYear);
		if (ref) {
			refs.push(ref);
		}
	}
	for (const [key, value] of Object.entries(input.cache.frontmatter ?? {})) {
		for (const url of webPdfValues(value)) {
			refs.push(remoteSessionRef(url, key === "pdf" ? titleProperty(input.cache) : null, propertyLine(url), noteYear));
		}
	}
	return refs.sort((a, b) => a.line - b.line);
}

function positionOf(link: Reference): { line: number; col: number } | null {
	return "position" in link ? (link as { position: { start: { line: number; col: number } } }).position.start : null;
}

/** Where a new block starts (list items and headings): an HTML comment never runs over them. */
function blockStarts(cache: CachedMetadata): Set<number> {
	const starts = new Set<number>();
	for (const item of cache.listItems ?? []) {
		starts.add(item.position.start.line);
	}
	for (const heading of cache.headings ?? []) {
		starts.add(heading.position.start.line);
	}
	return starts;
}

function internalRef(input: LinkInput, link: Reference, line: number, noteYear: NoteYear): SessionRef | null {
	if (isWebUrl(link.link) || link.link.includes(":") || !isPdfTarget(link.link)) {
		return null;
	}
	const linkpath = stripQueryAndFragment(link.link).trim();
	const resolved = input.resolveLink(linkpath, input.path) ?? linkpath;
	const display = link.displayText !== undefined && link.displayText !== link.link ? link.displayText : null;
	return localSessionRef(resolved, display, line, noteYear);
}

function* webPdfValues(value: unknown): Generator<string> {
	if (typeof value === "string") {
		const trimmed = value.trim();
		if (isWebUrl(trimmed) && isPdfTarget(trimmed)) {
			yield trimmed;
		}
	} else if (Array.isArray(value)) {
		for (const entry of value) {
			yield* webPdfValues(entry);
		}
	}
}

function titleProperty(cache: CachedMetadata): string | null {
	const title: unknown = cache.frontmatter?.title;
	return typeof title === "string" ? title : null;
}

/**
 * A finder of the line of the properties block that holds a value, else the block's first line.
 * Each search starts where the last one ended (properties are met in the order they are written), so
 * a block of thousands of PDF links is read about once, not once per link.
 */
function propertyLines(cache: CachedMetadata, lines: string[]): (needle: string) => number {
	const position = cache.frontmatterPosition;
	const first = position?.start.line ?? 0;
	const count = position ? position.end.line - first + 1 : 0;
	let cursor = 0;
	return (needle) => {
		for (let step = 0; step < count; step++) {
			const offset = (cursor + step) % count;
			if ((lines[first + offset] ?? "").includes(needle)) {
				cursor = offset;
				return first + offset;
			}
		}
		return first;
	};
}

