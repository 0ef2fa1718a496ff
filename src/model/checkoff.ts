import { type LineTarget, locateLine } from "./line-locate";
import { splitTail, tailIsSafe } from "./line-tail";
import { TASK_PREFIX } from "./status";

/** What the dashboard showed for the item the user clicked (see `LineTarget`). */
export type CheckoffTarget = LineTarget;

export type RefusalReason = "changed" | "uncertain" | "not-a-task";

export type EditResult =
	| {
			ok: true;
			text: string;
			/** Where the edited line is now, and what it says. */
			line: number;
			lineText: string;
			/** The line as it was before the edit, to the byte (for Undo). */
			previous: string;
	  }
	| { ok: false; reason: RefusalReason };

export interface EditOptions {
	/** Append ` ✅ YYYY-MM-DD` when an item becomes done, drop it when it is reopened. */
	completionDate?: string | null;
}

const LIST_PREFIX = /^([\t ]*(?:>[\t ]*)*(?:[-*+]|\d{1,9}[.)])[\t ]+)/u;

/**
 * Replaces one line of the note, found by `locateLine`, with what `edit` makes of it; `edit` returns
 * null when the line is not what it must be. Only that line changes: its line ending, a byte-order
 * mark and every other byte stay as they were.
 */
function editLine(text: string, target: LineTarget, edit: (line: string) => string | null): EditResult {
	const located = locateLine(text, target);
	if (!located.ok) {
		return { ok: false, reason: located.reason };
	}
	const start = located.spans.starts[located.line] as number;
	const end = located.spans.ends[located.line] as number;
	const previous = text.slice(start, end);
	const edited = edit(previous);
	if (edited === null) {
		return { ok: false, reason: "not-a-task" };
	}
	return { ok: true, text: text.slice(0, start) + edited + text.slice(end), line: located.line, lineText: edited, previous };
}

/**
 * Sets the status character of the task the user clicked. The task is found as `locateLine` finds
 * it (never a look-alike elsewhere); when it cannot be found for certain nothing changes and the
 * reason is returned. Only the status character changes (and, when asked, the completion date at
 * the line's end).
 */
export function setTaskStatus(text: string, target: CheckoffTarget, status: string, options: EditOptions = {}): EditResult {
	if ([...status].length !== 1 || status === "\n" || status === "\r") {
		return { ok: false, reason: "not-a-task" };
	}
	return editLine(text, target, (line) => {
		const bom = line.startsWith("\uFEFF") ? 1 : 0;
		const match = TASK_PREFIX.exec(line.slice(bom));
		if (!match) {
			return null;
		}
		const at = bom + (match[1] as string).length;
		const edited = line.slice(0, at) + status + line.slice(at + (match[2] as string).length);
		if (options.completionDate === undefined || options.completionDate === null) {
			return edited;
		}
		// The date goes before a block id, which Obsidian reads only at the end of the line. It is
		// left as it is when adding or dropping it could change how the note is read (a pipe that
		// would make the line a table row, an open code span, HTML left alone on the line).
		const nowDone = status !== " " && status !== "/" && status !== "-";
		const { body, blockId } = splitTail(edited);
		const dated = nowDone ? `${body} ✅ ${options.completionDate}${blockId}` : `${body}${blockId}`;
		return tailIsSafe(edited) && tailIsSafe(dated) ? dated : edited;
	});
}

/** The status a click sets: open and in-progress items become done; anything else reopens. */
export function toggledStatus(status: string): string {
	return status === " " || status === "/" ? "x" : " ";
}

/** Turns a list-item question into a study item: `- why?` → `- [ ] why?`, found as a check-off is. */
export function questionToTask(text: string, target: CheckoffTarget): EditResult {
	return editLine(text, target, (line) => {
		const bom = line.startsWith("\uFEFF") ? 1 : 0;
		const body = line.slice(bom);
		const match = LIST_PREFIX.exec(body);
		if (!match || TASK_PREFIX.test(body)) {
			return null;
		}
		const prefix = match[1] as string;
		return `${line.slice(0, bom)}${prefix}[ ] ${body.slice(prefix.length)}`;
	});
}

/**
 * Undo: puts back, to the byte, the line a write replaced. `target` is the line as the write left
 * it (in the text the write produced); when it has changed since, nothing is written.
 */
export function restoreLine(text: string, target: CheckoffTarget, previous: string): EditResult {
	return editLine(text, target, () => previous);
}
