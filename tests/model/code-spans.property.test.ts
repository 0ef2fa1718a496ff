/** @jest-environment node */
import fc from "fast-check";
import { CodeSpanFinder } from "../../src/model/code-spans";
import { maskComments } from "../../src/model/comments";
import { backtickRuns } from "../../src/model/text";
import { expectLinear } from "./linear-time-helper";

/**
 * The code spans a walker finds with `CodeSpanFinder` against the table of every run that
 * `backtickRuns` makes: the same closers, the same spans, on any line.
 */
const RUNS = Number(process.env.CODE_SPAN_RUNS ?? 3000);

const piece = fc.constantFrom("`", "``", "```", "````", "a", " ", "b c", "%%", "中");
const line = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(""));

/** Spans as `backtickRuns` pairs them: a run, then the next run as long; on after the closer. */
function tableSpans(text: string): Array<[number, number]> {
	const { starts, lengths, closing } = backtickRuns(text);
	const spans: Array<[number, number]> = [];
	for (let k = 0; k < starts.length; k++) {
		const close = closing[k] as number;
		if (close !== -1) {
			spans.push([starts[k] as number, (starts[close] as number) + (lengths[close] as number)]);
			k = close;
		}
	}
	return spans;
}

function finderSpans(text: string): Array<[number, number]> {
	const finder = new CodeSpanFinder(text);
	const span = { from: 0, to: 0 };
	const spans: Array<[number, number]> = [];
	for (let from = 0; finder.next(from, span); from = span.to) {
		spans.push([span.from, span.to]);
	}
	return spans;
}

/** Runs of 1, 2, 3 … backticks, none of them closed: every run looks for a closer in vain. */
function unclosedRuns(length: number): string {
	let text = "";
	for (let run = 1; text.length < length; run++) {
		text += `${"`".repeat(run)} x `;
	}
	return text.slice(0, length);
}

describe("code spans found while walking a line", () => {
	it("pairs the runs of any line as the table of every run does", () => {
		fc.assert(
			fc.property(line, (text) => {
				expect(finderSpans(text)).toEqual(tableSpans(text));
			}),
			{ numRuns: RUNS },
		);
	});

	it("tells the closer of every run at rising positions, as the table does", () => {
		fc.assert(
			fc.property(line, fc.array(fc.boolean(), { maxLength: 40 }), (text, asked) => {
				const { starts, lengths, closing } = backtickRuns(text);
				const finder = new CodeSpanFinder(text);
				starts.forEach((start, k) => {
					// A walker skips some runs (inside a span or a comment): ask about some only.
					if (asked[k] ?? true) {
						const close = closing[k] as number;
						expect(finder.runLength(start)).toBe(lengths[k]);
						expect(finder.closer(start, lengths[k] as number)).toBe(close === -1 ? -1 : starts[close]);
					}
				});
			}),
			{ numRuns: RUNS },
		);
	});

	it("walks 100,000 characters of runs that never close in linear time", () => {
		expectLinear("CodeSpanFinder on unclosed runs", unclosedRuns, finderSpans);
		expectLinear("maskComments on unclosed runs", unclosedRuns, (text) => maskComments([text], new Uint8Array(1), () => false));
	});
});
