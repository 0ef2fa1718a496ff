import { parseInline } from "../model/inline";
import { isOpenState } from "../model/status";
import type { Question, StudyItem } from "../model/types";
import { plural, t } from "../i18n";
import { onClickOnce, setFocusKey, setRow, setStop, uniqueId } from "./focus";
import { renderGroup, renderRows } from "./groups";
import { renderInline } from "./inline-render";
import { baseName, type ListEnv, type MenuPlace, openLink, showNoteMenu } from "./list-env";
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
			render: (content) => renderItems(content, group.rows(), id, bySession, env, title),
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

/**
 * A row's identity among its note's rows: the note, the text and which of the rows with that text it
 * is. Not its line: a line written above it moves it, and focus must stay with the same item.
 */
export function rowIdentity(): (path: string, text: string) => string {
	const seen = new Map<string, number>();
	return (path, text) => {
		const key = `${path}\u0000${text}`;
		const nth = seen.get(key) ?? 0;
		seen.set(key, nth + 1);
		return `${path}:${nth}:${text}`;
	};
}

function renderItems(parent: HTMLElement, rows: ReadonlyArray<RowItem<StudyItem>>, id: string, bySession: boolean, env: ListEnv, name: string): void {
	const depth = new Map<string, number>();
	const identity = rowIdentity();
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
				setRow(heading);
				heading.createSpan({ cls: "gopherchina-clamp", text: trail, attr: { title: trail } });
				const key = item.headings.join("\u0000");
				const tie = decorateHeadingPath(heading, item.headings.at(-1) ?? trail, env, () => rows.filter((other) => other.entry.path === item.path && other.entry.headings.join("\u0000") === key));
				setStop(tie, `tie:${item.path}:${key}`);
			}
		}
		renderItem(holder, item, level, env, identity(item.path, item.text));
	}, name);
}

/** Above this many characters a text may be clamped to three lines (40 CJK characters fill a sidebar's line), so it carries its full text as a tooltip. */
const LONG_TEXT = 60;

/** At most `max` characters of a text, cut between characters (never inside a surrogate pair). */
export function cutText(text: string, max: number): string {
	if (text.length <= max) {
		return text;
	}
	let end = max;
	const last = text.charCodeAt(end - 1);
	if (last >= 0xd800 && last <= 0xdbff) {
		end--;
	}
	return `${text.slice(0, end)}…`;
}

/** The words a screen reader adds to a checkbox's state: only what checked and mixed cannot say. */
function stateWords(item: StudyItem): string | null {
	switch (item.state) {
		case "in-progress":
			return t("item.inProgress");
		case "cancelled":
			return t("item.cancelled");
		default:
			return null;
	}
}

/**
 * A study item: its checkbox is the row's stop and is named by the item's text. Open, in progress,
 * done and cancelled each look different; checked and mixed carry the state, and a badge (which
 * describes the box) says in progress or cancelled. Space toggles, Enter opens the note at the
 * item, the menu key opens the item's menu.
 */
function renderItem(parent: HTMLElement, item: StudyItem, level: number, env: ListEnv, identity: string): void {
	const pending = env.checkoff.isPending(item);
	const row = parent.createDiv({ cls: ["gopherchina-item", "task-list-item", `gopherchina-depth-${level}`, `gopherchina-state-${item.state}`] });
	row.dataset.task = item.status;
	row.dataset.path = item.path;
	row.dataset.line = String(item.line);
	row.toggleClass("is-checked", !isOpenState(item.state));
	row.toggleClass("is-pending", pending);
	const menu = (place: MenuPlace): void => showNoteMenu(env, place, item.path, item.line, (entries) => addTieItem(entries, env, item));
	setRow(row, { open: (event) => void openNoteAt(env.context.services, item.path, item.line, event), menu });
	const checkbox = row.createEl("input", { cls: "task-list-item-checkbox gopherchina-checkbox", type: "checkbox" });
	checkbox.dataset.task = item.status;
	setStop(checkbox, `item:${identity}`);
	checkbox.checked = item.state === "done" || item.state === "cancelled";
	checkbox.indeterminate = item.state === "in-progress";
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
	const text = renderText(row, item, env);
	checkbox.setAttr("aria-labelledby", text.id);
	const words = stateWords(item);
	if (words !== null) {
		const badge = row.createSpan({ cls: ["gopherchina-badge", `gopherchina-badge-${item.state}`], text: words, attr: { id: uniqueId("state") } });
		checkbox.setAttr("aria-describedby", badge.id);
	}
	row.addEventListener("contextmenu", menu);
}

/** An item's or question's text, clamped to three lines; a click opens the note at its line. */
function renderText(row: HTMLElement, entry: StudyItem | Question, env: ListEnv, plain = false): HTMLElement {
	const text = row.createSpan({ cls: "gopherchina-item-text gopherchina-clamp", attr: { id: uniqueId("text") } });
	const shown = cutText(entry.text, MAX_TEXT);
	renderInline(text, parseInline(shown), { openLink: (target, event) => openLink(env, target, entry.path, event), plain });
	if (entry.text.length > LONG_TEXT) {
		text.setAttr("title", text.textContent ?? "");
	}
	text.addEventListener("click", (event) => {
		if (!plain || (event.target as HTMLElement).closest("a") === null) {
			void openNoteAt(env.context.services, entry.path, entry.line, event);
		}
	});
	return text;
}

/**
 * A question's text (the row's stop: a link to its line, with any links in it drawn as text so that
 * nothing interactive nests); when only a clause or a sentence of its line asks, the line follows
 * below it, muted, for context. "Make it a study item" sits right under the question it acts on.
 */
function renderQuestion(row: HTMLElement, question: Question, env: ListEnv, identity: string): void {
	const body = row.createDiv({ cls: "gopherchina-question-body" });
	const text = renderText(body, question, env, true);
	text.setAttr("role", "link");
	setStop(text, `question:${identity}`);
	text.addEventListener("keydown", (event) => {
		if (event.key === "Enter" && event.target === text) {
			event.preventDefault();
			void openNoteAt(env.context.services, question.path, question.line, event);
		}
	});
	if (question.context !== question.text) {
		const context = body.createDiv({ cls: "gopherchina-question-context gopherchina-clamp" });
		const shown = cutText(question.context, MAX_TEXT);
		renderInline(context, parseInline(shown), { openLink: (target, event) => openLink(env, target, question.path, event) });
	}
	if (question.answered) {
		row.createSpan({ cls: "gopherchina-badge gopherchina-badge-answered", text: t("question.answered") });
	}
	if (question.listItem) {
		const actions = body.createDiv({ cls: "gopherchina-question-actions" });
		const button = actions.createEl("button", { cls: "gopherchina-small-button", text: t("question.toTask") });
		setFocusKey(button, `question:${identity}:task`);
		button.setAttr("aria-label", t("question.toTaskName", { text: text.textContent ?? question.text }));
		onClickOnce(button, () => env.checkoff.convert(question));
	}
}

/** Questions grouped by note, each opening its line; list-item questions can become study items. */
export function renderQuestions(parent: HTMLElement, rows: ReadonlyArray<RowItem<Question>>, env: ListEnv): void {
	let index = 0;
	renderRows(parent, [...groupBy(rows, (row) => row.entry.path)], "question-groups", env.state, (groupHolder, [path, list]) => {
		const id = `questions:${path}`;
		renderGroup(groupHolder, {
			id,
			title: baseName(path),
			meta: plural("count.questions", list.length),
			defaultOpen: index++ < OPEN_BY_DEFAULT,
			state: env.state,
			onToggle: env.persist,
			render: (content) => {
				let lastTrail = "";
				const identity = rowIdentity();
				const name = baseName(path);
				renderRows(content, list, id, env.state, (holder, row) => {
					const question = row.entry;
					const trail = question.headings.join(" › ");
					if (trail !== lastTrail) {
						lastTrail = trail;
						if (trail !== "") {
							holder.createDiv({ cls: "gopherchina-heading-path", text: trail, attr: { title: trail } });
						}
					}
					const line = holder.createDiv({ cls: "gopherchina-item gopherchina-question" });
					line.dataset.path = question.path;
					line.dataset.line = String(question.line);
					line.toggleClass("is-answered", question.answered);
					const menu = (place: MenuPlace): void => showNoteMenu(env, place, question.path, question.line);
					setRow(line, { menu });
					renderQuestion(line, question, env, identity(question.path, question.text));
					line.addEventListener("contextmenu", menu);
				}, name);
			},
		});
	});
}
