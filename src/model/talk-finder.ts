import type { CachedMetadata, ListItemCache } from "obsidian";
import { findCodes } from "./code-mentions";
import type { HeadingPaths } from "./headings";
import type { NoteYear } from "./session-refs";
import { TalkCandidates } from "./talk-candidates";
import { TitleWords, type WordSegmenter } from "./title-words";
import type { SessionRef } from "./types";

/** What a line says, or inherits, about its talk. */
type Tie = { kind: "talk"; key: string } | { kind: "none" } | { kind: "ambiguous" };

/** How a line names talks: by a link on it, by a code in it, or by words of their titles. */
interface Mention {
	by: "link" | "code" | "words";
	keys: string[];
}

const NONE: Tie = { kind: "none" };
const AMBIGUOUS: Tie = { kind: "ambiguous" };
/** The context of a line with nothing above it: the note itself. */
const NOTE = -1;

/** What the finder reads: the note's metadata, lines, links and headings. */
export interface TalkFinderInput {
	cache: CachedMetadata;
	lines: readonly string[];
	sessions: readonly SessionRef[];
	refsByLine: ReadonlyMap<number, readonly SessionRef[]>;
	headings: HeadingPaths;
	itemsByLine: ReadonlyMap<number, ListItemCache>;
	noteYear: NoteYear;
	/** For tests: how Chinese is cut into words (default: the platform's segmenter, else bigrams). */
	segmenter?: WordSegmenter | null;
}

/**
 * Tells which talk a line is about. A line names a talk by a PDF link on it, else by a code anywhere
 * in it that is one of the note's talks (a leading code may name a talk linked elsewhere), else by
 * distinctive words of a talk's title. A line that names nothing inherits from its parent item, else
 * from the heading above it, else from the note. Title words that disagree with the inherited talk,
 * and codes or words that fit two talks equally, tie the line to nothing. Each line is read once.
 */
export class TalkFinder {
	private readonly candidates: TalkCandidates;
	private readonly words: TitleWords;
	// By line, in lists as long as the note (a map per note cost the collector more than the lists).
	private readonly headingText: Array<string | undefined>;
	private readonly headingParent: Array<number | undefined>;
	private readonly ties: Array<Tie | undefined>;
	/**
	 * The parent item's line of the first item on each line that has one: on a line holding two
	 * items (`- [ ] 1. …`) the inner one's parent is the line itself, and the line's context is the
	 * outer one's.
	 */
	private readonly parentLines: Array<number | undefined>;
	/** The lines `tieOf` walks through (reused). */
	private readonly chain: number[] = [];

	constructor(private readonly input: TalkFinderInput) {
		const lineCount = input.lines.length;
		this.headingText = new Array<string | undefined>(lineCount);
		this.headingParent = new Array<number | undefined>(lineCount);
		this.ties = new Array<Tie | undefined>(lineCount);
		this.parentLines = new Array<number | undefined>(lineCount);
		this.candidates = new TalkCandidates(input.sessions, input.noteYear, input.cache.frontmatter);
		this.words = new TitleWords(
			this.candidates.list.map((candidate) => candidate.titles),
			input.segmenter,
		);
		for (const item of input.cache.listItems ?? []) {
			const line = item.position.start.line;
			if (this.parentLines[line] === undefined) {
				this.parentLines[line] = item.parent;
			}
		}
		const stack: Array<{ level: number; line: number }> = [];
		for (const heading of input.cache.headings ?? []) {
			while (stack.length > 0 && (stack[stack.length - 1] as { level: number }).level >= heading.level) {
				stack.pop();
			}
			const line = heading.position.start.line;
			this.headingText[line] = heading.heading;
			this.headingParent[line] = stack.length > 0 ? (stack[stack.length - 1] as { line: number }).line : NOTE;
			stack.push({ level: heading.level, line });
		}
	}

	forLine(line: number): string | null {
		const tie = this.tieOf(line);
		return tie.kind === "talk" ? tie.key : null;
	}

	/**
	 * Walks up to the first line already known (or the note), then settles each line on the way down.
	 * Every step goes to an earlier line (a parent item or heading above): metadata that says
	 * otherwise ends the walk at the note, so it always ends.
	 */
	private tieOf(line: number): Tie {
		const chain = this.chain;
		chain.length = 0;
		let current = line;
		let known: Tie | undefined;
		while (current !== NOTE && (known = this.ties[current]) === undefined) {
			chain.push(current);
			const next = this.contextLine(current);
			current = next < current ? next : NOTE;
		}
		let tie = known ?? this.noteTie();
		for (let i = chain.length - 1; i >= 0; i--) {
			const at = chain[i] as number;
			tie = combine(this.mention(at), tie);
			this.ties[at] = tie;
		}
		return tie;
	}

	private noteTie(): Tie {
		const key = this.candidates.noteTalk;
		return key === null ? NONE : { kind: "talk", key };
	}

	/** The line a line inherits from: its parent item, else the heading above it, else the note. */
	private contextLine(line: number): number {
		const parent = this.parentLines[line] ?? -1;
		if (parent >= 0 && parent !== line && this.input.itemsByLine.has(parent)) {
			return parent;
		}
		const headingParent = this.headingParent[line];
		if (headingParent !== undefined) {
			return headingParent;
		}
		return this.input.headings.innermostAbove(line) ?? NOTE;
	}

	private mention(line: number): Mention | null {
		const refs = this.input.refsByLine.get(line);
		if (refs !== undefined && refs.length > 0) {
			return { by: "link", keys: unique(refs.map((ref) => this.candidates.keyOfRef(ref))) };
		}
		const text = this.textOf(line);
		const byCode: string[] = [];
		for (const { code, leading } of findCodes(text)) {
			byCode.push(...this.candidates.keysOfCode(code, leading));
		}
		if (byCode.length > 0) {
			return { by: "code", keys: unique(byCode) };
		}
		const named = this.words.match(text);
		if (named.length > 0) {
			return { by: "words", keys: unique(named.map((index) => (this.candidates.list[index] as { key: string }).key)) };
		}
		return null;
	}

	/** A heading's text as the metadata has it; an item's text after its marker and checkbox. */
	private textOf(line: number): string {
		const heading = this.headingText[line];
		if (heading !== undefined) {
			return heading;
		}
		const text = this.input.lines[line] ?? "";
		const item = this.input.itemsByLine.get(line);
		return item === undefined ? text : afterMarker(text, item.position.start.col, item.task !== undefined);
	}
}

/** A line's own mention against what it inherits. */
function combine(mention: Mention | null, inherited: Tie): Tie {
	if (mention === null) {
		return inherited;
	}
	const [first] = mention.keys;
	if (inherited.kind === "talk" && mention.keys.includes(inherited.key)) {
		return inherited;
	}
	if (mention.keys.length > 1 || first === undefined) {
		return AMBIGUOUS;
	}
	if (mention.by === "words" && inherited.kind === "talk") {
		return AMBIGUOUS;
	}
	return { kind: "talk", key: first };
}

/** The text after the list marker (at the column the metadata gives) and the checkbox. */
function afterMarker(text: string, col: number, task: boolean): string {
	let i = col;
	const c = text.charCodeAt(i);
	if (c === 45 || c === 42 || c === 43) {
		i++;
	} else {
		while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) {
			i++;
		}
		i++;
	}
	while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) {
		i++;
	}
	if (task && text.charCodeAt(i) === 91 && text.charCodeAt(i + 2) === 93) {
		i += 3;
	}
	return text.slice(i);
}

function unique(keys: string[]): string[] {
	return [...new Set(keys)];
}
