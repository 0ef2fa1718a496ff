import { setIcon, setTooltip } from "obsidian";
import type { Session } from "../index/sessions";
import { t } from "../i18n";
import type { ListEnv } from "./list-env";
import { yearLabel } from "./view-model";

/** A year's "Download all" control: the button, or while a run goes on its progress and Cancel. */
export function decorateYear(header: HTMLElement, key: string, sessions: readonly Session[], env: ListEnv): void {
	const running = env.pdf.downloads.get(key);
	if (running) {
		const box = header.createSpan({ cls: "gopherchina-download-progress" });
		box.createEl("progress", { attr: { value: running.done, max: Math.max(1, running.total) } });
		box.createSpan({ text: t("download.progress", { done: running.done, total: running.total }) });
		const cancel = box.createEl("button", { cls: "gopherchina-small-button", text: t("download.cancel") });
		cancel.addEventListener("click", (event) => {
			event.stopPropagation();
			env.pdf.cancel(key);
		});
		return;
	}
	if (!sessions.some((session) => session.localPath === null && session.url !== null)) {
		return;
	}
	const button = header.createEl("button", { cls: "clickable-icon gopherchina-download-all" });
	const label = t("session.downloadAll", { year: key === "" ? t("group.noYear") : yearLabel(key) });
	setIcon(button, "download");
	button.setAttr("aria-label", label);
	setTooltip(button, label);
	button.addEventListener("click", (event) => {
		event.stopPropagation();
		void env.pdf.downloadAll(key, sessions);
	});
}
