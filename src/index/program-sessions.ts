import type { SessionRef } from "../model/types";
import { compareYearKeys, yearKeyOf } from "../model/years";
import { compareSessions, isNotedSession, type Session, type SessionTable } from "./sessions";

/**
 * The published program as the index takes it (`program/program.ts` makes one): talks made by the
 * same parser as a note's links, built the first time they are asked for.
 */
export interface ProgramSource {
	/** One session reference per PDF of the program, keyed as a note's link to that PDF would be. */
	talks(): readonly SessionRef[];
	/** True when a PDF of the program has this file name (lower case); answered without building the talks. */
	namesFile(lowerName: string): boolean;
}

/** A talk of the program, of the notes, or of both. */
export interface ProgramSession extends Session {
	/** True when the published program lists the talk's PDF. */
	inProgram: boolean;
	/** True when a note links the talk's PDF (its web address, or a vault copy of it). */
	noted: boolean;
	/**
	 * The ids of the noted talks (`VaultIndex.sessions()`) this one stands for, to look up their
	 * progress: the talk's own id when a note links its PDF; the id of a note's link to a vault copy
	 * of a program PDF no note links on the web (`vault:…`); none for a talk only the program lists.
	 */
	notedIds: readonly string[];
}

/**
 * Every talk of the program and of the notes, each once. A program talk and a noted talk with the
 * same id are one talk, shown as the notes show it. A noted talk that is only a vault PDF of a program
 * PDF's file name is that program talk, as a vault link joins a web link of its file name among the
 * notes. A talk only the program lists has no sources, and a vault PDF of its file name is its copy.
 */
export function mergeProgram(talks: readonly SessionRef[], noted: readonly Session[], copyNamed: (lowerName: string, year: number | null) => string | null): ProgramSession[] {
	// The noted talks the program lists (looked up among the program's few keys, not all talks by id).
	const programKeys = new Set<string>();
	for (const talk of talks) {
		programKeys.add(talk.key);
	}
	const notedById = new Map<string, Session>();
	for (const session of noted) {
		if (programKeys.has(session.id)) {
			notedById.set(session.id, session);
		}
	}
	// The program talk a vault PDF's name stands for: the first of that name in key order.
	const byName = new Map<string, SessionRef>();
	for (const talk of talks) {
		const name = talk.fileName.toLowerCase();
		const known = byName.get(name);
		if (known === undefined || talk.key < known.key) {
			byName.set(name, talk);
		}
	}
	const copies = new Map<string, Session[]>();
	for (const session of noted) {
		const talk = session.id.startsWith("vault:") ? byName.get(session.fileName.toLowerCase()) : undefined;
		if (talk !== undefined && !notedById.has(talk.key)) {
			const list = copies.get(talk.key);
			if (list) {
				list.push(session);
			} else {
				copies.set(talk.key, [session]);
			}
		}
	}
	// The talks only the program has first; then every noted talk, in the notes' order (sorted
	// already, so the sort below mostly merges the program's in).
	const merged: ProgramSession[] = [];
	/** How many times the program lists each noted talk. */
	const listed = new Map<string, number>();
	const taken = new Set<string>();
	for (const talk of talks) {
		const same = notedById.get(talk.key);
		if (same !== undefined) {
			listed.set(same.id, (listed.get(same.id) ?? 0) + 1);
			continue;
		}
		const url = talk.target.kind === "remote" ? talk.target.url : null;
		const linked = copies.get(talk.key) ?? [];
		for (const copy of linked) {
			taken.add(copy.id);
		}
		merged.push({
			id: talk.key,
			year: talk.year,
			edition: talk.edition,
			code: talk.code,
			title: talk.title,
			url,
			localPath: linked.find((copy) => copy.localPath !== null)?.localPath ?? copyNamed(talk.fileName.toLowerCase(), talk.year),
			fileName: talk.fileName,
			sources: sourcesOf(linked),
			inProgram: true,
			noted: linked.length > 0,
			notedIds: linked.map((copy) => copy.id),
		});
	}
	for (const session of noted) {
		const times = listed.get(session.id);
		if (times !== undefined) {
			for (let n = 0; n < times; n++) {
				merged.push(programSession(session, true));
			}
		} else if (!taken.has(session.id)) {
			merged.push(programSession(session, false));
		}
	}
	return merged.sort(compareSessions);
}

/**
 * A noted talk as the program list shows it: the talk itself when the program does not list it and it
 * was made by the talks table with the program's fields (`NotedSession`), else a plain object of its
 * own, with the talk's fields first.
 */
function programSession(session: Session, inProgram: boolean): ProgramSession {
	if (!inProgram && isNotedSession(session)) {
		return session;
	}
	return {
		id: session.id,
		year: session.year,
		edition: session.edition,
		code: session.code,
		title: session.title,
		url: session.url,
		localPath: session.localPath,
		fileName: session.fileName,
		sources: session.sources,
		inProgram,
		noted: true,
		notedIds: [session.id],
	};
}

function sourcesOf(sessions: readonly Session[]): Session["sources"] {
	if (sessions.length < 2) {
		return sessions[0]?.sources ?? [];
	}
	return sessions.flatMap((session) => session.sources).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}

/** The program merged with the notes' talks, and its years. */
export interface MergedProgram {
	list: ProgramSession[];
	byId: Map<string, ProgramSession>;
	/** Year keys, newest first (the year menu's order). */
	years: string[];
}

/** The program the index holds, merged with the notes' talks once per revision of the model. */
export class ProgramTable {
	private program: ProgramSource | null = null;
	private memo: Merged | null = null;

	set(program: ProgramSource | null): void {
		this.program = program;
		this.memo = null;
	}

	talks(): readonly SessionRef[] {
		return this.program?.talks() ?? [];
	}

	namesFile(lowerName: string): boolean {
		return this.program !== null && this.program.namesFile(lowerName);
	}

	/** The merge for this revision of the model (the notes' talks already taken in). */
	merged(revision: number, table: SessionTable): MergedProgram {
		if (this.memo === null || this.memo.revision !== revision) {
			this.memo = new Merged(revision, mergeProgram(this.talks(), table.all(), (name, year) => table.copyNamed(name, year)));
		}
		return this.memo;
	}
}

/** A merge and what is looked up in it, made when first asked for. */
class Merged implements MergedProgram {
	private ids: Map<string, ProgramSession> | null = null;
	private yearKeys: string[] | null = null;

	constructor(
		readonly revision: number,
		readonly list: ProgramSession[],
	) {}

	get byId(): Map<string, ProgramSession> {
		if (this.ids === null) {
			this.ids = new Map();
			for (const session of this.list) {
				this.ids.set(session.id, session);
			}
		}
		return this.ids;
	}

	get years(): string[] {
		if (this.yearKeys === null) {
			// Each year and edition once, without a key made for every talk.
			const editionsByYear = new Map<number, Set<string | null>>();
			const years: string[] = [];
			for (const session of this.list) {
				if (session.year === null) {
					continue;
				}
				let editions = editionsByYear.get(session.year);
				if (editions === undefined) {
					editions = new Set();
					editionsByYear.set(session.year, editions);
				}
				const edition = session.edition ? session.edition : null;
				if (!editions.has(edition)) {
					editions.add(edition);
					years.push(yearKeyOf(session.year, edition));
				}
			}
			this.yearKeys = years.sort(compareYearKeys);
		}
		return this.yearKeys;
	}
}
