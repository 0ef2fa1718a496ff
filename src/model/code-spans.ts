import { isEscaped } from "./text";
/**
 * Code spans of one line, found while walking it from left to right: a run of backticks opens a span
 * that the next run of the same length closes; with no such run it is text. The answers are those of
 * `backtickRuns` (`model/text.ts`), without a table of every run of the line: a hostile line holds
 * tens of thousands of runs, and tables that large cost more to allocate and collect than to fill.
 *
 * Linear in the line, for a walker that asks at rising positions and, when a run is closed, goes on
 * after the run that closes it: looking for a closing run costs what the walker then skips. When no
 * run closes, the rest of the line was read once; the last run of each length after that point is
 * noted then, so that every later run without a closer is told at once.
 */
export class CodeSpanFinder {
	/** Last run of each length from `notedFrom` on; made when a run is first found unclosed. */
	private lastOfLength: Map<number, number> | null = null;
	private notedFrom = -1;

	constructor(private readonly text: string) {}

	/** How many backticks the run starting at `at` holds. */
	runLength(at: number): number {
		let end = at;
		while (this.text.charCodeAt(end) === 96) {
			end++;
		}
		return end - at;
	}

	/**
	 * Where the run that closes the run of `length` backticks at `at` starts (the next run exactly as
	 * long), or -1 when none does. `at` must be the first backtick of a run, or its second when the
	 * first is escaped (see `spanEnd`).
	 */
	closer(at: number, length: number): number {
		const { text } = this;
		if (this.lastOfLength !== null && at >= this.notedFrom && (this.lastOfLength.get(length) ?? -1) <= at) {
			return -1;
		}
		for (let run = text.indexOf("`", at + length); run !== -1; ) {
			const runLength = this.runLength(run);
			if (runLength === length) {
				return run;
			}
			run = text.indexOf("`", run + runLength);
		}
		if (this.lastOfLength === null) {
			this.lastOfLength = new Map();
			this.notedFrom = at;
			for (let run = at; run !== -1; ) {
				const runLength = this.runLength(run);
				this.lastOfLength.set(runLength, run);
				run = text.indexOf("`", run + runLength);
			}
		}
		return -1;
	}

	/**
	 * The first code span that starts at or after `from`, as [start, end) in `span`, or false when no
	 * span is left. `from` must not fall inside a run of backticks.
	 */
	next(from: number, span: { from: number; to: number }): boolean {
		const { text } = this;
		for (let run = text.indexOf("`", from); run !== -1; ) {
			const end = this.spanEnd(run);
			if (end !== -1) {
				span.from = isEscaped(text, run) ? run + 1 : run;
				span.to = end;
				return true;
			}
			run = text.indexOf("`", run + this.runLength(run));
		}
		return false;
	}

	/**
	 * Where the code span that the run of backticks at `run` opens ends (exclusive), or -1 when it
	 * opens none. After a backslash the run's first backtick is text (see `isEscaped`); the rest of
	 * the run may open a span.
	 */
	spanEnd(run: number): number {
		const length = this.runLength(run);
		const escaped = isEscaped(this.text, run) ? 1 : 0;
		if (length === escaped) {
			return -1;
		}
		const close = this.closer(run + escaped, length - escaped);
		return close === -1 ? -1 : close + length - escaped;
	}
}
