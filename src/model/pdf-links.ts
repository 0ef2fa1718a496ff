import { clearSharedCodes } from "./codes";
import { ForwardSearch, OpeningBrackets } from "./forward-search";
import { BoundedMemo, ownString } from "./memo";
import { PdfDescription } from "./pdf-description";
import { isPdfTarget, lastSegment, safeDecode, stripQueryAndFragment } from "./text";
import { clearYearFolders, yearFromFolders } from "./years";

/** A PDF link found in a line of text. */
export interface TextLink {
	/** The link text (`[text](…)`), or null for autolinks and bare URLs. */
	text: string | null;
	url: string;
	/** Column where the link starts. */
	column: number;
}

const SAFE_SCHEME = /^https?:\/\//i;

/** True for the only links the plugin ever lets leave Obsidian: `http:` and `https:`. */
export function isWebUrl(target: string): boolean {
	return SAFE_SCHEME.test(target.trim());
}

const TRAILING_PUNCTUATION = new Set([".", ",", ";", ":", "!", "?", "'", "。", "，", "；", "：", "！", "？", "）", ")"]);
/**
 * Where a bare URL ends. An apostrophe does not end it: GitHub's addresses keep it unescaped
 * (`…/2.4%20Go's%20Hidden%20Pragmas.pdf`, as `encodeURIComponent` leaves it); one that closes a
 * quote is trailing punctuation.
 */
const BARE_STOP = new Set([" ", "\t", "<", ">", "(", ")", "[", "]", '"', "`"]);

/**
 * A bare URL without the punctuation that ends the sentence around it. Walks back from the end: a
 * `replace` with a pattern anchored at `$` retries from every character of a long run of dots.
 */
function withoutTrailingPunctuation(url: string): string {
	let end = url.length;
	while (end > 0 && TRAILING_PUNCTUATION.has(url[end - 1] as string)) {
		end--;
	}
	return end === url.length ? url : url.slice(0, end);
}

function startsWebUrl(line: string, at: number): number {
	if (line.startsWith("https://", at) || line.startsWith("HTTPS://", at)) {
		return 8;
	}
	if (line.startsWith("http://", at) || line.startsWith("HTTP://", at)) {
		return 7;
	}
	const head = line.slice(at, at + 8).toLowerCase();
	return head.startsWith("https://") ? 8 : head.startsWith("http://") ? 7 : 0;
}

/** End (exclusive) of a link target that starts at `from`, with balanced parentheses inside. */
function targetEnd(line: string, from: number): number {
	let depth = 0;
	let i = from;
	for (; i < line.length; i++) {
		const char = line[i];
		if (char === " " || char === "\t") {
			break;
		}
		if (char === "(") {
			depth++;
		} else if (char === ")") {
			if (depth === 0) {
				break;
			}
			depth--;
		}
	}
	return i;
}

/**
 * Finds web links to PDFs in one line of a note: markdown links (also with `<…>` targets and
 * titles), autolinks and bare URLs. Inline code must already be masked by the caller. A hand-written
 * scanner: it runs on every line with `://` of every tracked note, and its cost stays linear in the
 * line however hostile the line is (each search forward or back is remembered, never repeated).
 */
export function findPdfUrls(line: string): TextLink[] {
	if (!line.includes("://")) {
		return [];
	}
	const found: TextLink[] = [];
	// Made when the first markdown link needs them.
	let brackets: OpeningBrackets | null = null;
	let closeParen: ForwardSearch | null = null;
	let covered = 0;
	let at = nextUrl(line, 0);
	while (at !== -1) {
		const scheme = at >= covered ? startsWebUrl(line, at) : 0;
		if (scheme === 0) {
			at = nextUrl(line, at + 1);
			continue;
		}
		let url: string;
		let text: string | null = null;
		let column = at;
		let end: number;
		if (line[at - 1] === "<" && line[at - 2] === "(" && line[at - 3] === "]") {
			// [text](<target with spaces>)
			const close = line.indexOf(">", at);
			end = close === -1 ? line.length : close;
			url = line.slice(at, end);
			brackets ??= new OpeningBrackets(line);
			closeParen ??= new ForwardSearch((from) => line.indexOf(")", from));
			const open = brackets.openerOf(at - 3);
			if (open !== -1) {
				text = line.slice(open + 1, at - 3);
				column = open > 0 && line[open - 1] === "!" ? open - 1 : open;
			}
			end = Math.max(end, closeParen.next(end) + 1);
		} else if (line[at - 1] === "(" && line[at - 2] === "]") {
			// [text](target "title")
			end = targetEnd(line, at);
			url = line.slice(at, end);
			brackets ??= new OpeningBrackets(line);
			closeParen ??= new ForwardSearch((from) => line.indexOf(")", from));
			const open = brackets.openerOf(at - 2);
			if (open !== -1) {
				text = line.slice(open + 1, at - 2);
				column = open > 0 && line[open - 1] === "!" ? open - 1 : open;
			}
			const close = closeParen.next(end);
			end = close === -1 ? end : close + 1;
		} else if (line[at - 1] === "<") {
			// <https://…>
			const close = line.indexOf(">", at);
			end = close === -1 ? line.length : close;
			url = line.slice(at, end);
			column = at - 1;
		} else {
			end = at + scheme;
			while (end < line.length && !BARE_STOP.has(line[end] as string)) {
				end++;
			}
			url = withoutTrailingPunctuation(line.slice(at, end));
		}
		covered = end;
		if (url.length > scheme && isPdfTarget(url)) {
			found.push({ text, url: url.trim(), column });
		}
		at = nextUrl(line, Math.max(end, at + 1));
	}
	return found;
}

const URL_START = /https?:\/\//gi;

/** The next `http://` or `https://` at or after `from`, or -1 (no copying of the line). */
function nextUrl(line: string, from: number): number {
	URL_START.lastIndex = from;
	return URL_START.exec(line)?.index ?? -1;
}

/** The parts of a web address the plugin needs, or null when it is not a web address. */
export interface ParsedUrl {
	host: string;
	/** Path segments, decoded. */
	segments: string[];
	/** For GitHub files: owner, repository and the path inside it (decoded), without the branch. */
	github: { owner: string; repo: string; path: string; ref: string } | null;
}

export function parseWebUrl(url: string): ParsedUrl | null {
	const match = /^https?:\/\/([^/?#]+)([^?#]*)/i.exec(url.trim());
	if (!match) {
		return null;
	}
	const host = (match[1] ?? "").toLowerCase().replace(/^www\./, "");
	const segments = (match[2] ?? "").split("/").filter((segment) => segment !== "").map(safeDecode);
	return { host, segments, github: githubFile(host, segments) };
}

function githubFile(host: string, segments: string[]): ParsedUrl["github"] {
	if (host === "github.com" && segments.length >= 5 && (segments[2] === "blob" || segments[2] === "raw")) {
		return {
			owner: (segments[0] ?? "").toLowerCase(),
			repo: (segments[1] ?? "").toLowerCase(),
			ref: segments[3] ?? "",
			path: segments.slice(4).join("/"),
		};
	}
	if (host === "raw.githubusercontent.com" && segments.length >= 4) {
		return {
			owner: (segments[0] ?? "").toLowerCase(),
			repo: (segments[1] ?? "").toLowerCase(),
			ref: segments[2] ?? "",
			path: segments.slice(3).join("/"),
		};
	}
	return null;
}

/** What identifies a web PDF and where it sits. */
interface RemoteInfo {
	/**
	 * The identity of the PDF. The GitHub page (`blob/`), its `raw/` form, `?raw=true` and the
	 * raw.githubusercontent.com address of one file share a key; so do spellings that differ only in
	 * percent-escapes.
	 */
	key: string;
	/** The decoded file name (`1.1.1 Title.pdf`). */
	fileName: string;
	/** The folders of the file's path, decoded, outermost first. */
	folders: string[];
}

function parseRemote(url: string): RemoteInfo {
	const parsed = parseWebUrl(url);
	if (parsed === null) {
		const clean = stripQueryAndFragment(url);
		return { key: `url:${clean}`, fileName: safeDecode(lastSegment(clean)), folders: [] };
	}
	if (parsed.github !== null) {
		const { owner, repo, path } = parsed.github;
		const segments = path.split("/");
		return { key: `github:${owner}/${repo}/${path}`, fileName: segments[segments.length - 1] ?? "", folders: segments.slice(0, -1) };
	}
	return { key: `url:${parsed.host}/${parsed.segments.join("/")}`, fileName: parsed.segments[parsed.segments.length - 1] ?? "", folders: parsed.segments.slice(0, -1) };
}

/**
 * The descriptions of the web PDFs met so far, by address as written. Bounded (see `BoundedMemo`):
 * a vault whose links change all day keeps the addresses its notes still name, not every one it
 * ever named.
 */
const remoteMemo = new BoundedMemo<PdfDescription>(10_000);

/**
 * The shared description of a web PDF (see `PdfDescription`): its address is parsed once, however
 * many links, in however many notes, name it.
 */
export function describeRemote(url: string): PdfDescription {
	let known = remoteMemo.get(url);
	if (known === undefined) {
		const own = ownString(url);
		const { key, fileName, folders } = parseRemote(own);
		const ownKey = ownString(key);
		known = new PdfDescription(ownKey, Object.freeze({ kind: "remote", url: own }), tailOf(ownKey, fileName), yearFromFolders(folders));
		remoteMemo.set(own, known);
	}
	return known;
}

/** `part` as a slice of `whole` when `whole` ends with it (one string kept, not two), else a copy. */
export function tailOf(whole: string, part: string): string {
	return whole.endsWith(part) ? whole.slice(whole.length - part.length) : ownString(part);
}

/** Forgets the descriptions of web PDFs, and the codes and years they shared (benchmarks measure cold parses with it). */
export function clearRemoteMemo(): void {
	remoteMemo.clear();
	clearSharedCodes();
	clearYearFolders();
}

/** How many web PDFs the memo holds (it stays bounded). */
export function remoteMemoSize(): number {
	return remoteMemo.size;
}

export function remotePdfKey(url: string): string {
	return describeRemote(url).key;
}

/** The identity of a PDF inside the vault. */
export function localPdfKey(path: string): string {
	return `vault:${path}`;
}

/** The decoded file name of a web PDF (`1.1.1 Title.pdf`). */
export function remoteFileName(url: string): string {
	return describeRemote(url).fileName;
}

/** The folders of a web PDF's path, decoded, outermost first (the file name excluded). */
export function remoteFolders(url: string): string[] {
	return parseRemote(url).folders;
}

/** The address to download a web PDF from: GitHub pages map to their raw file. */
export function downloadUrl(url: string): string {
	const parsed = parseWebUrl(url);
	if (parsed?.github) {
		const { owner, repo, ref, path } = parsed.github;
		const encodedPath = path.split("/").map(encodeURIComponent).join("/");
		return `https://raw.githubusercontent.com/${owner}/${repo}/${encodeURIComponent(ref)}/${encodedPath}`;
	}
	return url;
}
