import type { CachedMetadata } from "obsidian";
import { type NoteModel, parseNote } from "../../src/model/note-parser";
import { buildMetadata } from "../../sandbox/metadata-builder";

/**
 * A tracked note `n.md` read as the index reads it, from `text` and its metadata (built unless given);
 * `confirmed` false as read from disk beside metadata that may be older than the text.
 */
export function noteOf(text: string, cache: CachedMetadata = buildMetadata(text), confirmed = true): NoteModel {
	return parseNote({ path: "n.md", text, cache, tags: ["#gopherchina"], trackedTags: ["gopherchina"], resolveLink: () => null, confirmed });
}

/** The lines of a note's questions and of its PDF links. */
export function questionAndLinkLines(text: string, cache?: CachedMetadata): { questions: number[]; links: number[] } {
	const note = noteOf(text, cache);
	return { questions: note.questions.map((question) => question.line), links: note.sessions.map((ref) => ref.line) };
}
