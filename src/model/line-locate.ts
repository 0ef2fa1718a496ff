import { isBlankSpan, isInertHash, isInertLine, isSameText, type LineSpans, lineHash, lineHashes, lineSpans, textHash, type TextVersion } from "./text-version";

/** What the dashboard showed for the line the user acted on. */
export interface LineTarget {
	/** 0-based line when the dashboard was drawn. */
	line: number;
	/** The whole line as it was then, without its line ending. */
	lineText: string;
	/** The text the dashboard was drawn from. */
	version: TextVersion;
}

export type LocateFailure =
	/** The line itself was edited, deleted or checked off elsewhere. */
	| "changed"
	/** The note changed around the line so that where it is now cannot be told for certain. */
	| "uncertain";

export type Located = { ok: true; line: number; spans: LineSpans } | { ok: false; reason: LocateFailure };

/** Most lines a changed stretch may cover before the move is no longer followed. */
const MAX_CHANGED_LINES = 2000;

const LIST_START = /^(?:[-*+]|1[.)])[\t ]+\S/;
const THEMATIC = /^(?:[-*_][\t ]*){3,}$/;

/**
 * Finds, in the note's current text, the line the user acted on.
 *
 * - The same text the dashboard was drawn from: the line is where it was (its metadata holds).
 * - Otherwise the move is followed only when it is certain: the lines before and after one changed
 *   stretch are the same as before; the target is outside that stretch, unchanged; the stretch adds
 *   and removes only inert lines (no blank line, fence, comment, HTML, math, properties), not at the
 *   top of the note nor in its properties; a blank line separates the target from a stretch below
 *   it, and a target below the stretch belongs to a top-level list item that starts afresh after
 *   a blank line or a heading, with only inert or blank lines since the stretch; and the note holds as many lines identical to the target as before, the target being the same one
 *   of them. Anything else is refused.
 */
/** What `locateLine` works out about the current text; pass it back when locating several lines in one text. */
export interface TextLines {
	text: string;
	spans: LineSpans;
	hashes: readonly number[] | null;
	/** Hash of the whole text, once asked for. */
	hash: number | null;
}

export function textLines(text: string): TextLines {
	return { text, spans: lineSpans(text), hashes: null, hash: null };
}

export function locateLine(text: string, target: LineTarget, lines: TextLines = textLines(text)): Located {
	const spans = lines.text === text ? lines.spans : lineSpans(text);
	const { version } = target;
	if (!version.confirmed) {
		return { ok: false, reason: "uncertain" };
	}
	const lineAt = (index: number): string | null => (index < spans.starts.length ? text.slice(spans.starts[index], spans.ends[index]) : null);
	let same: boolean;
	if (lines.text === text) {
		lines.hashes ??= lineHashes(text, spans);
		lines.hash ??= textHash(text, spans, lines.hashes);
		same = text.length === version.length && lines.hash === version.hash;
	} else {
		same = isSameText(version, text);
	}
	if (same) {
		return lineAt(target.line) === target.lineText ? { ok: true, line: target.line, spans } : { ok: false, reason: "changed" };
	}
	const before = version.lines;
	if (target.line >= before.length || before[target.line] !== lineHash(target.lineText)) {
		return { ok: false, reason: "uncertain" };
	}
	if (lines.text === text && lines.hashes === null) {
		lines.hashes = lineHashes(text, spans);
	}
	const after = lines.text === text && lines.hashes !== null ? lines.hashes : lineHashes(text, spans);
	const n = before.length;
	const m = after.length;
	let prefix = 0;
	while (prefix < n && prefix < m && before[prefix] === after[prefix]) {
		prefix++;
	}
	let suffix = 0;
	while (suffix < n - prefix && suffix < m - prefix && before[n - 1 - suffix] === after[m - 1 - suffix]) {
		suffix++;
	}
	const removedFrom = prefix;
	const removedTo = n - suffix;
	const addedTo = m - suffix;
	let line: number;
	if (target.line < removedFrom) {
		line = target.line;
	} else if (target.line >= removedTo) {
		line = target.line - n + m;
	} else {
		return { ok: false, reason: "changed" };
	}
	if (lineAt(line) !== target.lineText) {
		return { ok: false, reason: "changed" };
	}
	const changed = removedTo > removedFrom || addedTo > removedFrom;
	if (changed) {
		if (removedFrom === 0 || removedFrom <= version.propertiesEnd + 1 || removedTo - removedFrom + addedTo - removedFrom > MAX_CHANGED_LINES) {
			return { ok: false, reason: "uncertain" };
		}
		for (let i = removedFrom; i < removedTo; i++) {
			if (!isInertHash(before[i] as number)) {
				return { ok: false, reason: "uncertain" };
			}
		}
		for (let i = removedFrom; i < addedTo; i++) {
			if (!isInertLine(lineAt(i) as string)) {
				return { ok: false, reason: "uncertain" };
			}
		}
		const certain = target.line >= removedTo ? followsFreshStart(text, spans, line, addedTo) : blankBetween(text, spans, line, removedFrom);
		if (!certain) {
			return { ok: false, reason: "uncertain" };
		}
	}
	if (!sameOccurrence(before, after, target.line, line, lineHash(target.lineText))) {
		return { ok: false, reason: "uncertain" };
	}
	return { ok: true, line, spans };
}

const ATX_HEADING = /^#{1,6}(?:[\t ]|$)/;

/**
 * For a target below the changed stretch: the target's list starts afresh after the stretch, so
 * nothing the stretch did can reach it. That is, walking up from the target, every line is part of
 * a list (unindented lines start list items, indented ones belong to them) up to a blank line or a
 * heading, which no list line can continue; the list's first line starts an item; and between the
 * stretch and that line stand only inert and blank lines, which open and close nothing.
 */
function followsFreshStart(text: string, spans: LineSpans, line: number, firstUnchanged: number): boolean {
	const lineAt = (index: number): string => text.slice(spans.starts[index], spans.ends[index]);
	let top = -1;
	let i = line;
	for (; i >= firstUnchanged; i--) {
		const content = lineAt(i);
		if (content === "" || isBlankSpan(content, 0, content.length) || ATX_HEADING.test(content)) {
			break;
		}
		const first = content.charCodeAt(0);
		if (first !== 32 && first !== 9) {
			if (!LIST_START.test(content) || THEMATIC.test(content)) {
				return false;
			}
		}
		top = i;
	}
	if (i < firstUnchanged || top === -1) {
		return false;
	}
	const first = lineAt(top).charCodeAt(0);
	if (first === 32 || first === 9) {
		return false;
	}
	for (let k = firstUnchanged; k < i; k++) {
		const content = lineAt(k);
		if (!isBlankSpan(content, 0, content.length) && !isInertLine(content)) {
			return false;
		}
	}
	return true;
}

/**
 * For a target above the changed stretch: an unchanged blank line stands between them, so the
 * target's paragraph ends before the stretch (nothing there can underline or continue it).
 */
function blankBetween(text: string, spans: LineSpans, line: number, stretchStart: number): boolean {
	for (let i = line + 1; i < stretchStart; i++) {
		if (isBlankSpan(text, spans.starts[i] as number, spans.ends[i] as number)) {
			return true;
		}
	}
	return false;
}

/** The same number of lines identical to the target, before and after, and the target the same one. */
function sameOccurrence(before: readonly number[], after: readonly number[], from: number, to: number, hash: number): boolean {
	let countBefore = 0;
	let indexBefore = -1;
	for (let i = 0; i < before.length; i++) {
		if (before[i] === hash) {
			if (i === from) {
				indexBefore = countBefore;
			}
			countBefore++;
		}
	}
	let countAfter = 0;
	let indexAfter = -1;
	for (let i = 0; i < after.length; i++) {
		if (after[i] === hash) {
			if (i === to) {
				indexAfter = countAfter;
			}
			countAfter++;
		}
	}
	return countBefore === countAfter && indexBefore === indexAfter && indexBefore !== -1;
}
