import type { ListItemCache } from "obsidian";
import { ownString } from "./memo";
import { LINE_SKIPPED, maskNoteComments } from "./comments";
import { clauses, mayAskReadable, readable, sentences, type Span, trimSpan } from "./question-text";
import {
	admitsInChinese,
	admitsInEnglish,
	asksInChinese,
	asksInEnglish,
	MAY_ASK_ADMIT_CHINESE,
	MAY_ASK_ADMIT_ENGLISH,
	MAY_ASK_CHINESE,
	MAY_ASK_ENGLISH,
	mayAskBy,
} from "./question-words";

/** What the parser already knows about the lines of a note. */
export interface LineKinds {
	/** Lines never read (properties, code, `%%` comment blocks) and HTML blocks, as `model/comments.ts` reads them. */
	skipped: Uint8Array;
	headingLines: Set<number>;
	listItems: Map<number, ListItemCache>;
	/** The lines with their comments blanked (`maskNoteComments`), when made already. */
	visible?: readonly string[];
}

export interface FoundQuestion {
	line: number;
	/** What asks: the whole line without its markers, or the clause or sentence of it that asks. */
	text: string;
	/** The line without its list, quote or callout markers (equal to `text` when all of it asks). */
	context: string;
	listItem: boolean;
	/** Found by the words it asks with, not by a question mark or a question callout. */
	inferred: boolean;
	/** A child list item, or a next line starting with `答：`, `A:` or `Answer:`, answers it. */
	answered: boolean;
}

const QUESTION_CALLOUT = /^[\t ]*((?:>[\t ]?)+)[\t ]*\[!(question|faq|help)\][+-]?[\t ]*(.*)$/i;
const OTHER_CALLOUT = /^\[![^\]\s]{1,40}\][+-]?/;
const QUOTE_PREFIX = /^[\t ]*((?:>[\t ]?)*)/;
const LIST_PREFIX = /^[\t ]*(?:[-*+]|\d{1,9}[.)])(?:[\t ]+|$)/;
const ANSWER = /^(?:答|回答|解答|a|answer)[*_]{0,4}[\t ]{0,4}[:：]/i;
/** What may follow a closing question mark: spaces, emphasis, closing brackets and quotes. */
const AFTER_MARK = " \t\u3000*_)）\"”'’";

function quoteDepth(prefix: string): number {
	let depth = 0;
	for (const char of prefix) {
		if (char === ">") {
			depth++;
		}
	}
	return depth;
}

/** Trimmed; where a comment was blanked out of the line, the gap it left is one space. */
function tidy(value: string, masked: boolean): string {
	return masked ? value.trim().replace(/[\t ]{2,}/g, " ") : value.trim();
}

/** Where the last `?` or `？` of the text stands, if nothing but closing marks follow it; else -1. */
function closingMark(text: string): number {
	let at = text.length - 1;
	while (at >= 0 && AFTER_MARK.includes(text.charAt(at))) {
		at--;
	}
	const char = text.charAt(at);
	return char === "?" || char === "？" ? at : -1;
}

/** The line's content after quote markers and, for a list item, its list marker. */
function content(text: string, listItem: boolean): string {
	const body = text.slice((QUOTE_PREFIX.exec(text)?.[0] ?? "").length);
	return listItem ? body.replace(LIST_PREFIX, "") : body;
}

/** True when a line's content is an answer: `答：…`, `A: …`, `**Answer:** …`. */
export function isAnswer(body: string): boolean {
	if (body.indexOf(":") === -1 && body.indexOf("：") === -1) {
		// Every answer says so with a colon.
		return false;
	}
	const start = body.replace(LIST_PREFIX, "");
	let from = 0;
	while (from < start.length && (start.charAt(from) === "*" || start.charAt(from) === "_")) {
		from++;
	}
	return ANSWER.test(start.slice(from, from + 20));
}

/**
 * What of a line's content asks, with `inferred` when it took the words rather than a question mark:
 * - a line ending in `?`/`？` asks whole, or, if the mark closes a bracketed clause after other text,
 *   that clause;
 * - else (with `heuristics`) the first sentence that asks (`为什么…`, `How does…`, `…吗`), then the
 *   first bracketed or bold clause that asks (`(**但是这个度要怎么衡量呢**)`), each also when it
 *   admits not knowing (`(我目前并不知道为什么…)`).
 * Code spans, links and URLs never count. Null when nothing asks.
 */
export function askingSpan(body: string, heuristics = true): (Span & { inferred: boolean }) | null {
	const text = readable(body);
	const whole = trimSpan(text, { from: 0, to: text.length });
	const mark = closingMark(text);
	if (mark !== -1) {
		const last = clauses(text).brackets.at(-1);
		if (last !== undefined && last.from <= mark && mark < last.to && last.from - 1 > whole.from && closingMark(text.slice(0, last.to + 1)) !== -1) {
			return { ...trimSpan(text, last), inferred: false };
		}
		return { from: 0, to: body.length, inferred: false };
	}
	if (!heuristics || whole.from >= whole.to || text.charAt(whole.from) === "|" || isAnswer(text)) {
		return null;
	}
	const { brackets, bold } = clauses(text);
	// Sentences are read without their bracketed asides, which are read on their own below.
	let plain = "";
	let copied = 0;
	for (const span of brackets) {
		plain += text.slice(copied, span.from) + " ".repeat(span.to - span.from);
		copied = span.to;
	}
	plain += text.slice(copied);
	for (const sentence of sentences(plain)) {
		const span = trimSpan(plain, sentence);
		if (span.to > span.from && asks(plain.slice(span.from, span.to), sentence.end)) {
			const asked = sentence.end === "?" || sentence.end === "？" ? { from: span.from, to: sentence.to + 1 } : span;
			return { ...(covers(asked, whole) ? { from: 0, to: body.length } : asked), inferred: true };
		}
	}
	for (const clause of [...brackets, ...bold].sort((a, b) => a.from - b.from)) {
		const span = trimSpan(text, clause);
		if (span.to > span.from && asks(text.slice(span.from, span.to), "")) {
			return { ...(covers(span, whole) ? { from: 0, to: body.length } : span), inferred: true };
		}
	}
	return null;
}

function covers(span: Span, whole: Span): boolean {
	return span.from <= whole.from && span.to >= whole.to;
}

/**
 * True when a sentence or clause asks. One ended by `。` or `.` states (`这也是为什么 Go 选择了 CSP
 * 模型。`), unless it asks with 吗 or admits not knowing; so does one whose question is answered after
 * a colon in it (`如何做到零拷贝：用 sendfile`).
 */
function asks(text: string, end: string): boolean {
	if (end === "?" || end === "？") {
		return true;
	}
	// Each rule is read only when the text holds a character it asks by.
	const may = mayAskBy(text);
	if (((may & MAY_ASK_ADMIT_CHINESE) !== 0 && admitsInChinese(text)) || ((may & MAY_ASK_ADMIT_ENGLISH) !== 0 && admitsInEnglish(text))) {
		return true;
	}
	if (end === "。" || end === "." || end === "!" || end === "！" || end === ";" || end === "；") {
		return end === "。" && endsWithMa(text);
	}
	if ((may & (MAY_ASK_CHINESE | MAY_ASK_ENGLISH)) === 0 || answeredAfterColon(text, may)) {
		return false;
	}
	return ((may & MAY_ASK_CHINESE) !== 0 && asksInChinese(text)) || ((may & MAY_ASK_ENGLISH) !== 0 && asksInEnglish(text));
}

function endsWithMa(text: string): boolean {
	let end = text.length;
	while (end > 0 && " \t*_".includes(text.charAt(end - 1))) {
		end--;
	}
	return text.charAt(end - 1) === "吗";
}

/**
 * `如何做到零拷贝：用 sendfile`, `How we cut p99: batching`: what comes before a colon asks, and
 * the answer follows it. (`注意：为什么…` asks: the colon follows a label.)
 */
function answeredAfterColon(text: string, may: number): boolean {
	for (const colon of ["：", ": "]) {
		const at = text.indexOf(colon, 1);
		if (at !== -1 && text.slice(at + colon.length).trim() !== "") {
			// What comes before the colon holds no more than the whole text does.
			const before = text.slice(0, at);
			if (((may & MAY_ASK_CHINESE) !== 0 && asksInChinese(before)) || ((may & MAY_ASK_ENGLISH) !== 0 && asksInEnglish(before))) {
				return true;
			}
		}
	}
	return false;
}

/**
 * Questions of a note: `> [!question]` callouts (and their aliases `faq`, `help`), list items or
 * lines that end in `?` or `？`, and (marked `inferred`) lines with a sentence or clause that asks
 * without a mark. Tasks, headings, properties, code and comments never count; the text of a
 * question leaves its comments out.
 *
 * Most lines ask nothing, and most of those are told at a glance: `mayAskReadable` finds no
 * character any rule asks by (`model/question-words.ts`) outside code and links, and the line is
 * passed over without being cut into sentences. The questions hold copies of their text, not views
 * into the note's.
 */
export function findQuestions(lines: readonly string[], kinds: LineKinds): FoundQuestion[] {
	const found: FoundQuestion[] = [];
	const marks = lineMarks(lines.length, kinds);
	// Comments are blanked out of the lines read; list items and headings start blocks.
	const visible = kinds.visible ?? maskNoteComments(lines, kinds.skipped, kinds.listItems, kinds.headingLines);
	let calloutDepth = 0;
	let calloutQuestion: FoundQuestion | null = null;
	for (let line = 0; line < lines.length; line++) {
		if (calloutDepth > 0) {
			const text = visible[line] as string;
			const quote = QUOTE_PREFIX.exec(text)?.[1] ?? "";
			if (quoteDepth(quote) >= calloutDepth) {
				// Code in the callout is no part of its question (nor an answer to it).
				if (calloutQuestion !== null && kinds.skipped[line] !== LINE_SKIPPED) {
					const body = tidy(text.slice(text.indexOf(quote) + quote.length), text !== lines[line]);
					if (calloutQuestion.text === "") {
						calloutQuestion.text = ownString(body);
						calloutQuestion.context = calloutQuestion.text;
					} else if (isAnswer(body)) {
						calloutQuestion.answered = true;
					}
				}
				continue;
			}
			calloutDepth = 0;
			calloutQuestion = null;
		}
		const mark = marks[line] as number;
		if (kinds.skipped[line] === LINE_SKIPPED || (mark & HEADING) !== 0) {
			continue;
		}
		const text = visible[line] as string;
		const quoted = startsQuote(text);
		const callout = quoted ? QUESTION_CALLOUT.exec(text) : null;
		if (callout) {
			calloutDepth = quoteDepth(callout[1] ?? "");
			const title = ownString(tidy(callout[3] ?? "", text !== lines[line]));
			calloutQuestion = { line, text: title, context: title, listItem: false, inferred: false, answered: false };
			found.push(calloutQuestion);
			continue;
		}
		if ((mark & TASK) !== 0) {
			continue;
		}
		const listItem = (mark & LIST_ITEM) !== 0;
		let body: string;
		let heuristics = true;
		if (quoted) {
			body = content(text, listItem);
			// The title of another kind of callout is a title: only a question mark makes it ask.
			const calloutTitle = OTHER_CALLOUT.exec(body);
			if (calloutTitle) {
				body = body.slice(calloutTitle[0].length);
				heuristics = false;
			}
			if (!mayAskReadable(body)) {
				continue;
			}
		} else {
			// Indentation and a list marker hold nothing `mayAskReadable` reads: the line is read whole.
			if (!mayAskReadable(text)) {
				continue;
			}
			body = content(text, listItem);
		}
		const span = askingSpan(body, heuristics);
		if (span === null) {
			continue;
		}
		const masked = text !== lines[line];
		const asked = tidy(body.slice(span.from, span.to), masked);
		if (asked !== "") {
			const context = tidy(body, masked);
			const answered = (mark & PARENT) !== 0 || answerFollows(visible, line + 1, kinds);
			const question = ownString(asked);
			found.push({ line, text: question, context: context === asked ? question : ownString(context), listItem, inferred: span.inferred, answered });
		}
	}
	return found.filter((question) => question.text !== "");
}

const HEADING = 1;
const LIST_ITEM = 2;
const TASK = 4;
/** A list item with children. */
const PARENT = 8;

/** Headings, list items, tasks and parents by line: one look-up a line instead of one in each table. */
function lineMarks(count: number, kinds: LineKinds): Uint8Array {
	const marks = new Uint8Array(count);
	kinds.headingLines.forEach((line) => {
		marks[line] = HEADING;
	});
	kinds.listItems.forEach((item, line) => {
		marks[line] = (marks[line] as number) | LIST_ITEM | (item.task === undefined ? 0 : TASK);
		if (item.parent >= 0) {
			marks[item.parent] = (marks[item.parent] as number) | PARENT;
		}
	});
	return marks;
}

/** True when the first character that is no space or tab is `>`. */
function startsQuote(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const char = text.charCodeAt(i);
		if (char !== 32 && char !== 9) {
			return char === 62;
		}
	}
	return false;
}

/** True when the next line with any text, outside code and headings, is an answer. */
function answerFollows(visible: readonly string[], from: number, kinds: LineKinds): boolean {
	for (let line = from; line < visible.length; line++) {
		if (kinds.skipped[line] === LINE_SKIPPED || kinds.headingLines.has(line)) {
			return false;
		}
		const body = content(visible[line] as string, false).trim();
		if (body !== "") {
			return isAnswer(body);
		}
	}
	return false;
}
