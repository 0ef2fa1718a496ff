import { setIcon } from "obsidian";
import { iconButton, nameControl } from "./controls";
import type { ProgramSession } from "../index/program-sessions";
import type { Session } from "../index/sessions";
import type { Progress } from "../model/types";
import { compareYearKeys } from "../model/years";
import { plural, t } from "../i18n";
import { onClickOnce, placeBelow, setFocusKey, setRow, setStop } from "./focus";
import { onActivate, renderGroup, renderRows } from "./groups";
import { renderProgress } from "./header";
import { type ListEnv, showSessionMenu, showSourcesMenu, sourceNotes } from "./list-env";
import { AddItemModal } from "./add-item-modal";
import { openNoteAt } from "./navigation";
import { talkName, talkTitle } from "./talk-names";
import { startTalkNote } from "./talk-note";
import { decorateYear } from "./year-download";
import { yearKey, yearLabel } from "./view-model";

function dayTrack(session: Session): string {
	const code = session.code;
	if (code === null) {
		return t("group.otherTalks");
	}
	return code.track === null ? t("group.day", { day: code.day }) : t("group.dayTrack", { day: code.day, track: code.track });
}

/**
 * Talks grouped by year (and edition; in the year menu's order), then day and track, in code order.
 * A year's header shows its talks and how many of its study items are done; a talk, its own.
 */
export function renderTalks(parent: HTMLElement, sessions: ReadonlyArray<Session | ProgramSession>, env: ListEnv, yearProgress: (key: string) => Progress): void {
	const byId = env.context.index.sessionProgress();
	const progress = { get: (session: Session | ProgramSession): Progress | undefined => talkProgress(session, byId) };
	const byYear = new Map<string, Array<Session | ProgramSession>>();
	for (const session of sessions) {
		const key = yearKey(session.year, session.edition);
		const list = byYear.get(key);
		if (list) {
			list.push(session);
		} else {
			byYear.set(key, [session]);
		}
	}
	let index = 0;
	for (const [key, list] of [...byYear].sort(([a], [b]) => compareYearKeys(a, b))) {
		const id = `talks:${key}`;
		const title = key === "" ? t("group.noYear") : yearLabel(key);
		renderGroup(parent, {
			id,
			title,
			// With the whole program, how many of the year's talks the notes take up.
			meta: env.state.wholeProgram ? plural("program.yearNoted", list.length, { noted: list.filter(isNoted).length }) : plural("count.talks", list.length),
			defaultOpen: index++ === 0,
			state: env.state,
			onToggle: env.persist,
			decorate: (header) => {
				const progress = yearProgress(key);
				const done = { done: progress.done, total: progress.open + progress.done };
				renderProgress(header, progress, plural("progress.year", done.total, done), t("progress.label", { name: title, ...done }));
				decorateYear(header, key, list, env);
			},
			render: (content) => {
				renderTableHead(content);
				let lastTrack = "";
				renderRows(content, list, id, env.state, (holder, session) => {
					const track = dayTrack(session);
					if (track !== lastTrack) {
						lastTrack = track;
						holder.createDiv({ cls: "gopherchina-track", text: track });
					}
					renderSession(holder, session, progress.get(session), env);
				}, title);
			},
		});
	}
}

/** Above this many characters a title may be clamped in a sidebar (three lines of CJK), so it carries its full text as a tooltip. */
const LONG_TITLE = 36;

/**
 * The column heads of a year's talks, seen only when the pane is wide enough to lay the talks out as
 * a table; a screen reader reads each row's own labels instead.
 */
function renderTableHead(parent: HTMLElement): void {
	const head = parent.createDiv({ cls: "gopherchina-session-head", attr: { "aria-hidden": "true" } });
	head.createSpan({ cls: "gopherchina-head-code", text: "#" });
	head.createSpan({ cls: "gopherchina-head-title", text: t("table.talk") });
	head.createSpan({ cls: "gopherchina-head-progress", text: t("table.progress") });
	head.createSpan({ cls: "gopherchina-head-pdf", text: t("table.pdf") });
	head.createSpan({ cls: "gopherchina-head-notes", text: t("table.notes") });
}

/**
 * One talk: code, title, progress, PDF actions and a count of its notes, on one line where the pane
 * is wide enough and two in a sidebar. The title is the row's stop: Enter (or a click) opens the
 * talk's PDF, or its note when it has no PDF; the menu key opens the talk's menu.
 */
function renderSession(parent: HTMLElement, session: Session | ProgramSession, progress: Progress | undefined, env: ListEnv): void {
	const name = talkName(session);
	const row = parent.createDiv({ cls: "gopherchina-session" });
	// A talk of the program the notes do not take up: listed quietly, with its PDF and a way to start.
	row.toggleClass("is-unnoted", !isNoted(session));
	row.dataset.session = session.id;
	setRow(row, { menu: (place) => showSessionMenu(env, place, session) });
	row.createSpan({ cls: "gopherchina-code", text: session.code?.code ?? "" });
	const titleText = talkTitle(session);
	const title = row.createSpan({ cls: "gopherchina-session-title gopherchina-clamp", text: titleText, attr: { role: "link" } });
	setStop(title, `talk:${session.id}`);
	if (titleText.length > LONG_TITLE) {
		title.setAttr("title", titleText);
	}
	const first = sourceNotes(session)[0];
	onActivate(title, (event) => {
		if (session.localPath !== null || session.url !== null) {
			void env.pdf.open(session, event);
		} else if (first) {
			void openNoteAt(env.context.services, first.path, first.line, event);
		}
	});
	const progressCell = row.createSpan({ cls: "gopherchina-session-progress" });
	if (progress) {
		const done = { done: progress.done, total: progress.open + progress.done };
		renderProgress(progressCell, progress, t("progress.talk", done), t("progress.label", { name, ...done }));
	}
	renderPdfActions(row.createSpan({ cls: "gopherchina-session-pdf" }), session, name, env);
	const notesCell = row.createSpan({ cls: "gopherchina-session-notes" });
	const notes = sourceNotes(session);
	if (notes.length > 0) {
		const count = plural("count.notes", notes.length);
		const button = notesCell.createEl("button", { cls: "gopherchina-sources", text: count, attr: { "aria-haspopup": "menu" } });
		setFocusKey(button, `talk:${session.id}:notes`);
		nameControl(button, t("session.sources", { notes: count, talk: name }));
		button.addEventListener("click", (event) => showSourcesMenu(env, event.detail === 0 ? placeBelow(button) : event, session));
	} else {
		const start = notesCell.createEl("button", { cls: "gopherchina-small-button gopherchina-start-note", text: t("talkNote.start") });
		// The same key as the notes button it turns into once the note is started: focus moves to it.
		setFocusKey(start, `talk:${session.id}:notes`);
		start.setAttr("aria-label", t("talkNote.startName", { talk: name }));
		onClickOnce(start, () => startTalkNote(env.context, session));
	}
	const add = iconButton(notesCell, "gopherchina-add-item", "list-plus", t("addItem.title", { talk: name }), `talk:${session.id}:add`);
	add.addEventListener("click", () => new AddItemModal(env.context, session).open());
	row.addEventListener("contextmenu", (event) => showSessionMenu(env, event, session));
}

/** False only for a talk of the program that no note links. */
function isNoted(session: Session | ProgramSession): boolean {
	return !("noted" in session) || session.noted;
}

/** A talk's study items: its own, or (a program talk) those of the noted talks it stands for. */
function talkProgress(session: Session | ProgramSession, byId: ReadonlyMap<string, Progress>): Progress | undefined {
	if (!("notedIds" in session)) {
		return byId.get(session.id);
	}
	let total: Progress | undefined;
	for (const id of session.notedIds) {
		const one = byId.get(id);
		if (one) {
			total = { open: (total?.open ?? 0) + one.open, done: (total?.done ?? 0) + one.done };
		}
	}
	return total;
}

function renderPdfActions(parent: HTMLElement, session: Session, name: string, env: ListEnv): void {
	if (session.localPath === null && session.url === null) {
		parent.createSpan({ cls: "gopherchina-muted", text: t("session.noPdf") });
		return;
	}
	const local = session.localPath !== null;
	const open = parent.createEl("button", { cls: ["gopherchina-pdf", local ? "is-local" : "is-remote"] });
	setFocusKey(open, `talk:${session.id}:pdf`);
	setIcon(open.createSpan({ cls: "gopherchina-pdf-icon" }), local ? "file-text" : "external-link");
	open.createSpan({ text: t("session.pdf") });
	// The name starts with what the button shows, and says which talk and where it opens.
	nameControl(open, t("label.detail", { text: t("session.pdfName", { talk: name }), detail: local ? t("session.openPdf") : t("session.openLink") }));
	open.addEventListener("click", (event) => void env.pdf.open(session, event));
	if (!local && session.url !== null) {
		const download = iconButton(parent, "gopherchina-download", "download", t("session.download", { talk: name }), `talk:${session.id}:download`);
		onClickOnce(download, () => env.pdf.downloadAndOpen(session));
	}
}
