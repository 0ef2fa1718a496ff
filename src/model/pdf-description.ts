import { splitCode } from "./codes";
import { ownString } from "./memo";
import type { PdfTarget, SessionCode, SessionRef } from "./types";
import type { YearEdition } from "./years";

/**
 * What every link to one PDF shares: its key, target, file name and the year its folders name. Made
 * once per address (or vault path) and shared by every link, in any note, that names it; nothing of
 * it is ever changed, and it holds no slice of a note's text (see `ownString`). It also remembers the
 * code and title of the last link text it was given, so the links of the same PDF with the same text
 * in many notes share them too.
 */
export class PdfDescription {
	/** The last link text (undefined: none yet), and the code and title it gave. */
	private lastText: string | null | undefined = undefined;
	private lastCode: SessionCode | null = null;
	private lastTitle = "";
	/** The last link made: the next with the same text, line, year and edition is the same object. */
	private lastRef: SessionRef | null = null;

	constructor(
		readonly key: string,
		readonly target: Readonly<PdfTarget>,
		readonly fileName: string,
		/** The year and edition of the innermost folder that names one (shared, frozen). */
		readonly folderYear: YearEdition | null,
	) {}

	/**
	 * A link to this PDF with a link text (null: none), at a line, in a year and edition, shared with
	 * the notes that link the PDF the same way on the same line. Never change it (nothing does: a test
	 * takes frozen links through the whole index; freezing each here would cost more than making it).
	 */
	ref(text: string | null, line: number, year: number | null, edition: string | null): SessionRef {
		if (text !== this.lastText) {
			this.label(text);
		} else {
			const last = this.lastRef;
			if (last !== null && last.line === line && last.year === year && last.edition === edition) {
				return last;
			}
		}
		const ref: SessionRef = { key: this.key, target: this.target, fileName: this.fileName, code: this.lastCode, title: this.lastTitle, year, edition, line };
		this.lastRef = ref;
		return ref;
	}

	/**
	 * Code and title from a link text, with the file name as the fallback for both. The text is copied
	 * once; a title cut from it is a view into that copy.
	 */
	private label(given: string | null): void {
		const text = given === null ? null : ownString(given);
		const label = text === null ? "" : withoutPdf(text.trim()).trim();
		const fromText = label === "" ? null : splitCode(label);
		if (fromText !== null && fromText.code !== null && fromText.rest !== "") {
			this.lastCode = fromText.code;
			this.lastTitle = fromText.rest;
		} else {
			// The file name's code and title, made again when asked for: kept, they would cost every
			// PDF three fields more for a few splits of a file name.
			const fromFile = splitCode(withoutPdf(this.fileName));
			if (fromText === null) {
				this.lastCode = fromFile.code;
				this.lastTitle = fromFile.rest;
			} else {
				this.lastCode = fromText.code ?? fromFile.code;
				this.lastTitle = fromText.rest === "" ? fromFile.rest : fromText.rest;
			}
		}
		this.lastText = text;
		this.lastRef = null;
	}
}

/** A name without a `.pdf` ending (any case). */
function withoutPdf(name: string): string {
	const end = name.length;
	return end >= 4 &&
		name.charCodeAt(end - 4) === 0x2e &&
		(name.charCodeAt(end - 3) | 0x20) === 0x70 &&
		(name.charCodeAt(end - 2) | 0x20) === 0x64 &&
		(name.charCodeAt(end - 1) | 0x20) === 0x66
		? name.slice(0, -4)
		: name;
}
