import { normalizePath, requestUrl, TFile } from "obsidian";
import type { Session } from "../index/sessions";
import { downloadUrl, isWebUrl } from "../model/pdf-links";
import { t } from "../i18n";
import { openVaultFile, openWebUrl } from "./navigation";
import { notify } from "./notices";
import { downloadFolderFor, looksLikePdf, safePdfName } from "./pdf-files";
import type { DashboardContext } from "./services";

export interface DownloadProgress {
	done: number;
	total: number;
	cancelled: boolean;
}

export type DownloadOutcome = { ok: true; path: string; existed: boolean } | { ok: false; reason: string };

const CHANGED = "downloads-changed";

/** Opening and downloading talk PDFs. Nothing is fetched unless the user asks. */
export class PdfActions {
	/** Running "download all" jobs, by year key. */
	readonly downloads = new Map<string, DownloadProgress>();

	constructor(private readonly context: DashboardContext) {}

	/** The local copy opens in Obsidian; otherwise the web address opens outside. */
	async open(session: Session, event: MouseEvent | KeyboardEvent | null): Promise<void> {
		if (session.localPath !== null && (await openVaultFile(this.context.services, session.localPath, event))) {
			return;
		}
		if (session.url !== null) {
			openWebUrl(session.url);
		}
	}

	/** Downloads a talk's PDF into the vault and opens it. */
	async downloadAndOpen(session: Session): Promise<void> {
		const outcome = await this.download(session);
		if (outcome.ok) {
			notify(t(outcome.existed ? "download.exists" : "download.saved", { path: outcome.path }));
			await openVaultFile(this.context.services, outcome.path, null);
		} else {
			notify(t("download.failed", { name: session.fileName, reason: outcome.reason }));
		}
	}

	/**
	 * Fetches the PDF with `requestUrl` from its raw address and saves it under the download folder.
	 * Writes nothing unless the answer is a real, non-empty PDF; never overwrites a file.
	 */
	async download(session: Session): Promise<DownloadOutcome> {
		if (session.url === null || !isWebUrl(session.url)) {
			return { ok: false, reason: t("link.refused") };
		}
		const { vault } = this.context.services;
		const folder = downloadFolderFor(this.context.settings().downloadFolder, session.year, session.edition);
		const path = normalizePath(folder === "" ? safePdfName(session.fileName) : `${folder}/${safePdfName(session.fileName)}`);
		if (vault.getAbstractFileByPath(path) instanceof TFile) {
			return { ok: true, path, existed: true };
		}
		let bytes: ArrayBuffer;
		try {
			const response = await requestUrl({ url: downloadUrl(session.url), method: "GET", throw: false });
			if (response.status < 200 || response.status >= 300) {
				return { ok: false, reason: t("download.status", { status: response.status }) };
			}
			bytes = response.arrayBuffer;
			const type = (response.headers["content-type"] ?? response.headers["Content-Type"] ?? "").toLowerCase();
			if (bytes.byteLength === 0) {
				return { ok: false, reason: t("download.empty") };
			}
			if (type.includes("text/html") || !looksLikePdf(bytes)) {
				return { ok: false, reason: t("download.notPdf") };
			}
		} catch {
			return { ok: false, reason: t("download.network") };
		}
		if (folder !== "" && !vault.getAbstractFileByPath(folder)) {
			await vault.createFolder(folder).catch(() => undefined);
		}
		if (vault.getAbstractFileByPath(path)) {
			return { ok: true, path, existed: true };
		}
		await vault.createBinary(path, bytes);
		return { ok: true, path, existed: false };
	}

	/** Downloads every remote PDF of a year that has no local copy yet; progress shows in the view. */
	async downloadAll(yearKey: string, sessions: readonly Session[]): Promise<DownloadProgress> {
		const todo = sessions.filter((session) => session.localPath === null && session.url !== null);
		const progress: DownloadProgress = { done: 0, total: todo.length, cancelled: false };
		this.downloads.set(yearKey, progress);
		this.context.events.trigger(CHANGED);
		let saved = 0;
		for (const session of todo) {
			if (progress.cancelled) {
				break;
			}
			const outcome = await this.download(session);
			if (outcome.ok) {
				saved++;
			} else {
				notify(t("download.failed", { name: session.fileName, reason: outcome.reason }));
			}
			progress.done++;
			this.context.events.trigger(CHANGED);
		}
		this.downloads.delete(yearKey);
		this.context.events.trigger(CHANGED);
		notify(progress.cancelled ? t("download.cancelled", { done: progress.done, total: progress.total }) : t("download.finished", { done: saved, total: progress.total, year: yearKey }));
		return progress;
	}

	cancel(yearKey: string): void {
		const progress = this.downloads.get(yearKey);
		if (progress) {
			progress.cancelled = true;
			this.context.events.trigger(CHANGED);
		}
	}
}
