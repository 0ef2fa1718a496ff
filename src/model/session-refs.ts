import { splitCode } from "./codes";
import { describeRemote, localPdfKey } from "./pdf-links";
import { lastSegment, safeDecode, stripQueryAndFragment } from "./text";
import type { SessionCode, SessionRef } from "./types";
import { yearFromFolders } from "./years";

/** What a note itself says about its conference year, used when a link's folder does not. */
export interface NoteYear {
	year: number | null;
	edition: string | null;
}

function withoutPdf(name: string): string {
	return name.length >= 4 && name.slice(-4).toLowerCase() === ".pdf" ? name.slice(0, -4) : name;
}

/** Code and title from a link text, with the file name as the fallback for both. */
function codeAndTitle(text: string | null, fileName: string): { code: SessionCode | null; title: string } {
	const label = text === null ? "" : withoutPdf(text.trim()).trim();
	const fromText = label === "" ? null : splitCode(label);
	if (fromText !== null && fromText.code !== null && fromText.rest !== "") {
		return { code: fromText.code, title: fromText.rest };
	}
	const fromFile = splitCode(withoutPdf(fileName));
	if (fromText === null) {
		return { code: fromFile.code, title: fromFile.rest };
	}
	return { code: fromText.code ?? fromFile.code, title: fromText.rest === "" ? fromFile.rest : fromText.rest };
}

/** A session reference for a web PDF named by a link in a note. */
export function remoteSessionRef(url: string, text: string | null, line: number, note: NoteYear): SessionRef {
	const { key, fileName, folders } = describeRemote(url);
	const { code, title } = codeAndTitle(text, fileName);
	const fromUrl = yearFromFolders(folders);
	return {
		key,
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
	return `code:${year ?? "?"}:${code.id}`;
}
