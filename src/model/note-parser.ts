import type { CachedMetadata, FrontMatterCache, ListItemCache, Reference } from "obsidian";
import { splitCode } from "./codes";
import { HeadingPaths } from "./headings";
import { findPdfUrls, isWebUrl } from "./pdf-links";
import { findQuestions } from "./questions";
import { codeSessionKey, localSessionRef, type NoteYear, remoteSessionRef } from "./session-refs";
import { parseStatus, stripTaskMarker } from "./status";
import { tagChildren } from "./tags";
import { isPdfTarget, maskInlineCode, splitLines, stripQueryAndFragment } from "./text";
import type { NoteRecord, Progress, Question, SessionRef, StudyItem } from "./types";
import { parseYearFolder, yearFromValue } from "./years";

/** Everything the parser needs to know about one note. Nothing here touches the vault. */
export interface NoteInput {
	path: string;
	text: string;
	cache: CachedMetadata;
	/** The note's tags as `getAllTags(cache)` gave them. */
	tags: readonly string[];
	/** The tracked tags (normalized), for years in nested tags such as `gopherchina/2019`. */
	trackedTags: readonly string[];
	/** Resolves an internal link path to a vault path (Obsidian's `getFirstLinkpathDest`). */
	resolveLink: (linkpath: string, sourcePath: string) => string | null;
}

/**
 * A note's record. What the index needs for every note at once (tags, year, how many items are
 * open and done) is read at construction, from the metadata alone; the text is split and its talks,
 * study items and questions are parsed the first time they are asked for. Pure: the same input
 * always gives the same record.
 */
export class NoteModel implements NoteRecord {
	readonly path: string;
	readonly tags: string[];
	readonly year: number | null;
	readonly counts: Progress;
	private input: NoteInput | null;
	private readonly noteYear: NoteYear;
	private parsedSessions: SessionRef[] | null = null;
	private parsedItems: StudyItem[] | null = null;
	private parsedQuestions: Question[] | null = null;
	private shared: Shared | null = null;

	constructor(input: NoteInput) {
		this.input = input;
		this.path = input.path;
		this.tags = uniqueLower(input.tags);
		this.noteYear = yearOfNote(input.cache.frontmatter, input.tags, input.trackedTags);
		this.year = this.noteYear.year;
		const counts: Progress = { open: 0, done: 0 };
		for (const item of input.cache.listItems ?? []) {
			const task = item.task;
			if (task === " " || task === "/") {
				counts.open++;
			} else if (task !== undefined) {
				counts.done++;
			}
		}
		this.counts = counts;
	}

	/** Why the note could not be parsed, when it could not: its lists are then empty. */
	problem: string | null = null;

	get sessions(): SessionRef[] {
		if (this.parsedSessions === null) {
			this.parsedSessions = this.guard(() => findSessions(this.source(), this.common().lines, this.common().skipped, this.noteYear));
			this.release();
		}
		return this.parsedSessions;
	}

	get studyItems(): StudyItem[] {
		if (this.parsedItems === null) {
			this.parsedItems = this.guard(() => this.parseItems());
			this.release();
		}
		return this.parsedItems;
	}

	get questions(): Question[] {
		if (this.parsedQuestions === null) {
			this.parsedQuestions = this.guard(() => this.parseQuestions());
			this.release();
		}
		return this.parsedQuestions;
	}

	/** A parse that fails leaves an empty list and says why; it never throws into the caller. */
	private guard<T>(parse: () => T[]): T[] {
		try {
			return parse();
		} catch (error) {
			this.problem ??= error instanceof Error ? error.message : String(error);
			return [];
		}
	}

	private parseItems(): StudyItem[] {
		const { lines, headings, talk } = this.talks();
		const items: StudyItem[] = [];
		for (const item of this.source().cache.listItems ?? []) {
			if (item.task === undefined) {
				continue;
			}
			const line = item.position.start.line;
			const lineText = lines[line] ?? "";
			items.push({
				path: this.path,
				line,
				status: item.task,
				state: parseStatus(item.task),
				text: stripTaskMarker(lineText),
				lineText,
				headings: headings.at(line),
				parentLine: item.parent >= 0 ? item.parent : null,
				sessionKey: talk.forLine(line),
			});
		}
		return items;
	}

	private parseQuestions(): Question[] {
		const { lines, skipped, headings, itemsByLine, headingLines } = this.common();
		const found = findQuestions(lines, { skipped, headingLines, listItems: itemsByLine });
		const talk = found.length > 0 ? this.talks().talk : null;
		return found.map((question) => ({
			path: this.path,
			line: question.line,
			text: question.text,
			lineText: lines[question.line] ?? "",
			headings: headings.at(question.line),
			sessionKey: talk === null ? null : talk.forLine(question.line),
			listItem: question.listItem,
		}));
	}

	private source(): NoteInput {
		if (this.input === null) {
			throw new Error("the note's source was released before it was parsed");
		}
		return this.input;
	}

	/** What every part of the parse shares: lines, skipped lines, headings, list items by line. */
	private common(): Shared {
		if (this.shared === null) {
			const { text, cache } = this.source();
			const lines = splitLines(text);
			const itemsByLine = new Map<number, ListItemCache>();
			for (const item of cache.listItems ?? []) {
				itemsByLine.set(item.position.start.line, item);
			}
			this.shared = {
				lines,
				skipped: skippedLines(cache, lines.length),
				headings: new HeadingPaths(cache.headings),
				headingLines: new Set((cache.headings ?? []).map((heading) => heading.position.start.line)),
				itemsByLine,
				talk: null,
			};
		}
		return this.shared;
	}

	private talks(): Shared & { talk: TalkFinder } {
		const shared = this.common();
		if (shared.talk === null) {
			const refsByLine = new Map<number, SessionRef[]>();
			for (const ref of this.sessions) {
				const list = refsByLine.get(ref.line);
				if (list) {
					list.push(ref);
				} else {
					refsByLine.set(ref.line, [ref]);
				}
			}
			shared.talk = new TalkFinder(this.source().cache, shared.lines, this.sessions, refsByLine, shared.headings, this.noteYear);
			shared.talk.itemsByLine = shared.itemsByLine;
		}
		return shared as Shared & { talk: TalkFinder };
	}

	/** Once everything is parsed, the text and the intermediate tables are let go. */
	private release(): void {
		if (this.parsedItems !== null && this.parsedQuestions !== null && this.parsedSessions !== null && this.problem === null) {
			this.input = null;
			this.shared = null;
		}
	}
}

interface Shared {
	lines: string[];
	skipped: Uint8Array;
	headings: HeadingPaths;
	headingLines: Set<number>;
	itemsByLine: Map<number, ListItemCache>;
	talk: TalkFinder | null;
}

function uniqueLower(tags: readonly string[]): string[] {
	const seen: string[] = [];
	for (const tag of tags) {
		const lower = tag.toLowerCase();
		if (!seen.includes(lower)) {
			seen.push(lower);
		}
	}
	return seen;
}

/** Builds a note's record: its sessions, study items and questions (parsed when first read). */
export function parseNote(input: NoteInput): NoteModel {
	return new NoteModel(input);
}

/** Lines that are never read for links or questions: the properties block and code blocks. */
function skippedLines(cache: CachedMetadata, lineCount: number): Uint8Array {
	const skipped = new Uint8Array(lineCount);
	const mark = (from: number, to: number): void => {
		for (let line = Math.max(0, from); line <= to && line < lineCount; line++) {
			skipped[line] = 1;
		}
	};
	if (cache.frontmatterPosition) {
		mark(cache.frontmatterPosition.start.line, cache.frontmatterPosition.end.line);
	}
	for (const section of cache.sections ?? []) {
		if (section.type === "code") {
			mark(section.position.start.line, section.position.end.line);
		}
	}
	return skipped;
}

function yearOfNote(
	frontmatter: FrontMatterCache | undefined,
	tags: readonly string[],
	tracked: readonly string[],
): NoteYear {
	const edition = typeof frontmatter?.edition === "string" ? frontmatter.edition.trim().toLowerCase() : null;
	const fromProperties = yearFromValue(frontmatter?.year) ?? yearFromValue(frontmatter?.date);
	if (fromProperties !== null) {
		return { year: fromProperties, edition: edition === "" ? null : edition };
	}
	for (const children of tagChildren(tags, tracked)) {
		const parsed = parseYearFolder(children.join("-"));
		if (parsed) {
			return { year: parsed.year, edition: edition ?? parsed.edition };
		}
		const first = parseYearFolder(children[0] ?? "");
		if (first) {
			return { year: first.year, edition: edition ?? first.edition };
		}
	}
	return { year: null, edition };
}

function findSessions(input: NoteInput, lines: string[], skipped: Uint8Array, noteYear: NoteYear): SessionRef[] {
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

function internalRef(input: NoteInput, link: Reference, line: number, noteYear: NoteYear): SessionRef | null {
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

/** Tells which session a line is about: its own link, a parent item, a heading, or the note's talk. */
class TalkFinder {
	itemsByLine = new Map<number, ListItemCache>();
	private readonly noteTalk: string | null;

	constructor(
		cache: CachedMetadata,
		private readonly lines: string[],
		private readonly sessions: SessionRef[],
		private readonly refsByLine: Map<number, SessionRef[]>,
		private readonly headings: HeadingPaths,
		private readonly noteYear: NoteYear,
	) {
		this.noteTalk = this.talkOfNote(cache.frontmatter);
	}

	forLine(line: number): string | null {
		const own = this.named(line, false);
		if (own !== null) {
			return own;
		}
		let item = this.itemsByLine.get(line);
		const seen = new Set<number>();
		while (item !== undefined && item.parent >= 0 && !seen.has(item.parent)) {
			seen.add(item.parent);
			const parent = this.named(item.parent, true);
			if (parent !== null) {
				return parent;
			}
			item = this.itemsByLine.get(item.parent);
		}
		for (const headingLine of this.headings.linesAbove(line)) {
			const heading = this.named(headingLine, true);
			if (heading !== null) {
				return heading;
			}
		}
		return this.noteTalk;
	}

	/** The session a line names by a PDF link on it, or (for parents and headings) by a leading code. */
	private named(line: number, byCode: boolean): string | null {
		const refs = this.refsByLine.get(line);
		if (refs && refs.length > 0) {
			return (refs[0] as SessionRef).key;
		}
		if (!byCode) {
			return null;
		}
		const bare = (this.lines[line] ?? "").replace(/^[\s>]*(?:#{1,6}\s+|(?:[-*+]|\d+[.)])\s+(?:\[.\]\s+)?)?/, "");
		const { code } = splitCode(bare);
		if (code === null) {
			return null;
		}
		const joined = code.id;
		const match = this.sessions.find((ref) => ref.code?.id === joined);
		return match ? match.key : codeSessionKey(this.noteYear.year, code);
	}

	private talkOfNote(frontmatter: FrontMatterCache | undefined): string | null {
		if (!frontmatter) {
			return null;
		}
		const pdfRef = this.sessions.find((ref) => ref.line >= 0 && isPropertyRef(frontmatter, ref));
		if (pdfRef) {
			return pdfRef.key;
		}
		const session: unknown = frontmatter.session;
		if (typeof session === "string" || typeof session === "number") {
			const { code } = splitCode(String(session));
			if (code !== null) {
				const joined = code.id;
				const match = this.sessions.find((ref) => ref.code?.id === joined);
				return match ? match.key : codeSessionKey(this.noteYear.year, code);
			}
		}
		return null;
	}
}

/** True when a session came from the `pdf` property of a per-talk note. */
function isPropertyRef(frontmatter: FrontMatterCache, ref: SessionRef): boolean {
	const pdf: unknown = frontmatter.pdf;
	if (typeof pdf !== "string") {
		return false;
	}
	return ref.target.kind === "remote" ? pdf.trim() === ref.target.url : pdf.includes(ref.fileName);
}
