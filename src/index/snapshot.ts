import type { Question, StudyItem } from "../model/types";
import type { VaultIndex } from "./vault-index";

/** The model as plain data: what `npm run inspect` prints. Lines are 0-based. */
export interface Snapshot {
	notes: Array<{ path: string; tags: readonly string[] }>;
	sessions: Array<TalkEntry & { localPath: string | null; sources: Array<{ path: string; line: number }> }>;
	studyItems: Array<Omit<StudyItem, "lineText" | "sessionKey" | "version"> & { sessionId: string | null }>;
	questions: Array<Pick<Question, "path" | "line" | "text" | "headings">>;
	/** With `--program`: every talk of the program as its file name says, and whether a note links it. */
	program?: ProgramEntry[];
}

/** A talk as plain data, whether the notes or the program name it. */
export interface TalkEntry {
	id: string;
	year: number | null;
	edition: string | null;
	code: string | null;
	title: string;
	url: string | null;
}

export interface ProgramEntry extends TalkEntry {
	noted: boolean;
}

/**
 * The program's talks, in the order of the talks (newest year first, then code): each as the
 * program names it, `noted` when a note links its PDF (or a vault copy of it).
 */
export function programSnapshot(index: VaultIndex): ProgramEntry[] {
	const talks = new Map(index.programTalks().map((talk) => [talk.key, talk]));
	const entries: ProgramEntry[] = [];
	for (const session of index.programSessions()) {
		const talk = talks.get(session.id);
		if (talk === undefined) {
			continue;
		}
		entries.push({
			id: talk.key,
			year: talk.year,
			edition: talk.edition,
			code: talk.code?.code ?? null,
			title: talk.title,
			url: talk.target.kind === "remote" ? talk.target.url : null,
			noted: session.noted,
		});
	}
	return entries;
}

export function snapshot(index: VaultIndex, options: { program?: boolean } = {}): Snapshot {
	const notes = index.notes();
	const model: Snapshot = {
		notes: notes.map((note) => ({ path: note.path, tags: note.tags })),
		sessions: index.sessions().map((session) => ({
			id: session.id,
			year: session.year,
			edition: session.edition,
			code: session.code?.code ?? null,
			title: session.title,
			url: session.url,
			localPath: session.localPath,
			sources: session.sources,
		})),
		studyItems: notes.flatMap((note) =>
			note.studyItems.map((item) => ({
				path: item.path,
				line: item.line,
				status: item.status,
				state: item.state,
				text: item.text,
				headings: item.headings,
				parentLine: item.parentLine,
				sessionId: index.sessionOf(item.sessionKey),
			})),
		),
		questions: notes.flatMap((note) =>
			note.questions.map((question) => ({ path: question.path, line: question.line, text: question.text, headings: question.headings })),
		),
	};
	if (options.program === true) {
		model.program = programSnapshot(index);
	}
	return model;
}
