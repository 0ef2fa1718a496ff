import { MarkdownRenderChild } from "obsidian";
import { t } from "../i18n";
import type { CheckoffAction } from "./checkoff-action";
import { Dashboard } from "./dashboard";
import type { PdfActions } from "./pdf-actions";
import type { DashboardContext } from "./services";
import { defaultState, type Tab } from "./state";

export const CODE_BLOCK = "gopherchina";

export interface BlockOptions {
	show: Tab | null;
	year: string | null;
	errors: string[];
}

const SHOW: Record<string, Tab> = { sessions: "talks", talks: "talks", study: "study", questions: "questions" };
const COMMENT_START = /\s#/g;
const LINE_BREAKS = new Set(["\n", "\r", "\u2028", "\u2029"]);

/**
 * Drops a comment: from the first white space followed by `#` with no line break after it to the end
 * (what `replace(/\s#.*$/, "")` does, since `.` stops at a line break; the break itself is white
 * space). One pass back, one forward: the pattern would retry from every ` #` before a break.
 */
function withoutComment(line: string): string {
	let afterBreak = line.length;
	while (afterBreak > 0 && !LINE_BREAKS.has(line[afterBreak - 1] as string)) {
		afterBreak--;
	}
	COMMENT_START.lastIndex = Math.max(afterBreak - 1, 0);
	const comment = COMMENT_START.exec(line);
	return comment === null ? line : line.slice(0, comment.index);
}

/** Reads a `gopherchina` code block: `show: sessions | study | questions`, `year: 2023`. */
export function parseBlockOptions(source: string): BlockOptions {
	const options: BlockOptions = { show: null, year: null, errors: [] };
	for (const raw of source.split(/\r?\n/)) {
		// A `#` after white space starts a comment, as in the README's example.
		const line = withoutComment(raw).trim();
		if (line === "" || line.startsWith("#")) {
			continue;
		}
		const match = /^(\w+)\s*:\s*(.*)$/.exec(line);
		const key = match?.[1]?.toLowerCase();
		const value = (match?.[2] ?? "").trim().toLowerCase();
		if (key === "show" && value in SHOW) {
			options.show = SHOW[value] ?? null;
		} else if (key === "year" && /^(19|20)\d{2}(-[\p{L}\p{N}-]+)?$/u.test(value)) {
			options.year = value;
		} else {
			options.errors.push(line);
		}
	}
	return options;
}

/** A live dashboard inside a note, for people who keep a home note. */
export class DashboardBlock extends MarkdownRenderChild {
	constructor(
		containerEl: HTMLElement,
		private readonly source: string,
		private readonly context: DashboardContext,
		private readonly checkoff: CheckoffAction,
		private readonly pdf: PdfActions,
	) {
		super(containerEl);
	}

	override onload(): void {
		const options = parseBlockOptions(this.source);
		for (const error of options.errors) {
			this.containerEl.createDiv({ cls: "gopherchina-block-error", text: t("codeblock.unknown", { option: error }) });
		}
		const host = this.containerEl.createDiv({ cls: "gopherchina-block" });
		this.addChild(
			new Dashboard(this.context, host, this.checkoff, this.pdf, {
				only: options.show,
				fixedYear: options.year,
				refresh: null,
				state: defaultState(),
				saveState: () => undefined,
			}),
		);
	}
}
