import type { TextVersion } from "./text-version";

/** What a study item's status character means. */
export type TaskState = "open" | "in-progress" | "done" | "cancelled";

/** The parts of a talk number such as `1.2.3` (day 1, track 2, slot 3) or `1-2` (day 1, slot 2). */
export interface SessionCode {
	/** The code as written, e.g. `1.1.1` or `1-2`. */
	code: string;
	/** The numbers of the code, in order. */
	parts: number[];
	/** The numbers joined with dots: `1-2` and `1.2` share it. */
	id: string;
	day: number;
	track: number | null;
	slot: number;
}

/** Where a PDF lives: on the web, or inside the vault. */
export type PdfTarget =
	| { kind: "remote"; url: string }
	| { kind: "local"; path: string };

/** One PDF link found in one note: the raw material of a session. */
export interface SessionRef {
	/** Identity of the PDF: equal keys are the same PDF, whichever note or link form names it. */
	key: string;
	target: PdfTarget;
	/** The PDF's file name, decoded (`1.1.1 Title.pdf`). */
	fileName: string;
	code: SessionCode | null;
	title: string;
	year: number | null;
	edition: string | null;
	/** 0-based line of the link in the note; -1 for a link in the properties. */
	line: number;
}

/** A task list item of a tracked note. */
export interface StudyItem {
	path: string;
	line: number;
	/** The character between the brackets. */
	status: string;
	state: TaskState;
	/** The item's text with list marker and checkbox removed. */
	text: string;
	/** The whole line as it was read, to confirm it before a write. */
	lineText: string;
	/** Headings above the item, outermost first (shared by the items under the same heading). */
	readonly headings: readonly string[];
	/** Line of the parent list item, or null for a root item. */
	parentLine: number | null;
	/** Identity key of the session the item is about, when it can be told. */
	sessionKey: string | null;
	/** The text the item was read from (shared by the note's items), to find it again for a write. */
	version: TextVersion;
}

/** A line of a tracked note that asks something but is not a task. */
export interface Question {
	path: string;
	line: number;
	/** What asks: the line without its markers, or the clause or sentence of it that asks. */
	text: string;
	/** The line without its list, quote or callout markers; differs from `text` when a part of it asks. */
	context: string;
	/** The whole line as it was read, to confirm it before a write. */
	lineText: string;
	readonly headings: readonly string[];
	sessionKey: string | null;
	/** True when the question is a list item, so it can be turned into a study item. */
	listItem: boolean;
	/** Found by the words it asks with (为什么…, How does…), with neither a question mark nor a callout. */
	inferred: boolean;
	/** Answered in the note: a child list item, or a next line starting with `答：`, `A:` or `Answer:`. */
	answered: boolean;
	/** The text the question was read from, to find it again for a write. */
	version: TextVersion;
}

/** Everything the plugin knows about one tracked note. Built by a pure function. */
export interface NoteRecord {
	readonly path: string;
	/** The note's tags, lower case, with `#`, as `getAllTags` gave them (duplicates removed). */
	readonly tags: readonly string[];
	readonly year: number | null;
	/** The note's edition (`shanghai`) from its properties or nested tag, when it names one. */
	readonly edition: string | null;
	/** Open and finished study items, known without parsing the note's text. */
	readonly counts: Progress;
	/** The exact text the record was built from (see `TextVersion`). */
	readonly version: TextVersion;
	readonly sessions: SessionRef[];
	readonly studyItems: StudyItem[];
	/**
	 * Each study item's state (open or in progress: `open`) and talk, in order, without making the
	 * items' objects (what the index's tallies read of every note).
	 */
	eachItem(visit: (open: boolean, sessionKey: string | null) => void): void;
	readonly questions: Question[];
	/** Why the note's text could not be parsed, if it could not (its lists are then empty). */
	readonly problem?: string | null;
}

/** Open and finished counts. Cancelled items count as finished. */
export interface Progress {
	open: number;
	done: number;
}
