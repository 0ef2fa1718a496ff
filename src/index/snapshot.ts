import type { Question, StudyItem } from "../model/types";
import type { VaultIndex } from "./vault-index";

/** The model as plain data: what `npm run inspect` prints. Lines are 0-based. */
export interface Snapshot {
	notes: Array<{ path: string; tags: string[] }>;
	sessions: Array<{
		id: string;
		year: number | null;
		edition: string | null;
		code: string | null;
		title: string;
		url: string | null;
		localPath: string | null;
		sources: Array<{ path: string; line: number }>;
	}>;
	studyItems: Array<Omit<StudyItem, "lineText" | "sessionKey" | "version"> & { sessionId: string | null }>;
	questions: Array<Pick<Question, "path" | "line" | "text" | "headings">>;
}

export function snapshot(index: VaultIndex): Snapshot {
	const notes = index.notes();
	return {
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
}
