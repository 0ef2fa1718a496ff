import { CodeSpanFinder } from "./code-spans";
import { isEscaped } from "./text";
/**
 * Comments, which Obsidian never shows: `%% … %%` and `<!-- … -->`. Where the parser reads a note's
 * text itself (web PDF links, questions) it reads the lines this module returns, with every comment
 * blanked out; links that Obsidian's metadata reports inside a comment (it still lists those of `%%`
 * comments) are dropped with `isCommented`.
 *
 * What the note's sections tell is taken from them: a `comment` section is never read (it is marked
 * skipped, like code and properties), and an `html` section that opens with `<!--` is blanked whole,
 * however far an unclosed one runs. Inside the other lines one left-to-right pass finds the rest:
 * - `%%` opens a comment that ends at the next `%%`, on this line or any later one; never closed, it
 *   runs to the end of the note, as in Obsidian.
 * - `<!--` opens one that ends at the first `-->` of the same block (a paragraph, a list item, a
 *   heading). Never closed, it is text, unless it starts its line: then it is an HTML block and
 *   hides the rest of the block. Inside a list item or a quote such a block runs over blank lines
 *   to its `-->` or to the end of its container: `model/nested-blocks.ts` marks its lines.
 * - A code span (backticks, on one line) is code: comment markers in it open nothing. Skipped lines
 *   (code blocks, properties, comment blocks) never open or close a comment.
 * Quote and indentation prefixes stay on the lines a comment runs over, so callouts keep their shape.
 * Every search only moves forward: linear in the length of the note, whatever it holds.
 */

/** Marks of a note's lines, as the parser's `skippedLines` writes them. */
export const LINE_SKIPPED = 1;
/** The first line of an HTML block (an `html` section). */
export const LINE_HTML_START = 2;
/** A further line of an HTML block. */
export const LINE_HTML = 3;

const CONTAINER_PREFIX = /^[\t ]*(?:>[\t ]?)*/;
// Where a line's content starts: after quote markers, indentation and a list marker.
const CONTENT_START = /^[\t ]*(?:>[\t ]?)*[\t ]*(?:(?:[-*+]|\d{1,9}[.)])[\t ]+)?/;
/** The same without a list marker: where a line that starts no list item has its content. */
const CONTENT_START_NO_ITEM = /^[\t ]*(?:>[\t ]?)*[\t ]*/;
const BLANK = /^[\t >]*$/;
/** What opens a comment: a line without it is passed over with one search. */
const OPENER = /%%|<!--/;

/** A position in the note. */
interface Cursor {
	line: number;
	col: number;
}

/**
 * The note's lines with every comment replaced by spaces (columns stay where they were). Lines
 * marked skipped come back as they are: nobody reads them. `startsBlock` tells the lines where a new
 * block starts (list items and headings, from the metadata); an HTML comment never runs over one.
 */
export function maskComments(lines: readonly string[], marks: Uint8Array, startsBlock: (line: number) => boolean): readonly string[] {
	return new CommentScanner(lines, marks, startsBlock).run();
}

/**
 * `maskComments` with the blocks the metadata starts: a list item's line (`listItems`, by line), a
 * heading's, and the first line of every section (a paragraph, a quote, a table, a thematic break:
 * an inline `<!--` left open in one block never runs into the next). What the links and the
 * questions of a note are read from.
 */
export function maskNoteComments(lines: readonly string[], marks: Uint8Array, listItems: ReadonlyMap<number, unknown>, headingLines: ReadonlySet<number>, sectionStarts: ReadonlySet<number> = NONE): readonly string[] {
	return maskComments(lines, marks, (line) => listItems.has(line) || headingLines.has(line) || sectionStarts.has(line));
}

const NONE: ReadonlySet<number> = new Set();

/**
 * True when a link Obsidian found (at `line`, `col`, written as `original`) stands in a comment. The
 * column is trusted only when the text at it is the link; else the line's visible text is searched.
 */
export function isCommented(lines: readonly string[], masked: readonly string[], marks: Uint8Array, line: number, col: number, original: string): boolean {
	if (marks[line] === LINE_SKIPPED) {
		return true;
	}
	const text = lines[line];
	const visible = masked[line];
	if (text === undefined || visible === undefined || text === visible) {
		return false;
	}
	if (original !== "" && text.startsWith(original, col)) {
		return !visible.startsWith(original, col);
	}
	return !visible.includes(original);
}

class CommentScanner {
	/**
	 * Hidden spans as (line, from, to) triples, in the order the scan finds them: by line, and on a
	 * line by column. A flat typed array: a hostile line holds tens of thousands of comments, and
	 * a list of that many numbers costs the collector more than the scan itself.
	 */
	private hidden: Int32Array | null = null;
	private hiddenLength = 0;
	/** `<!--` found no `-->` in a block that runs through this line: later ones there find none either. */
	private failedThrough = -1;

	constructor(
		private readonly lines: readonly string[],
		private readonly marks: Uint8Array,
		private readonly startsBlock: (line: number) => boolean,
	) {}

	run(): readonly string[] {
		const { lines, marks } = this;
		let line = 0;
		while (line < lines.length) {
			const mark = marks[line];
			// Most lines open no comment: they are passed over without a cursor.
			if (mark === LINE_SKIPPED || (mark !== LINE_HTML_START && !OPENER.test(lines[line] ?? ""))) {
				line++;
				continue;
			}
			let at = this.startLine(line);
			while (at.col !== 0 && at.line < lines.length) {
				at = this.scanLine(at);
			}
			line = at.line;
		}
		const { hidden, hiddenLength } = this;
		if (hidden === null) {
			return lines;
		}
		const masked = lines.slice();
		for (let first = 0; first < hiddenLength; ) {
			const blanked = hidden[first] as number;
			let end = first + 3;
			while (end < hiddenLength && hidden[end] === blanked) {
				end += 3;
			}
			masked[blanked] = blank(lines[blanked] ?? "", hidden, first, end);
			first = end;
		}
		return masked;
	}

	/** A line from its start: skipped, an HTML comment block, or text to scan. */
	private startLine(line: number): Cursor {
		const mark = this.marks[line];
		if (mark === LINE_SKIPPED) {
			return { line: line + 1, col: 0 };
		}
		if (mark === LINE_HTML_START && (this.lines[line] ?? "").trimStart().startsWith("<!--")) {
			let end = line + 1;
			while (this.marks[end] === LINE_HTML) {
				end++;
			}
			for (let hidden = line; hidden < end; hidden++) {
				this.hide(hidden, 0, (this.lines[hidden] ?? "").length);
			}
			return { line: end, col: 0 };
		}
		return this.scanLine({ line, col: 0 });
	}

	/**
	 * Scans a line from `at`, hiding the comments on it, and says where to go on: the next line, or
	 * where a comment that runs over lines ends. Each line is entered once.
	 */
	private scanLine(at: Cursor): Cursor {
		const text = this.lines[at.line] ?? "";
		const next: Cursor = { line: at.line + 1, col: 0 };
		if (at.col === 0 && !OPENER.test(text)) {
			return next;
		}
		let code: CodeSpanFinder | null = null;
		// A list marker counts only on a line that starts a block (`2023. ` continuing a paragraph is text).
		const contentStart = ((this.startsBlock(at.line) ? CONTENT_START : CONTENT_START_NO_ITEM).exec(text)?.[0].length ?? 0);
		for (let i = at.col; i < text.length; ) {
			const char = text.charCodeAt(i);
			let after: Cursor | null;
			if (char === 96) {
				code ??= new CodeSpanFinder(text);
				const end = code.spanEnd(i);
				i = end === -1 ? i + code.runLength(i) : end;
				continue;
			} else if (char === 37 && text.charCodeAt(i + 1) === 37) {
				after = this.percentComment({ line: at.line, col: i });
			} else if (char === 60 && text.startsWith("<!--", i) && !isEscaped(text, i)) {
				// An HTML block opens at the content's start: after quote and list markers, which the block
				// reading marks when they are nested deeper than `CONTENT_START` reads.
				after = this.htmlComment({ line: at.line, col: i }, i === contentStart || (this.marks[at.line] === LINE_HTML_START && text.indexOf("<!--") === i));
				if (after === null) {
					i += 4;
					continue;
				}
			} else {
				i++;
				continue;
			}
			if (after.line !== at.line) {
				return after;
			}
			i = after.col;
		}
		return next;
	}

	/** `%%` at `open`: hidden up to the next `%%` outside skipped lines, else to the end of the note. */
	private percentComment(open: Cursor): Cursor {
		let from = open.col + 2;
		for (let line = open.line; line < this.lines.length; line++) {
			if (line !== open.line && this.marks[line] === LINE_SKIPPED) {
				continue;
			}
			const close = (this.lines[line] ?? "").indexOf("%%", from);
			if (close !== -1) {
				this.hideRange(open, { line, col: close + 2 });
				return { line, col: close + 2 };
			}
			from = 0;
		}
		this.hideRange(open, { line: this.lines.length - 1, col: (this.lines[this.lines.length - 1] ?? "").length });
		return { line: this.lines.length, col: 0 };
	}

	/**
	 * `<!--` at `open`: hidden up to its `-->` in the block, or to the block's end if it starts its
	 * line's content (an HTML block); null when it is text.
	 */
	private htmlComment(open: Cursor, opensBlock: boolean): Cursor | null {
		const text = this.lines[open.line] ?? "";
		if (text.startsWith(">", open.col + 4) || text.startsWith("->", open.col + 4)) {
			const end = open.col + (text.startsWith(">", open.col + 4) ? 5 : 6);
			this.hideRange(open, { line: open.line, col: end });
			return { line: open.line, col: end };
		}
		if (open.line <= this.failedThrough && !opensBlock) {
			return null;
		}
		let from = open.col + 4;
		let line = open.line;
		// In an HTML block (the sections' or one the block reading found in a container), a comment runs
		// over the block's lines, blank or not, and no further.
		const inHtml = this.marks[open.line] === LINE_HTML_START || this.marks[open.line] === LINE_HTML;
		for (;;) {
			const close = (this.lines[line] ?? "").indexOf("-->", from);
			if (close !== -1) {
				this.hideRange(open, { line, col: close + 3 });
				return { line, col: close + 3 };
			}
			if (inHtml ? this.marks[line + 1] !== LINE_HTML : !this.continuesBlock(line + 1)) {
				break;
			}
			line++;
			from = 0;
		}
		this.failedThrough = Math.max(this.failedThrough, line);
		if (!opensBlock) {
			return null;
		}
		this.hideRange(open, { line, col: (this.lines[line] ?? "").length });
		return { line: line + 1, col: 0 };
	}

	/** True when `line` belongs to the same block as the line before it. */
	private continuesBlock(line: number): boolean {
		const text = this.lines[line];
		if (text === undefined || this.startsBlock(line) || BLANK.test(text)) {
			return false;
		}
		const mark = this.marks[line];
		return mark !== LINE_SKIPPED && mark !== LINE_HTML_START;
	}

	/** Hides from `from` to `to` (exclusive); the lines in between keep their quote prefix. */
	private hideRange(from: Cursor, to: Cursor): void {
		if (from.line === to.line) {
			this.hide(from.line, from.col, to.col);
			return;
		}
		for (let line = from.line; line <= to.line; line++) {
			if (line !== from.line && this.marks[line] === LINE_SKIPPED) {
				continue;
			}
			const text = this.lines[line] ?? "";
			const start = line === from.line ? from.col : (CONTAINER_PREFIX.exec(text)?.[0].length ?? 0);
			this.hide(line, start, line === to.line ? to.col : text.length);
		}
	}

	private hide(line: number, from: number, to: number): void {
		if (to <= from) {
			return;
		}
		let hidden = this.hidden;
		const length = this.hiddenLength;
		if (hidden !== null && hidden[length - 3] === line && hidden[length - 1] === from) {
			// Comments side by side (`%%%%%%…`) make one span.
			hidden[length - 1] = to;
			return;
		}
		if (hidden === null || length + 3 > hidden.length) {
			const grown = new Int32Array(Math.max(48, 2 * (hidden?.length ?? 0)));
			if (hidden !== null) {
				grown.set(hidden);
			}
			this.hidden = hidden = grown;
		}
		hidden[length] = line;
		hidden[length + 1] = from;
		hidden[length + 2] = to;
		this.hiddenLength = length + 3;
	}
}

/** A line with more comments than this is put together from pieces a chunk at a time. */
const MANY_SPANS = 32;
/** Pieces joined at a time, for a line with many comments. */
const CHUNK = 512;
const SPACES = " ".repeat(64);

/** The text with the spans of `hidden` from triple `first` to `end` replaced by spaces. */
function blank(text: string, hidden: Int32Array, first: number, end: number): string {
	if (end - first > 3 * MANY_SPANS) {
		return blankMany(text, hidden, first, end);
	}
	let result = "";
	let copied = 0;
	for (let k = first; k < end; k += 3) {
		const from = Math.max(copied, hidden[k + 1] as number);
		const to = hidden[k + 2] as number;
		if (to > from) {
			result += text.slice(copied, from) + " ".repeat(to - from);
			copied = to;
		}
	}
	return result + text.slice(copied);
}

/**
 * `blank` for a line with many comments (`%%%% %%%% …`): adding two pieces for each to one string
 * would make the line a chain of tens of thousands of strings, which outlives the scan and costs the
 * collector more than the scan itself. The pieces are joined a chunk at a time instead.
 */
function blankMany(text: string, hidden: Int32Array, first: number, end: number): string {
	let result = "";
	let pieces: string[] = [];
	let copied = 0;
	for (let k = first; k < end; k += 3) {
		const from = Math.max(copied, hidden[k + 1] as number);
		const to = hidden[k + 2] as number;
		if (to > from) {
			pieces.push(text.slice(copied, from), to - from <= SPACES.length ? SPACES.slice(0, to - from) : " ".repeat(to - from));
			copied = to;
			if (pieces.length >= CHUNK) {
				result += pieces.join("");
				pieces = [];
			}
		}
	}
	pieces.push(text.slice(copied));
	return result + pieces.join("");
}
