import { Keymap, type PaneType, TFile } from "obsidian";
import { isWebUrl } from "../model/pdf-links";
import { t } from "../i18n";
import { notify } from "./notices";
import type { UiServices } from "./services";

/** New tab, split or window per the modifier keys, as Obsidian does; false for the current tab. */
export function paneFor(event: MouseEvent | KeyboardEvent | null): PaneType | boolean {
	return event ? Keymap.isModEvent(event) : false;
}

/** Opens a note with the cursor on a 0-based line. */
export async function openNoteAt(services: UiServices, path: string, line: number, event: MouseEvent | KeyboardEvent | null): Promise<void> {
	const file = services.vault.getAbstractFileByPath(path);
	if (!(file instanceof TFile)) {
		return;
	}
	const leaf = services.workspace.getLeaf(paneFor(event));
	await leaf.openFile(file, { active: true, eState: line >= 0 ? { line } : undefined });
}

/** Opens a web address outside Obsidian; any scheme but http and https is refused. */
export function openWebUrl(url: string): boolean {
	if (!isWebUrl(url)) {
		notify(t("link.refused"));
		return false;
	}
	window.open(url, "_blank", "noopener");
	return true;
}

/** Opens a vault file (a PDF opens in Obsidian's own viewer). */
export async function openVaultFile(services: UiServices, path: string, event: MouseEvent | KeyboardEvent | null): Promise<boolean> {
	const file = services.vault.getAbstractFileByPath(path);
	if (!(file instanceof TFile)) {
		return false;
	}
	await services.workspace.getLeaf(paneFor(event)).openFile(file, { active: true });
	return true;
}

interface FileExplorerView {
	revealInFolder?: (file: TFile) => void;
}

/** Shows a vault file in the file explorer, when the core plugin is on. */
export function revealInExplorer(services: UiServices, path: string): boolean {
	const file = services.vault.getAbstractFileByPath(path);
	const explorer = services.workspace.getLeavesOfType("file-explorer")[0];
	const view = explorer?.view as FileExplorerView | undefined;
	if (!(file instanceof TFile) || typeof view?.revealInFolder !== "function") {
		notify(t("reveal.unavailable"));
		return false;
	}
	void services.workspace.revealLeaf(explorer as NonNullable<typeof explorer>);
	view.revealInFolder(file);
	return true;
}
