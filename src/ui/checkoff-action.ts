import { TFile } from "obsidian";
import { type CheckoffTarget, type EditResult, questionToTask, setTaskStatus, toggledStatus } from "../model/checkoff";
import type { Question, StudyItem } from "../model/types";
import { t } from "../i18n";
import { noticeWithAction, notify } from "./notices";
import type { DashboardContext } from "./services";

const PENDING = "pending-changed";

/** What a queued edit needs when its turn comes: the line as it is then, and the edit. */
interface QueuedEdit {
	path: string;
	key: string;
	target: () => CheckoffTarget;
	edit: (text: string, target: CheckoffTarget) => EditResult;
	feedback: { message: string; undo: ((applied: CheckoffTarget) => Promise<boolean>) | null } | null;
	/** Called with the line as written, so that a following click on the same item starts from it. */
	applied?: (target: CheckoffTarget) => void;
}

/**
 * Writes check-offs into notes: through `vault.process`, with the pure edit that confirms the line
 * first. Writes to one note run one after another, in the order of the clicks, so two quick clicks
 * both land. A row stays pending until the index has read the change; Undo is offered.
 */
export class CheckoffAction {
	private readonly pending = new Map<string, number>();
	private readonly queues = new Map<string, Promise<unknown>>();
	/** The line of an item as the last queued write left it (for a second click before the redraw). */
	private readonly written = new Map<string, { target: CheckoffTarget; status: string }>();
	private readonly timers = new Set<number>();
	private disposed = false;

	constructor(private readonly context: DashboardContext) {}

	isPending(path: string, line: number): boolean {
		return this.pending.has(`${path}\u0000${line}`);
	}

	/** Toggles a study item: open and in-progress become done, anything else reopens. */
	async toggle(item: StudyItem): Promise<boolean> {
		const key = `${item.path}\u0000${item.line}`;
		let status = item.status;
		let chosen = " ";
		return this.enqueue({
			path: item.path,
			key,
			target: () => {
				const last = this.written.get(key);
				status = last ? last.status : item.status;
				chosen = toggledStatus(status);
				return last ? last.target : { line: item.line, lineText: item.lineText };
			},
			edit: (text, target) => setTaskStatus(text, target, chosen, this.editOptions()),
			feedback: null,
			applied: (target) => {
				this.written.set(key, { target, status: chosen });
				const previous = status;
				noticeWithAction(t(chosen === " " ? "checkoff.reopened" : "checkoff.done", { text: item.text }), t("checkoff.undo"), () => {
					void this.enqueue({
						path: item.path,
						key,
						target: () => this.written.get(key)?.target ?? target,
						edit: (text, current) => setTaskStatus(text, current, previous, this.editOptions()),
						feedback: null,
						applied: (undone) => this.written.set(key, { target: undone, status: previous }),
					});
				});
			},
		});
	}

	/** Turns a list-item question into a study item (`- why?` → `- [ ] why?`). */
	async convert(question: Question): Promise<boolean> {
		return this.enqueue({
			path: question.path,
			key: `${question.path}\u0000${question.line}`,
			target: () => ({ line: question.line, lineText: question.lineText }),
			edit: questionToTask,
			feedback: { message: t("question.converted", { text: question.text }), undo: null },
		});
	}

	/** Stops pending timers (the plugin is being turned off). */
	dispose(): void {
		this.disposed = true;
		for (const timer of this.timers) {
			window.clearTimeout(timer);
		}
		this.timers.clear();
		this.pending.clear();
		this.written.clear();
	}

	private editOptions(): { completionDate: string | null } {
		return { completionDate: this.context.settings().completionDate ? localDate(new Date()) : null };
	}

	private mark(key: string, delta: 1 | -1): void {
		const count = (this.pending.get(key) ?? 0) + delta;
		if (count > 0) {
			this.pending.set(key, count);
		} else {
			this.pending.delete(key);
		}
		this.context.events.trigger(PENDING);
	}

	/** Runs the edit after every earlier write to the same note. */
	private enqueue(job: QueuedEdit): Promise<boolean> {
		this.mark(job.key, 1);
		const previous = this.queues.get(job.path) ?? Promise.resolve();
		const run = previous.then(() => this.write(job));
		const tail = run.catch(() => false);
		this.queues.set(job.path, tail);
		void tail.then(() => {
			if (this.queues.get(job.path) === tail) {
				this.queues.delete(job.path);
			}
		});
		return run;
	}

	private async write(job: QueuedEdit): Promise<boolean> {
		const { vault } = this.context.services;
		const file = vault.getAbstractFileByPath(job.path);
		if (this.disposed || !(file instanceof TFile)) {
			this.mark(job.key, -1);
			this.written.delete(job.key);
			if (!this.disposed) {
				notify(t("checkoff.refused.missing"));
				await this.context.index.refreshNote(job.path);
			}
			return false;
		}
		const target = job.target();
		let result: EditResult | null = null;
		try {
			await vault.process(file, (text) => {
				result = job.edit(text, target);
				return result.ok ? result.text : text;
			});
		} catch (error) {
			this.mark(job.key, -1);
			notify(t("checkoff.failed", { path: job.path, reason: error instanceof Error ? error.message : String(error) }));
			return false;
		}
		const outcome = result as EditResult | null;
		if (outcome === null || !outcome.ok) {
			this.mark(job.key, -1);
			this.written.delete(job.key);
			notify(t(`checkoff.refused.${outcome === null ? "changed" : outcome.reason}`));
			await this.context.index.refreshNote(job.path);
			return false;
		}
		const applied = { line: outcome.line, lineText: outcome.lineText };
		job.applied?.(applied);
		if (job.feedback) {
			notify(job.feedback.message);
		}
		// The metadata cache reports the change shortly; the index then redraws the item.
		this.waitForIndex(job.key, job.path);
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
		this.timers.add(timer);
		let cleared = false;
		const clear = (): void => {
			if (cleared) {
				return;
			}
			cleared = true;
			window.clearTimeout(timer);
			this.timers.delete(timer);
			this.context.index.offChange(ref);
			this.mark(key, -1);
			if (!this.pending.has(key)) {
				this.written.delete(key);
			}
		};
	}
}

/** `YYYY-MM-DD` in the user's time zone. */
export function localDate(date: Date): string {
	const pad = (value: number): string => String(value).padStart(2, "0");
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
