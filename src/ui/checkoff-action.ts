import { TFile } from "obsidian";
import type { Session } from "../index/sessions";
import { type CheckoffTarget, type EditResult, questionToTask, restoreLine, setTaskStatus, toggledStatus } from "../model/checkoff";
import { metadataFitsText } from "../model/metadata-check";
import { tieItems, type TieResult } from "../model/tie-edit";
import { tailIsSafe } from "../model/line-tail";
import { isSameText, lineSpans, textHash, textVersion, type TextVersion } from "../model/text-version";
import type { Question, StudyItem } from "../model/types";
import { plural, t } from "../i18n";
import { noticeWithAction, notify } from "./notices";
import { messageOf } from "./pdf-save";
import { talkTitle } from "./talk-names";
import type { DashboardContext } from "./services";

const PENDING = "pending-changed";
/** Asks the pane to give focus to an item's row once drawn: `(path, line)`. */
export const FOCUS_ITEM = "focus-item";
/** How long a written row waits for its note to be read again before the note is re-read by hand. */
const REREAD_AFTER = 5000;
/** After this long a row stops showing as pending even if the cache never reported the note. */
const GIVE_UP_AFTER = 30000;
/** How many of its own writes per note the action remembers (see `rebase`). */
const OWN_WRITES_KEPT = 50;

/** Why a tie was refused although its lines were found: the tie rules would not read it as that talk. */
type TieRefusal = { ok: false; reason: "unreadable" };

/** What a queued edit needs when its turn comes: where the line is, and the edit. */
interface QueuedEdit {
	path: string;
	/** The note as it was when the user clicked: a write follows the note, never just its path. */
	file?: TFile | null;
	key: string;
	/** Further rows the write changes (a heading's items tied at once): pending with `key`. */
	alsoKeys?: readonly string[];
	target: () => CheckoffTarget;
	edit: (text: string, target: CheckoffTarget) => EditResult | TieResult | TieRefusal;
	/** Called with the line as written and the note's text after the write. */
	applied: (result: Extract<EditResult, { ok: true }>, target: CheckoffTarget) => void;
	/** The notices' keys when the write is refused: Undo and ties have their own. */
	refusal?: "undo" | "tie";
}

/** The line of an item as the last write left it, so that a second click before the redraw starts from it. */
interface Written {
	target: CheckoffTarget;
	status: string;
}

/**
 * Writes check-offs into notes: through `vault.process`, with a pure edit that finds the clicked
 * line for certain or writes nothing (`model/line-locate.ts`). Writes to one note run one after
 * another, in the order of the clicks. A row stays pending until its own note has been read again
 * after the write; Undo puts back exactly the line the write replaced.
 */
export class CheckoffAction {
	private readonly pending = new Map<string, number>();
	private readonly queues = new Map<string, Promise<unknown>>();
	private readonly written = new Map<string, Written>();
	private readonly waits = new Set<() => void>();
	/**
	 * Per note, the texts this plugin's own writes replaced (by hash) and what each write left: a row
	 * drawn before a write to another line of the note is found again through them, line for line.
	 */
	private readonly ownWrites = new Map<string, Map<number, TextVersion>>();
	private disposed = false;

	constructor(private readonly context: DashboardContext) {}

	/** Whether a row, as drawn (its note, line and the text it was drawn from), waits for its write to be read. */
	isPending(entry: { path: string; line: number; version: TextVersion }): boolean {
		return this.pending.has(rowKey(entry));
	}

	/** Toggles a study item: open and in-progress become done, anything else reopens. */
	async toggle(item: StudyItem): Promise<boolean> {
		const key = rowKey(item);
		let status = item.status;
		let chosen = " ";
		return this.enqueue({
			path: item.path,
			key,
			target: () => {
				const last = this.written.get(key);
				status = last ? last.status : item.status;
				chosen = toggledStatus(status);
				return last ? last.target : { line: item.line, lineText: item.lineText, version: item.version };
			},
			edit: (text, target) => setTaskStatus(text, target, chosen, this.editOptions()),
			applied: (result, target) => {
				const previousStatus = status;
				const previousLine = result.previous;
				this.written.set(key, { target, status: chosen });
				noticeWithAction(t(chosen === " " ? "checkoff.reopened" : "checkoff.done", { text: item.text }), t("checkoff.undo"), () => {
					void this.enqueue({
						path: item.path,
						key,
						target: () => this.written.get(key)?.target ?? target,
						edit: (text, current) => restoreLine(text, current, previousLine),
						applied: (_undone, undoneTarget) => {
							this.written.set(key, { target: undoneTarget, status: previousStatus });
							notify(t("checkoff.undone", { text: item.text }));
							this.context.events.trigger(FOCUS_ITEM, item.path, undoneTarget.line);
						},
						refusal: "undo",
					});
				});
			},
		});
	}

	/** Turns a list-item question into a study item (`- why?` → `- [ ] why?`), as safely as a check-off. */
	async convert(question: Question): Promise<boolean> {
		return this.enqueue({
			path: question.path,
			key: rowKey(question),
			target: () => ({ line: question.line, lineText: question.lineText, version: question.version }),
			edit: questionToTask,
			applied: () => notify(t("question.converted", { text: question.text })),
		});
	}

	/**
	 * Ties a study item to a talk: ` (code)` at the end of its text (`model/tie-edit.ts`), found as a
	 * check-off is and queued with them. Written only when the note, read again with the edit, ties
	 * the item to exactly that talk; a code the tie rules would read as another talk or as none (two
	 * editions with that code, a code the note does not link) is refused with a notice.
	 */
	async tie(item: StudyItem, session: Session): Promise<boolean> {
		return this.tieAll([item], session);
	}

	/** Ties several items of one note to a talk in one write: all of them, or none. */
	async tieAll(items: readonly StudyItem[], session: Session): Promise<boolean> {
		const first = items[0];
		const code = session.code?.code;
		if (first === undefined || items.some((item) => item.path !== first.path)) {
			return false;
		}
		if (code === undefined) {
			notify(t("tie.refused.noCode", { talk: talkTitle(session) }));
			return false;
		}
		const keys = items.map((item) => rowKey(item));
		const targetOf = (item: StudyItem, index: number): CheckoffTarget => this.written.get(keys[index] as string)?.target ?? { line: item.line, lineText: item.lineText, version: item.version };
		let targets: CheckoffTarget[] = [];
		let tied: TieResult | null = null;
		return this.enqueue({
			path: first.path,
			key: keys[0] as string,
			alsoKeys: keys.slice(1),
			refusal: "tie",
			target: () => {
				targets = items.map(targetOf);
				return targets[0] as CheckoffTarget;
			},
			edit: (text, target) => {
				// `target` is the first item's, rebased past this plugin's own writes; so are the others.
				const moved = targets.map((other, index) => (index === 0 ? target : this.rebase(first.path, other, text)));
				const result = tieItems(text, moved, code);
				if (!result.ok) {
					return result;
				}
				tied = result;
				return this.readsAsTalk(first.path, text, result, session.id) ? result : { ok: false, reason: "unreadable" };
			},
			applied: (_result, written) => {
				const lines = (tied as Extract<TieResult, { ok: true }> | null)?.lines ?? [];
				lines.forEach((line, index) => {
					const key = keys[index] as string;
					const item = items[index] as StudyItem;
					this.written.set(key, { target: { line: line.line, lineText: line.lineText, version: written.version }, status: this.written.get(key)?.status ?? item.status });
				});
				const talk = `${code} ${session.title}`.trim();
				notify(items.length === 1 ? t("tie.done", { text: first.text, talk }) : plural("tie.doneMany", items.length, { talk }));
			},
		});
	}

	/**
	 * True when the note, read with the edit as the index will read it, ties every edited line to the
	 * talk. The metadata the app holds must fit the text being edited (else the note is being edited
	 * and nothing is written); the edit adds text at the ends of lines, so the lines and list items
	 * stay where that metadata says.
	 */
	private readsAsTalk(path: string, text: string, result: Extract<TieResult, { ok: true }>, sessionId: string): boolean {
		const { metadataCache, vault } = this.context.services;
		const file = vault.getAbstractFileByPath(path);
		const cache = file instanceof TFile ? metadataCache.getFileCache(file) : null;
		if (cache === null || !metadataFitsText(text, lineSpans(text), cache)) {
			return false;
		}
		const index = this.context.index;
		const record = index.readAs(path, result.text, cache);
		const byLine = new Map(record.studyItems.map((item) => [item.line, item.sessionKey]));
		return result.lines.every((line) => index.sessionOf(byLine.get(line.line) ?? null) === sessionId);
	}

	/** Stops waiting (the plugin is being turned off). */
	dispose(): void {
		this.disposed = true;
		for (const stop of [...this.waits]) {
			stop();
		}
		this.pending.clear();
		this.written.clear();
		this.ownWrites.clear();
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
			this.written.delete(key);
		}
		this.context.events.trigger(PENDING);
	}

	/** Marks every row of a job pending (1) or done waiting (-1). */
	private markJob(job: QueuedEdit, delta: 1 | -1): void {
		for (const key of [job.key, ...(job.alsoKeys ?? [])]) {
			this.mark(key, delta);
		}
	}

	/** Runs the edit after every earlier write to the same note. */
	private enqueue(job: QueuedEdit): Promise<boolean> {
		job.file = this.context.services.vault.getFileByPath(job.path);
		this.markJob(job, 1);
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
		// Renamed away (and maybe another note moved to its path) since the click: not this note.
		if (this.disposed || !(file instanceof TFile) || file !== job.file || file.path !== job.path) {
			this.markJob(job, -1);
			if (!this.disposed) {
				notify(t("checkoff.refused.missing"));
				await this.context.index.refreshNote(job.path);
			}
			return false;
		}
		const drawn = job.target();
		let target = drawn;
		let result: EditResult | TieResult | TieRefusal | null = null;
		let before = "";
		let after = "";
		try {
			await vault.process(file, (text) => {
				before = text;
				target = this.rebase(job.path, drawn, text);
				result = job.edit(text, target);
				after = result.ok ? result.text : text;
				return after;
			});
		} catch (error) {
			this.markJob(job, -1);
			notify(t("checkoff.failed", { path: job.path, reason: messageOf(error) }));
			return false;
		}
		const outcome = result as EditResult | TieResult | TieRefusal | null;
		if (outcome === null || !outcome.ok) {
			this.markJob(job, -1);
			notify(t(this.refusalMessage(job, outcome, before)));
			await this.context.index.refreshNote(job.path);
			return false;
		}
		const written: CheckoffTarget = {
			line: outcome.line,
			lineText: outcome.lineText,
			// One status character changed: the note's structure is the one the target was found in.
			version: textVersion(after, target.version.propertiesEnd),
		};
		job.applied(outcome, written);
		if (keepsStructure(outcome.previous, outcome.lineText)) {
			this.remember(job.path, textHash(before), written.version);
		}
		this.awaitReindex([job.key, ...(job.alsoKeys ?? [])], job.path, textHash(before), written.version.hash);
		return true;
	}

	/**
	 * A write of ours that changed one status character, or added or dropped a completion date or a
	 * tie where that cannot change how the line is read (`keepsStructure`), keeps the note's
	 * structure, line for line. A target drawn from a text that such writes turned into the current
	 * text is therefore the same line in the current text (its own line, if that was the one written,
	 * no longer matches and is refused). Any other text is left to `locateLine`'s comparison.
	 */
	private rebase(path: string, target: CheckoffTarget, text: string): CheckoffTarget {
		const writes = this.ownWrites.get(path);
		let version = target.version;
		for (let step = 0; writes !== undefined && step < OWN_WRITES_KEPT && !isSameText(version, text); step++) {
			const next = writes.get(version.hash);
			if (next === undefined) {
				return target;
			}
			version = next;
		}
		if (!isSameText(version, text)) {
			return target;
		}
		// A row drawn from metadata not known to fit its text stays unsure: a write of ours to
		// another row tells nothing about whether this row was a task at all.
		return { ...target, version: target.version.confirmed ? version : { ...version, confirmed: false } };
	}

	private remember(path: string, replaced: number, written: TextVersion): void {
		const writes = this.ownWrites.get(path) ?? new Map<number, TextVersion>();
		writes.set(replaced, written);
		if (writes.size > OWN_WRITES_KEPT) {
			writes.delete(writes.keys().next().value as number);
		}
		this.ownWrites.set(path, writes);
	}

	private refusalMessage(job: QueuedEdit, outcome: EditResult | TieResult | TieRefusal | null, text: string): Parameters<typeof t>[0] {
		const reason = outcome === null || outcome.ok ? "changed" : outcome.reason;
		if (job.refusal === "tie") {
			return this.tieRefusal(job, reason, text);
		}
		if (reason === "unreadable") {
			return "checkoff.refused.uncertain";
		}
		if (reason === "not-a-task") {
			return "checkoff.refused.not-a-task";
		}
		if (job.refusal === "undo") {
			return "checkoff.refused.undo";
		}
		// The cache has not read the note's current text yet: somebody is typing in it.
		const indexed = this.context.index.note(job.path)?.version;
		if (indexed === undefined || !isSameText(indexed, text) || !indexed.confirmed) {
			return "checkoff.refused.editing";
		}
		return reason === "changed" ? "checkoff.refused.changed" : "checkoff.refused.uncertain";
	}

	/** Why a tie was refused, as the check-off's reasons are told, in the tie's own words. */
	private tieRefusal(job: QueuedEdit, reason: string, text: string): Parameters<typeof t>[0] {
		const indexed = this.context.index.note(job.path)?.version;
		if (indexed === undefined || !isSameText(indexed, text) || !indexed.confirmed) {
			return "tie.refused.editing";
		}
		switch (reason) {
			case "not-a-task":
				return "tie.refused.not-a-task";
			case "unreadable":
				return "tie.refused.unreadable";
			case "changed":
				return "tie.refused.changed";
			default:
				return "tie.refused.uncertain";
		}
	}

	/**
	 * Keeps the row pending until its own note has been read again with a text other than the one the
	 * write replaced; changes to other notes do not count. If the cache stays silent, the note is read
	 * again by hand after a few seconds, and the row gives up waiting after half a minute.
	 */
	private awaitReindex(keys: readonly string[], path: string, replacedHash: number, writtenHash: number): void {
		const index = this.context.index;
		// Read again: the note is no longer the text the write replaced (or is gone).
		const readAgain = (): boolean => {
			const note = index.note(path);
			return note === null || note.version.hash !== replacedHash;
		};
		const reread = window.setTimeout(() => {
			// Re-read by hand; a text the index has already is no event, so it is asked after.
			void index.refreshNote(path).then(() => {
				if (readAgain()) {
					stop();
				}
			});
		}, REREAD_AFTER);
		const giveUp = window.setTimeout(() => stop(), GIVE_UP_AFTER);
		const ref = index.onNoteIndexed((indexed) => {
			if (indexed === path && readAgain()) {
				stop();
			}
		});
		let stopped = false;
		const stop = (): void => {
			if (stopped) {
				return;
			}
			stopped = true;
			window.clearTimeout(reread);
			window.clearTimeout(giveUp);
			index.offChange(ref);
			this.waits.delete(stop);
			if (!this.disposed) {
				for (const key of keys) {
					this.mark(key, -1);
				}
			}
		};
		this.waits.add(stop);
		// The cache may have read the write already, while it was being made (it announces a change
		// at once when its worker is idle): then no later event comes for it.
		const now = index.note(path);
		if (now === null || now.version.hash === writtenHash) {
			stop();
		}
	}
}

/**
 * The key of a row as drawn: its note, its line and the text it was drawn from. A row drawn from
 * another text of the note is another row, even on the same line number.
 */
function rowKey(entry: { path: string; line: number; version: TextVersion }): string {
	return `${entry.path}\u0000${entry.line}\u0000${entry.version.hash}`;
}

/**
 * True when a write that turned one line `before` into `after` left every line read as it was: one
 * character changed (a status), or text added to or taken from the end of a line where that cannot
 * change how any line is read (`tailIsSafe` on both, as the edits check before they add a date or a
 * tie).
 */
function keepsStructure(before: string, after: string): boolean {
	return onlyOneCharacter(before, after) || (tailIsSafe(before) && tailIsSafe(after));
}

/** True when two lines differ in exactly one character (a status character set, nothing else). */
function onlyOneCharacter(before: string, after: string): boolean {
	if (before.length !== after.length) {
		return false;
	}
	let differences = 0;
	for (let i = 0; i < before.length && differences < 2; i++) {
		if (before.charCodeAt(i) !== after.charCodeAt(i)) {
			differences++;
		}
	}
	return differences === 1;
}

/** `YYYY-MM-DD` in the user's time zone. */
export function localDate(date: Date): string {
	const pad = (value: number): string => String(value).padStart(2, "0");
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
