import { setIcon, setTooltip } from "obsidian";
import type { Session } from "../index/sessions";
import type { Progress } from "../model/types";
import { compareYearKeys } from "../model/years";
import { t } from "../i18n";
import { onActivate, renderGroup, renderRows } from "./groups";
import { renderProgress } from "./header";
import { baseName, type ListEnv, showSessionMenu } from "./list-env";
import { openNoteAt } from "./navigation";
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
export function renderTalks(parent: HTMLElement, sessions: readonly Session[], env: ListEnv, yearProgress: (key: string) => Progress): void {
	const progress = env.context.index.sessionProgress();
	const byYear = new Map<string, Session[]>();
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
			meta: t("group.talks", { count: list.length }),
			defaultOpen: index++ === 0,
			state: env.state,
			onToggle: env.persist,
			decorate: (header) => {
				const progress = yearProgress(key);
				const done = { done: progress.done, total: progress.open + progress.done };
				renderProgress(header, progress, t("progress.year", done), t("progress.label", { name: title, ...done }));
				decorateYear(header, key, list, env);
			},
			render: (content) => {
				let lastTrack = "";
				renderRows(content, list, id, env.state, (holder, session) => {
					const track = dayTrack(session);
					if (track !== lastTrack) {
						lastTrack = track;
						holder.createDiv({ cls: "gopherchina-track", text: track });
					}
					renderSession(holder, session, progress.get(session.id), env);
				});
			},
		});
	}
}

function renderSession(parent: HTMLElement, session: Session, progress: Progress | undefined, env: ListEnv): void {
	const row = parent.createDiv({ cls: "gopherchina-session" });
	row.dataset.session = session.id;
	row.createSpan({ cls: "gopherchina-code", text: session.code?.code ?? "" });
	const main = row.createDiv({ cls: "gopherchina-session-main" });
	main.createDiv({ cls: "gopherchina-session-title", text: session.title !== "" ? session.title : session.fileName });
	const meta = main.createDiv({ cls: "gopherchina-session-meta" });
	renderPdfActions(meta, session, env);
	if (progress && progress.open > 0) {
		meta.createSpan({ cls: "gopherchina-open-count", text: t("session.open", { count: progress.open }) });
	}
	if (progress) {
		const done = { done: progress.done, total: progress.open + progress.done };
		const name = `${session.code?.code ?? ""} ${session.title !== "" ? session.title : session.fileName}`.trim();
		renderProgress(meta, progress, t("progress.talk", done), t("progress.label", { name, ...done }));
	}
	const notes = meta.createSpan({ cls: "gopherchina-sources" });
	const seen = new Set<string>();
	for (const source of session.sources) {
		if (seen.has(source.path)) {
			continue;
		}
		seen.add(source.path);
		const link = notes.createEl("a", { cls: "gopherchina-source", text: baseName(source.path), attr: { tabindex: "0", role: "link" } });
		setTooltip(link, t("item.openNote", { path: source.path, line: source.line + 1 }));
		onActivate(link, (event) => void openNoteAt(env.context.services, source.path, source.line, event));
	}
	row.addEventListener("contextmenu", (event) => showSessionMenu(env, event, session));
}

function renderPdfActions(parent: HTMLElement, session: Session, env: ListEnv): void {
	if (session.localPath === null && session.url === null) {
		parent.createSpan({ cls: "gopherchina-muted", text: t("session.noPdf") });
		return;
	}
	const local = session.localPath !== null;
	const open = parent.createEl("button", { cls: ["gopherchina-pdf", local ? "is-local" : "is-remote"] });
	setIcon(open.createSpan({ cls: "gopherchina-pdf-icon" }), local ? "file-text" : "external-link");
	open.createSpan({ text: t("session.pdf") });
	const openLabel = local ? t("session.openPdf") : t("session.openLink");
	open.setAttr("aria-label", openLabel);
	setTooltip(open, openLabel);
	open.addEventListener("click", (event) => void env.pdf.open(session, event));
	if (!local && session.url !== null) {
		const download = parent.createEl("button", { cls: "clickable-icon gopherchina-download" });
		setIcon(download, "download");
		download.setAttr("aria-label", t("session.download"));
		setTooltip(download, t("session.download"));
		download.addEventListener("click", () => {
			download.disabled = true;
			void env.pdf.downloadAndOpen(session).finally(() => {
				download.disabled = false;
			});
		});
	}
}
