import { compareCodes } from "../model/codes";
import { codeSessionKey } from "../model/session-refs";
import type { SessionCode, SessionRef } from "../model/types";
import { PdfNames } from "./pdf-names";
import { add, drop } from "./set-map";

/** A talk: one PDF, named by one or more links in one or more notes. */
export interface Session {
	id: string;
	year: number | null;
	edition: string | null;
	code: SessionCode | null;
	title: string;
	/** The web address of the PDF, when any link names one. */
	url: string | null;
	/** The copy inside the vault, when there is one. */
	localPath: string | null;
	fileName: string;
	/** Where the session is mentioned, by note path and 0-based line, in path order. */
	sources: Array<{ path: string; line: number }>;
}

/**
 * Merges the PDF links of every note into sessions, one note at a time. A change to one note
 * touches only that note's links; sessions are rebuilt lazily, and only those a change made dirty.
 */
export class SessionTable {
	private readonly refsByKey = new Map<string, Map<string, SessionRef[]>>();
	/** Session keys and vault PDF files by lower-case file name. */
	private readonly names = new PdfNames();
	private readonly keysByCode = new Map<string, Set<string>>();
	private readonly built = new Map<string, Session | null>();
	private readonly dirty = new Set<string>();
	private sorted: Session[] | null = null;

	/**
	 * Replaces the links one note contributes. The sessions of each file name it names are marked for
	 * a rebuild once, not once per link: a note with thousands of `slides.pdf` links stays linear.
	 */
	setNote(path: string, previous: readonly SessionRef[], next: readonly SessionRef[]): void {
		const touched = new Set<string>();
		for (const ref of previous) {
			const byNote = this.refsByKey.get(ref.key);
			if (!byNote?.delete(path)) {
				continue;
			}
			if (byNote.size === 0) {
				this.refsByKey.delete(ref.key);
				this.built.delete(ref.key);
				this.dirty.delete(ref.key);
				this.names.dropKey(ref.fileName.toLowerCase(), ref.key);
				if (ref.code) {
					drop(this.keysByCode, codeSessionKey(ref.year, ref.code), ref.key);
					drop(this.keysByCode, codeSessionKey(null, ref.code), ref.key);
				}
			}
			touched.add(ref.fileName.toLowerCase());
		}
		for (const ref of next) {
			let byNote = this.refsByKey.get(ref.key);
			if (!byNote) {
				byNote = new Map();
				this.refsByKey.set(ref.key, byNote);
			}
			const list = byNote.get(path);
			if (list) {
				list.push(ref);
			} else {
				byNote.set(path, [ref]);
			}
			this.names.addKey(ref.fileName.toLowerCase(), ref.key);
			if (ref.code) {
				add(this.keysByCode, codeSessionKey(ref.year, ref.code), ref.key);
				add(this.keysByCode, codeSessionKey(null, ref.code), ref.key);
			}
			touched.add(ref.fileName.toLowerCase());
		}
		for (const name of touched) {
			this.touchName(name);
		}
	}

	/** Records that a PDF file exists in the vault (a possible local copy of a talk's PDF); false when known. */
	addPdfFile(path: string): boolean {
		const name = fileNameOf(path).toLowerCase();
		if (this.names.hasFile(name, path)) {
			return false;
		}
		this.names.addFile(name, path);
		this.touchName(name);
		return true;
	}

	/** Forgets a PDF file of the vault; false when it was not known. */
	removePdfFile(path: string): boolean {
		const name = fileNameOf(path).toLowerCase();
		if (!this.names.hasFile(name, path)) {
			return false;
		}
		this.names.removeFile(name, path);
		this.touchName(name);
		return true;
	}

	/**
	 * Follows a folder that moved: the PDFs below it, at any depth, are the same files under the new
	 * path. Returns their new paths. Obsidian also announces each file of the folder; those find the
	 * work done.
	 */
	movePdfFolder(from: string, to: string): string[] {
		const moved: string[] = [];
		for (const path of this.pdfFilesIn(from)) {
			const next = to + path.slice(from.length);
			this.removePdfFile(path);
			this.addPdfFile(next);
			moved.push(next);
		}
		return moved;
	}

	/** Forgets the PDFs below a folder that was deleted, and returns them. */
	removePdfFolder(folder: string): string[] {
		const removed = this.pdfFilesIn(folder);
		for (const path of removed) {
			this.removePdfFile(path);
		}
		return removed;
	}

	/** True when a link names a PDF of this file's name: the file is then a talk's copy. */
	namesTalk(path: string): boolean {
		return this.names.hasKeys(fileNameOf(path).toLowerCase());
	}

	/** Forgets every PDF file of the vault (before they are listed again). */
	clearPdfFiles(): void {
		this.names.clearFiles();
		this.sorted = null;
		this.dirty.clear();
		this.built.clear();
	}

	/**
	 * The session a study item's key points to, or null when no session answers to it. A code
	 * (with its year, or alone when the note does not tell the year) must name exactly one session:
	 * `1.1.1` of a year with two editions is ambiguous and resolves to nothing.
	 */
	resolve(key: string | null): string | null {
		if (key === null) {
			return null;
		}
		let target = key;
		if (key.startsWith("code:")) {
			const sessions = new Set<string>();
			for (const candidate of this.keysByCode.get(key) ?? []) {
				const session = this.session(candidate);
				if (session) {
					sessions.add(session.id);
				}
			}
			if (sessions.size !== 1) {
				return null;
			}
			target = [...sessions][0] as string;
		}
		const session = this.session(target);
		return session ? session.id : null;
	}

	/** One session by id (or by the key of a local copy merged into it). */
	session(key: string): Session | null {
		if (!this.refsByKey.has(key)) {
			return null;
		}
		if (this.dirty.has(key) || !this.built.has(key)) {
			this.built.set(key, this.build(key));
			this.dirty.delete(key);
		}
		const session = this.built.get(key) ?? null;
		if (session === null) {
			const alias = this.remoteTwin(key);
			return alias === null ? null : this.session(alias);
		}
		return session;
	}

	/** Every session, sorted by year (newest first), edition, then code. */
	all(): Session[] {
		if (this.sorted === null || this.dirty.size > 0) {
			const sessions: Session[] = [];
			for (const key of this.refsByKey.keys()) {
				const session = this.session(key);
				if (session !== null && session.id === key) {
					sessions.push(session);
				}
			}
			this.sorted = sessions.sort(compareSessions);
		}
		return this.sorted;
	}

	get size(): number {
		return this.refsByKey.size;
	}

	/** The years (and editions) that the links name, as `2023` or `2023-shanghai`. */
	yearKeys(): string[] {
		const keys = new Set<string>();
		for (const byNote of this.refsByKey.values()) {
			for (const refs of byNote.values()) {
				for (const ref of refs) {
					if (ref.year !== null) {
						keys.add(ref.edition ? `${ref.year}-${ref.edition}` : String(ref.year));
					}
				}
			}
		}
		return [...keys];
	}

	/**
	 * How many talks there are and how many have a copy in the vault, without building them: a link
	 * to a vault PDF that copies a web PDF is not a talk of its own. A talk has a copy by the same rule
	 * as its `localPath`: a vault PDF of its file name, wherever it is now. The path a vault link
	 * resolved to when its note was read is not asked: the file may have moved since without the note
	 * changing (`[[slides.pdf]]` still finds it, so Obsidian rewrites nothing).
	 */
	counts(): { sessions: number; local: number } {
		let sessions = 0;
		let local = 0;
		for (const [key, byNote] of this.refsByKey) {
			if (key.startsWith("vault:") && this.remoteTwin(key) !== null) {
				continue;
			}
			sessions++;
			const first = byNote.values().next().value?.[0];
			if (this.names.hasFiles((first?.fileName ?? "").toLowerCase())) {
				local++;
			}
		}
		return { sessions, local };
	}

	/** Every vault PDF below a folder, at any depth. */
	private pdfFilesIn(folder: string): string[] {
		const prefix = `${folder}/`;
		return [...this.names.allFiles()].filter((path) => path.startsWith(prefix));
	}

	private touchName(fileName: string): void {
		this.sorted = null;
		if (this.built.size === 0) {
			// Nothing built yet, so nothing can be stale (the first full pass takes this path).
			return;
		}
		for (const key of this.names.keys(fileName.toLowerCase())) {
			this.dirty.add(key);
		}
	}

	/** For a link to a vault PDF: the remote PDF with the same file name that it is a copy of. */
	private remoteTwin(key: string): string | null {
		if (!key.startsWith("vault:")) {
			return null;
		}
		return this.names.firstRemoteKey(fileNameOf(key).toLowerCase());
	}

	/** Builds a session from its links; null for a vault PDF that is the copy of a remote one. */
	private build(key: string): Session | null {
		if (this.remoteTwin(key) !== null) {
			return null;
		}
		const refs: Array<SessionRef & { path: string }> = [];
		for (const [path, list] of this.refsByKey.get(key) ?? []) {
			for (const ref of list) {
				refs.push({ ...ref, path });
			}
		}
		const name = (refs[0]?.fileName ?? "").toLowerCase();
		if (!key.startsWith("vault:")) {
			for (const alias of this.names.vaultKeysNamed(name)) {
				for (const [path, list] of this.refsByKey.get(alias) ?? []) {
					for (const ref of list) {
						refs.push({ ...ref, path });
					}
				}
			}
		}
		refs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
		const primary = refs.find((ref) => ref.target.kind === "remote") ?? refs[0];
		if (!primary) {
			return null;
		}
		const url = primary.target.kind === "remote" ? primary.target.url : null;
		const year = primary.year ?? refs.find((ref) => ref.year !== null)?.year ?? null;
		const localPath = this.localCopy(refs, year);
		const sources: Session["sources"] = [];
		const seen = new Set<string>();
		for (const ref of refs) {
			const id = `${ref.path}\u0000${ref.line}`;
			if (!seen.has(id)) {
				seen.add(id);
				sources.push({ path: ref.path, line: ref.line });
			}
		}
		return {
			id: key,
			year,
			edition: primary.edition ?? refs.find((ref) => ref.edition !== null)?.edition ?? null,
			code: primary.code ?? refs.find((ref) => ref.code !== null)?.code ?? null,
			title: primary.title !== "" ? primary.title : refs.find((ref) => ref.title !== "")?.title ?? "",
			url,
			localPath,
			fileName: primary.fileName,
			sources,
		};
	}

	private localCopy(refs: ReadonlyArray<SessionRef & { path: string }>, year: number | null): string | null {
		for (const ref of refs) {
			if (ref.target.kind === "local" && this.names.hasFile(ref.fileName.toLowerCase(), ref.target.path)) {
				return ref.target.path;
			}
		}
		return this.copyNamed((refs[0]?.fileName ?? "").toLowerCase(), year);
	}

	/**
	 * The vault PDF that is the copy of a talk's PDF: one of its file name (lower case), the first in
	 * path order, or the first whose path names the talk's year.
	 */
	copyNamed(lowerName: string, year: number | null): string | null {
		const files = this.names.filesNamed(lowerName);
		if (files.length === 0) {
			return null;
		}
		return files.find((file) => year !== null && file.includes(String(year))) ?? (files[0] as string);
	}
}

function fileNameOf(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash === -1 ? path : path.slice(slash + 1);
}

export function compareSessions(a: Session, b: Session): number {
	if (a.year !== b.year) {
		return (b.year ?? -1) - (a.year ?? -1);
	}
	if (a.edition !== b.edition) {
		return a.edition === null ? -1 : b.edition === null ? 1 : a.edition < b.edition ? -1 : 1;
	}
	const byCode = compareCodes(a.code, b.code);
	if (byCode !== 0) {
		return byCode;
	}
	return a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
