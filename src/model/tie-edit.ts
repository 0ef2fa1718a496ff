import type { EditResult } from "./checkoff";
import { type LineTarget, locateLine, textLines } from "./line-locate";
import { splitTail, tailIsSafe } from "./line-tail";
import { TASK_PREFIX } from "./status";


/** One line a tie wrote: where it is, what it says now, and what it said before. */
export interface TiedLine {
	line: number;
	lineText: string;
	previous: string;
}

/** A check-off's result (its line: the first tied line), with every tied line, in the order of the targets. */
export type TieResult = (Extract<EditResult, { ok: true }> & { lines: TiedLine[] }) | Extract<EditResult, { ok: false }>;

/**
 * A task line with ` (code)` at the end of its text, before a trailing completion date or block id:
 * `- [ ] 复习调度器 ✅ 2024-05-01` → `- [ ] 复习调度器 (2.2.3) ✅ 2024-05-01`. Null when the line is not a
 * task. Nothing else on the line changes.
 */
export function withTie(line: string, code: string): string | null {
	const bom = line.startsWith("\uFEFF") ? 1 : 0;
	if (!TASK_PREFIX.test(line.slice(bom))) {
		return null;
	}
	// A completion date and a block id stay at the very end. Text is added only where it cannot
	// change how the note is read (not after a pipe, inside an open code span, or after HTML).
	const { body, date, blockId } = splitTail(line);
	const tied = `${body} (${code})${date}${blockId}`;
	return tailIsSafe(line) && tailIsSafe(tied) ? tied : null;
}

/**
 * Ties study items to the talk of `code`: ` (code)` is appended to each target's text, as
 * `withTie` does. Every target is found as a check-off finds its line (`locateLine`, against the
 * same text); when any of them cannot be found for certain, or two targets are one line, nothing
 * changes and the reason is returned. Only the targets' lines change: line endings, a byte-order
 * mark and every other byte stay as they were.
 */
export function tieItems(text: string, targets: readonly LineTarget[], code: string): TieResult {
	if (targets.length === 0 || !/^\d{1,2}(?:[.-]\d{1,2}){1,2}$/u.test(code)) {
		return { ok: false, reason: "not-a-task" };
	}
	const edits: Array<{ start: number; end: number; tied: TiedLine }> = [];
	const seen = new Set<number>();
	const lines = textLines(text);
	for (const target of targets) {
		const located = locateLine(text, target, lines);
		if (!located.ok) {
			return { ok: false, reason: located.reason };
		}
		if (seen.has(located.line)) {
			return { ok: false, reason: "uncertain" };
		}
		seen.add(located.line);
		const start = located.spans.starts[located.line] as number;
		const end = located.spans.ends[located.line] as number;
		const previous = text.slice(start, end);
		const edited = withTie(previous, code);
		if (edited === null) {
			return { ok: false, reason: "not-a-task" };
		}
		edits.push({ start, end, tied: { line: located.line, lineText: edited, previous } });
	}
	const ordered = [...edits].sort((a, b) => a.start - b.start);
	let result = "";
	let at = 0;
	for (const edit of ordered) {
		result += text.slice(at, edit.start) + edit.tied.lineText;
		at = edit.end;
	}
	result += text.slice(at);
	const first = (edits[0] as { tied: TiedLine }).tied;
	return { ok: true, text: result, line: first.line, lineText: first.lineText, previous: first.previous, lines: edits.map((edit) => edit.tied) };
}

/** Ties one study item (see `tieItems`). */
export function tieItem(text: string, target: LineTarget, code: string): TieResult {
	return tieItems(text, [target], code);
}
