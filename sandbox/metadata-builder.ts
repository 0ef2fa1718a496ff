/**
 * Builds the `CachedMetadata` Obsidian's metadata cache would hold for a note, for the in-memory
 * Obsidian the tests and scripts run on. Block structure (lists, headings, code, quotes) comes from
 * a real CommonMark parser (markdown-it) with Obsidian's own extensions on top: properties, `%%`
 * comments, callouts, task checkboxes, tags and wikilinks; tags and links are read neither in code
 * nor in an HTML comment (`inline-mask.ts`). `tests/sandbox/conformance.test.ts` checks it against
 * metadata captured from the real app.
 */
import MarkdownIt, { type Token } from "markdown-it";
import type {
	CachedMetadata,
	EmbedCache,
	FrontmatterLinkCache,
	HeadingCache,
	LinkCache,
	ListItemCache,
	Loc,
	Pos,
	SectionCache,
	TagCache,
} from "obsidian";
import { parse as parseYaml } from "yaml";
import { maskInline } from "./inline-mask";

const markdown = new MarkdownIt("default", { html: true, linkify: false, maxNesting: 5000 });

/** Line starts, so that (line, col) turn into Obsidian's `{ line, col, offset }`. */
class Locator {
	readonly starts: number[] = [0];
	readonly lines: string[];

	constructor(readonly text: string) {
		for (let i = 0; i < text.length; i++) {
			if (text.charCodeAt(i) === 10) {
				this.starts.push(i + 1);
			}
		}
		this.lines = text.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
	}

	loc(line: number, col: number): Loc {
		return { line, col, offset: (this.starts[line] ?? this.text.length) + col };
	}

	/** A position from the start of `from` to the end of the text of line `to`. */
	lines2pos(from: number, to: number, fromCol = 0): Pos {
		return { start: this.loc(from, fromCol), end: this.loc(to, (this.lines[to] ?? "").length) };
	}
}

const FRONTMATTER_FENCE = /^---[\t ]*$/;
const CODE_FENCE = /^[\t ]*(?:>[\t ]?)*[\t ]*(?:(?:[-*+]|\d{1,9}[.)])[\t ]+)?(`{3,}|~{3,})/;
const TASK_CHECKBOX = /^([\t ]*(?:>[\t ]*)*(?:[-*+]|\d{1,9}[.)])[\t ]+)\[(.)\](?=[\t ]|$)[\t ]?/u;
const CALLOUT_START = /^[\t ]*>[\t ]?\[!([^\]]+)\]/;
// A tag: `#` at the start, after white space or right after an escaped character (`\[\[#Escaped`
// is the tag `#Escaped` in the app, capture `internal_heading_links` of obsidian-tasks), then
// characters that are not white space or punctuation; at least one of them must not be a digit.
const TAG = /(^|\s|\\[!-/:-@[-`{-~])#([^\s!"#$%&'()*+,.:;<=>?@[\\\]^`{|}~\u2000-\u206F\u2E00-\u2E7F\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]+)/gu;
const WIKILINK = /(!?)\[\[([^\]\n]+?)\]\]/g;
const MARKDOWN_LINK = /(!?)\[((?:[^[\]\\]|\\.|\[[^\]]*\])*)\]\(\s*(<[^>\n]*>|[^\s()<>]+(?:\([^\s()]*\)[^\s()<>]*)*)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;

interface Frontmatter {
	end: number;
	data: Record<string, unknown> | null;
	links: FrontmatterLinkCache[];
}

function readFrontmatter(locator: Locator): Frontmatter | null {
	const { lines } = locator;
	if (!FRONTMATTER_FENCE.test(lines[0] ?? "")) {
		return null;
	}
	for (let line = 1; line < lines.length; line++) {
		if (FRONTMATTER_FENCE.test(lines[line] ?? "")) {
			const source = lines.slice(1, line).join("\n");
			let data: Record<string, unknown> | null = null;
			if (source.trim() !== "") {
				let parsed: unknown = null;
				try {
					parsed = parseYaml(source, { schema: "core" });
				} catch {
					// Properties that are not YAML: the app keeps the note and drops its properties.
				}
				data = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
			}
			return { end: line, data, links: data ? frontmatterLinks(data) : [] };
		}
	}
	return null;
}

function frontmatterLinks(data: Record<string, unknown>): FrontmatterLinkCache[] {
	const links: FrontmatterLinkCache[] = [];
	const visit = (key: string, value: unknown): void => {
		if (typeof value === "string") {
			for (const match of value.matchAll(WIKILINK)) {
				const { link, displayText } = wikilinkParts(match[2] ?? "");
				links.push({ key, link, original: match[0], displayText });
			}
		} else if (Array.isArray(value)) {
			value.forEach((entry, index) => visit(`${key}.${index}`, entry));
		}
	};
	for (const [key, value] of Object.entries(data)) {
		visit(key, value);
	}
	return links;
}

/**
 * `%%` comment blocks: from a line that opens `%%` without closing it, to the line that closes it.
 * A `%%` in a fenced code block is code and opens nothing.
 */
function commentBlocks(lines: string[], from: number): Array<[number, number]> {
	const blocks: Array<[number, number]> = [];
	let open = -1;
	let fence: string | null = null;
	for (let line = from; line < lines.length; line++) {
		if (open === -1) {
			const found = CODE_FENCE.exec(lines[line] ?? "");
			const marker = found?.[1];
			if (fence === null && marker !== undefined) {
				fence = marker;
				continue;
			}
			if (fence !== null) {
				const closes = found && marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length;
				if (closes && (lines[line] ?? "").slice(found[0].length).trim() === "") {
					fence = null;
				}
				continue;
			}
		}
		const count = ((lines[line] ?? "").match(/%%/g) ?? []).length;
		if (open === -1 && count % 2 === 1 && (lines[line] ?? "").trimStart().startsWith("%%")) {
			open = line;
		} else if (open !== -1 && count % 2 === 1) {
			blocks.push([open, line]);
			open = -1;
		}
	}
	if (open !== -1) {
		blocks.push([open, lines.length - 1]);
	}
	return blocks;
}

function headingText(line: string): string {
	return line.replace(/^[\t ]*#{1,6}(?:[\t ]+|$)/, "").replace(/(?:[\t ]+#+)?[\t ]*$/, "");
}

function wikilinkParts(inner: string): { link: string; displayText: string } {
	let bar = inner.indexOf("|");
	if (bar === 0) {
		// `[[|x]]`: the app reads an empty link path as no alias at all.
		bar = -1;
	}
	const link = (bar === -1 ? inner : inner.slice(0, bar)).trim();
	if (bar !== -1) {
		return { link, displayText: inner.slice(bar + 1) };
	}
	const parts = link.split("#").filter((part) => part !== "");
	return { link, displayText: parts.join(" > ") };
}

export function buildMetadata(text: string): CachedMetadata {
	const locator = new Locator(text);
	const { lines } = locator;
	const cache: CachedMetadata = {};
	const sections: SectionCache[] = [];
	const frontmatter = readFrontmatter(locator);
	const bodyStart = frontmatter ? frontmatter.end + 1 : 0;
	if (frontmatter) {
		sections.push({ type: "yaml", position: locator.lines2pos(0, frontmatter.end) });
		if (frontmatter.data) {
			cache.frontmatter = frontmatter.data;
			cache.frontmatterPosition = locator.lines2pos(0, frontmatter.end);
			cache.frontmatterLinks = frontmatter.links;
		}
	}

	// What markdown-it reads: properties and comment blocks blanked out, checkboxes removed (Obsidian
	// reads an item's content after its checkbox, so `- [ ] 1. x` holds a numbered sub-list).
	const hidden = new Uint8Array(lines.length);
	for (let line = 0; line < bodyStart; line++) {
		hidden[line] = 1;
	}
	const comments = commentBlocks(lines, bodyStart);
	for (const [from, to] of comments) {
		for (let line = from; line <= to; line++) {
			hidden[line] = 1;
		}
	}
	const taskChars = new Map<number, string>();
	const source = lines
		.map((line, index) => {
			if (hidden[index] === 1) {
				return "";
			}
			const task = TASK_CHECKBOX.exec(line);
			if (!task) {
				return line;
			}
			taskChars.set(index, task[2] ?? " ");
			return (task[1] ?? "") + line.slice(task[0].length);
		})
		.join("\n");
	// Lines are counted at "\n" (a lone "\r" is no line break here), as the plugin counts them;
	// markdown-it would break lines at a lone "\r" too, so it becomes a space for the parser.
	const tokens = markdown.parse(source.replace(/\r(?!\n)/g, " "), {});

	const listItems: ListItemCache[] = [];
	const headings: HeadingCache[] = [];
	// Line ranges [from, to) of inline text: each is masked as one block, so that a comment or a
	// code span may run over its lines.
	const inlineRanges: Array<[number, number]> = [];
	const codeLines = new Set<number>();
	const lastLine = (map: [number, number]): number => {
		let end = map[1] - 1;
		while (end > map[0] && ((lines[end] ?? "").trim() === "" || hidden[end] === 1)) {
			end--;
		}
		return end;
	};
	const lists: Array<{ start: number }> = [];
	const items: number[] = [];
	const itemDepthAtList: number[] = [];
	for (const token of tokens) {
		const map = token.map;
		if (token.level === 0 && map && token.nesting !== -1) {
			const type = sectionType(token, lines);
			if (type !== null) {
				sections.push({ type, position: locator.lines2pos(map[0], lastLine(map)) });
			}
		}
		switch (token.type) {
			case "bullet_list_open":
			case "ordered_list_open":
				lists.push({ start: map ? map[0] : 0 });
				itemDepthAtList.push(items.length);
				break;
			case "bullet_list_close":
			case "ordered_list_close":
				lists.pop();
				itemDepthAtList.pop();
				break;
			case "list_item_open": {
				const line = map ? map[0] : 0;
				const list = lists[lists.length - 1] ?? { start: line };
				const enclosing = (itemDepthAtList[itemDepthAtList.length - 1] ?? 0) > 0 ? items[items.length - 1] : undefined;
				const parent = enclosing ?? (list.start === 0 ? -1 : -list.start);
				const col = Math.max(0, (lines[line] ?? "").search(/[-*+]|\d/));
				const item: ListItemCache = { parent, position: locator.lines2pos(line, map ? lastLine(map) : line, col) };
				const task = taskChars.get(line);
				if (task !== undefined) {
					// The checkbox belongs to the outermost item of its line (`- [ ] 1. x`).
					item.task = task;
					taskChars.delete(line);
				}
				listItems.push(item);
				items.push(line);
				break;
			}
			case "list_item_close":
				items.pop();
				break;
			case "heading_open":
				if (map) {
					headings.push({
						heading: headingText(lines[map[0]] ?? ""),
						level: Number.parseInt(token.tag.slice(1), 10),
						position: locator.lines2pos(map[0], map[0]),
					});
				}
				break;
			case "inline":
				if (map) {
					inlineRanges.push([map[0], map[1]]);
				}
				break;
			case "fence":
			case "code_block":
				if (map) {
					for (let line = map[0]; line < map[1]; line++) {
						codeLines.add(line);
					}
				}
				break;
			default:
				break;
		}
	}
	for (const [from, to] of comments) {
		sections.push({ type: "comment", position: locator.lines2pos(from, to) });
		// The app finds no list items in a comment, but it still reads its tags and links.
		inlineRanges.push([from, to + 1]);
	}
	sections.sort((a, b) => a.position.start.offset - b.position.start.offset);

	const tags: TagCache[] = [];
	const links: LinkCache[] = [];
	const embeds: EmbedCache[] = [];
	const maskedLines = new Map<number, string>();
	for (const [from, to] of mergeRanges(inlineRanges)) {
		maskInline(lines.slice(from, to)).forEach((masked, index) => maskedLines.set(from + index, masked));
	}
	for (const [line, masked] of maskedLines) {
		if (codeLines.has(line) || line < bodyStart) {
			continue;
		}
		for (const match of masked.matchAll(TAG)) {
			const before = match[1] ?? "";
			const body = match[2] ?? "";
			if (/^[\d/]+$/.test(body) || (before.startsWith("\\") && escaped(masked, match.index))) {
				continue;
			}
			const col = match.index + before.length;
			tags.push({ tag: `#${body}`, position: { start: locator.loc(line, col), end: locator.loc(line, col + body.length + 1) } });
		}
		for (const match of masked.matchAll(WIKILINK)) {
			const { link, displayText } = wikilinkParts(match[2] ?? "");
			const entry = { link, original: match[0], displayText, position: { start: locator.loc(line, match.index), end: locator.loc(line, match.index + match[0].length) } };
			(match[1] === "!" ? embeds : links).push(entry);
		}
		for (const match of masked.matchAll(MARKDOWN_LINK)) {
			let target = match[3] ?? "";
			if (target.startsWith("<")) {
				target = target.slice(1, -1);
			}
			if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target === "") {
				continue;
			}
			let link = target;
			try {
				link = decodeURI(target);
			} catch {
				// a malformed escape stays as written, as it does in the app
			}
			const entry = { link, original: match[0], displayText: match[2] ?? "", position: { start: locator.loc(line, match.index), end: locator.loc(line, match.index + match[0].length) } };
			(match[1] === "!" ? embeds : links).push(entry);
		}
	}
	const byOffset = (a: { position: Pos }, b: { position: Pos }): number => a.position.start.offset - b.position.start.offset;
	if (headings.length > 0) cache.headings = headings;
	if (listItems.length > 0) cache.listItems = listItems;
	if (sections.length > 0) cache.sections = sections;
	if (tags.length > 0) cache.tags = tags;
	if (links.length > 0) cache.links = links.sort(byOffset);
	if (embeds.length > 0) cache.embeds = embeds.sort(byOffset);
	return cache;
}

/** True when the character at `index` is escaped: an odd number of backslashes stands before it. */
function escaped(text: string, index: number): boolean {
	let count = 0;
	while (index - count > 0 && text.charCodeAt(index - count - 1) === 92) {
		count++;
	}
	return count % 2 === 1;
}

/** Overlapping line ranges (the cells of a table row share the row) merged, in line order. */
function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
	const merged: Array<[number, number]> = [];
	for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
		const last = merged[merged.length - 1];
		if (last && from < last[1]) {
			last[1] = Math.max(last[1], to);
		} else {
			merged.push([from, to]);
		}
	}
	return merged;
}

function sectionType(token: Token, lines: string[]): string | null {
	const map = token.map as [number, number];
	switch (token.type) {
		case "heading_open":
			return "heading";
		case "paragraph_open":
			return "paragraph";
		case "bullet_list_open":
		case "ordered_list_open":
			return "list";
		case "fence":
		case "code_block":
			return "code";
		case "blockquote_open":
			return CALLOUT_START.test(lines[map[0]] ?? "") ? "callout" : "blockquote";
		case "html_block":
			return "html";
		case "hr":
			return "thematicBreak";
		case "table_open":
			return "table";
		default:
			return null;
	}
}
