import { BoundedMemo, ownString } from "./memo";
import { PdfDescription } from "./pdf-description";
import { describeRemote, localPdfKey, tailOf } from "./pdf-links";
import { lastSegment, safeDecode, stripQueryAndFragment } from "./text";
import type { SessionCode, SessionRef } from "./types";
import { yearFromFolders } from "./years";

/** What a note itself says about its conference year, used when a link's folder does not. */
export interface NoteYear {
	year: number | null;
	edition: string | null;
}

/**
 * A session reference for a web PDF named by a link in a note. Its key, target, file name, code and
 * title are shared with every other link to the same PDF with the same text (see `PdfDescription`).
 */
export function remoteSessionRef(url: string, text: string | null, line: number, note: NoteYear): SessionRef {
	const pdf = describeRemote(url);
	const fromUrl = pdf.folderYear;
	return pdf.ref(text, line, fromUrl?.year ?? note.year, fromUrl ? fromUrl.edition : note.edition);
}

/** The descriptions of the vault PDFs met so far, by path as linked (bounded, as the web ones). */
const localMemo = new BoundedMemo<PdfDescription>(10_000);

function describeLocal(path: string): PdfDescription {
	let known = localMemo.get(path);
	if (known === undefined) {
		const clean = ownString(safeDecode(stripQueryAndFragment(path)));
		const key = ownString(localPdfKey(clean));
		const fileName = tailOf(key, lastSegment(clean));
		known = new PdfDescription(key, { kind: "local", path: tailOf(key, clean) }, fileName, yearFromFolders(clean.split("/").slice(0, -1)));
		localMemo.set(ownString(path), known);
	}
	return known;
}

/** Forgets the descriptions of vault PDFs (benchmarks measure cold parses with it). */
export function clearLocalMemo(): void {
	localMemo.clear();
}

/**
 * A session reference for a PDF inside the vault. `path` is the resolved vault path, or the link
 * path as written when the file is not (yet) in the vault.
 */
export function localSessionRef(path: string, text: string | null, line: number, note: NoteYear): SessionRef {
	const pdf = describeLocal(path);
	const fromFolder = pdf.folderYear;
	return pdf.ref(text, line, note.year ?? fromFolder?.year ?? null, note.year !== null ? note.edition : fromFolder?.edition ?? null);
}

/** The key a study item carries when it names a session by code only; the index resolves it. */
export function codeSessionKey(year: number | null, code: SessionCode): string {
	return `code:${year ?? "?"}:${code.id}`;
}
