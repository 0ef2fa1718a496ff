import type { CachedMetadata, Reference } from "obsidian";
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
 * Every PDF link of a note as a session reference: web links in the text (never in code or the
 * properties block), internal links and embeds from the metadata, and PDF links in properties.
 */
export function findSessions(input: LinkInput, lines: string[], skipped: Uint8Array, noteYear: NoteYear): SessionRef[] {
	const refs: SessionRef[] = [];
	for (let line = 0; line < lines.length; line++) {
		if (skipped[line] === 1) {
			continue;
		}
		const text = lines[line] as string;
		if (!text.includes("://")) {
			continue;
		}
		for (const link of findPdfUrls(maskInlineCode(text))) {
			refs.push(remoteSessionRef(link.url, link.text, line, noteYear));
		}
	}
	const internal: Reference[] = [...(input.cache.links ?? []), ...(input.cache.embeds ?? [])];
	for (const link of internal) {
		const ref = internalRef(input, link, lineOf(link), noteYear);
		if (ref) {
			refs.push(ref);
		}
	}
	for (const link of input.cache.frontmatterLinks ?? []) {
		const ref = internalRef(input, link, propertyLine(input.cache, lines, link.original), noteYear);
		if (ref) {
			refs.push(ref);
		}
	}
	for (const [key, value] of Object.entries(input.cache.frontmatter ?? {})) {
		for (const url of webPdfValues(value)) {
			refs.push(remoteSessionRef(url, key === "pdf" ? titleProperty(input.cache) : null, propertyLine(input.cache, lines, url), noteYear));
		}
	}
	return refs.sort((a, b) => a.line - b.line);
}

function lineOf(link: Reference): number {
	return "position" in link ? (link as { position: { start: { line: number } } }).position.start.line : -1;
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

/** The line of the properties block that holds `needle`, else the block's first line. */
function propertyLine(cache: CachedMetadata, lines: string[], needle: string): number {
	const position = cache.frontmatterPosition;
	if (!position) {
		return 0;
	}
	for (let line = position.start.line; line <= position.end.line; line++) {
		if ((lines[line] ?? "").includes(needle)) {
			return line;
		}
	}
	return position.start.line;
}

