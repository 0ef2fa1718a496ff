import { splitCode } from "./codes";
import {
	localPdfKey,
	remoteFileName,
	remoteFolders,
	remotePdfKey,
} from "./pdf-links";
import { lastSegment, safeDecode, stripQueryAndFragment } from "./text";
import type { SessionCode, SessionRef } from "./types";
import { yearFromFolders } from "./years";

/** What a note itself says about its conference year, used when a link's folder does not. */
export interface NoteYear {
	year: number | null;
	edition: string | null;
}

const PDF_EXTENSION = /\.pdf$/i;

/** Code and title from a link text, with the file name as the fallback for both. */
function codeAndTitle(text: string | null, fileName: string): { code: SessionCode | null; title: string } {
	const fromFile = splitCode(fileName.replace(PDF_EXTENSION, ""));
	const label = text === null ? "" : text.replace(PDF_EXTENSION, "").trim();
	if (label === "") {
		return { code: fromFile.code, title: fromFile.rest };
	}
	const fromText = splitCode(label);
	return { code: fromText.code ?? fromFile.code, title: fromText.rest === "" ? fromFile.rest : fromText.rest };
}

/** A session reference for a web PDF named by a link in a note. */
export function remoteSessionRef(url: string, text: string | null, line: number, note: NoteYear): SessionRef {
	const fileName = remoteFileName(url);
	const { code, title } = codeAndTitle(text, fileName);
	const fromUrl = yearFromFolders(remoteFolders(url));
	return {
		key: remotePdfKey(url),
		target: { kind: "remote", url },
		fileName,
		code,
		title,
		year: fromUrl?.year ?? note.year,
		edition: fromUrl ? fromUrl.edition : note.edition,
		line,
	};
}

/**
 * A session reference for a PDF inside the vault. `path` is the resolved vault path, or the link
 * path as written when the file is not (yet) in the vault.
 */
export function localSessionRef(path: string, text: string | null, line: number, note: NoteYear): SessionRef {
	const clean = safeDecode(stripQueryAndFragment(path));
	const fileName = lastSegment(clean);
	const { code, title } = codeAndTitle(text, fileName);
	const fromFolder = yearFromFolders(clean.split("/").slice(0, -1));
	return {
		key: localPdfKey(clean),
		target: { kind: "local", path: clean },
		fileName,
		code,
		title,
		year: note.year ?? fromFolder?.year ?? null,
		edition: note.year !== null ? note.edition : fromFolder?.edition ?? null,
		line,
	};
}

/** The key a study item carries when it names a session by code only; the index resolves it. */
export function codeSessionKey(year: number | null, code: SessionCode): string {
	return `code:${year ?? "?"}:${code.parts.join(".")}`;
}
