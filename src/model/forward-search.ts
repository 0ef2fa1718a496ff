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
	 * For each depth, the last `[` at which the count stood at that depth: depths from 0 up in an
	 * array (the depth only rises through a `[`, so it fills without gaps), those below 0 in a map.
	 */
	private readonly openAtDepth: number[] = [];
	private readonly openBelowZero = new Map<number, number>();

	constructor(private readonly line: string) {}

	/** The `[` that opens the `]` at `close`, or -1. */
	openerOf(close: number): number {
		if (close < this.next - 1) {
			this.next = 0;
			this.depth = 0;
			this.openAtDepth.length = 0;
			this.openBelowZero.clear();
		}
		for (; this.next <= close; this.next++) {
			const at = this.next;
			if (at > 0 && this.line.charCodeAt(at - 1) === 92) {
				continue;
			}
			const char = this.line.charCodeAt(at);
			if (char === 91) {
				if (this.depth >= 0) {
					this.openAtDepth[this.depth] = at;
				} else {
					this.openBelowZero.set(this.depth, at);
				}
				this.depth++;
			} else if (char === 93) {
				this.depth--;
			}
		}
		return (this.depth >= 0 ? this.openAtDepth[this.depth] : this.openBelowZero.get(this.depth)) ?? -1;
	}
}
