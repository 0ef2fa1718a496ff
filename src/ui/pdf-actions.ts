import { requestUrl } from "obsidian";
import type { Session } from "../index/sessions";
import { downloadUrl, isWebUrl } from "../model/pdf-links";
import { plural, t } from "../i18n";
import { openVaultFile, openWebUrl } from "./navigation";
import { notify } from "./notices";
import { downloadFolderFor, looksLikePdf, safePdfName } from "./pdf-files";
import { existingCopy, messageOf, savePdf, type SaveOutcome } from "./pdf-save";
import type { DashboardContext } from "./services";
import { yearLabel } from "./view-model";

export interface DownloadProgress {
	done: number;
	total: number;
	cancelled: boolean;
}

export type DownloadOutcome = SaveOutcome;

/** Told after each PDF of a running "download all". */
export type ProgressListener = (progress: Readonly<DownloadProgress>) => void;

/** How many failed talks the summary of "download all" names; the rest are counted. */
const NAMED_FAILURES = 5;

/**
 * Announced when a "download all" starts, ends or is cancelled: the views redraw, the button turning
 * into progress and back. Each PDF in between is told only to the year's progress (`onProgress`).
 */
const CHANGED = "downloads-changed";

/** Opening and downloading talk PDFs. Nothing is fetched unless the user asks. */
export class PdfActions {
	/** Running "download all" jobs, by year key. */
	readonly downloads = new Map<string, DownloadProgress>();
	private readonly progressListeners = new Map<string, Set<ProgressListener>>();

	constructor(private readonly context: DashboardContext) {}

	/**
	 * Tells `listener` after each PDF of the year's running "download all"; returns the function that
	 * stops it. A run's listeners are dropped when it ends.
	 */
	onProgress(yearKey: string, listener: ProgressListener): () => void {
		let listeners = this.progressListeners.get(yearKey);
		if (!listeners) {
			listeners = new Set();
			this.progressListeners.set(yearKey, listeners);
		}
		listeners.add(listener);
		return () => {
			const current = this.progressListeners.get(yearKey);
			current?.delete(listener);
			if (current?.size === 0) {
				this.progressListeners.delete(yearKey);
			}
		};
	}

	/** The local copy opens in Obsidian; otherwise the web address opens outside. */
	async open(session: Session, event: MouseEvent | KeyboardEvent | null): Promise<void> {
		if (session.localPath !== null && (await openVaultFile(this.context.services, session.localPath, event))) {
			return;
		}
		if (session.url !== null) {
			openWebUrl(session.url);
		}
	}

	/** Downloads a talk's PDF into the vault and opens it. Every failure ends in a notice. */
	async downloadAndOpen(session: Session): Promise<void> {
		const outcome = await this.download(session);
		if (!outcome.ok) {
			notify(t("download.failed", { name: session.fileName, reason: outcome.reason }));
			return;
		}
		notify(t(outcome.existed ? "download.exists" : "download.saved", { path: outcome.path }));
		try {
			await openVaultFile(this.context.services, outcome.path, null);
		} catch (error) {
			console.error("GopherChina dashboard: could not open a downloaded PDF", error);
		}
	}

	/**
	 * Fetches the PDF with `requestUrl` from its raw address and saves it under the download folder.
	 * Writes nothing unless the answer is a real, non-empty PDF; never overwrites a file; never throws:
	 * whatever goes wrong on the way comes back as a reason.
	 */
	async download(session: Session): Promise<DownloadOutcome> {
		try {
			return await this.fetchAndSave(session);
		} catch (error) {
			return { ok: false, reason: t("download.unexpected", { error: messageOf(error) }) };
		}
	}

	private async fetchAndSave(session: Session): Promise<DownloadOutcome> {
		if (session.url === null || !isWebUrl(session.url)) {
			return { ok: false, reason: t("link.refused") };
		}
		const { vault } = this.context.services;
		const folder = downloadFolderFor(this.context.settings().downloadFolder, session.year, session.edition);
		const name = safePdfName(session.fileName);
		const before = existingCopy(vault, folder, name);
		if (!before.ok) {
			return before;
		}
		if (before.file) {
			return { ok: true, path: before.file.path, existed: true };
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
		return savePdf(this.context.services, folder, name, bytes);
	}

	/**
	 * Downloads every remote PDF of a year that has no local copy yet; progress shows in the view. A talk
	 * that fails gets its own notice and the rest go on; a summary notice ends the run, and the progress
	 * bar goes whatever happens. The views redraw when the run starts and ends, not after each PDF: the
	 * PDFs saved meanwhile are taken into the index at once but announced when the run ends.
	 */
	async downloadAll(yearKey: string, sessions: readonly Session[]): Promise<DownloadProgress> {
		const todo = sessions.filter((session) => session.localPath === null && session.url !== null);
		const progress: DownloadProgress = { done: 0, total: todo.length, cancelled: false };
		const failed: string[] = [];
		let saved = 0;
		this.downloads.set(yearKey, progress);
		const release = this.context.index.holdPdfAnnouncements();
		try {
			this.context.events.trigger(CHANGED);
			for (const session of todo) {
				if (progress.cancelled) {
					break;
				}
				const outcome = await this.download(session);
				if (outcome.ok) {
					saved++;
				} else {
					failed.push(session.fileName);
					notify(t("download.failed", { name: session.fileName, reason: outcome.reason }));
				}
				progress.done++;
				this.tellProgress(yearKey, progress);
			}
		} finally {
			this.downloads.delete(yearKey);
			this.progressListeners.delete(yearKey);
			release();
			this.context.events.trigger(CHANGED);
		}
		notify(summary(progress, saved, failed, yearKey === "" ? t("group.noYear") : yearLabel(yearKey)), failed.length > 0 ? 10_000 : undefined);
		return progress;
	}

	/** Tells the year's progress elements; one that fails does not stop the run or the others. */
	private tellProgress(yearKey: string, progress: DownloadProgress): void {
		for (const listener of [...(this.progressListeners.get(yearKey) ?? [])]) {
			try {
				listener(progress);
			} catch (error) {
				console.error("GopherChina dashboard: could not show the download progress", error);
			}
		}
	}

	cancel(yearKey: string): void {
		const progress = this.downloads.get(yearKey);
		if (progress) {
			progress.cancelled = true;
			this.context.events.trigger(CHANGED);
		}
	}
}

/** The closing notice of "download all": how many landed, and which failed. */
function summary(progress: DownloadProgress, saved: number, failed: readonly string[], year: string): string {
	if (failed.length === 0) {
		return progress.cancelled ? plural("download.cancelled", progress.total, { done: progress.done, total: progress.total, saved }) : plural("download.finished", progress.total, { done: saved, total: progress.total, year });
	}
	const separator = t("download.separator");
	let names = failed.slice(0, NAMED_FAILURES).join(separator);
	if (failed.length > NAMED_FAILURES) {
		names += separator + t("download.more", { count: failed.length - NAMED_FAILURES });
	}
	const values = { done: progress.cancelled ? progress.done : saved, total: progress.total, year, saved, failed: failed.length, names };
	return plural(progress.cancelled ? "download.cancelledWithFailures" : "download.finishedWithFailures", progress.total, values);
}
