import type { CachedMetadata, FrontMatterCache, ListItemCache } from "obsidian";
import { splitCode } from "./codes";
import type { HeadingPaths } from "./headings";
import { codeSessionKey, type NoteYear } from "./session-refs";
import type { SessionRef } from "./types";

/** Tells which session a line is about: its own link, a parent item, a heading, or the note's talk. */
export class TalkFinder {
	itemsByLine = new Map<number, ListItemCache>();
	private readonly noteTalk: string | null;

	constructor(
		cache: CachedMetadata,
		private readonly lines: string[],
		private readonly sessions: SessionRef[],
		private readonly refsByLine: Map<number, SessionRef[]>,
		private readonly headings: HeadingPaths,
		private readonly noteYear: NoteYear,
	) {
		this.noteTalk = this.talkOfNote(cache.frontmatter);
	}

	forLine(line: number): string | null {
		const own = this.named(line, false);
		if (own !== null) {
			return own;
		}
		let item = this.itemsByLine.get(line);
		const seen = new Set<number>();
		while (item !== undefined && item.parent >= 0 && !seen.has(item.parent)) {
			seen.add(item.parent);
			const parent = this.named(item.parent, true);
			if (parent !== null) {
				return parent;
			}
			item = this.itemsByLine.get(item.parent);
		}
		for (const headingLine of this.headings.linesAbove(line)) {
			const heading = this.named(headingLine, true);
			if (heading !== null) {
				return heading;
			}
		}
		return this.noteTalk;
	}

	/** The session a line names by a PDF link on it, or (for parents and headings) by a leading code. */
	private named(line: number, byCode: boolean): string | null {
		const refs = this.refsByLine.get(line);
		if (refs && refs.length > 0) {
			return (refs[0] as SessionRef).key;
		}
		if (!byCode) {
			return null;
		}
		const bare = (this.lines[line] ?? "").replace(/^[\s>]*(?:#{1,6}\s+|(?:[-*+]|\d+[.)])\s+(?:\[.\]\s+)?)?/, "");
		const { code } = splitCode(bare);
		if (code === null) {
			return null;
		}
		const joined = code.id;
		const match = this.sessions.find((ref) => ref.code?.id === joined);
		return match ? match.key : codeSessionKey(this.noteYear.year, code);
	}

	private talkOfNote(frontmatter: FrontMatterCache | undefined): string | null {
		if (!frontmatter) {
			return null;
		}
		const pdfRef = this.sessions.find((ref) => ref.line >= 0 && isPropertyRef(frontmatter, ref));
		if (pdfRef) {
			return pdfRef.key;
		}
		const session: unknown = frontmatter.session;
		if (typeof session === "string" || typeof session === "number") {
			const { code } = splitCode(String(session));
			if (code !== null) {
				const joined = code.id;
				const match = this.sessions.find((ref) => ref.code?.id === joined);
				return match ? match.key : codeSessionKey(this.noteYear.year, code);
			}
		}
		return null;
	}
}

/** True when a session came from the `pdf` property of a per-talk note. */
function isPropertyRef(frontmatter: FrontMatterCache, ref: SessionRef): boolean {
	const pdf: unknown = frontmatter.pdf;
	if (typeof pdf !== "string") {
		return false;
	}
	return ref.target.kind === "remote" ? pdf.trim() === ref.target.url : pdf.includes(ref.fileName);
}
