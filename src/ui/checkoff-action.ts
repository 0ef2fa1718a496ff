import { TFile } from "obsidian";
import { type CheckoffTarget, type EditResult, questionToTask, setTaskStatus, toggledStatus } from "../model/checkoff";
import type { Question, StudyItem } from "../model/types";
import { t } from "../i18n";
import { noticeWithAction, notify } from "./notices";
import type { DashboardContext } from "./services";

const PENDING = "pending-changed";

/**
 * Writes check-offs into notes: through `vault.process`, with the pure edit that confirms the line
 * first. Shows a pending state until the index has read the change, and offers Undo.
 */
export class CheckoffAction {
	private readonly pending = new Set<string>();

	constructor(private readonly context: DashboardContext) {}

	isPending(path: string, line: number): boolean {
		return this.pending.has(`${path}\u0000${line}`);
	}

	/** Toggles a study item: open and in-progress become done, anything else reopens. */
	async toggle(item: StudyItem): Promise<boolean> {
		const status = toggledStatus(item.status);
		const done = status !== " ";
		return this.write(item.path, { line: item.line, lineText: item.lineText }, (text, target) => setTaskStatus(text, target, status, this.editOptions()), {
			message: t(done ? "checkoff.done" : "checkoff.reopened", { text: item.text }),
			undo: (applied) => this.write(item.path, applied, (text, target) => setTaskStatus(text, target, item.status, this.editOptions()), null),
		});
	}

	/** Turns a list-item question into a study item (`- why?` → `- [ ] why?`). */
	async convert(question: Question): Promise<boolean> {
		return this.write(question.path, { line: question.line, lineText: question.lineText }, questionToTask, { message: t("question.converted", { text: question.text }), undo: null });
	}

	private editOptions(): { completionDate: string | null } {
		return { completionDate: this.context.settings().completionDate ? localDate(new Date()) : null };
	}

	private async write(
		path: string,
		target: CheckoffTarget,
		edit: (text: string, target: CheckoffTarget) => EditResult,
		feedback: { message: string; undo: ((applied: CheckoffTarget) => Promise<boolean>) | null } | null,
	): Promise<boolean> {
		const { vault } = this.context.services;
		const file = vault.getAbstractFileByPath(path);
		if (!(file instanceof TFile)) {
			notify(t("checkoff.refused.missing"));
			await this.context.index.refreshNote(path);
			return false;
		}
		const key = `${path}\u0000${target.line}`;
		this.pending.add(key);
		this.context.events.trigger(PENDING);
		let result: EditResult | null = null;
		try {
			await vault.process(file, (text) => {
				result = edit(text, target);
				return result.ok ? result.text : text;
			});
		} catch (error) {
			this.pending.delete(key);
			this.context.events.trigger(PENDING);
			notify(t("checkoff.failed", { path, reason: error instanceof Error ? error.message : String(error) }));
			return false;
		}
		const outcome = result as EditResult | null;
		if (outcome === null || !outcome.ok) {
			this.pending.delete(key);
			notify(t(`checkoff.refused.${outcome === null ? "changed" : outcome.reason}`));
			await this.context.index.refreshNote(path);
			this.context.events.trigger(PENDING);
			return false;
		}
		// The metadata cache reports the change shortly; the index then redraws the item.
		this.waitForIndex(key, path);
		const applied = { line: outcome.line, lineText: outcome.lineText };
		if (feedback) {
			if (feedback.undo) {
				const undo = feedback.undo;
				noticeWithAction(feedback.message, t("checkoff.undo"), () => void undo(applied));
			} else {
				notify(feedback.message);
			}
		}
		return true;
	}

	/** Clears the pending mark once the index has re-read the note (or after a few seconds at most). */
	private waitForIndex(key: string, path: string): void {
		const revision = this.context.index.revision;
		const ref = this.context.index.onChange(() => {
			if (this.context.index.revision !== revision) {
				clear();
			}
		});
		const timer = window.setTimeout(() => {
			clear();
			void this.context.index.refreshNote(path);
		}, 3000);
		const clear = (): void => {
			window.clearTimeout(timer);
			this.context.index.offChange(ref);
			if (this.pending.delete(key)) {
				this.context.events.trigger(PENDING);
			}
		};
	}
}

/** `YYYY-MM-DD` in the user's time zone. */
export function localDate(date: Date): string {
	const pad = (value: number): string => String(value).padStart(2, "0");
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
