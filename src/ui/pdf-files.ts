/** Where and under what name a downloaded PDF is saved. Pure functions, linear in their input. */
import { cleanName, MAX_NAME_BYTES, safeName } from "../model/file-names";

const EXTENSION = ".pdf";
const FALLBACK = "slides";

/**
 * A file name that is safe on every disk Obsidian runs on: no path separators, no characters Windows,
 * macOS or Android refuse, no control characters, no `..`, no leading or trailing dot or space, never a
 * Windows device name (`CON.pdf` → `CON_.pdf`), at most 200 bytes of UTF-8 with `.pdf`, cut between
 * characters. Letters keep their case and normalisation: the saved file has the name the link has.
 */
export function safePdfName(name: string): string {
	const cleaned = cleanName(name);
	const stem = cleaned.slice(-EXTENSION.length).toLowerCase() === EXTENSION ? cleaned.slice(0, -EXTENSION.length) : cleaned;
	const safe = safeName(stem, MAX_NAME_BYTES - EXTENSION.length);
	return `${safe === "" ? FALLBACK : safe}${EXTENSION}`;
}

/**
 * The folder for a talk's PDF: the setting with `{year}` filled in (`2023`, `2023-shanghai`, or nothing
 * when the year is unknown), each segment made safe as a file name is.
 *
 * `{year}` is replaced literally (split and join: a `$&` or `$1` in an edition stays as written), and
 * inside a segment, so an edition can never add a folder level.
 *
 * No segment starts with a dot. `.` and `..` are dropped, so the folder never leaves the vault; other
 * segments lose their leading dots (`.obsidian` → `obsidian`). Folders whose names start with a dot are
 * hidden from Obsidian, and `.obsidian` holds its configuration: a PDF saved there could not be seen or
 * opened, and could clash with the app's own files. Making the segment safe was chosen over refusing the
 * setting so that the download still works, into a folder the user can see.
 */
export function downloadFolderFor(setting: string, year: number | null, edition: string | null): string {
	const yearText = year === null ? "" : edition ? `${year}-${edition}` : String(year);
	return setting
		.split(/[\\/]+/)
		.map((segment) => safeName(segment.split("{year}").join(yearText)))
		.filter((segment) => segment !== "")
		.join("/");
}

/** True when the bytes look like a PDF (they start with `%PDF-`). */
export function looksLikePdf(bytes: ArrayBuffer): boolean {
	const head = new Uint8Array(bytes.slice(0, 5));
	return head.length === 5 && String.fromCharCode(...head) === "%PDF-";
}
