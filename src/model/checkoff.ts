import { TASK_PREFIX } from "./status";

/** What the dashboard showed for the item the user clicked. */
export interface CheckoffTarget {
	/** 0-based line the item was on when the dashboard was drawn. */
	line: number;
	/** The whole line as it was then (without its line ending). */
	lineText: string;
}

export type RefusalReason = "changed" | "ambiguous" | "not-a-task";

export type EditResult =
	| { ok: true; text: string; line: number; lineText: string }
	| { ok: false; reason: RefusalReason };

export interface EditOptions {
	/** Append ` ✅ YYYY-MM-DD` when an item becomes done, drop it when it is reopened. */
	completionDate?: string | null;
}

const DONE_DATE = / ✅ \d{4}-\d{2}-\d{2}$/u;

interface LineSpan {
	start: number;
	/** End of the line's content, before `\r\n` or `\n`. */
	end: number;
}

const FENCE = /^[\t ]*(?:>[\t ]*)*(`{3,}|~{3,})/;

/**
 * Lines inside fenced code blocks (``` or ~~~, also in quotes), which are never study items: a
 * line that moved into a code block is not checked off there.
 */
function fencedLines(text: string, spans: readonly LineSpan[]): Uint8Array {
	const inside = new Uint8Array(spans.length);
	let open: string | null = null;
	for (let i = 0; i < spans.length; i++) {
		const span = spans[i] as LineSpan;
		const line = text.slice(span.start, Math.min(span.end, span.start + 200));
		const fence = FENCE.exec(line)?.[1];
		if (open === null) {
			if (fence !== undefined) {
				open = fence;
				inside[i] = 1;
			}
		} else {
			inside[i] = 1;
			if (fence !== undefined && fence[0] === open[0] && fence.length >= open.length) {
				open = null;
			}
		}
	}
	return inside;
}

function lineSpans(text: string): LineSpan[] {
	const spans: LineSpan[] = [];
	let start = 0;
	for (;;) {
		const newline = text.indexOf("\n", start);
		if (newline === -1) {
			spans.push({ start, end: text.length });
			return spans;
		}
		spans.push({ start, end: newline > start && text[newline - 1] === "\r" ? newline - 1 : newline });
		start = newline + 1;
	}
}

/**
 * Sets the status character of one task line. The line must still say what the dashboard showed;
 * if it moved, the one identical line elsewhere is used; otherwise nothing changes and the reason is
 * returned. Only the status character changes (and, when asked, the completion date at the line's
 * end); line endings, a byte-order mark and every other byte stay as they were.
 */
export function setTaskStatus(text: string, target: CheckoffTarget, status: string, options: EditOptions = {}): EditResult {
	if ([...status].length !== 1 || status === "\n" || status === "\r") {
		return { ok: false, reason: "not-a-task" };
	}
	const spans = lineSpans(text);
	const code = fencedLines(text, spans);
	const lineOf = (span: LineSpan): string => text.slice(span.start, span.end);
	let index = -1;
	const at = spans[target.line];
	if (at && code[target.line] !== 1 && lineOf(at) === target.lineText) {
		index = target.line;
	} else {
		const matches: number[] = [];
		spans.forEach((span, i) => {
			if (code[i] !== 1 && span.end - span.start === target.lineText.length && lineOf(span) === target.lineText) {
				matches.push(i);
			}
		});
		if (matches.length > 1) {
			return { ok: false, reason: "ambiguous" };
		}
		if (matches.length === 0) {
			return { ok: false, reason: "changed" };
		}
		index = matches[0] as number;
	}
	const span = spans[index] as LineSpan;
	const line = lineOf(span);
	const bom = index === 0 && line.startsWith("\uFEFF") ? 1 : 0;
	const match = TASK_PREFIX.exec(line.slice(bom));
	if (!match) {
		return { ok: false, reason: "not-a-task" };
	}
	const at0 = bom + (match[1] as string).length;
	const previous = match[2] as string;
	let edited = line.slice(0, at0) + status + line.slice(at0 + previous.length);
	if (options.completionDate !== undefined && options.completionDate !== null) {
		const nowDone = status !== " " && status !== "/" && status !== "-";
		const trimmed = edited.replace(DONE_DATE, "");
		edited = nowDone ? `${trimmed} ✅ ${options.completionDate}` : trimmed;
	}
	return { ok: true, text: text.slice(0, span.start) + edited + text.slice(span.end), line: index, lineText: edited };
}

/** The status a click sets: open and in-progress items become done; anything else reopens. */
export function toggledStatus(status: string): string {
	return status === " " || status === "/" ? "x" : " ";
}

/** Turns a list-item question into a study item: `- why?` → `- [ ] why?`. */
export function questionToTask(text: string, target: CheckoffTarget): EditResult {
	const spans = lineSpans(text);
	const span = spans[target.line];
	if (!span || text.slice(span.start, span.end) !== target.lineText) {
		return { ok: false, reason: "changed" };
	}
	const line = target.lineText;
	const match = /^([\t ]*(?:>[\t ]*)*(?:[-*+]|\d{1,9}[.)])[\t ]+)/u.exec(line);
	if (!match || TASK_PREFIX.test(line)) {
		return { ok: false, reason: "not-a-task" };
	}
	const prefix = match[1] as string;
	const edited = `${prefix}[ ] ${line.slice(prefix.length)}`;
	return { ok: true, text: text.slice(0, span.start) + edited + text.slice(span.end), line: target.line, lineText: edited };
}
