import type { CachedMetadata, Reference } from "obsidian";
import { isCommented, LINE_SKIPPED, maskComments } from "./comments";
import { eachPdfUrl, isWebUrl } from "./pdf-links";
import { localSessionRef, type NoteYear, remoteSessionRef } from "./session-refs";
import { isPdfTarget, maskInlineCode, stripQueryAndFragment } from "./text";
import type { SessionRef } from "./types";
import { sortIfNeeded, trimmed } from "./memo";

const byLine = (a: SessionRef, b: SessionRef): number => a.line - b.line;

/** What finding a note's PDF links needs. */
export interface LinkInput {
	path: string;
	cache: CachedMetadata;
	resolveLink: (linkpath: string, sourcePath: string) => string | null;
	/**
	 * The text the lines were split from, when at hand: the lines with `://` are then found by one
	 * search over it, and a note without any is not walked line by line.
	 */
	text?: string;
}

/**
 * Every PDF link of a note as a session reference: web links in the text (never in code, comments or
 * the properties block), internal links and embeds from the metadata (not those in comments, which
 * the metadata still lists for `%%`), and PDF links in properties. `shown` is the lines with their
 * comments blanked (`maskComments`, list items and headings starting blocks), when made already.
 */
export function findSessions(input: LinkInput, lines: string[], skipped: Uint8Array, noteYear: NoteYear, shown?: readonly string[]): SessionRef[] {
	const refs: SessionRef[] = [];
	let starts: Set<number> | null = null;
	const visible = shown ?? maskComments(lines, skipped, (line) => (starts ??= blockStarts(input.cache)).has(line));
	let line = 0;
	let masked = false;
	const take = (text: string | null, url: string): void => {
		// A comment inside the link text leaves a gap of one space, as the rendered text shows it.
		const title = masked && text !== null ? text.replace(/[\t ]{2,}/g, " ") : text;
		refs.push(remoteSessionRef(url, title, line, noteYear));
	};
	const withUrls = linesWithUrls(input.text, lines);
	const count = withUrls === null ? lines.length : withUrls.length;
	for (let at = 0; at < count; at++) {
		line = withUrls === null ? at : (withUrls[at] as number);
		if (skipped[line] === LINE_SKIPPED) {
			continue;
		}
		const text = visible[line] as string;
		if (!text.includes("://")) {
			continue;
		}
		masked = text !== lines[line];
		eachPdfUrl(maskInlineCode(text), take);
	}
	const { cache } = input;
	let propertyLine: ((needle: string) => number) | null = null;
	for (const list of [cache.links, cache.embeds]) {
		for (const link of list ?? []) {
			const start = positionOf(link);
			if (start !== null && isCommented(lines, visible, skipped, start.line, start.col, link.original)) {
				continue;
			}
			const ref = internalRef(input, link, start === null ? -1 : start.line, noteYear);
			if (ref) {
				refs.push(ref);
			}
		}
	}
	for (const link of cache.frontmatterLinks ?? []) {
		propertyLine ??= propertyLines(cache, lines);
		const ref = internalRef(input, link, propertyLine(link.original), noteYear);
		if (ref) {
			refs.push(ref);
		}
	}
	const frontmatter = cache.frontmatter;
	if (frontmatter) {
		for (const key of Object.keys(frontmatter)) {
			const urls: string[] = [];
			webPdfValues(frontmatter[key], urls);
			for (const url of urls) {
				propertyLine ??= propertyLines(cache, lines);
				refs.push(remoteSessionRef(url, key === "pdf" ? titleProperty(cache) : null, propertyLine(url), noteYear));
			}
		}
	}
	return trimmed(sortIfNeeded(refs, byLine));
}

/**
 * The lines that hold `://` (as indexes, in order), found by searching the text they were split from
 * (`splitLines`: on `\n`, a `\r` before it dropped). Null, for every line, when there is no such
 * text, or when it turns out not to be theirs.
 */
function linesWithUrls(text: string | undefined, lines: readonly string[]): number[] | null {
	if (text === undefined || !mayBeSplitFrom(text, lines)) {
		return null;
	}
	const found: number[] = [];
	let start = 0;
	let line = 0;
	for (let at = text.indexOf("://"); at !== -1; at = text.indexOf("://", at + 1)) {
		// Step to the line that holds `at`.
		for (;;) {
			const length = (lines[line] ?? "").length;
			let end = start + length;
			if (at + 3 <= end) {
				break;
			}
			if (text.charCodeAt(end) === 13) {
				end++;
			}
			if (text.charCodeAt(end) !== 10 || line + 1 >= lines.length) {
				return null;
			}
			start = end + 1;
			line++;
		}
		if (found[found.length - 1] !== line) {
			found.push(line);
		}
	}
	return found;
}

/** False when `text` is too short or too long to be `lines` joined by `\n` or `\r\n` (with a `\r` at the end). */
function mayBeSplitFrom(text: string, lines: readonly string[]): boolean {
	let length = lines.length - 1;
	for (const line of lines) {
		length += line.length;
	}
	return text.length >= length && text.length <= length + lines.length;
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

/** The web PDF addresses of a property value: a text, or a list of them (at any depth). */
function webPdfValues(value: unknown, found: string[]): void {
	if (typeof value === "string") {
		const trimmed = value.trim();
		if (isWebUrl(trimmed) && isPdfTarget(trimmed)) {
			found.push(trimmed);
		}
	} else if (Array.isArray(value)) {
		for (const entry of value) {
			webPdfValues(entry, found);
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
