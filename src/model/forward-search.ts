/**
 * Helpers for scanners that walk a line from left to right and keep asking "where is the next …".
 * Asking `indexOf` afresh from every position costs the rest of the line each time, which is
 * quadratic on a line that never has what is looked for. These remember their last answer instead.
 */

/**
 * The first position at or after `from` where `search` finds something, or -1. `search(from)` must
 * return the first match at or after `from` (as `indexOf` does). An answer is reused for every later
 * `from` up to it, so for a caller whose `from` only grows each character is searched once. A `from`
 * that goes back is searched afresh: the answer is always the one `search` would give.
 */
export class ForwardSearch {
	private from = Number.POSITIVE_INFINITY;
	private found = -1;

	constructor(private readonly search: (from: number) => number) {}

	next(from: number): number {
		if (from < this.from || (this.found !== -1 && from > this.found)) {
			this.from = from;
			this.found = this.search(from);
		}
		return this.found;
	}
}

/**
 * The `[` that opens the link text ending at `close` (a `]`), as a scan back from `close` would find
 * it: brackets after a backslash do not count, and nested pairs are skipped. Answered by one pass
 * from the start of the line for rising `close`, instead of one pass back per link.
 */
export class OpeningBrackets {
	private next = 0;
	/** Brackets opened minus brackets closed before `next`. */
	private depth = 0;
	/**
	 * For each depth, the last `[` at which the count stood at that depth (index `depth + offset`;
	 * -1 for none). The depth moves by one per character, so it never leaves ±(length of the line).
	 */
	private lastOpenAt: Int32Array | null = null;
	private readonly offset: number;

	constructor(private readonly line: string) {
		this.offset = line.length + 1;
	}

	/** The `[` that opens the `]` at `close`, or -1. */
	openerOf(close: number): number {
		if (this.lastOpenAt === null || close < this.next - 1) {
			this.next = 0;
			this.depth = 0;
			this.lastOpenAt = new Int32Array(2 * this.offset + 1).fill(-1);
		}
		const lastOpenAt = this.lastOpenAt;
		for (; this.next <= close; this.next++) {
			const at = this.next;
			if (at > 0 && this.line.charCodeAt(at - 1) === 92) {
				continue;
			}
			const char = this.line.charCodeAt(at);
			if (char === 91) {
				lastOpenAt[this.depth + this.offset] = at;
				this.depth++;
			} else if (char === 93) {
				this.depth--;
			}
		}
		return lastOpenAt[this.depth + this.offset] ?? -1;
	}
}
