import type { CachedMetadata, ListItemCache } from "obsidian";
import { LINE_HTML, LINE_HTML_START, LINE_SKIPPED, maskNoteComments } from "./comments";
import { HeadingPaths } from "./headings";
import { findSessions } from "./note-links";
import { yearOfNote } from "./note-year";
import { findQuestions } from "./questions";
import type { NoteYear } from "./session-refs";
import { isOpenState, parseStatus, taskPrefixLength } from "./status";
import { TalkFinder } from "./talk-finder";
import { metadataFitsText } from "./metadata-check";
import { lowerCase, splitLines } from "./text";
import { numberAt, packNumbers, type PackedNumbers } from "./packed-numbers";
import { lineSpans, textVersion, type TextVersion } from "./text-version";
import { ownString, sharedList, trimmed } from "./memo";
import { markBlocksAtAnyDepth, markNestedBlocks } from "./nested-blocks";
import { expandTabs, fenceAt, isHiddenHtml, spacesAt } from "./block-starts";
import type { NoteRecord, Progress, Question, SessionRef, StudyItem, TaskState } from "./types";

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
	/**
	 * True when the metadata came with this very text (the cache's `changed` event hands both over).
	 * Otherwise the metadata is checked against the text, and a note whose metadata does not fit is
	 * shown but never written to until the cache has caught up.
	 */
	confirmed?: boolean;
}

/**
 * A note's record. What the index needs for every note at once (tags, year, how many items are
 * open and done) is read at construction, from the metadata alone; the text is split and its talks,
 * study items and questions are parsed the first time they are asked for. Pure: the same input
 * always gives the same record.
 */
export class NoteModel implements NoteRecord {
	readonly path: string;
	readonly tags: readonly string[];
	readonly year: number | null;
	readonly edition: string | null;
	readonly counts: Progress;
	/** The exact text the model was built from, for safe writes. */
	private textVersion: TextVersion | null = null;
	private input: NoteInput | null;
	/** The edition the note's properties or tags give, kept for its links even when no year is given. */
	private readonly noteEdition: string | null;
	private parsedSessions: SessionRef[] | null = null;
	/** The study items as columns, read at the parse; their objects are made when first asked for. */
	private itemColumns: ItemColumns | null = null;
	private itemObjects: StudyItem[] | null = null;
	private parsedQuestions: Question[] | null = null;
	private shared: Shared | null = null;

	constructor(input: NoteInput) {
		this.input = input;
		this.path = input.path;
		this.tags = uniqueLower(input.tags);
		const noteYear = yearOfNote(input.cache.frontmatter, input.tags, input.trackedTags);
		this.year = noteYear.year;
		this.edition = noteYear.year === null ? null : noteYear.edition;
		this.noteEdition = noteYear.edition;
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

	/**
	 * The exact text the model was built from, for safe writes. Made on first use (no later than the
	 * first parse, which is also when the text is let go), so the full build does not pay for it.
	 */
	get version(): TextVersion {
		if (this.textVersion === null) {
			const { text, cache, confirmed } = this.source();
			const spans = lineSpans(text);
			const fits = confirmed === true || (metadataFitsText(text, spans, cache) && clearOfBlocks(cache, this.common().lines, this.common().skipped, this.common().itemsByLine));
			this.textVersion = textVersion(text, cache.frontmatterPosition?.end.line ?? -1, fits, spans);
		}
		return this.textVersion;
	}

	/** Why the note could not be parsed, when it could not: its lists are then empty. */
	problem: string | null = null;

	get sessions(): SessionRef[] {
		if (this.parsedSessions === null) {
			this.parsedSessions = this.guard(() => findSessions(this.source(), this.common().lines, this.common().skipped, this.noteYear(), this.visible())) ?? [];
			this.release();
		}
		return this.parsedSessions;
	}

	/** The year and edition the note gives its links (an object for the parse only: it is not kept). */
	private noteYear(): NoteYear {
		return { year: this.year, edition: this.noteEdition };
	}

	get studyItems(): StudyItem[] {
		if (this.itemObjects === null) {
			const columns = this.items();
			const objects = new Array<StudyItem>(columns.count);
			for (let i = 0; i < columns.count; i++) {
				objects[i] = new NoteItem(this, columns, i);
			}
			this.itemObjects = objects;
		}
		return this.itemObjects;
	}

	/**
	 * Each study item's state and talk, in the note's order, without making the items' objects: what
	 * the index's tallies read of every note.
	 */
	eachItem(visit: (open: boolean, sessionKey: string | null) => void): void {
		const { count, numbers, status, talks } = this.items();
		const open = status.map((char) => isOpenState(parseStatus(char)));
		for (let i = 0; i < count; i++) {
			visit(open[numberAt(numbers, 3 * count + i)] as boolean, talks[numberAt(numbers, 5 * count + i)] ?? null);
		}
	}

	private items(): ItemColumns {
		if (this.itemColumns === null) {
			this.itemColumns = this.guard(() => this.parseItems()) ?? NO_ITEMS;
			this.release();
		}
		return this.itemColumns;
	}

	get questions(): Question[] {
		if (this.parsedQuestions === null) {
			this.parsedQuestions = this.guard(() => this.parseQuestions()) ?? [];
			this.release();
		}
		return this.parsedQuestions;
	}

	/** A parse that fails leaves an empty list and says why; it never throws into the caller. */
	private guard<T>(parse: () => T): T | null {
		try {
			return parse();
		} catch (error) {
			this.problem ??= error instanceof Error ? error.message : String(error);
			return null;
		}
	}

	private parseItems(): ItemColumns {
		const { lines, headings, talk } = this.talks();
		const listItems = this.source().cache.listItems ?? [];
		let count = 0;
		for (const item of listItems) {
			if (item.task !== undefined) {
				count++;
			}
		}
		if (count === 0) {
			return NO_ITEMS;
		}
		// Every number in one list (packed once complete: see `PackedNumbers`): each item's line,
		// parent and end, and where its status, heading path, talk and line start are in the note's
		// short lists of each (most notes have two statuses, a few headings, talks and line starts;
		// a list entry per item would cost more than all of them).
		const numbers = new Array<number>(ITEM_COLUMNS * count);
		const statuses = new Places<string>();
		const paths = new Places<readonly string[]>();
		const talks = new Places<string | null>();
		const starts = new Places<string>();
		const texts = new Array<string>(count);
		let i = 0;
		let length = 0;
		for (const item of listItems) {
			if (item.task === undefined) {
				continue;
			}
			const line = item.position.start.line;
			const lineText = lines[line] ?? "";
			const start = taskPrefixLength(lineText);
			numbers[i] = line;
			numbers[count + i] = item.parent >= 0 ? item.parent : -1;
			texts[i] = start === 0 ? lineText : lineText.slice(start);
			length += lineText.length - start;
			numbers[2 * count + i] = length;
			numbers[3 * count + i] = statuses.of(item.task);
			numbers[4 * count + i] = paths.of(headings.at(line));
			numbers[5 * count + i] = talks.of(talk.forLine(line));
			numbers[6 * count + i] = starts.of(start === 0 ? "" : lineText.slice(0, start));
			i++;
		}
		return {
			count,
			numbers: packNumbers(numbers),
			status: sharedList(trimmed(statuses.list)),
			headings: trimmed(paths.list),
			talks: trimmed(talks.list),
			starts: sharedList(trimmed(starts.list.map(ownString))),
			text: count === 1 ? ownString(texts[0] as string) : texts.join(""),
		};
	}

	private parseQuestions(): Question[] {
		const { lines, skipped, headings, itemsByLine, headingLines } = this.common();
		const found = findQuestions(lines, { skipped, headingLines, listItems: itemsByLine, visible: this.visible() });
		const talk = found.length > 0 ? this.talks().talk : null;
		return found.map((question) => ({
			path: this.path,
			line: question.line,
			// `findQuestions` hands over copies of its words already; the line is copied here.
			text: question.text,
			context: question.context,
			lineText: ownString(lines[question.line] ?? ""),
			headings: headings.at(question.line),
			sessionKey: talk === null ? null : talk.forLine(question.line),
			listItem: question.listItem,
			inferred: question.inferred,
			answered: question.answered,
			version: this.version,
		}));
	}

	private source(): NoteInput {
		if (this.input === null) {
			throw new Error("the note's source was released before it was parsed");
		}
		return this.input;
	}

	/**
	 * The note's lines with their comments blanked, list items and headings starting blocks: what the
	 * links and the questions are read from, made once for both.
	 */
	private visible(): readonly string[] {
		const shared = this.common();
		shared.visible ??= maskNoteComments(shared.lines, shared.skipped, shared.itemsByLine, shared.headingLines, new Set((this.source().cache.sections ?? []).map((section) => section.position.start.line)));
		return shared.visible;
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
				skipped: skippedLines(cache, lines),
				headings: new HeadingPaths(cache.headings),
				headingLines: new Set((cache.headings ?? []).map((heading) => heading.position.start.line)),
				itemsByLine,
				visible: null,
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
			shared.talk = new TalkFinder({
				cache: this.source().cache,
				// Comments blanked: what a comment names is hidden from the reader, and ties nothing.
				lines: this.visible(),
				sessions: this.sessions,
				refsByLine,
				headings: shared.headings,
				itemsByLine: shared.itemsByLine,
				noteYear: this.noteYear(),
			});
		}
		return shared as Shared & { talk: TalkFinder };
	}

	/** Once everything is parsed, the text and the intermediate tables are let go. */
	private release(): void {
		if (this.itemColumns !== null && this.parsedQuestions !== null && this.parsedSessions !== null && this.problem === null) {
			void this.version;
			this.input = null;
			this.shared = null;
		}
	}
}

/** How many numbers an item has in `ItemColumns.numbers`. */
const ITEM_COLUMNS = 7;

/** A note's study items, column by column (item `i` is entry `i` of each). */
interface ItemColumns {
	readonly count: number;
	/**
	 * Each item's line (`[0, count)`), its parent's line or -1 (`[count, 2 count)`), where the rest of
	 * its line ends in `text` (`[2 count, 3 count)`; it starts where the one before ends), and where
	 * its status is in `status` (`[3 count, 4 count)`), its heading path in `headings`
	 * (`[4 count, 5 count)`), its talk in `talks` (`[5 count, 6 count)`) and its line's start in
	 * `starts` (`[6 count, 7 count)`).
	 */
	readonly numbers: PackedNumbers;
	/** The note's item statuses, each once. */
	readonly status: readonly string[];
	/** The heading paths the note's items are under, each once. */
	readonly headings: ReadonlyArray<readonly string[]>;
	/** The talks the note's items are tied to (null: none), each once. */
	readonly talks: ReadonlyArray<string | null>;
	/**
	 * The starts of the note's item lines (`- [ ] `, `    - [x] `: what `taskPrefixLength` measures),
	 * each once: a note has few, and notes share them.
	 */
	readonly starts: readonly string[];
	/** The items' lines after their starts, one after the other. */
	readonly text: string;
}

/** How many distinct values `Places` looks through before it keeps a map of them. */
const FEW_PLACES = 8;

/** Distinct values in the order they first came, each with its place in the list. */
class Places<T> {
	readonly list: T[] = [];
	/** Each value's place, once there are more than `FEW_PLACES` (fewer are looked through). */
	private places: Map<T, number> | null = null;

	/** The place of `value` in `list`, added at the end when new. */
	of(value: T): number {
		const list = this.list;
		if (this.places === null) {
			for (let i = list.length - 1; i >= 0; i--) {
				if (list[i] === value) {
					return i;
				}
			}
			list.push(value);
			if (list.length > FEW_PLACES) {
				this.places = new Map(list.map((known, place) => [known, place]));
			}
			return list.length - 1;
		}
		let place = this.places.get(value);
		if (place === undefined) {
			place = list.length;
			list.push(value);
			this.places.set(value, place);
		}
		return place;
	}
}

const NO_ITEMS: ItemColumns = Object.freeze({
	count: 0,
	numbers: "",
	status: [],
	headings: [],
	talks: [],
	starts: [],
	text: "",
});

/**
 * A study item as the note's model hands it out: a view of entry `index` of the note's columns, so
 * that tens of thousands of items stay small (the path and version are the note's; the line's text
 * is cut from the one string the note keeps of its items' lines).
 */
class NoteItem implements StudyItem {
	constructor(
		private readonly note: { readonly path: string; readonly version: TextVersion },
		private readonly columns: ItemColumns,
		private readonly index: number,
	) {}

	get path(): string {
		return this.note.path;
	}

	get version(): TextVersion {
		return this.note.version;
	}

	get line(): number {
		return numberAt(this.columns.numbers, this.index);
	}

	get status(): string {
		const { count, numbers, status } = this.columns;
		return status[numberAt(numbers, 3 * count + this.index)] as string;
	}

	get state(): TaskState {
		return parseStatus(this.status);
	}

	get lineText(): string {
		const { count, numbers, starts } = this.columns;
		const start = starts[numberAt(numbers, 6 * count + this.index)] as string;
		const rest = this.rest();
		return start === "" ? rest : start + rest;
	}

	/** The line after its task prefix, trimmed: what `stripTaskMarker` makes of the line. */
	get text(): string {
		return this.rest().trim();
	}

	/** The item's line after its start (see `ItemColumns.starts`). */
	private rest(): string {
		const { count, numbers, text } = this.columns;
		const end = 2 * count + this.index;
		return text.slice(this.index === 0 ? 0 : numberAt(numbers, end - 1), numberAt(numbers, end));
	}

	get headings(): readonly string[] {
		const { count, numbers, headings } = this.columns;
		return headings[numberAt(numbers, 4 * count + this.index)] as readonly string[];
	}

	get parentLine(): number | null {
		const parent = numberAt(this.columns.numbers, this.columns.count + this.index);
		return parent === -1 ? null : parent;
	}

	get sessionKey(): string | null {
		const { count, numbers, talks } = this.columns;
		return talks[numberAt(numbers, 5 * count + this.index)] ?? null;
	}
}

interface Shared {
	lines: string[];
	skipped: Uint8Array;
	headings: HeadingPaths;
	headingLines: Set<number>;
	itemsByLine: Map<number, ListItemCache>;
	visible: readonly string[] | null;
	talk: TalkFinder | null;
}

/** The tags in lower case, each once: a tag already in lower case is the cache's own string, not a copy. */
function uniqueLower(tags: readonly string[]): readonly string[] {
	return sharedList(trimmed([...new Set(tags.map(lowerCase))]));
}

/** Builds a note's record: its sessions, study items and questions (parsed when first read). */
export function parseNote(input: NoteInput): NoteModel {
	return new NoteModel(input);
}

/**
 * True when no task or heading the metadata names starts on a line that is, in this text, inside a
 * code, math or HTML block (one the sections do not name: opened inside a list, a quote or a callout,
 * or by a line the older parse read as part of one), and no line of indented code, of a list
 * (outside its nested code) or at the margin of a quote or a callout (a `> %%` line is the quote's
 * own: Obsidian's sections name no comments there) opens a `%%` comment block (starts with `%%` and
 * leaves it open) that no comment section names: an older parse of a text where such a block was
 * since opened above them, keeping every offset.
 */
function clearOfBlocks(cache: CachedMetadata, lines: readonly string[], skipped: Uint8Array, itemsByLine: ReadonlyMap<number, ListItemCache>): boolean {
	const commented = new Uint8Array(lines.length);
	for (const section of cache.sections ?? []) {
		if (section.type === "comment") {
			commented.fill(1, section.position.start.line, section.position.end.line + 1);
		}
	}
	const inComment = (line: number): boolean => commented[line] === 1;
	// A line that starts with `%%` (past indentation and quote markers) opens a comment block for
	// Obsidian, which its sections name: inside indented code, a list, a quote or a callout such a
	// line means the sections are of an older text.
	for (const section of cache.sections ?? []) {
		const kind = section.type;
		const first = kind === "code" ? expandTabs(lines[section.position.start.line] ?? "") : "";
		const indented = kind === "code" && fenceAt(first, spacesAt(first, 0)) === 0;
		if (indented || kind === "list" || kind === "blockquote" || kind === "callout") {
			for (let line = section.position.start.line; line <= section.position.end.line; line++) {
				const text = lines[line] ?? "";
				// Closed on its own line (an even count of marks), it is an inline comment; in code
				// nested in a list it is code.
				if (/^[\t ]*%%/.test(text) && text.split("%%").length % 2 === 0 && !itemsByLine.has(line) && !inComment(line) && (indented || skipped[line] !== LINE_SKIPPED)) {
					return false;
				}
			}
		}
	}
	// Read the note from its top to its end: a block opened in one section runs on into the
	// sections after it (the sections of kinds that end at a line of their own were checked to end
	// there: `metadataFitsText`).
	const marks = skipped.slice();
	markBlocksAtAnyDepth(lines, 0, lines.length - 1, marks);
	const clear = (line: number): boolean => marks[line] === 0;
	for (const item of cache.listItems ?? []) {
		if (item.task !== undefined && !clear(item.position.start.line)) {
			return false;
		}
	}
	for (const heading of cache.headings ?? []) {
		if (!clear(heading.position.start.line)) {
			return false;
		}
	}
	return true;
}

/**
 * Lines that are never read for links or questions: the properties block (by its position, or its
 * `yaml` section when Obsidian gives no position: `empty_yaml`), code and math blocks (at
 * the top level and inside list items and quotes) and `%%` comment blocks (`LINE_SKIPPED`). HTML
 * blocks are marked too (`LINE_HTML_START`, `LINE_HTML`): `model/comments.ts` hides those that are
 * comments.
 */
function skippedLines(cache: CachedMetadata, lines: readonly string[]): Uint8Array {
	const lineCount = lines.length;
	const skipped = new Uint8Array(lineCount);
	const mark = (from: number, to: number, kind = LINE_SKIPPED): void => {
		for (let line = Math.max(0, from); line <= to && line < lineCount; line++) {
			if (skipped[line] !== LINE_SKIPPED) {
				skipped[line] = line === from && kind === LINE_HTML ? LINE_HTML_START : kind;
			}
		}
	};
	if (cache.frontmatterPosition) {
		mark(cache.frontmatterPosition.start.line, cache.frontmatterPosition.end.line);
	}
	for (const section of cache.sections ?? []) {
		if (section.type === "code" || section.type === "comment" || section.type === "math" || section.type === "yaml") {
			mark(section.position.start.line, section.position.end.line);
		} else if (section.type === "html") {
			// A script or a style shows nothing of its text; other HTML shows its text as text.
			// (Text after its closing tag on the last line is shown.)
			const first = lines[section.position.start.line] ?? "";
			const hidden = isHiddenHtml(first, spacesAt(first, 0)) && /<\/(?:script|style)>[\t ]*$/i.test(lines[section.position.end.line] ?? "");
			mark(section.position.start.line, section.position.end.line, hidden ? LINE_SKIPPED : LINE_HTML);
		} else if (section.type === "list" || section.type === "blockquote" || section.type === "callout") {
			// Code, comment and math blocks inside list items and quotes, which the sections do not name.
			markNestedBlocks(lines, section.position.start.line, section.position.end.line, skipped);
		}
	}
	return skipped;
}

