import { compareCodes } from "../model/codes";
import { insertedCopy, sortIfNeeded, trimmed } from "../model/memo";
import { lowerCase } from "../model/text";
import type { SessionCode, SessionRef } from "../model/types";
import { PdfNames } from "./pdf-names";
import { add, drop, type OneOrMore, valuesOf } from "./set-map";

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
 * A talk as the notes' links make it, with the fields the program list reads as well (the program lists
 * it only once merged so): the merge hands a talk the program does not list on as it is, rather than a
 * copy of every noted talk.
 */
export interface NotedSession extends Session {
	readonly inProgram: false;
	readonly noted: true;
	/** The talk's own id (see `ProgramSession.notedIds`). */
	readonly notedIds: readonly string[];
}

/**
 * A noted talk as the talks table keeps it. Its places are kept as one flat list (path, line, path,
 * line…) and `sources` is made from them when asked for; what the program list reads of a talk it
 * does not list (`inProgram`, `noted`, `notedIds`) is the same for every noted talk and is made when
 * asked for too. A list of place objects and a list of its one id for each of thousands of talks
 * cost more than the rest of the talk.
 */
class NotedTalk implements NotedSession {
	constructor(
		readonly id: string,
		readonly year: number | null,
		readonly edition: string | null,
		readonly code: SessionCode | null,
		readonly title: string,
		readonly url: string | null,
		readonly localPath: string | null,
		readonly fileName: string,
		private readonly places: ReadonlyArray<string | number>,
	) {}

	get sources(): Array<{ path: string; line: number }> {
		const places = this.places;
		const sources = new Array<{ path: string; line: number }>(places.length / 2);
		for (let i = 0; i < places.length; i += 2) {
			sources[i / 2] = { path: places[i] as string, line: places[i + 1] as number };
		}
		return sources;
	}

	get inProgram(): false {
		return false;
	}

	get noted(): true {
		return true;
	}

	get notedIds(): readonly string[] {
		return [this.id];
	}
}

/** True for a talk the talks table made (with the program's fields). */
export function isNotedSession(session: Session): session is NotedSession {
	return session instanceof NotedTalk;
}

/** How many (note, link) pairs a PDF keeps in a list before it keeps them by note. */
const LIST_PAIRS = 16;

/**
 * The links to one PDF, each with the note it is in, and the talk built from them. A note's links
 * stay together and in its order. While few links name the PDF they are kept as a flat list of
 * pairs; past that, by note, so a note leaves in time linear in its own links however many notes
 * link the PDF.
 */
class PdfLinks {
	/** Path, link, path, link… (null once kept by note). */
	private pairs: Array<string | SessionRef> | null = [];
	private byNote: Map<string, SessionRef[]> | null = null;
	/** The talk built from the links: null for a vault copy of a web PDF, undefined when not built. */
	session: Session | null | undefined = undefined;
	/** True when a change may have made the built talk stale. */
	dirty = false;
	/** The code and year this PDF's key was last listed under (a link with the same needs no listing again). */
	listedCode: SessionCode | null = null;
	listedYear: number | null = null;

	/** The file name in lower case. */
	readonly lowerName: string;

	constructor(
		/** The file name of the link that first named the PDF (every link to it has it, but for rare spellings). */
		readonly fileName: string,
	) {
		this.lowerName = lowerCase(fileName);
	}

	/** A link's file name in lower case, without lowering it again when it is the PDF's. */
	nameOf(ref: SessionRef): string {
		return ref.fileName === this.fileName ? this.lowerName : ref.fileName.toLowerCase();
	}

	/** The first link, in the order `forEach` visits them. */
	first(): SessionRef | undefined {
		if (this.pairs !== null) {
			return this.pairs[1] as SessionRef | undefined;
		}
		return (this.byNote as Map<string, SessionRef[]>).values().next().value?.[0];
	}

	get empty(): boolean {
		return this.pairs === null ? (this.byNote as Map<string, SessionRef[]>).size === 0 : this.pairs.length === 0;
	}

	add(path: string, ref: SessionRef): void {
		const pairs = this.pairs;
		if (pairs === null) {
			const byNote = this.byNote as Map<string, SessionRef[]>;
			const list = byNote.get(path);
			if (list) {
				list.push(ref);
			} else {
				byNote.set(path, [ref]);
			}
			return;
		}
		if (pairs.length >= LIST_PAIRS * 2) {
			this.byNote = new Map();
			this.pairs = null;
			for (let i = 0; i < pairs.length; i += 2) {
				this.add(pairs[i] as string, pairs[i + 1] as SessionRef);
			}
			this.add(path, ref);
			return;
		}
		// After the note's own links when it has some here already (a note's links stay together).
		let at = pairs.length;
		if (at > 0 && pairs[at - 2] !== path) {
			for (let i = at - 4; i >= 0; i -= 2) {
				if (pairs[i] === path) {
					at = i + 2;
					break;
				}
			}
		}
		// A list of its exact size each time (at most `2 × LIST_PAIRS` entries): most PDFs are named by
		// one or two links, and a list pushed to would keep room for seventeen.
		this.pairs = insertedCopy(pairs, at, path, ref);
	}

	/** Drops a note's links; false when it had none here. */
	removeNote(path: string): boolean {
		const pairs = this.pairs;
		if (pairs === null) {
			return (this.byNote as Map<string, SessionRef[]>).delete(path);
		}
		let kept = 0;
		for (let i = 0; i < pairs.length; i += 2) {
			if (pairs[i] !== path) {
				pairs[kept] = pairs[i] as string;
				pairs[kept + 1] = pairs[i + 1] as SessionRef;
				kept += 2;
			}
		}
		if (kept === pairs.length) {
			return false;
		}
		pairs.length = kept;
		return true;
	}

	/** Each link with its note's path: notes in the order they came, a note's links in its order. */
	forEach(visit: (path: string, ref: SessionRef) => void): void {
		const pairs = this.pairs;
		if (pairs !== null) {
			for (let i = 0; i < pairs.length; i += 2) {
				visit(pairs[i] as string, pairs[i + 1] as SessionRef);
			}
			return;
		}
		for (const [path, list] of this.byNote as Map<string, SessionRef[]>) {
			for (const ref of list) {
				visit(path, ref);
			}
		}
	}
}

/**
 * Merges the PDF links of every note into sessions, one note at a time. A change to one note
 * touches only that note's links; sessions are rebuilt lazily, and only those a change made dirty.
 */
export class SessionTable {
	private readonly links = new Map<string, PdfLinks>();
	/** Session keys and vault PDF files by lower-case file name. */
	private readonly names = new PdfNames();
	/** Session keys by code id, then by year (null: a code without a year, or any year). */
	private readonly keysByCode = new Map<string, Map<number | null, OneOrMore>>();
	/** How many PDFs have a talk built (a change before any is built makes nothing stale). */
	private builtCount = 0;
	private sorted: Session[] | null = null;
	/** Lists `build` reuses: the links of the talk it builds, with their notes, and their order. */
	private readonly scratchPaths: string[] = [];
	private readonly scratchRefs: SessionRef[] = [];
	private readonly scratchOrder: number[] = [];
	private readonly gather = (path: string, ref: SessionRef): void => {
		this.scratchPaths.push(path);
		this.scratchRefs.push(ref);
	};
	private readonly byPlace = (a: number, b: number): number => {
		const pathA = this.scratchPaths[a] as string;
		const pathB = this.scratchPaths[b] as string;
		return pathA < pathB ? -1 : pathA > pathB ? 1 : (this.scratchRefs[a] as SessionRef).line - (this.scratchRefs[b] as SessionRef).line;
	};

	/**
	 * Replaces the links one note contributes. The sessions of each file name it names are marked for
	 * a rebuild once, not once per link: a note with thousands of `slides.pdf` links stays linear.
	 */
	setNote(path: string, previous: readonly SessionRef[], next: readonly SessionRef[]): void {
		// Nothing built yet, so nothing can be stale (the first full pass takes this path).
		const touched = this.builtCount > 0 ? new Set<string>() : null;
		let changed = next.length > 0;
		for (const ref of previous) {
			const links = this.links.get(ref.key);
			if (links === undefined || !links.removeNote(path)) {
				continue;
			}
			changed = true;
			if (links.empty) {
				this.links.delete(ref.key);
				if (links.session !== undefined) {
					this.builtCount--;
				}
				this.names.dropKey(links.nameOf(ref), ref.key);
				if (ref.code) {
					this.dropCode(ref.code, ref.year, ref.key);
					this.dropCode(ref.code, null, ref.key);
				}
			}
			touched?.add(links.nameOf(ref));
		}
		for (const ref of next) {
			let links = this.links.get(ref.key);
			if (links === undefined) {
				links = new PdfLinks(ref.fileName);
				this.links.set(ref.key, links);
				this.names.addKey(links.lowerName, ref.key);
			} else if (ref.fileName !== links.fileName) {
				this.names.addKey(links.nameOf(ref), ref.key);
			}
			links.add(path, ref);
			if (ref.code && (ref.code !== links.listedCode || ref.year !== links.listedYear)) {
				// Listed until the last link to the PDF leaves, so a link with the same code and year
				// as the last one listed adds nothing.
				this.addCode(ref.code, ref.year, ref.key);
				this.addCode(ref.code, null, ref.key);
				links.listedCode = ref.code;
				links.listedYear = ref.year;
			}
			touched?.add(links.nameOf(ref));
		}
		if (changed) {
			this.sorted = null;
		}
		if (touched !== null) {
			for (const name of touched) {
				this.touchName(name);
			}
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
		for (const links of this.links.values()) {
			links.session = undefined;
			links.dirty = false;
		}
		this.builtCount = 0;
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
			for (const candidate of valuesOf(this.keysOfCode(key))) {
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
		const links = this.links.get(key);
		if (links === undefined) {
			return null;
		}
		const session = this.built(key, links);
		if (session === null) {
			const alias = this.remoteTwin(key);
			return alias === null ? null : this.session(alias);
		}
		return session;
	}

	/** Every session, sorted by year (newest first), edition, then code. */
	all(): Session[] {
		if (this.sorted === null) {
			const sessions: Session[] = [];
			for (const [key, links] of this.links) {
				const session = this.built(key, links);
				if (session !== null) {
					sessions.push(session);
				}
			}
			this.sorted = sortSessions(sessions);
		}
		return this.sorted;
	}

	get size(): number {
		return this.links.size;
	}

	/** The years (and editions) that the links name, as `2023` or `2023-shanghai`. */
	yearKeys(): string[] {
		const keys: string[] = [];
		const seen = new Map<number, Set<string | null>>();
		const note = (_path: string, ref: SessionRef): void => {
			if (ref.year === null) {
				return;
			}
			const edition = ref.edition ? ref.edition : null;
			let editions = seen.get(ref.year);
			if (editions === undefined) {
				editions = new Set();
				seen.set(ref.year, editions);
			}
			if (!editions.has(edition)) {
				editions.add(edition);
				keys.push(edition === null ? String(ref.year) : `${ref.year}-${edition}`);
			}
		};
		for (const links of this.links.values()) {
			links.forEach(note);
		}
		return keys;
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
		for (const [key, links] of this.links) {
			if (key.startsWith("vault:") && this.remoteTwin(key) !== null) {
				continue;
			}
			sessions++;
			const first = links.first();
			if (this.names.hasFiles(first === undefined ? "" : links.nameOf(first))) {
				local++;
			}
		}
		return { sessions, local };
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

	/** The talk of a PDF's links, built when first asked for and again once a change made it stale. */
	private built(key: string, links: PdfLinks): Session | null {
		if (links.session === undefined) {
			this.builtCount++;
		} else if (!links.dirty) {
			return links.session;
		}
		links.session = this.build(key, links);
		links.dirty = false;
		return links.session;
	}

	private addCode(code: SessionCode, year: number | null, key: string): void {
		let byYear = this.keysByCode.get(code.id);
		if (byYear === undefined) {
			byYear = new Map();
			this.keysByCode.set(code.id, byYear);
		}
		add(byYear, year, key);
	}

	private dropCode(code: SessionCode, year: number | null, key: string): void {
		const byYear = this.keysByCode.get(code.id);
		if (byYear !== undefined) {
			drop(byYear, year, key);
			if (byYear.size === 0) {
				this.keysByCode.delete(code.id);
			}
		}
	}

	/** The session keys of a study item's `code:YEAR:ID` key (see `codeSessionKey`). */
	private keysOfCode(key: string): OneOrMore | undefined {
		const colon = key.indexOf(":", 5);
		if (colon === -1) {
			return undefined;
		}
		const yearText = key.slice(5, colon);
		const year = yearText === "?" ? null : Number(yearText);
		if (year !== null && String(year) !== yearText) {
			return undefined;
		}
		return this.keysByCode.get(key.slice(colon + 1))?.get(year);
	}

	/** Every vault PDF below a folder, at any depth. */
	private pdfFilesIn(folder: string): string[] {
		const prefix = `${folder}/`;
		return [...this.names.allFiles()].filter((path) => path.startsWith(prefix));
	}

	private touchName(fileName: string): void {
		this.sorted = null;
		if (this.builtCount === 0) {
			// Nothing built yet, so nothing can be stale (the first full pass takes this path).
			return;
		}
		for (const key of this.names.keys(fileName.toLowerCase())) {
			const links = this.links.get(key);
			if (links !== undefined) {
				links.dirty = true;
			}
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
	private build(key: string, links: PdfLinks): NotedSession | null {
		if (this.remoteTwin(key) !== null) {
			return null;
		}
		const paths = this.scratchPaths;
		const refs = this.scratchRefs;
		paths.length = 0;
		refs.length = 0;
		links.forEach(this.gather);
		if (refs.length === 0) {
			return null;
		}
		if (!key.startsWith("vault:")) {
			for (const alias of this.names.vaultKeysNamed(links.nameOf(refs[0] as SessionRef))) {
				this.links.get(alias)?.forEach(this.gather);
			}
		}
		const count = refs.length;
		// By note path, then line; links of one line keep the order they came in.
		const order = this.scratchOrder;
		order.length = count;
		for (let i = 0; i < count; i++) {
			order[i] = i;
		}
		sortIfNeeded(order, this.byPlace);
		let primary: SessionRef | null = null;
		let year: number | null = null;
		let edition: string | null = null;
		let code: SessionCode | null = null;
		let title: string | null = null;
		let localPath: string | null = null;
		// Path, line, path, line… (see `NotedTalk`).
		const places: Array<string | number> = [];
		let lastPath: string | null = null;
		let lastLine = 0;
		for (const i of order) {
			const ref = refs[i] as SessionRef;
			const path = paths[i] as string;
			if (primary === null && ref.target.kind === "remote") {
				primary = ref;
			}
			year ??= ref.year;
			edition ??= ref.edition;
			code ??= ref.code;
			if (title === null && ref.title !== "") {
				title = ref.title;
			}
			if (localPath === null && ref.target.kind === "local" && this.names.hasFile(links.nameOf(ref), ref.target.path)) {
				localPath = ref.target.path;
			}
			if (path !== lastPath || ref.line !== lastLine) {
				places.push(path, ref.line);
				lastPath = path;
				lastLine = ref.line;
			}
		}
		const first = refs[order[0] as number] as SessionRef;
		primary ??= first;
		year = primary.year ?? year;
		return new NotedTalk(
			key,
			year,
			primary.edition ?? edition,
			primary.code ?? code,
			primary.title !== "" ? primary.title : title ?? "",
			primary.target.kind === "remote" ? primary.target.url : null,
			localPath ?? this.copyNamed(links.nameOf(first), year),
			primary.fileName,
			trimmed(places),
		);
	}
}

function fileNameOf(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash === -1 ? path : path.slice(slash + 1);
}

/** Largest code key (see `codeKey`) plus one: no code. */
const NO_CODE = 101 ** 3;

/**
 * Sessions in `compareSessions` order. Each gets a number for its year and edition's rank and its
 * code; the numbers, each with the session's place below it, are sorted natively, and only talks with
 * the same year, edition and code are then ordered by title and id. Codes of more than three parts or
 * parts above 99 (never read from a link) fall back to the plain sort.
 */
export function sortSessions(sessions: Session[]): Session[] {
	const count = sessions.length;
	if (count < 2) {
		return sessions;
	}
	// The year and edition groups, ranked.
	const groups = new Map<number | null, Map<string | null, number>>();
	const firsts: Session[] = [];
	for (const session of sessions) {
		let editions = groups.get(session.year);
		if (editions === undefined) {
			editions = new Map();
			groups.set(session.year, editions);
		}
		if (!editions.has(session.edition)) {
			editions.set(session.edition, 0);
			firsts.push(session);
		}
	}
	firsts.sort(compareSessions);
	firsts.forEach((session, rank) => groups.get(session.year)?.set(session.edition, rank));
	// Below each key, the session's place: 2^places > count.
	let places = 1;
	while (places <= count) {
		places *= 2;
	}
	const packed = new Float64Array(count);
	for (let i = 0; i < count; i++) {
		const session = sessions[i] as Session;
		const code = codeKey(session.code);
		const key = (groups.get(session.year)?.get(session.edition) as number) * (NO_CODE + 1) + code;
		if (code === -1 || key * places >= Number.MAX_SAFE_INTEGER) {
			return [...sessions].sort(compareSessions);
		}
		packed[i] = key * places + i;
	}
	packed.sort();
	const sorted = new Array<Session>(count);
	let run: number[] | null = null;
	for (let at = 0; at < count; ) {
		const key = Math.floor((packed[at] as number) / places);
		let end = at + 1;
		while (end < count && Math.floor((packed[end] as number) / places) === key) {
			end++;
		}
		if (end - at === 1) {
			sorted[at] = sessions[(packed[at] as number) - key * places] as Session;
		} else {
			run ??= [];
			run.length = 0;
			for (let k = at; k < end; k++) {
				run.push((packed[k] as number) - key * places);
			}
			run.sort((a, b) => byTitle(sessions[a] as Session, sessions[b] as Session));
			for (let k = at; k < end; k++) {
				sorted[k] = sessions[run[k - at] as number] as Session;
			}
		}
		at = end;
	}
	return sorted;
}

/** Sessions of one year, edition and code: by title, then id. */
function byTitle(a: Session, b: Session): number {
	const prefixes = titleKey(a.title) - titleKey(b.title);
	if (prefixes !== 0) {
		return prefixes;
	}
	return a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The first three UTF-16 units of a title as one number, ordered as the titles are (a missing unit first). */
function titleKey(title: string): number {
	let key = 0;
	for (let i = 0; i < 3; i++) {
		key = key * 65537 + (i < title.length ? title.charCodeAt(i) + 1 : 0);
	}
	return key;
}

/** A code as one number that orders as `compareCodes` does, or -1 when it does not fit. */
function codeKey(code: SessionCode | null): number {
	if (code === null) {
		return NO_CODE;
	}
	const { parts } = code;
	if (parts.length > 3) {
		return -1;
	}
	let key = 0;
	for (let i = 0; i < 3; i++) {
		const part = i < parts.length ? (parts[i] as number) : -1;
		if (part > 99 || part < -1 || !Number.isInteger(part)) {
			return -1;
		}
		key = key * 101 + part + 1;
	}
	return key;
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
