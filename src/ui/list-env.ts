import { Menu } from "obsidian";
import type { Session } from "../index/sessions";
import { t } from "../i18n";
import type { CheckoffAction } from "./checkoff-action";
import { AddItemModal } from "./add-item-modal";
import { openNoteAt, revealInExplorer } from "./navigation";
import { findTalkNote, startTalkNote } from "./talk-note";
import { notify } from "./notices";
import type { PdfActions } from "./pdf-actions";
import type { DashboardContext } from "./services";
import type { DashboardState } from "./state";

/** What the list renderers share. */
export interface ListEnv {
	context: DashboardContext;
	state: DashboardState;
	checkoff: CheckoffAction;
	pdf: PdfActions;
	/** Saves the state after the user opened or closed a group. */
	persist: () => void;
}

export function baseName(path: string): string {
	const name = path.slice(path.lastIndexOf("/") + 1);
	return name.replace(/\.md$/i, "");
}

/** Opens an internal link from a rendered item, resolved from the note it is in. */
export function openLink(env: ListEnv, target: string, sourcePath: string, event: MouseEvent | KeyboardEvent): void {
	const { metadataCache } = env.context.services;
	const [linkpath = "", heading] = target.split("#");
	const file = metadataCache.getFirstLinkpathDest(linkpath, sourcePath);
	if (file) {
		const line = heading ? (metadataCache.getFileCache(file)?.headings?.find((entry) => entry.heading === heading)?.position.start.line ?? 0) : 0;
		void openNoteAt(env.context.services, file.path, line, event);
	}
}

async function copy(text: string): Promise<void> {
	try {
		await navigator.clipboard.writeText(text);
	} catch {
		notify(text);
	}
}

/** Where a menu opens: at the mouse, or (from the keyboard) below the focused control. */
export type MenuPlace = MouseEvent | { x: number; y: number };

function showAt(menu: Menu, place: MenuPlace): void {
	if (place instanceof MouseEvent) {
		place.preventDefault();
		menu.showAtMouseEvent(place);
	} else {
		menu.showAtPosition(place);
	}
}

/** The context menu of a study item or question: open the note, copy a link to it, and what `extend` adds. */
export function showNoteMenu(env: ListEnv, place: MenuPlace, path: string, line: number, extend?: (menu: Menu) => void): void {
	const menu = new Menu();
	menu.addItem((item) => item.setTitle(t("menu.openNote")).setIcon("file-text").onClick(() => void openNoteAt(env.context.services, path, line, null)));
	menu.addItem((item) => item.setTitle(t("menu.copyLink")).setIcon("link").onClick(() => void copy(`[[${baseName(path)}]]`)));
	extend?.(menu);
	showAt(menu, place);
}

/** A talk's notes, each once, where the talk is first mentioned in it. */
export function sourceNotes(session: Session): Array<{ path: string; line: number }> {
	const seen = new Set<string>();
	return session.sources.filter((source) => !seen.has(source.path) && Boolean(seen.add(source.path)));
}

/** Adds "Open <note>" for each of a talk's notes (but `except`, a path the menu opens otherwise). */
export function addSourceItems(menu: Menu, env: ListEnv, session: Session, except: string | null = null): void {
	for (const source of sourceNotes(session)) {
		if (source.path === except) {
			continue;
		}
		menu.addItem((item) =>
			item
				.setTitle(t("session.openSource", { note: baseName(source.path) }))
				.setIcon("file-text")
				.onClick((event) => void openNoteAt(env.context.services, source.path, source.line, event)),
		);
	}
}

/** The menu of a talk's notes (the notes button). */
export function showSourcesMenu(env: ListEnv, place: MenuPlace, session: Session): void {
	const menu = new Menu();
	addSourceItems(menu, env, session);
	showAt(menu, place);
}

/** The context menu of a talk: open the PDF, copy its link, open each of its notes, reveal the local copy. */
export function showSessionMenu(env: ListEnv, place: MenuPlace, session: Session): void {
	const menu = new Menu();
	if (session.localPath !== null || session.url !== null) {
		menu.addItem((item) => item.setTitle(t("menu.openPdf")).setIcon("file").onClick(() => void env.pdf.open(session, null)));
	}
	const link = session.url ?? (session.localPath ? `[[${session.localPath}]]` : null);
	if (link !== null) {
		menu.addItem((item) => item.setTitle(t("menu.copyLink")).setIcon("link").onClick(() => void copy(link)));
	}
	// The talk's own note has an item of its own below ("Open its note"): not listed twice.
	const own = findTalkNote(env.context, session);
	addSourceItems(menu, env, session, own?.path ?? null);
	menu.addSeparator();
	menu.addItem((item) =>
		item
			.setTitle(own ? t("talkNote.open") : t("talkNote.start"))
			.setIcon(own ? "file-text" : "file-plus")
			.onClick(() => void startTalkNote(env.context, session)),
	);
	menu.addItem((item) => item.setTitle(t("addItem.menu")).setIcon("list-plus").onClick(() => new AddItemModal(env.context, session).open()));
	if (session.localPath !== null) {
		const path = session.localPath;
		menu.addItem((item) => item.setTitle(t("menu.revealPdf")).setIcon("folder-open").onClick(() => void revealInExplorer(env.context.services, path)));
	}
	showAt(menu, place);
}
