import { TASK_PREFIX } from "./status";
import { isBlankSpan, isInertLine } from "./text-version";

/** A task line cut into its text and what must stay at its very end. */
export interface LineTail {
	/** The line without the trailer. */
	body: string;
	/** ` ✅ YYYY-MM-DD` when the line ends in a completion date (before any block id), else "". */
	date: string;
	/** ` ^abc-1` when the line ends in a block id (Obsidian reads it only at the very end), else "". */
	blockId: string;
}

const DATE = /^ ✅ \d{4}-\d{2}-\d{2}$/u;
const BLOCK_ID = /^ \^[A-Za-z0-9-]+$/u;
/** The start of a link reference definition: up to three spaces, a bracketed label, a colon. */
const LINK_DEFINITION = /^[\t ]*\[(?:[^\]\\]|\\.)*\]:/u;
/** ` ✅ 2024-05-01`: the length of a completion date, in UTF-16 units. */
const DATE_LENGTH = 13;

/** Splits a completion date and a block id off the end of a line (by hand: linear on any line). */
export function splitTail(line: string): LineTail {
	let body = line;
	let blockId = "";
	const caret = body.lastIndexOf(" ^");
	if (caret !== -1 && BLOCK_ID.test(body.slice(caret))) {
		blockId = body.slice(caret);
		body = body.slice(0, caret);
	}
	let date = "";
	if (body.length >= DATE_LENGTH && DATE.test(body.slice(-DATE_LENGTH))) {
		date = body.slice(-DATE_LENGTH);
		body = body.slice(0, -DATE_LENGTH);
	}
	return { body, date, blockId };
}

/**
 * True when text can be added to or taken from the end of this line without changing how it or any
 * other line is read: the line is inert (no pipe that could make it a table row, no `>` or HTML, no
 * fence, comment or math mark), has no code span left open, and is no task without text.
 */
export function tailIsSafe(line: string): boolean {
	let backticks = 0;
	for (let i = 0; i < line.length; i++) {
		if (line.charCodeAt(i) === 96) {
			backticks++;
		}
	}
	// A byte-order mark and quote markers at the start are where the line is, not what it says.
	let start = line.startsWith("\uFEFF") ? 1 : 0;
	for (;;) {
		while (start < line.length && (line.charCodeAt(start) === 32 || line.charCodeAt(start) === 9)) {
			start++;
		}
		if (line.charCodeAt(start) !== 62) {
			break;
		}
		start++;
	}
	// An item with no text reads the indented lines after it otherwise than one with text; one whose
	// text is shaped like a link reference definition (`[label]: url`) may be read as one, which opens
	// no paragraph, and text added to it can make it a paragraph that takes the lines below.
	const bom = line.startsWith("\uFEFF") ? 1 : 0;
	const task = TASK_PREFIX.exec(line.slice(bom));
	if (task !== null && (isBlankSpan(line, task[0].length + bom, line.length) || LINK_DEFINITION.test(line.slice(task[0].length + bom)))) {
		return false;
	}
	return backticks % 2 === 0 && isInertLine(line.slice(start));
}
