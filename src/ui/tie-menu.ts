import { type App, FuzzySuggestModal, Menu } from "obsidian";
import { iconButton } from "./controls";
import type { Session } from "../index/sessions";
import type { StudyItem } from "../model/types";
import { t } from "../i18n";
import type { ListEnv } from "./list-env";
import { notify } from "./notices";
import type { RowItem } from "./view-model";
import { talkName } from "./talk-names";
import { yearKey, yearLabel } from "./view-model";

/** How a talk reads in the picker: `2.2.3 Title (2023 · Shanghai)`. */
export function talkChoiceText(session: Session): string {
	const key = yearKey(session.year, session.edition);
	const year = key === "" ? t("group.noYear") : yearLabel(key);
	return `${talkName(session)} (${year})`;
}

/** A fuzzy search over the talks that have a number (only a number can be written as a tie). */
export class TalkPicker extends FuzzySuggestModal<Session> {
	constructor(
		app: App,
		private readonly sessions: readonly Session[],
		private readonly onChoose: (session: Session) => void,
	) {
		super(app);
		this.setPlaceholder(t("tie.placeholder"));
	}

	override getItems(): Session[] {
		return this.sessions.filter((session) => session.code !== null);
	}

	override getItemText(session: Session): string {
		return talkChoiceText(session);
	}

	override onChooseItem(session: Session): void {
		this.onChoose(session);
	}
}

function pickTalk(env: ListEnv, onChoose: (session: Session) => void): void {
	new TalkPicker(env.context.services.app, env.context.index.sessions(), onChoose).open();
}

/** Ties items of one note to the chosen talk; an item already tied to it is left alone. */
function tieTo(env: ListEnv, items: readonly StudyItem[], session: Session): void {
	const index = env.context.index;
	const untied = items.filter((item) => index.sessionOf(item.sessionKey) !== session.id);
	if (untied.length === 0) {
		notify(t("tie.already", { talk: talkChoiceText(session) }));
		return;
	}
	void env.checkoff.tieAll(untied, session);
}

/** Adds "Tie to a talk…" to a study item's context menu. */
export function addTieItem(menu: Menu, env: ListEnv, item: StudyItem): void {
	menu.addItem((entry) =>
		entry
			.setTitle(t("tie.menuItem"))
			.setIcon("link-2")
			.onClick(() => pickTalk(env, (session) => tieTo(env, [item], session))),
	);
}

/** Ties every untied item under one heading (as drawn) to a talk the user picks, in one write. */
export function tieHeading(env: ListEnv, rows: () => ReadonlyArray<RowItem<StudyItem>>): void {
	const untied = rows()
		.filter((row) => row.sessionId === null)
		.map((row) => row.entry);
	if (untied.length === 0) {
		notify(t("tie.noneUntied"));
		return;
	}
	pickTalk(env, (session) => tieTo(env, untied, session));
}

/**
 * The heading line above a run of study items: a button (reachable with Tab) and the context menu
 * (also from the keyboard's menu key on the button) tie the untied items under it to a talk.
 */
export function decorateHeadingPath(el: HTMLElement, heading: string, env: ListEnv, rows: () => ReadonlyArray<RowItem<StudyItem>>): HTMLButtonElement {
	const button = iconButton(el, "gopherchina-tie-heading", "link-2", t("tie.headingButton", { heading }));
	button.addEventListener("click", (event) => {
		event.stopPropagation();
		tieHeading(env, rows);
	});
	el.addEventListener("contextmenu", (event) => {
		event.preventDefault();
		const menu = new Menu();
		menu.addItem((entry) =>
			entry
				.setTitle(t("tie.menuHeading"))
				.setIcon("link-2")
				.onClick(() => tieHeading(env, rows)),
		);
		menu.showAtMouseEvent(event);
	});
	return button;
}
