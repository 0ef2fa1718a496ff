import { iconButton } from "./controls";
import type { Session } from "../index/sessions";
import { t } from "../i18n";
import { setFocusKey } from "./focus";
import type { ListEnv } from "./list-env";
import type { DownloadProgress } from "./pdf-actions";
import { yearLabel } from "./view-model";

/**
 * The "N of M" text is a polite live region: it changes at once for the first PDF, then at most
 * this often (ms), so a screen reader is not handed one announcement per PDF. The bar moves with
 * every PDF.
 */
const STATUS_EVERY_MS = 1000;

/** A year's "Download all" control: the button, or while a run goes on its progress and Cancel. */
export function decorateYear(header: HTMLElement, key: string, sessions: readonly Session[], env: ListEnv): void {
	const year = key === "" ? t("group.noYear") : yearLabel(key);
	const running = env.pdf.downloads.get(key);
	if (running) {
		renderProgress(header, key, year, running, env);
		return;
	}
	if (!sessions.some((session) => session.localPath === null && session.url !== null)) {
		return;
	}
	// The button and, during a run, its Cancel share one focus key: focus moves from one to the other.
	const button = iconButton(header, "gopherchina-download-all", "download", t("session.downloadAll", { year }), `download:${key}`);
	button.addEventListener("click", (event) => {
		event.stopPropagation();
		void env.pdf.downloadAll(key, sessions);
	});
}

/**
 * The progress of a running "download all", as it stands now (also when drawn again mid-run), kept up
 * to date in place after each PDF without redrawing the list. It stops listening once it has been
 * shown and is gone; the run drops whatever still listens when it ends.
 */
function renderProgress(header: HTMLElement, key: string, year: string, running: Readonly<DownloadProgress>, env: ListEnv): void {
	const box = header.createSpan({ cls: "gopherchina-download-progress" });
	const bar = box.createEl("progress", { attr: { value: running.done, max: Math.max(1, running.total), "aria-label": t("download.progressLabel", { year }) } });
	const status = box.createSpan({ cls: "gopherchina-download-status", text: t("download.progress", { done: running.done, total: running.total }), attr: { role: "status", "aria-live": "polite" } });
	const cancel = box.createEl("button", { cls: "gopherchina-small-button", text: t("download.cancel"), attr: { "aria-label": t("download.cancelLabel", { year }) } });
	setFocusKey(cancel, `download:${key}`);
	cancel.addEventListener("click", (event) => {
		event.stopPropagation();
		env.pdf.cancel(key);
	});
	let shown = box.isConnected;
	let statusAt = Number.NEGATIVE_INFINITY;
	const stop = env.pdf.onProgress(key, (progress) => {
		if (!box.isConnected) {
			if (shown) {
				stop();
			}
			return;
		}
		shown = true;
		bar.value = progress.done;
		const now = performance.now();
		if (now - statusAt >= STATUS_EVERY_MS || progress.done === progress.total) {
			statusAt = now;
			status.setText(t("download.progress", { done: progress.done, total: progress.total }));
		}
	});
}
