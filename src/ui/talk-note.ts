/**
 * A talk's own note: found (the note at the talk's note path, or a note whose `pdf`/`session`
 * properties name the talk), started (from the built-in skeleton or the user's template), and given
 * new study items. Notes are created with `vault.create`, their properties written with
 * `fileManager.processFrontMatter`, later edits made with `vault.process`; nothing is overwritten.
 */
import { normalizePath, TFile } from "obsidian";
import type { Session } from "../index/sessions";
import { splitCode } from "../model/codes";
import { isWebUrl, remotePdfKey } from "../model/pdf-links";
import { MAX_NAME_BYTES, safeName } from "../model/file-names";
import { normalizeTrackedTags } from "../model/tags";
import { metadataFitsText } from "../model/metadata-check";
import { lineSpans } from "../model/text-version";
import { t } from "../i18n";
import { localDate } from "./checkoff-action";
import { tagsWith, tagToAdd } from "./first-run";
import { openNoteAt } from "./navigation";
import { notify } from "./notices";
import { downloadFolderFor } from "./pdf-files";
import { existingCopy, makeFolder, messageOf, pathIn } from "./pdf-save";
import type { DashboardContext } from "./services";

const EXTENSION = ".md";

/** A talk's title for its note: its title, else its PDF's file name without `.pdf`. */
function noteTitle(session: Session): string {
	return session.title !== "" ? session.title : session.fileName.replace(/\.pdf$/i, "");
}

/** The name of a talk's note: `1.1.3 The State Of Go 2023.md`, made safe as a download's name is. */
export function talkNoteName(session: Session): string {
	const stem = safeName(`${session.code?.code ?? ""} ${noteTitle(session)}`.trim(), MAX_NAME_BYTES - EXTENSION.length);
	return `${stem === "" ? "talk" : stem}${EXTENSION}`;
}

/** Where a talk's note goes: the note folder setting with `{year}` filled in, then its name. */
export function talkNotePath(folderSetting: string, session: Session): string {
	const folder = downloadFolderFor(folderSetting, session.year, session.edition);
	return normalizePath(folder === "" ? talkNoteName(session) : `${folder}/${talkNoteName(session)}`);
}

/** What the note's `pdf` property says: the web address, else a link to the copy in the vault. */
function pdfValue(session: Session): string | null {
	if (session.url !== null) {
		return session.url;
	}
	return session.localPath !== null ? `[[${session.localPath}]]` : null;
}

/** The file name a `pdf` property's vault link or path names (`[[a/b.pdf|x]]` → `b.pdf`), in lower case. */
function linkedFileName(value: string): string {
	const inner = /^\[\[([^\]|#]*)/.exec(value)?.[1] ?? value;
	return (inner.slice(inner.lastIndexOf("/") + 1) || inner).trim().normalize("NFC").toLowerCase();
}

/**
 * What a note's properties say of a talk: `yes` when they name it (its `pdf` is this PDF, or its
 * `session` code with the same year and edition), `no` when they name another, `none` when they
 * name no talk.
 */
function propertiesName(frontmatter: Record<string, unknown> | undefined, session: Session): "yes" | "no" | "none" {
	if (!frontmatter) {
		return "none";
	}
	const pdf = frontmatter.pdf;
	if (typeof pdf === "string" && pdf.trim() !== "") {
		const value = pdf.trim();
		if (isWebUrl(value)) {
			return remotePdfKey(value) === session.id || (session.url !== null && remotePdfKey(session.url) === remotePdfKey(value)) ? "yes" : "no";
		}
		return linkedFileName(value) === session.fileName.normalize("NFC").toLowerCase() ? "yes" : "no";
	}
	const code = frontmatter.session;
	if (typeof code === "string" || typeof code === "number") {
		const parsed = splitCode(String(code)).code;
		const year = frontmatter.year;
		const edition = frontmatter.edition;
		const sameYear = !(typeof year === "string" || typeof year === "number") || session.year === null || Number.parseInt(String(year), 10) === session.year;
		const sameEdition = (typeof edition === "string" && edition.trim() !== "" ? edition.trim().toLowerCase() : null) === (session.edition ?? null);
		return parsed !== null && session.code !== null && parsed.id === session.code.id && sameYear && sameEdition ? "yes" : "no";
	}
	return "none";
}

/** The file at a path, found as the disk finds it (another case or normalisation is the same file), or null. */
function fileAt(context: DashboardContext, path: string): TFile | null {
	const slash = path.lastIndexOf("/");
	const existing = existingCopy(context.services.vault, slash === -1 ? "" : path.slice(0, slash), path.slice(slash + 1));
	return existing.ok ? existing.file : null;
}

/**
 * Where the talk's note is or goes: its note path, or (when a note of another talk is there) the same
 * name with ` 2`, ` 3`… Returns the note already there when it is this talk's (or names no talk).
 */
function notePlace(context: DashboardContext, session: Session): { path: string; file: TFile | null } {
	const base = talkNotePath(context.settings().noteFolder, session);
	for (let n = 1; n < 100; n++) {
		const path = n === 1 ? base : `${base.slice(0, -EXTENSION.length)} ${n}${EXTENSION}`;
		const file = fileAt(context, path);
		if (file === null || propertiesName(context.services.metadataCache.getFileCache(file)?.frontmatter, session) !== "no") {
			return { path, file };
		}
	}
	return { path: base, file: null };
}

/** The talk's own note, if it has one: at its note path (unless it is another talk's), else a note of the talk whose properties name it. */
export function findTalkNote(context: DashboardContext, session: Session): TFile | null {
	const { vault, metadataCache } = context.services;
	const place = notePlace(context, session);
	if (place.file !== null) {
		return place.file;
	}
	for (const source of session.sources) {
		const file = vault.getAbstractFileByPath(source.path);
		if (file instanceof TFile && propertiesName(metadataCache.getFileCache(file)?.frontmatter, session) === "yes") {
			return file;
		}
	}
	return null;
}

const PLACEHOLDER = /(["']?)\{\{\s*(code|title|year|edition|pdf|date)\s*\}\}\1/g;

/**
 * The template's placeholders filled in, each value literally (a `$&` in a title stays). Inside the
 * template's properties a value goes in as a quoted YAML string (a title such as `Go: the good parts`
 * or `C# interop` stays one value), taking the place of any quotes around the placeholder.
 */
export function fillTemplate(template: string, session: Session, date = localDate(new Date())): string {
	const values = placeholderValues(session, date);
	const properties = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(template)?.[0] ?? "";
	const head = properties.replace(PLACEHOLDER, (_whole, _quote: string, name: string) => JSON.stringify(values[name] ?? ""));
	const body = template.slice(properties.length).replace(PLACEHOLDER, (_whole: string, quote: string, name: string) => `${quote}${values[name] ?? ""}${quote}`);
	return head + body;
}

function placeholderValues(session: Session, date: string): Record<string, string> {
	const values: Record<string, string> = {
		code: session.code?.code ?? "",
		title: noteTitle(session),
		year: session.year === null ? "" : String(session.year),
		edition: session.edition ?? "",
		pdf: pdfValue(session) ?? "",
		date,
	};
	return values;
}

/** The built-in skeleton of a talk's note (its properties are written separately). */
export function skeleton(session: Session): string {
	const heading = talkNoteName(session).slice(0, -EXTENSION.length);
	return `# ${heading}\n\n## ${t("talkNote.notes")}\n\n## ${t("talkNote.questions")}\n\n`;
}

/** The template note's text, or null (with a notice) when the setting names no readable note. */
async function templateText(context: DashboardContext): Promise<string | null> {
	const setting = context.settings().noteTemplate;
	if (setting === "") {
		return null;
	}
	const { vault } = context.services;
	const path = normalizePath(setting.endsWith(EXTENSION) ? setting : `${setting}${EXTENSION}`);
	const file = vault.getAbstractFileByPath(path);
	if (!(file instanceof TFile)) {
		notify(t("talkNote.noTemplate", { path }));
		return null;
	}
	return vault.cachedRead(file);
}

/**
 * Starts the talk's note, or opens the one it has. A new note gets the template (or the skeleton) and
 * the properties `tags`, `session`, `year`, `edition`, `pdf`; then it opens. Never overwrites a file.
 */
export async function startTalkNote(context: DashboardContext, session: Session, open = true): Promise<TFile | null> {
	// A second start of the same talk while the first runs (the button, the menu, the add dialog)
	// waits for the first: one note, one notice.
	const running = starting.get(session.id);
	if (running) {
		const file = await running;
		if (file && open) {
			await openNoteAt(context.services, file.path, 0, null);
		}
		return file;
	}
	const run = createTalkNote(context, session, open);
	starting.set(session.id, run);
	try {
		return await run;
	} finally {
		starting.delete(session.id);
	}
}

const starting = new Map<string, Promise<TFile | null>>();

async function createTalkNote(context: DashboardContext, session: Session, open: boolean): Promise<TFile | null> {
	const existing = findTalkNote(context, session);
	if (existing) {
		if (open) {
			await openNoteAt(context.services, existing.path, 0, null);
		}
		return existing;
	}
	const { vault, fileManager } = context.services;
	const planned = notePlace(context, session).path;
	const slash = planned.lastIndexOf("/");
	let path = planned;
	let file: TFile;
	try {
		const template = await templateText(context);
		const made = await makeFolder(context.services, slash === -1 ? "" : planned.slice(0, slash));
		if (!made.ok) {
			notify(t("talkNote.failed", { path, error: made.reason }));
			return null;
		}
		// In the folder as the disk has it (another case of its name is the same folder).
		path = pathIn(made.folder, planned.slice(slash + 1));
		file = await vault.create(path, template === null ? skeleton(session) : fillTemplate(template, session));
	} catch (error) {
		notify(t("talkNote.failed", { path, error: messageOf(error) }));
		return null;
	}
	const settings = context.settings();
	const tag = tagToAdd(settings.trackedTags);
	const tracked = normalizeTrackedTags(settings.trackedTags);
	try {
		await fileManager.processFrontMatter(file, (frontmatter: Record<string, unknown>) => {
			// The same rule as tracking a note on the first run: the tag added unless a tracked one is there.
			frontmatter.tags = tagsWith(frontmatter.tags, tag, tracked) ?? frontmatter.tags;
			if (session.code !== null) {
				frontmatter.session ??= session.code.code;
			}
			if (session.year !== null) {
				frontmatter.year ??= session.year;
			}
			if (session.edition !== null) {
				frontmatter.edition ??= session.edition;
			}
			const pdf = pdfValue(session);
			if (pdf !== null) {
				frontmatter.pdf ??= pdf;
			}
		});
		notify(t("talkNote.started", { path }));
	} catch (error) {
		notify(t("talkNote.propertiesFailed", { path, error: messageOf(error) }));
	}
	if (open) {
		await openNoteAt(context.services, file.path, 0, null);
	}
	return file;
}

/** An item's text as one line: breaks become spaces, the ends trimmed, a list marker or checkbox typed in front dropped. */
export function itemLine(text: string): string {
	return text
		.replace(/[\r\n\u2028\u2029]+/g, " ")
		.trim()
		.replace(/^(?:[-*+][\t ]+)?(?:\[.\][\t ]+)?/u, "")
		.trim();
}

/**
 * Where a new item goes in a note's text: at the end of its questions section (a heading Questions or
 * 问题), else after its last list item, else at the end. Read from the metadata Obsidian made of this
 * very text; when the cache is of another text the item goes at the end.
 */
export function insertItem(text: string, item: string, cache: { headings?: Array<{ heading: string; level: number; position: { start: { line: number } } }>; listItems?: Array<{ position: { end: { line: number } } }> } | null, fitsText: boolean): string {
	const lines = text.split("\n");
	// The note's own line ending: a note written with CRLF keeps CRLF.
	const crlf = text.includes("\r\n");
	const entry = `- [ ] ${item}`;
	let after = -1;
	if (cache && fitsText) {
		const headings = cache.headings ?? [];
		const at = headings.findIndex((heading) => /^(questions|问题|疑问)$/i.test(heading.heading.trim()));
		const questions = headings[at];
		if (questions) {
			const next = headings.slice(at + 1).find((heading) => heading.level <= questions.level);
			const end = next ? next.position.start.line : lines.length;
			after = questions.position.start.line;
			for (let line = questions.position.start.line + 1; line < end; line++) {
				if ((lines[line] ?? "").trim() !== "") {
					after = line;
				}
			}
		} else if ((cache.listItems ?? []).length > 0) {
			after = Math.max(...(cache.listItems ?? []).map((listItem) => listItem.position.end.line));
		}
	}
	const eol = crlf ? "\r\n" : "\n";
	if (after === -1 || after >= lines.length - 1) {
		const body = text.replace(/(?:\r?\n)*$/, "");
		return `${body}${body === "" ? "" : eol}${entry}${eol}`;
	}
	lines.splice(after + 1, 0, crlf ? `${entry}\r` : entry);
	return lines.join("\n");
}

/**
 * Appends `- [ ] text` to the talk's own note with `vault.process`. Returns false (with a notice) when
 * the text is empty or the talk has no note of its own.
 */
export async function addStudyItem(context: DashboardContext, session: Session, text: string): Promise<boolean> {
	const item = itemLine(text);
	if (item === "") {
		notify(t("addItem.empty"));
		return false;
	}
	const file = findTalkNote(context, session);
	if (file === null) {
		notify(t("addItem.noNote"));
		return false;
	}
	const { vault, metadataCache } = context.services;
	const cache = metadataCache.getFileCache(file);
	// The metadata is trusted only where it fits the very text being edited (it may be of an older
	// one while Obsidian re-reads the note); else the item goes at the end, where it can break nothing.
	await vault.process(file, (current) => insertItem(current, item, cache, cache !== null && metadataFitsText(current, lineSpans(current), cache)));
	notify(t("addItem.added", { text: item, note: file.basename }));
	return true;
}
