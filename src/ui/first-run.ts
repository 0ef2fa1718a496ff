import { Component, getAllTags, type TFile } from "obsidian";
import { matchesTrackedTag, normalizeTrackedTags } from "../model/tags";
import { t } from "../i18n";
import { setFocusKey, uniqueId } from "./focus";
import { notify } from "./notices";
import { messageOf } from "./pdf-save";
import type { DashboardContext } from "./services";

/** The first-run view each dashboard shows now, so that drawing it again lets the last one go. */
const shownBy = new WeakMap<Component, Component>();

/** Thrown from inside `processFrontMatter` to leave the note as it is (nothing is written). */
class AlreadyTracked extends Error {}

/**
 * What the pane shows while no note is tracked: what the dashboard reads, and a button that adds the
 * first tracked tag to the open note's `tags` property. The button is disabled, with the reason,
 * while no Markdown note is open, and follows the notes the user opens for as long as the view is
 * shown; its listeners belong to a child of `owner`, let go when the view is drawn again or gone.
 */
export function renderFirstRun(parent: HTMLElement, context: DashboardContext, owner: Component): void {
	const previous = shownBy.get(owner);
	if (previous) {
		owner.removeChild(previous);
	}
	const view = owner.addChild(new Component());
	shownBy.set(owner, view);

	const settings = context.settings();
	const tag = tagToAdd(settings.trackedTags);
	const box = parent.createDiv({ cls: "gopherchina-first-run" });
	box.createDiv({ cls: "gopherchina-empty", text: t("empty.nothingTracked", { tag: `#${tag}` }) });
	box.createEl("p", { cls: "gopherchina-muted", text: t("firstRun.explain") });
	const button = box.createEl("button", { cls: "gopherchina-track-note", text: t("firstRun.track") });
	const reason = box.createEl("p", { cls: "gopherchina-muted gopherchina-track-reason", attr: { id: uniqueId("track-reason") } });
	setFocusKey(button, "first-run");
	button.setAttr("aria-describedby", reason.id);

	let busy = false;
	const update = (): void => {
		const file = activeNote(context);
		button.disabled = busy || file === null;
		reason.setText(file === null ? t("firstRun.noNote") : t("firstRun.target", { tag: `#${tag}`, name: file.basename }));
	};
	let shown = box.isConnected;
	const follow = (): void => {
		if (!box.isConnected) {
			if (shown) {
				owner.removeChild(view);
				if (shownBy.get(owner) === view) {
					shownBy.delete(owner);
				}
			}
			return;
		}
		shown = true;
		update();
	};
	const { workspace } = context.services;
	view.registerEvent(workspace.on("active-leaf-change", follow));
	view.registerEvent(workspace.on("file-open", follow));
	button.addEventListener("click", () => {
		const file = activeNote(context);
		if (file === null || busy) {
			return;
		}
		busy = true;
		update();
		void trackNote(context, file, tag).finally(() => {
			busy = false;
			update();
		});
	});
	update();
}

/** The Markdown note open in the workspace (the last one active), or null. */
function activeNote(context: DashboardContext): TFile | null {
	const file = context.services.workspace.getActiveFile();
	return file !== null && file.extension === "md" ? file : null;
}

/** The first tracked tag as it goes into a property: without `#` and trailing slashes. */
export function tagToAdd(tracked: readonly string[]): string {
	const tag = (tracked[0] ?? "").trim().replace(/^#+/, "").replace(/\/+$/, "");
	return tag === "" ? "gopherchina" : tag;
}

/**
 * Adds `tag` to the note's `tags` property with `processFrontMatter` (the body is never touched), or
 * says why not. A note that is tracked already, by its properties or a tag in its text, is left as it
 * is; so is a note whose properties cannot be read.
 */
async function trackNote(context: DashboardContext, file: TFile, tag: string): Promise<void> {
	const { fileManager, metadataCache } = context.services;
	const tracked = normalizeTrackedTags(context.settings().trackedTags);
	const cache = metadataCache.getFileCache(file);
	const values = { tag: `#${tag}`, name: file.basename };
	if (cache !== null && (getAllTags(cache) ?? []).some((existing) => matchesTrackedTag(existing, tracked))) {
		notify(t("firstRun.already", values));
		return;
	}
	try {
		await fileManager.processFrontMatter(file, (frontmatter: Record<string, unknown>) => {
			const next = tagsWith(frontmatter.tags, tag, tracked);
			if (next === null) {
				throw new AlreadyTracked();
			}
			frontmatter.tags = next;
		});
		notify(t("firstRun.added", values));
	} catch (error) {
		if (error instanceof AlreadyTracked) {
			notify(t("firstRun.already", values));
		} else {
			notify(t("firstRun.failed", { ...values, error: firstLine(messageOf(error)) }));
		}
	}
}

/** The first line of an error's message (a YAML error goes on to quote the note), without its colon. */
function firstLine(message: string): string {
	return (message.split("\n")[0] ?? "").trim().replace(/:$/, "");
}

/**
 * The `tags` property with `tag` added, as a list, or null when a tracked tag (or one nested below
 * it) is in it already in a form Obsidian reads: a list entry or a one-tag text, compared without
 * case or `#`. Text holding several tags (`go, study`), which Obsidian does not read as tags, becomes
 * the list of them, with `tag` unless it is among them. Anything else that is not a list is refused.
 */
export function tagsWith(value: unknown, tag: string, tracked: readonly string[]): unknown[] | null {
	const tracks = (entry: unknown): boolean => (typeof entry === "string" || typeof entry === "number") && matchesTrackedTag(String(entry), tracked);
	if (value === undefined || value === null) {
		return [tag];
	}
	if (Array.isArray(value)) {
		const entries: unknown[] = value;
		return entries.some(tracks) ? null : [...entries, tag];
	}
	if (typeof value === "number") {
		return tracks(value) ? null : [value, tag];
	}
	if (typeof value === "string") {
		const parts = value.split(/[\s,]+/).filter((part) => part !== "");
		if (parts.length <= 1) {
			return parts.some(tracks) ? null : [...parts, tag];
		}
		return parts.some(tracks) ? parts : [...parts, tag];
	}
	throw new Error(t("firstRun.notAList"));
}
