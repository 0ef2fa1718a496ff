import { ForwardSearch } from "./forward-search";

/**
 * The look-aheads of the inline parser (`parseInline`) for one string: where a code span, a
 * wikilink, a markdown link or an emphasis ends. Each answers exactly what the straightforward
 * search would (`indexOf` from the position, or a sticky pattern), but remembers what it has seen,
 * so that a line full of openers that never close costs linear time, not one search per opener.
 * The parser asks at rising positions.
 */

export interface WikilinkMatch {
	/** Characters from the opener (`[[` or `![[`) to the end of `]]`. */
	length: number;
	target: string;
	/** The text after `|`; undefined when there is no `|`. */
	alias: string | undefined;
}

export interface MarkdownLinkMatch {
	length: number;
	text: string;
	/** The target as written, `<…>` included. */
	href: string;
}

export interface CodeSpanMatch {
	/** Backticks that open (and close) the span. */
	ticks: number;
	/** Where the closing run starts. */
	close: number;
}

/** `[text](` and blanks: the link text cannot reach past an unescaped bracket. */
const LINK_HEAD = /\[((?:[^[\]\\]|\\.)*)\]\([\t ]*/y;
/** A target without `<…>`: no white space, parentheses only in balanced pairs one deep. */
const LINK_TARGET = /(?:[^\s()]|\([^\s()]*\))+/y;

export class InlineScanner {
	// Made when first needed: most strings (and every nested emphasis) need few or none of them.
	private bracketOrBar: ForwardSearch | null = null;
	private bracket: ForwardSearch | null = null;
	private angle: ForwardSearch | null = null;
	private closers: Map<string, ForwardSearch> | null = null;
	private tails: Map<number, number> | null = null;
	private ticks: BacktickRuns | null = null;

	constructor(private readonly source: string) {}

	/**
	 * The code span opened by the backtick at `at`: the rest of its run, closed by the first later
	 * occurrence of as many backticks. Null when there is none: the backtick is then text.
	 */
	codeSpan(at: number): CodeSpanMatch | null {
		this.ticks ??= new BacktickRuns(this.source);
		return this.ticks.spanAt(at);
	}

	/** `[[target]]`, `[[target|alias]]` or `![[…]]` at `at`, as `/!?\[\[([^\]|]+)(?:\|([^\]]*))?\]\]/y`. */
	wikilink(at: number): WikilinkMatch | null {
		const { source } = this;
		const open = source[at] === "!" ? at + 1 : at;
		if (source[open] !== "[" || source[open + 1] !== "[") {
			return null;
		}
		const from = open + 2;
		this.bracketOrBar ??= new ForwardSearch((start) => firstOf(source, start, "]", "|"));
		const stop = this.bracketOrBar.next(from);
		if (stop === -1 || stop === from) {
			return null;
		}
		const target = source.slice(from, stop);
		if (source[stop] === "]") {
			return source[stop + 1] === "]" ? { length: stop + 2 - at, target, alias: undefined } : null;
		}
		this.bracket ??= new ForwardSearch((start) => source.indexOf("]", start));
		const close = this.bracket.next(stop + 1);
		if (close === -1 || source[close + 1] !== "]") {
			return null;
		}
		return { length: close + 2 - at, target, alias: source.slice(stop + 1, close) };
	}

	/**
	 * `[text](target)` or `[text](<target> "title")` at `at`, as
	 * `/\[((?:[^[\]\\]|\\.)*)\]\([\t ]*(<[^>]*>|(?:[^\s()]|\([^\s()]*\))+)(?:[\t ]+"[^"]*")?\)/y`.
	 * No two parts of that pattern can trade characters, so it is matched part by part: the first
	 * `>` after `<` and what follows a target are looked up once, however many links share them.
	 */
	markdownLink(at: number): MarkdownLinkMatch | null {
		const { source } = this;
		LINK_HEAD.lastIndex = at;
		const head = LINK_HEAD.exec(source);
		if (head === null) {
			return null;
		}
		const text = head[1] ?? "";
		const target = at + head[0].length;
		if (source[target] === "<") {
			this.angle ??= new ForwardSearch((start) => source.indexOf(">", start));
			const close = this.angle.next(target + 1);
			const end = close === -1 ? -1 : this.tail(close + 1);
			if (end !== -1) {
				return { length: end - at, text, href: source.slice(target, close + 1) };
			}
		}
		LINK_TARGET.lastIndex = target;
		const plain = LINK_TARGET.exec(source);
		if (plain === null) {
			return null;
		}
		const end = this.tail(target + plain[0].length);
		return end === -1 ? null : { length: end - at, text, href: plain[0] };
	}

	/**
	 * The first `delimiter` at or after `from` that does not follow a space or a backslash: where an
	 * emphasis opened before `from` closes. -1 when none does.
	 */
	closer(delimiter: string, from: number): number {
		this.closers ??= new Map();
		let closer = this.closers.get(delimiter);
		if (closer === undefined) {
			const { source } = this;
			closer = new ForwardSearch((start) => {
				let found = source.indexOf(delimiter, start);
				while (found !== -1 && (source[found - 1] === " " || source[found - 1] === "\\")) {
					found = source.indexOf(delimiter, found + 1);
				}
				return found;
			});
			this.closers.set(delimiter, closer);
		}
		return closer.next(from);
	}

	/** After a target: an optional `"title"` after blanks, then `)`. The end, or -1. Remembered. */
	private tail(from: number): number {
		this.tails ??= new Map();
		const known = this.tails.get(from);
		if (known !== undefined) {
			return known;
		}
		const { source } = this;
		let end = -1;
		let blank = from;
		while (source[blank] === " " || source[blank] === "\t") {
			blank++;
		}
		if (blank > from && source[blank] === '"') {
			const quote = source.indexOf('"', blank + 1);
			if (quote !== -1 && source[quote + 1] === ")") {
				end = quote + 2;
			}
		}
		if (end === -1 && source[from] === ")") {
			end = from + 1;
		}
		this.tails.set(from, end);
		return end;
	}
}

function firstOf(source: string, from: number, a: string, b: string): number {
	for (let at = from; at < source.length; at++) {
		const char = source[at];
		if (char === a || char === b) {
			return at;
		}
	}
	return -1;
}

/**
 * The runs of backticks of a string, for code spans. A run of `n` backticks at `at` is closed by the
 * first later run of at least `n` (`indexOf` of `n` backticks finds its start). When no later run is
 * that long, the first backtick is text and the rest of the run is tried again; that is answered
 * from the longest run after it, instead of by searching again for one backtick fewer each time.
 */
class BacktickRuns {
	private readonly starts: number[] = [];
	private readonly lengths: number[] = [];
	/** The longest run from each run on (one more entry, 0, past the last run). */
	private readonly longestFrom: number[];
	private run = 0;

	constructor(source: string) {
		for (let at = source.indexOf("`"); at !== -1; ) {
			let end = at + 1;
			while (source.charCodeAt(end) === 96) {
				end++;
			}
			this.starts.push(at);
			this.lengths.push(end - at);
			at = source.indexOf("`", end);
		}
		this.longestFrom = new Array<number>(this.starts.length + 1).fill(0);
		for (let run = this.starts.length - 1; run >= 0; run--) {
			this.longestFrom[run] = Math.max(this.lengths[run] as number, this.longestFrom[run + 1] as number);
		}
	}

	spanAt(at: number): CodeSpanMatch | null {
		const runs = this.starts.length;
		if (this.run > 0 && at < this.end(this.run - 1)) {
			// Asked about an earlier run than last time: look from the start again.
			this.run = 0;
		}
		while (this.run < runs && this.end(this.run) <= at) {
			this.run++;
		}
		const start = this.starts[this.run];
		if (start === undefined || at < start) {
			return null;
		}
		const ticks = this.end(this.run) - at;
		if (ticks > (this.longestFrom[this.run + 1] as number)) {
			return null;
		}
		let close = this.run + 1;
		while ((this.lengths[close] as number) < ticks) {
			close++;
		}
		return { ticks, close: this.starts[close] as number };
	}

	private end(run: number): number {
		return (this.starts[run] as number) + (this.lengths[run] as number);
	}
}
