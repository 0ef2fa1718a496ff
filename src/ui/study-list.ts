import { parseInline } from "../model/inline";
import { isOpenState } from "../model/status";
import type { Question, StudyItem } from "../model/types";
import { t } from "../i18n";
import { onActivate, renderGroup, renderRows } from "./groups";
import { renderInline } from "./inline-render";
import { baseName, type ListEnv, openLink, showNoteMenu } from "./list-env";
import { openNoteAt } from "./navigation";
import { addTieItem, decorateHeadingPath } from "./tie-menu";
import type { RowItem, StudyGroup } from "./view-model";

const OPEN_BY_DEFAULT = 3;
const MAX_DEPTH = 6;
/** Longer item texts are cut for display (the note keeps every character). */
const MAX_TEXT = 2000;

/** Study items grouped by note (then heading path) or by talk; groups beyond the first page wait. */
export function renderStudy(parent: HTMLElement, groups: readonly StudyGroup[], bySession: boolean, env: ListEnv): void {
	let index = 0;
	renderRows(parent, groups, `study-groups:${bySession ? "session" : "note"}`, env.state, (holder, group) => {
		const title = group.path !== null ? baseName(group.path) : group.session ? `${group.session.code?.code ?? ""} ${group.session.title}`.trim() : t("group.noSession");
		const id = `study:${bySession ? "session" : "note"}:${group.key}`;
		renderGroup(holder, {
			id,
			title,
			meta: t("group.open", { count: group.open }),
			defaultOpen: index++ < OPEN_BY_DEFAULT,
			state: env.state,
			onToggle: env.persist,
			render: (content) => renderItems(content, group.rows(), id, bySession, env),
		});
	});
}

/** Rows keyed for grouping, in order. */
function groupBy<T>(rows: ReadonlyArray<RowItem<T>>, key: (row: RowItem<T>) => string): Map<string, Array<RowItem<T>>> {
	const groups = new Map<string, Array<RowItem<T>>>();
	for (const row of rows) {
		const id = key(row);
		const list = groups.get(id);
		if (list) {
			list.push(row);
		} else {
			groups.set(id, [row]);
		}
	}
	return groups;
}

function renderItems(parent: HTMLElement, rows: ReadonlyArray<RowItem<StudyItem>>, id: string, bySession: boolean, env: ListEnv): void {
	const depth = new Map<string, number>();
	let lastTrail = "";
	renderRows(parent, rows, id, env.state, (holder, row) => {
		const item = row.entry;
		const parentDepth = item.parentLine === null ? undefined : depth.get(`${item.path}\u0000${item.parentLine}`);
		const level = parentDepth === undefined ? 0 : Math.min(MAX_DEPTH, parentDepth + 1);
		depth.set(`${item.path}\u0000${item.line}`, level);
		const trail = bySession ? `${baseName(item.path)} › ${item.headings.join(" › ")}` : item.headings.join(" › ");
		if (trail !== lastTrail && level === 0) {
			lastTrail = trail;
			if (trail !== "") {
				const heading = holder.createDiv({ cls: "gopherchina-heading-path" });
				heading.createSpan({ text: trail });
				const key = item.headings.join("\u0000");
				decorateHeadingPath(heading, item.headings.at(-1) ?? trail, env, () => rows.filter((other) => other.entry.path === item.path && other.entry.headings.join("\u0000") === key));
			}
		}
		renderItem(holder, item, level, env);
	});
}

function renderItem(parent: HTMLElement, item: StudyItem, level: number, env: ListEnv): void {
	const pending = env.checkoff.isPending(item);
	const row = parent.createDiv({ cls: ["gopherchina-item", "task-list-item", `gopherchina-depth-${level}`, `gopherchina-state-${item.state}`] });
	row.dataset.task = item.status;
	row.dataset.path = item.path;
	row.dataset.line = String(item.line);
	row.toggleClass("is-checked", !isOpenState(item.state));
	row.toggleClass("is-pending", pending);
	const checkbox = row.createEl("input", { cls: "task-list-item-checkbox gopherchina-checkbox", type: "checkbox" });
	checkbox.checked = !isOpenState(item.state);
	checkbox.setAttr("aria-label", t("item.checkbox", { text: item.text }));
	if (pending) {
		checkbox.setAttr("aria-busy", "true");
		checkbox.setAttr("title", t("item.pending"));
	}
	checkbox.addEventListener("click", (event) => {
		// The box shows the note, not the click: it turns when the index has read the change. A
		// second click before that is queued behind the first, and both land in order.
		event.preventDefault();
		row.addClass("is-pending");
		checkbox.setAttr("aria-busy", "true");
		void env.checkoff.toggle(item);
	});
	renderText(row, item, env);
	if (item.state === "in-progress") {
		row.createSpan({ cls: "gopherchina-badge", text: t("item.inProgress") });
	}
	row.addEventListener("contextmenu", (event) => showNoteMenu(env, event, item.path, item.line, (menu) => addTieItem(menu, env, item)));
}

function renderText(row: HTMLElement, entry: StudyItem | Question, env: ListEnv): HTMLElement {
	const text = row.createSpan({ cls: "gopherchina-item-text" });
	text.setAttr("role", "link");
	text.setAttr("tabindex", "0");
	text.setAttr("aria-label", t("item.openNote", { path: entry.path, line: entry.line + 1 }));
	const shown = entry.text.length > MAX_TEXT ? `${entry.text.slice(0, MAX_TEXT)}…` : entry.text;
	renderInline(text, parseInline(shown), { openLink: (target, event) => openLink(env, target, entry.path, event) });
	onActivate(text, (event) => void openNoteAt(env.context.services, entry.path, entry.line, event));
	return text;
}

/**
 * A question's text; when only a clause or a sentence of its line asks, the line follows below it,
 * muted, for context.
 */
function renderQuestionText(row: HTMLElement, question: Question, env: ListEnv): void {
	if (question.context === question.text) {
		renderText(row, question, env);
		return;
	}
	const body = row.createDiv({ cls: "gopherchina-question-body" });
	renderText(body, question, env);
	const context = body.createDiv({ cls: "gopherchina-question-context" });
	const shown = question.context.length > MAX_TEXT ? `${question.context.slice(0, MAX_TEXT)}…` : question.context;
	renderInline(context, parseInline(shown), { openLink: (target, event) => openLink(env, target, question.path, event) });
}

/** Questions grouped by note, each opening its line; list-item questions can become study items. */
export function renderQuestions(parent: HTMLElement, rows: ReadonlyArray<RowItem<Question>>, env: ListEnv): void {
	let index = 0;
	renderRows(parent, [...groupBy(rows, (row) => row.entry.path)], "question-groups", env.state, (groupHolder, [path, list]) => {
		const id = `questions:${path}`;
		renderGroup(groupHolder, {
			id,
			title: baseName(path),
			meta: String(list.length),
			defaultOpen: index++ < OPEN_BY_DEFAULT,
			state: env.state,
			onToggle: env.persist,
			render: (content) => {
				let lastTrail = "";
				renderRows(content, list, id, env.state, (holder, row) => {
					const question = row.entry;
					const trail = question.headings.join(" › ");
					if (trail !== lastTrail) {
						lastTrail = trail;
						if (trail !== "") {
							holder.createDiv({ cls: "gopherchina-heading-path", text: trail });
						}
					}
					const line = holder.createDiv({ cls: "gopherchina-item gopherchina-question" });
					line.dataset.path = question.path;
					line.dataset.line = String(question.line);
					line.toggleClass("is-answered", question.answered);
					renderQuestionText(line, question, env);
					if (question.answered) {
						line.createSpan({ cls: "gopherchina-badge gopherchina-badge-muted", text: t("question.answered") });
					}
					if (question.listItem) {
						const button = line.createEl("button", { cls: "gopherchina-small-button", text: t("question.toTask") });
						button.addEventListener("click", () => {
							button.disabled = true;
							void env.checkoff.convert(question);
						});
					}
					line.addEventListener("contextmenu", (event) => showNoteMenu(env, event, question.path, question.line));
				});
			},
		});
	});
}
