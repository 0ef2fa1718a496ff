import type { ListItemCache } from "obsidian";
import { LINE_SKIPPED, maskComments } from "./comments";

/** What the parser already knows about the lines of a note. */
export interface LineKinds {
	/** Lines never read (properties, code, `%%` comment blocks) and HTML blocks, as `model/comments.ts` reads them. */
	skipped: Uint8Array;
	headingLines: Set<number>;
	listItems: Map<number, ListItemCache>;
}

export interface FoundQuestion {
	line: number;
	text: string;
	listItem: boolean;
}

const QUESTION_CALLOUT = /^[\t ]*((?:>[\t ]?)+)[\t ]*\[!(question|faq|help)\][+-]?[\t ]*(.*)$/i;
const QUOTE_PREFIX = /^[\t ]*((?:>[\t ]?)*)/;
const LIST_PREFIX = /^[\t ]*(?:[-*+]|\d{1,9}[.)])(?:[\t ]+|$)/;
const ENDS_WITH_QUESTION = /[?？][\s*_)）"”'’]*$/u;

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

/**
 * Questions of a note: `> [!question]` callouts (and their aliases `faq`, `help`), and list items or
 * lines that end in `?` or `？`. Tasks, headings, properties, code and comments never count; the
 * text of a question leaves its comments out.
 */
export function findQuestions(lines: readonly string[], kinds: LineKinds): FoundQuestion[] {
	const found: FoundQuestion[] = [];
	const visible = maskComments(lines, kinds.skipped, (line) => kinds.listItems.has(line) || kinds.headingLines.has(line));
	let calloutDepth = 0;
	let calloutQuestion: FoundQuestion | null = null;
	for (let line = 0; line < lines.length; line++) {
		const text = visible[line] as string;
		const masked = text !== lines[line];
		const quote = QUOTE_PREFIX.exec(text)?.[1] ?? "";
		const depth = quoteDepth(quote);
		if (calloutDepth > 0 && depth >= calloutDepth) {
			if (calloutQuestion !== null && calloutQuestion.text === "") {
				calloutQuestion.text = tidy(text.slice(text.indexOf(quote) + quote.length), masked);
			}
			continue;
		}
		calloutDepth = 0;
		calloutQuestion = null;
		if (kinds.skipped[line] === LINE_SKIPPED || kinds.headingLines.has(line)) {
			continue;
		}
		const callout = QUESTION_CALLOUT.exec(text);
		if (callout) {
			calloutDepth = quoteDepth(callout[1] ?? "");
			calloutQuestion = { line, text: tidy(callout[3] ?? "", masked), listItem: false };
			found.push(calloutQuestion);
			continue;
		}
		const item = kinds.listItems.get(line);
		if (item?.task !== undefined || !ENDS_WITH_QUESTION.test(text)) {
			continue;
		}
		let body = text.slice((QUOTE_PREFIX.exec(text)?.[0] ?? "").length);
		if (item !== undefined) {
			body = body.replace(LIST_PREFIX, "");
		}
		body = tidy(body, masked);
		if (body !== "") {
			found.push({ line, text: body, listItem: item !== undefined });
		}
	}
	return found.filter((question) => question.text !== "");
}
