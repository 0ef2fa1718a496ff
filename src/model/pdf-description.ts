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
	private fileLabelMade = false;
	private fileCode: SessionCode | null = null;
	private fileTitle = "";
	/** The last link text (undefined: none yet), and the code and title it gave. */
	private lastText: string | null | undefined = undefined;
	private lastCode: SessionCode | null = null;
	private lastTitle = "";

	constructor(
		readonly key: string,
		readonly target: Readonly<PdfTarget>,
		readonly fileName: string,
		/** The year and edition of the innermost folder that names one (shared, frozen). */
		readonly folderYear: YearEdition | null,
	) {}

	/** A link to this PDF with a link text (null: none), at a line, in a year and edition. */
	ref(text: string | null, line: number, year: number | null, edition: string | null): SessionRef {
		if (text !== this.lastText) {
			this.label(text);
		}
		return { key: this.key, target: this.target, fileName: this.fileName, code: this.lastCode, title: this.lastTitle, year, edition, line };
	}

	/** Code and title from a link text, with the file name as the fallback for both. */
	private label(text: string | null): void {
		const label = text === null ? "" : withoutPdf(text.trim()).trim();
		const fromText = label === "" ? null : splitCode(label);
		if (fromText !== null && fromText.code !== null && fromText.rest !== "") {
			this.lastCode = fromText.code;
			this.lastTitle = ownString(fromText.rest);
		} else {
			if (!this.fileLabelMade) {
				const fromFile = splitCode(withoutPdf(this.fileName));
				this.fileCode = fromFile.code;
				this.fileTitle = fromFile.rest;
				this.fileLabelMade = true;
			}
			if (fromText === null) {
				this.lastCode = this.fileCode;
				this.lastTitle = this.fileTitle;
			} else {
				this.lastCode = fromText.code ?? this.fileCode;
				this.lastTitle = fromText.rest === "" ? this.fileTitle : ownString(fromText.rest);
			}
		}
		this.lastText = text === null ? null : ownString(text);
	}
}

function withoutPdf(name: string): string {
	return name.length >= 4 && name.slice(-4).toLowerCase() === ".pdf" ? name.slice(0, -4) : name;
}
