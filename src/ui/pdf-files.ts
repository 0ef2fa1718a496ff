/** Where and under what name a downloaded PDF is saved. Pure functions. */

const RESERVED = /[<>:"/\\|?*#^[\]]/g;
const MAX_NAME = 120;

/**
 * A file name that is safe on every platform Obsidian runs on: no path separators, no reserved or
 * control characters, no leading dots, no `..`, at most 120 characters, always ending in `.pdf`.
 */
export function safePdfName(name: string): string {
	let base = withoutControls(name).replace(/\.pdf$/i, "").replace(RESERVED, " ").replace(/\.{2,}/g, ".");
	base = base.replace(/\s+/g, " ").trim().replace(/^[.\s]+|[.\s]+$/g, "");
	if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)) {
		base = `${base} slides`;
	}
	if (base === "") {
		base = "slides";
	}
	const chars = [...base];
	if (chars.length > MAX_NAME - 4) {
		base = chars.slice(0, MAX_NAME - 4).join("").trim();
	}
	return `${base}.pdf`;
}

/** The folder for a talk's PDF: the setting with `{year}` filled in (or dropped when unknown). */
export function downloadFolderFor(setting: string, year: number | null, edition: string | null): string {
	const yearText = year === null ? "" : edition ? `${year}-${edition}` : String(year);
	return setting
		.replace(/\{year\}/g, yearText)
		.split("/")
		.map((segment) => withoutControls(segment).replace(RESERVED, " ").trim())
		.filter((segment) => segment !== "" && segment !== "." && segment !== "..")
		.join("/");
}

/** True when the bytes look like a PDF (they start with `%PDF-`). */
export function looksLikePdf(bytes: ArrayBuffer): boolean {
	const head = new Uint8Array(bytes.slice(0, 5));
	return head.length === 5 && String.fromCharCode(...head) === "%PDF-";
}

/** Control characters (and DEL) become spaces. */
function withoutControls(value: string): string {
	let result = "";
	for (const char of value) {
		const code = char.codePointAt(0) ?? 0;
		result += code < 32 || code === 127 ? " " : char;
	}
	return result;
}
