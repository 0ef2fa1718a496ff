import type { FrontMatterCache } from "obsidian";
import { splitCode } from "./codes";
import { codeSessionKey, type NoteYear } from "./session-refs";
import { lowerCase } from "./text";
import type { SessionCode, SessionRef } from "./types";

/** One talk a note's lines may be about: one or more of its links to the same PDF, or its own talk. */
export interface Candidate {
	/** The key items tied to this talk carry. */
	key: string;
	/** Code ids (`1.2` for `1-2`) that name it in this note's year; empty when its year is another. */
	codeIds: string[];
	titles: string[];
}

/**
 * The talks a note can tie its items to: the talks it links (links to the same PDF — blob and raw
 * forms, a web link and its local copy, by file name — are one talk), and for a note about one talk
 * (properties `session` or `pdf`) that talk. Codes are read in the note's year and edition.
 */
export class TalkCandidates {
	readonly list: Candidate[] = [];
	/** The talk the whole note is about: its `pdf`/`session` property, else its only linked talk. */
	readonly noteTalk: string | null;
	private readonly byRefKey = new Map<string, number>();
	private readonly byCode = new Map<string, number[]>();
	private readonly partCounts = new Set<number>();

	constructor(sessions: readonly SessionRef[], private readonly noteYear: NoteYear, frontmatter: FrontMatterCache | undefined) {
		const byName = new Map<string, number>();
		// The titles and codes each candidate already has: a PDF linked thousands of times, each time
		// with another text, must not make the note quadratic. Made for a candidate once it has a few.
		const titlesOf: Array<Set<string> | null> = [];
		const codesOf: Array<Set<string> | null> = [];
		for (const ref of sessions) {
			const name = lowerCase(ref.fileName);
			const codeKey = ref.code === null ? null : `${ref.year ?? "?"}/${ref.edition ?? ""}/${ref.code.id}`;
			let index = this.byRefKey.get(ref.key) ?? byName.get(name) ?? (codeKey === null ? undefined : byName.get(codeKey));
			if (index === undefined) {
				index = this.list.length;
				this.list.push({ key: ref.key, codeIds: [], titles: [] });
				titlesOf.push(null);
				codesOf.push(null);
			}
			const candidate = this.list[index] as Candidate;
			this.byRefKey.set(ref.key, index);
			byName.set(name, index);
			if (codeKey !== null) {
				byName.set(codeKey, index);
			}
			if (ref.title !== "" && addNew(candidate.titles, titlesOf, index, ref.title)) {
				candidate.titles.push(ref.title);
			}
			if (ref.code !== null && this.fitsYear(ref) && addNew(candidate.codeIds, codesOf, index, ref.code.id)) {
				candidate.codeIds.push(ref.code.id);
			}
		}
		const linked = this.list.length;
		const own = this.ownTalk(sessions, frontmatter);
		this.list.forEach((candidate, index) => {
			for (const id of candidate.codeIds) {
				this.addCode(id, index);
			}
		});
		this.noteTalk = own ?? (linked === 1 ? (this.list[0] as Candidate).key : null);
	}

	/** The key of the talk a link on a line names. */
	keyOfRef(ref: SessionRef): string {
		const index = this.byRefKey.get(ref.key);
		return index === undefined ? ref.key : (this.list[index] as Candidate).key;
	}

	/**
	 * The keys of the talks a code names among the candidates. A code no candidate has names none,
	 * except at the start of a heading or item (`## 2.3 C++ 与 Go`), where it names the talk of that code
	 * in the note's year wherever it is linked — if the note's own talks use codes of that shape.
	 */
	keysOfCode(code: SessionCode, leading: boolean): string[] {
		const found = this.byCode.get(code.id);
		if (found !== undefined) {
			return found.map((index) => (this.list[index] as Candidate).key);
		}
		if (leading && (this.partCounts.size === 0 || this.partCounts.has(code.parts.length))) {
			return [codeSessionKey(this.noteYear.year, code)];
		}
		return [];
	}

	private addCode(id: string, index: number): void {
		const list = this.byCode.get(id);
		if (list === undefined) {
			this.byCode.set(id, [index]);
		} else if (!list.includes(index)) {
			list.push(index);
		}
		let parts = 1;
		for (let at = id.indexOf("."); at !== -1; at = id.indexOf(".", at + 1)) {
			parts++;
		}
		this.partCounts.add(parts);
	}

	/** A link's code counts in this note when its year and edition are the note's (or either is unknown). */
	private fitsYear(ref: SessionRef): boolean {
		if (this.noteYear.year === null || ref.year === null) {
			return true;
		}
		return ref.year === this.noteYear.year && (ref.edition ?? null) === (this.noteYear.edition ?? null);
	}

	private ownTalk(sessions: readonly SessionRef[], frontmatter: FrontMatterCache | undefined): string | null {
		if (!frontmatter) {
			return null;
		}
		const pdfRef = sessions.find((ref) => ref.line >= 0 && isPropertyRef(frontmatter, ref));
		if (pdfRef) {
			return this.keyOfRef(pdfRef);
		}
		const session: unknown = frontmatter.session;
		if (typeof session !== "string" && typeof session !== "number") {
			return null;
		}
		const { code } = splitCode(String(session));
		if (code === null) {
			return null;
		}
		const match = this.list.find((candidate) => candidate.codeIds.includes(code.id));
		if (match) {
			return match.key;
		}
		const key = codeSessionKey(this.noteYear.year, code);
		const title: unknown = frontmatter.title;
		this.list.push({ key, codeIds: [code.id], titles: typeof title === "string" ? [title] : [] });
		return key;
	}
}

/** A list this long is searched through a set of its entries rather than one by one. */
const SET_FROM = 8;

/**
 * True when `value` is not in `list` yet (the caller then adds it). Short lists are searched; a long
 * one gets a set in `sets[index]`, kept up to date from then on.
 */
function addNew(list: readonly string[], sets: Array<Set<string> | null>, index: number, value: string): boolean {
	let set = sets[index] ?? null;
	if (set === null) {
		if (list.length < SET_FROM) {
			return !list.includes(value);
		}
		set = new Set(list);
		sets[index] = set;
	}
	if (set.has(value)) {
		return false;
	}
	set.add(value);
	return true;
}

/** True when a session came from the `pdf` property of a per-talk note. */
function isPropertyRef(frontmatter: FrontMatterCache, ref: SessionRef): boolean {
	const pdf: unknown = frontmatter.pdf;
	if (typeof pdf !== "string") {
		return false;
	}
	return ref.target.kind === "remote" ? pdf.trim() === ref.target.url : pdf.includes(ref.fileName);
}
