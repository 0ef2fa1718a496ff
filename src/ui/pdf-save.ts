import { type TAbstractFile, TFile, TFolder, type Vault } from "obsidian";
import { nameKey } from "../model/file-names";
import { t } from "../i18n";
import type { UiServices } from "./services";

export type SaveOutcome = { ok: true; path: string; existed: boolean } | { ok: false; reason: string };

/**
 * Where a file would go: the deepest folder of the path that exists (found as a case-insensitive,
 * normalisation-insensitive disk finds it) and the segments still to create, or the file that stands
 * where a folder should be.
 */
type Place = { ok: true; folder: TFolder; missing: string[] } | { ok: false; reason: string };

/** The error's own message, for the notice (Obsidian's and the disk's errors are in English). */
export function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** A child of `folder` whose name a case-insensitive, normalisation-insensitive disk takes for `name`. */
function childLike(folder: TFolder, name: string): TAbstractFile | null {
	const key = nameKey(name);
	return folder.children.find((child) => nameKey(child.name) === key) ?? null;
}

function locate(vault: Vault, folderPath: string): Place {
	const segments = folderPath.split("/").filter((segment) => segment !== "");
	let folder = vault.getRoot();
	for (let i = 0; i < segments.length; i++) {
		const child = childLike(folder, segments[i] as string);
		if (child instanceof TFolder) {
			folder = child;
		} else if (child) {
			return { ok: false, reason: t("download.notAFolder", { path: child.path }) };
		} else {
			return { ok: true, folder, missing: segments.slice(i) };
		}
	}
	return { ok: true, folder, missing: [] };
}

/**
 * The file a download would meet: the existing file of that name in the folder, compared as the disk
 * compares (`Talk.pdf` is `talk.pdf`, NFC is NFD). Null when there is none, or when the folder is not
 * there yet. Answers before anything is fetched, so an existing copy costs no request.
 */
export function existingCopy(vault: Vault, folderPath: string, name: string): { ok: true; file: TFile | null } | { ok: false; reason: string } {
	const place = locate(vault, folderPath);
	if (!place.ok) {
		return place;
	}
	if (place.missing.length > 0) {
		return { ok: true, file: null };
	}
	const child = childLike(place.folder, name);
	if (child instanceof TFolder) {
		return { ok: false, reason: t("download.folderInTheWay", { path: child.path }) };
	}
	return { ok: true, file: child instanceof TFile ? child : null };
}

/**
 * Saves bytes as `name` in `folderPath`, creating the folders it needs. Never overwrites: a file that
 * the disk would take for this one (same name in another case or normalisation, or one on the disk
 * that the vault does not list yet) is answered as existing or refused. Every failure comes back as a
 * reason, never as an exception; when the write fails, what it left behind (a half-written file, the
 * folders it created for it) goes to the trash, so nothing is lost even if it was not ours.
 */
export async function savePdf(services: UiServices, folderPath: string, name: string, bytes: ArrayBuffer): Promise<SaveOutcome> {
	const { vault } = services;
	const made = await makeFolder(services, folderPath);
	if (!made.ok) {
		return made;
	}
	const { folder, created } = made;
	const path = pathIn(folder, name);
	try {
		if (await vault.adapter.exists(path)) {
			const known = childLike(folder, name);
			if (known instanceof TFile) {
				return { ok: true, path: known.path, existed: true };
			}
			return { ok: false, reason: t("download.onDisk", { name }) };
		}
	} catch {
		// The disk could not be asked; the vault's own list below still guards against overwriting.
	}
	// From here to the write nothing awaits, so the check holds when the file is created.
	const existing = childLike(folder, name);
	if (existing instanceof TFile) {
		return { ok: true, path: existing.path, existed: true };
	}
	if (existing) {
		return { ok: false, reason: t("download.folderInTheWay", { path: existing.path }) };
	}
	try {
		const file = await vault.createBinary(path, bytes);
		return { ok: true, path: file.path, existed: false };
	} catch (error) {
		await removeLeftovers(services, path, bytes.byteLength, created);
		return { ok: false, reason: t("download.writeFailed", { error: messageOf(error) }) };
	}
}

/**
 * The folder at `folderPath`, found as the disk finds it (another case or normalisation is the same
 * folder), with the folders it lacks created. A file in the way, or a folder that cannot be created,
 * comes back as a reason; the folders created before that go to the trash again.
 */
export async function makeFolder(services: UiServices, folderPath: string): Promise<{ ok: true; folder: TFolder; created: TFolder[] } | { ok: false; reason: string }> {
	const { vault } = services;
	const place = locate(vault, folderPath);
	if (!place.ok) {
		return place;
	}
	let folder = place.folder;
	const created: TFolder[] = [];
	for (const segment of place.missing) {
		const path = pathIn(folder, segment);
		try {
			folder = await vault.createFolder(path);
			created.push(folder);
		} catch (error) {
			// Another download (or a sync) may have made it meanwhile.
			const now = vault.getAbstractFileByPath(path);
			if (!(now instanceof TFolder)) {
				await removeLeftovers(services, null, 0, created);
				return { ok: false, reason: t("download.folderFailed", { path, error: messageOf(error) }) };
			}
			folder = now;
		}
	}
	return { ok: true, folder, created };
}

/** A path in a folder (the vault's root has no path of its own). */
export function pathIn(folder: TFolder, name: string): string {
	return folder.isRoot() ? name : `${folder.path}/${name}`;
}

/**
 * After a failed write: a file at `path` that is not complete (the write stopped half-way) goes to the
 * trash, then the folders created for it, if they are still empty, deepest first.
 */
async function removeLeftovers(services: UiServices, path: string | null, size: number, created: readonly TFolder[]): Promise<void> {
	const { vault, fileManager } = services;
	try {
		if (path !== null) {
			const stat = await vault.adapter.stat(path);
			if (stat?.type === "file" && stat.size !== size) {
				const file = vault.getAbstractFileByPath(path);
				if (file instanceof TFile) {
					await fileManager.trashFile(file);
				} else if (!(await vault.adapter.trashSystem(path))) {
					await vault.adapter.trashLocal(path);
				}
			}
		}
		for (const folder of [...created].reverse()) {
			const current = vault.getAbstractFileByPath(folder.path);
			if (current instanceof TFolder && current.children.length === 0) {
				await fileManager.trashFile(current);
			}
		}
	} catch (error) {
		console.error("GopherChina dashboard: could not clean up after a failed download", error);
	}
}
