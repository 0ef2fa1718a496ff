import { closesFence, expandTabs, fenceAt, htmlBlockEnd, isBlank, isHeading, isHiddenHtml, isUnderline, listMarker, spacesAt } from "./block-starts";
import { LINE_HTML, LINE_HTML_START, LINE_SKIPPED } from "./comments";

/**
 * Code, math and HTML comment blocks inside list items, block quotes and callouts.
 *
 * Obsidian's sections name code only at the top level (a `code` section). Code in a list item or a
 * quote is part of the container's `list`, `blockquote` or `callout` section (the capture
 * `code_block_in_task` shows it), and an HTML comment block there is no `html` section. Obsidian
 * still renders them as code and as a comment, so the plugin must not read questions or links in them,
 * and a `%%` or `<!--` in such code opens nothing.
 *
 * This reads the lines of those sections with CommonMark's block structure, as Obsidian's renderer
 * does, only as far as it takes to tell code from text: block quotes, list items, fenced and indented
 * code, HTML comment blocks, and what else ends a paragraph (headings, thematic breaks, blank lines).
 * A section is a top-level block, so each starts the reading afresh. Only what stands inside a
 * container is marked: at the top level the sections have said what is code already.
 *
 * Lines of fenced or indented code, and of math from a line that starts with `$$` to the line holding
 * the next `$$` (Obsidian renders it as a formula; at the top level it is a `math` section), are
 * marked `LINE_SKIPPED`; an HTML block that opens with `<!--`
 * is marked `LINE_HTML_START` and `LINE_HTML` down to the line with its `-->`, or to the end of its
 * container (`model/comments.ts` hides it). One pass, linear in the section's length.
 */
export function markNestedBlocks(lines: readonly string[], from: number, to: number, marks: Uint8Array): void {
	new BlockReader(lines, marks, false).read(from, Math.min(to, lines.length - 1));
}

/**
 * Marks every line of lines[from, to] (a list, quote or callout section) that is not text: code,
 * math and HTML blocks at any depth, the top level too (non-zero marks). For a check of metadata that
 * may be older than the text: the sections' blocks a newer text opens inside them.
 */
export function markBlocksAtAnyDepth(lines: readonly string[], from: number, to: number, marks: Uint8Array): void {
	new BlockReader(lines, marks, true).read(from, Math.min(to, lines.length - 1));
}

const enum Leaf {
	None,
	Paragraph,
	Fence,
	Indented,
	/** An HTML comment block. */
	Html,
	/** Any other HTML block: its lines are HTML, whatever they look like (a fence opens nothing there). */
	OtherHtml,
	/** A math block (`$$` to the next `$$`): formula, not text. */
	Math,
}


/** The width of a block quote among the open containers. */
const QUOTE = -1;

class BlockReader {
	/**
	 * The open containers, outermost first, `depth` of them: each a block quote (`QUOTE`) or a list
	 * item whose content starts this many columns in.
	 */
	private readonly widths: number[] = [];
	private depth = 0;
	/** Where the open block quotes are among the containers, outermost first. */
	private readonly quotes: number[] = [];
	/**
	 * The innermost container when it is a list item that began with a blank line and has had no
	 * content since (-1: none). Such an item ends at the next blank line: an item begins with at most
	 * one.
	 */
	private emptyItem = -1;
	private leaf = Leaf.None;
	private fenceChar = "";
	private fenceLength = 0;
	/** True when the open HTML block (`Leaf.OtherHtml`) is a script or a style. */
	private htmlHidden = false;
	/** What ends the open HTML block (`Leaf.OtherHtml`): a line that holds it, or (null) a blank line. */
	private htmlEnd: RegExp | null = null;
	/** Where a thematic break of `breakChar` from a point on `breakLine` failed (see `isThematicBreak`). */
	private breakLine = -1;
	private breakChar = 0;
	private breakFailsAt = 0;

	constructor(
		private readonly lines: readonly string[],
		private readonly marks: Uint8Array,
		/** Marks blocks at the top level too (see `markBlocksAtAnyDepth`). */
		private readonly top: boolean,
	) {}

	read(from: number, to: number): void {
		for (let line = from; line <= to; line++) {
			if (this.marks[line] === LINE_SKIPPED) {
				// Properties or a top-level block the sections named: nothing of this reading.
				this.close(0);
				continue;
			}
			this.readLine(line, expandTabs(this.lines[line] ?? ""));
		}
	}

	private readLine(line: number, text: string): void {
		const { widths, depth } = this;
		// Which open containers the line continues.
		let pos = 0;
		let matched = 0;
		// The spaces at `pos`, counted once: each list item takes its width of them.
		let spaces = spacesAt(text, pos);
		for (; matched < depth; matched++) {
			const width = widths[matched] as number;
			if (width === QUOTE) {
				if (spaces > 3 || text.charCodeAt(pos + spaces) !== 62) {
					break;
				}
				pos += spaces + 1;
				if (text.charCodeAt(pos) === 32) {
					pos++;
				}
				spaces = spacesAt(text, pos);
			} else if (pos + spaces < text.length) {
				if (spaces < width) {
					break;
				}
				pos += width;
				spaces -= width;
			} else {
				// A blank rest stays in this item and every item up to the next quote: told at once (a
				// hostile note nests thousands).
				pos = text.length;
				spaces = 0;
				matched = this.nextQuote(matched) - 1;
			}
		}
		const blank = isBlank(text, pos);
		if (this.emptyItem !== -1 && matched > this.emptyItem) {
			if (blank) {
				matched = this.emptyItem;
			} else {
				this.emptyItem = -1;
			}
		}
		const all = matched === depth;
		const inside = matched > 0;
		// The open leaf block goes on, if the line is its.
		switch (this.leaf) {
			case Leaf.Fence:
				if (all) {
					this.markCode(line, inside);
					if (closesFence(text, pos, this.fenceChar, this.fenceLength)) {
						this.leaf = Leaf.None;
					}
					return;
				}
				break;
			case Leaf.Math:
				if (all) {
					this.markCode(line, inside);
					if (text.includes("$$", pos)) {
						this.leaf = Leaf.None;
					}
					return;
				}
				break;
			case Leaf.Html:
				if (all) {
					if (inside || this.top) {
						this.mark(line, LINE_HTML);
					}
					if (text.includes("-->", pos)) {
						this.leaf = Leaf.None;
					}
					return;
				}
				break;
			case Leaf.OtherHtml:
				if (all) {
					if (this.htmlHidden) {
						this.markCode(line, inside);
					}
					if (this.top) {
						this.mark(line, LINE_HTML);
					}
					if (this.htmlEnd === null ? blank : this.htmlEnd.test(text.slice(pos))) {
						this.leaf = Leaf.None;
					}
					return;
				}
				break;
			case Leaf.Indented:
				if (all && (blank || spacesAt(text, pos) >= 4)) {
					if (!blank) {
						this.markCode(line, inside);
					}
					return;
				}
				break;
			case Leaf.Paragraph:
				// A lazy continuation line: the paragraph goes on in containers the line does not name.
				if (!all && !blank && !this.startsBlock(line, text, pos)) {
					return;
				}
				break;
			default:
				break;
		}
		if (!all) {
			this.close(matched);
		}
		this.openBlocks(line, text, pos);
	}

	/** New blocks from `pos` on: containers first, then the leaf block the line starts or continues. */
	private openBlocks(line: number, text: string, pos: number): void {
		for (;;) {
			if (isBlank(text, pos)) {
				if (this.leaf !== Leaf.Indented) {
					this.leaf = Leaf.None;
				}
				return;
			}
			const indent = spacesAt(text, pos);
			if (indent >= 4) {
				if (this.leaf !== Leaf.Paragraph) {
					this.leaf = Leaf.Indented;
					this.markCode(line, this.depth > 0);
				}
				return;
			}
			const at = pos + indent;
			const char = text.charCodeAt(at);
			if (char === 62) {
				// `>`
				this.open(QUOTE);
				pos = at + 1;
				if (text.charCodeAt(pos) === 32) {
					pos++;
				}
				continue;
			}
			if (this.leaf === Leaf.Paragraph && isUnderline(text, at)) {
				// A heading's underline (`===`, `--`) ends the paragraph above it.
				this.leaf = Leaf.None;
				return;
			}
			if (this.isThematicBreak(line, text, at)) {
				this.leaf = Leaf.None;
				return;
			}
			const marker = listMarker(text, at, this.leaf === Leaf.Paragraph);
			if (marker > 0) {
				const after = spacesAt(text, at + marker);
				const empty = isBlank(text, at + marker);
				const content = empty || after >= 5 ? 1 : after;
				this.open(indent + marker + content);
				if (empty) {
					this.emptyItem = this.depth - 1;
				}
				pos = at + marker + Math.min(content, text.length - at - marker);
				continue;
			}
			const fence = fenceAt(text, at);
			if (fence > 0) {
				this.leaf = Leaf.Fence;
				this.fenceChar = text[at] as string;
				this.fenceLength = fence;
				this.markCode(line, this.depth > 0);
				return;
			}
			if (char === 36 && text.charCodeAt(at + 1) === 36) {
				// `$$`: math, up to the next `$$`. Closed on this line, it is the line's math only when
				// nothing follows it; text after it is read as text.
				const close = text.indexOf("$$", at + 2);
				if (close === -1) {
					this.leaf = Leaf.Math;
					this.markCode(line, this.depth > 0);
					return;
				}
				if (isBlank(text, close + 2)) {
					this.leaf = Leaf.None;
					this.markCode(line, this.depth > 0);
					return;
				}
			}
			if (char === 60 && text.startsWith("<!--", at)) {
				// `<!-->` and `<!--->` close where they open.
				this.leaf = text.includes("-->", at + 2) ? Leaf.None : Leaf.Html;
				if (this.depth > 0 || this.top) {
					this.mark(line, LINE_HTML_START);
				}
				return;
			}
			if (char === 60 && this.opensHtml(text, at)) {
				// A script or a style shows none of its text: read as code is.
				this.htmlHidden = isHiddenHtml(text, at);
				if (this.htmlHidden) {
					this.markCode(line, this.depth > 0);
				}
				if (this.top) {
					this.mark(line, LINE_HTML);
				}
				return;
			}
			this.leaf = char === 35 && isHeading(text, at) ? Leaf.None : Leaf.Paragraph;
			return;
		}
	}

	/**
	 * True when the line, from `pos`, starts a block, so that it is no lazy continuation of a paragraph
	 * in the containers it does not name. Out of those containers, the paragraph is not where the block
	 * starts: any list item can start there.
	 */
	private startsBlock(line: number, text: string, pos: number): boolean {
		const indent = spacesAt(text, pos);
		if (indent >= 4) {
			return false;
		}
		const at = pos + indent;
		const char = text.charCodeAt(at);
		return (
			char === 62 ||
			(char === 60 && (text.startsWith("<!--", at) || htmlBlockEnd(text, at, true) !== undefined)) ||
			this.isThematicBreak(line, text, at) ||
			(char === 35 && isHeading(text, at)) ||
			fenceAt(text, at) > 0 ||
			listMarker(text, at, false) > 0
		);
	}

	private open(width: number): void {
		if (width === QUOTE) {
			this.quotes.push(this.depth);
		}
		this.widths[this.depth++] = width;
		this.leaf = Leaf.None;
	}

	/**
	 * True when an HTML block other than a comment starts at `at` (and becomes the leaf, unless it ends
	 * on this very line).
	 */
	private opensHtml(text: string, at: number): boolean {
		const end = htmlBlockEnd(text, at, this.leaf === Leaf.Paragraph);
		if (end === undefined) {
			return false;
		}
		this.htmlEnd = end;
		this.leaf = end !== null && end.test(text.slice(at)) ? Leaf.None : Leaf.OtherHtml;
		return true;
	}

	/** The place of the first block quote at or after `from` among the open containers, else `depth`. */
	private nextQuote(from: number): number {
		const quotes = this.quotes;
		let low = 0;
		let high = quotes.length;
		while (low < high) {
			const middle = (low + high) >> 1;
			if ((quotes[middle] as number) < from) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}
		return low < quotes.length ? Math.min(quotes[low] as number, this.depth) : this.depth;
	}

	/** Closes every container past the first `depth`, and the leaf block. */
	private close(depth: number): void {
		this.depth = depth;
		if (this.emptyItem >= depth) {
			this.emptyItem = -1;
		}
		while (this.quotes.length > 0 && (this.quotes[this.quotes.length - 1] as number) >= depth) {
			this.quotes.pop();
		}
		this.leaf = Leaf.None;
	}

	/**
	 * True when the line from `at` is three or more of `*`, `-` or `_` (the same), spaces between. A
	 * line of nested items (`- - - - x`) asks at each marker: where the first answer failed is kept,
	 * and a later start of the same character before that point fails at once, as it would there.
	 */
	private isThematicBreak(line: number, text: string, at: number): boolean {
		const char = text.charCodeAt(at);
		if (char !== 42 && char !== 45 && char !== 95) {
			return false;
		}
		if (line === this.breakLine && char === this.breakChar && at < this.breakFailsAt) {
			return false;
		}
		let count = 0;
		for (let i = at; i < text.length; i++) {
			const next = text.charCodeAt(i);
			if (next === char) {
				count++;
			} else if (next !== 32 && next !== 9) {
				this.breakLine = line;
				this.breakChar = char;
				this.breakFailsAt = i;
				return false;
			}
		}
		return count >= 3;
	}

	private markCode(line: number, inside: boolean): void {
		if (inside || this.top) {
			this.mark(line, LINE_SKIPPED);
		}
	}

	private mark(line: number, kind: number): void {
		if (this.marks[line] === 0) {
			this.marks[line] = kind;
		}
	}
}
