import { remoteSessionRef } from "../model/session-refs";
import { lastSegment } from "../model/text";
import type { SessionRef } from "../model/types";
import shipped from "./shipped-program.json";

/**
 * The published program: the slide PDFs of the public repository `gopherchina/conference`. Its file
 * names are the only record of the program (codes and titles as the organisers wrote them), so a
 * program talk is made exactly as a note's link to the same PDF is: `remoteSessionRef` over the
 * file's GitHub address, with no link text and no year from a note. One PDF is one talk, whether a
 * note links it or the program lists it.
 */

export const PROGRAM_REPOSITORY = "gopherchina/conference";
export const PROGRAM_BRANCH = "master";

/** The program that comes with the plugin: the repository at one commit (see `data/program/`). */
export const SHIPPED_PROGRAM: { readonly commit: string; readonly date: string; readonly paths: readonly string[] } = {
	commit: shipped.commit,
	date: shipped.commitDate,
	paths: shipped.paths,
};

/** A program fetched from GitHub, as kept in the plugin's data. */
export interface StoredProgram {
	/** When it was fetched: an ISO date-time. */
	updated: string;
	/** The SHA of the repository's tree GitHub answered with, when it gave one. */
	sha: string | null;
	/** The path of every PDF in the repository. */
	paths: string[];
}

/**
 * A file's GitHub page: `https://github.com/gopherchina/conference/blob/master/` and the path, each
 * segment percent-encoded with `encodeURIComponent` (the form `data/program/` records).
 */
export function programUrl(path: string): string {
	return `https://github.com/${PROGRAM_REPOSITORY}/blob/${PROGRAM_BRANCH}/${path.split("/").map(encodeURIComponent).join("/")}`;
}

const NO_NOTE_YEAR = { year: null, edition: null };

/** One program talk: what a note linking the file's GitHub page without link text makes of it. */
export function programTalk(path: string): SessionRef {
	return remoteSessionRef(programUrl(path), null, -1, NO_NOTE_YEAR);
}

/** True for a path the program can hold: a PDF, with no empty, `.` or `..` segment. */
export function isProgramPath(path: string): boolean {
	if (!path.toLowerCase().endsWith(".pdf") || path.length > 1000) {
		return false;
	}
	return path.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}

/**
 * A program as the index takes it. Nothing is parsed when it is made (the plugin makes one while it
 * loads): the talks are built the first time they are asked for, once.
 */
export class Program {
	private built: SessionRef[] | null = null;
	private names: Set<string> | null = null;

	constructor(readonly paths: readonly string[]) {}

	/** The program's talks, one per PDF, in the order of the paths. */
	talks(): readonly SessionRef[] {
		if (this.built === null) {
			const seen = new Set<string>();
			this.built = [];
			for (const path of this.paths) {
				const talk = programTalk(path);
				if (!seen.has(talk.key)) {
					seen.add(talk.key);
					this.built.push(talk);
				}
			}
		}
		return this.built;
	}

	/** True when a talk of the program has a PDF of this file name (lower case), without building the talks. */
	namesFile(lowerName: string): boolean {
		this.names ??= new Set(this.paths.map((path) => lastSegment(path).toLowerCase()));
		return this.names.has(lowerName);
	}
}

/** The program to show: the stored one when there is one, else the shipped one. */
export function programOf(stored: StoredProgram | null): Program {
	return new Program(stored?.paths ?? SHIPPED_PROGRAM.paths);
}

/**
 * A program as stored in the plugin's data, checked: anything malformed (no date, no PDF, a path
 * that is not a PDF's) is null, and the shipped program is shown instead. The rest of the data is
 * read on its own and never lost over it.
 */
export function normalizeStoredProgram(value: unknown): StoredProgram | null {
	if (value === null || typeof value !== "object" || Array.isArray(value)) {
		return null;
	}
	const data = value as Record<string, unknown>;
	const { updated, sha, paths } = data;
	if (typeof updated !== "string" || Number.isNaN(Date.parse(updated)) || !Array.isArray(paths) || paths.length === 0) {
		return null;
	}
	if (!paths.every((path): path is string => typeof path === "string" && isProgramPath(path))) {
		return null;
	}
	return { updated, sha: typeof sha === "string" && sha !== "" ? sha : null, paths: [...paths] };
}
