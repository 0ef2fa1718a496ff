import { clearSharedCodes } from "./codes";
import { ForwardSearch, OpeningBrackets } from "./forward-search";
import { BoundedMemo, ownString } from "./memo";
import { PdfDescription } from "./pdf-description";
import type { PdfTarget } from "./types";
import { isEscaped, isTrimmedSpace, lastSegment, lowerCase, pathEnd, safeDecode, stripQueryAndFragment } from "./text";
import { clearYearFolders, type YearEdition, yearFromFolders } from "./years";

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

const TRAILING_PUNCTUATION = codesOf(".,;:!?'。，；：！？）)");

function codesOf(chars: string): Set<number> {
	return new Set([...chars].map((char) => char.charCodeAt(0)));
}

/**
 * A bare URL without the punctuation that ends the sentence around it. Walks back from the end: a
 * `replace` with a pattern anchored at `$` retries from every character of a long run of dots.
 */
function withoutTrailingPunctuation(url: string): string {
	let end = url.length;
	while (end > 0 && TRAILING_PUNCTUATION.has(url.charCodeAt(end - 1))) {
		end--;
	}
	return end === url.length ? url : url.slice(0, end);
}

/** What ends a link target, or may: white space and parentheses. */
const TARGET_STOP = /[ \t()]/g;

/**
 * End (exclusive) of a link target that starts at `from`, with balanced parentheses inside. A target
 * with no `(` ends at the first white space or `)`, found by one search; one with a `(` is walked.
 */
function targetEnd(line: string, from: number): number {
	TARGET_STOP.lastIndex = from;
	if (!TARGET_STOP.test(line)) {
		return line.length;
	}
	const stop = TARGET_STOP.lastIndex - 1;
	if (line.charCodeAt(stop) !== 0x28) {
		return stop;
	}
	let depth = 0;
	let i = from;
	for (; i < line.length; i++) {
		const char = line.charCodeAt(i);
		if (char === 0x20 || char === 0x09) {
			break;
		}
		if (char === 0x28) {
			depth++;
		} else if (char === 0x29) {
			if (depth === 0) {
				break;
			}
			depth--;
		}
	}
	return i;
}

/** Where a bare URL that starts at `from` ends (see `BARE_END`), found by one search. */
function bareEnd(line: string, from: number): number {
	BARE_END.lastIndex = from;
	return BARE_END.test(line) ? BARE_END.lastIndex - 1 : line.length;
}

/**
 * What ends a bare URL. An apostrophe does not end it: GitHub's addresses keep it unescaped
 * (`…/2.4%20Go's%20Hidden%20Pragmas.pdf`, as `encodeURIComponent` leaves it); one that closes a
 * quote is trailing punctuation.
 */
const BARE_END = /[ \t<>()[\]"`]/g;

/**
 * The `[` that opens the link text whose `]` is at `close`, when the text after the last link
 * (`from` on) holds it with no other bracket and no backslash before either: -1 when it is not so
 * plain, and `OpeningBrackets` must tell. Searches only what no earlier link searched.
 */
function plainOpener(line: string, from: number, close: number): number {
	if (close <= from || line.charCodeAt(close - 1) === 0x5c) {
		return -1;
	}
	const open = line.slice(from, close).lastIndexOf("[");
	if (open === -1) {
		return -1;
	}
	const at = from + open;
	if ((at > 0 && line.charCodeAt(at - 1) === 0x5c) || line.indexOf("]", at + 1) !== close) {
		return -1;
	}
	return at;
}

/**
 * Finds web links to PDFs in one line of a note: markdown links (also with `<…>` targets and
 * titles), autolinks and bare URLs. Inline code must already be masked by the caller. A hand-written
 * scanner: it runs on every line with `://` of every tracked note, and its cost stays linear in the
 * line however hostile the line is (each search forward or back is remembered, never repeated).
 */
export function findPdfUrls(line: string): TextLink[] {
	const found: TextLink[] = [];
	eachPdfUrl(line, (text, url, column) => {
		found.push({ text, url, column });
	});
	return found;
}

/** Calls `visit` with each web link to a PDF in a line, in order (see `findPdfUrls`); no list is made. */
export function eachPdfUrl(line: string, visit: (text: string | null, url: string, column: number) => void): void {
	// Made when the first markdown link needs it.
	let brackets: OpeningBrackets | null = null;
	let covered = 0;
	// The `[` that opens the link text ending at the `]` at `close` (-1: none): the plain look first,
	// the bracket pass when that cannot tell.
	const openerOf = (close: number): number => {
		const open = plainOpener(line, covered, close);
		if (open !== -1) {
			return open;
		}
		brackets ??= new OpeningBrackets(line);
		return brackets.openerOf(close);
	};
	// Each searched once for the line's rising positions (see `ForwardSearch`), made when first
	// needed: the `)` after a link's target; for a bare address, the `]` after it, and the `)` and
	// the first space, tab, `<` or `(` after the `](` that may follow that.
	let targetParens: ForwardSearch | null = null;
	let textCloses: ForwardSearch | null = null;
	let plainParens: ForwardSearch | null = null;
	let plainStops: ForwardSearch | null = null;
	let at = nextUrl(line, 0);
	while (at !== -1) {
		if (at < covered) {
			at = nextUrl(line, at + 1);
			continue;
		}
		// `http:` or `https:`
		const scheme = line.charCodeAt(at + 4) === 0x3a ? 7 : 8;
		let url: string;
		let text: string | null = null;
		let column = at;
		let end: number;
		const before = line.charCodeAt(at - 1);
		if (before === 0x3c && line.charCodeAt(at - 2) === 0x28 && line.charCodeAt(at - 3) === 0x5d) {
			// [text](<target with spaces>)
			const close = line.indexOf(">", at);
			end = close === -1 ? line.length : close;
			url = line.slice(at, end);
			const open = openerOf(at - 3);
			if (open !== -1) {
				text = line.slice(open + 1, at - 3);
				column = open > 0 && line.charCodeAt(open - 1) === 0x21 ? open - 1 : open;
			}
			targetParens ??= new ForwardSearch((from) => line.indexOf(")", from));
			end = Math.max(end, targetParens.next(end) + 1);
		} else if (before === 0x28 && line.charCodeAt(at - 2) === 0x5d) {
			// [text](target "title")
			end = targetEnd(line, at);
			url = line.slice(at, end);
			const open = openerOf(at - 2);
			if (open !== -1) {
				text = line.slice(open + 1, at - 2);
				column = open > 0 && line.charCodeAt(open - 1) === 0x21 ? open - 1 : open;
			}
			targetParens ??= new ForwardSearch((from) => line.indexOf(")", from));
			const paren = targetParens.next(end);
			end = paren === -1 ? end : paren + 1;
		} else if (before === 0x3c && isAutolink(line, at)) {
			// <https://…>
			end = line.indexOf(">", at);
			url = line.slice(at, end);
			column = at - 1;
		} else {
			end = bareEnd(line, at + scheme);
			url = withoutTrailingPunctuation(line.slice(at, end));
			// The text of a markdown link (`[see https://…](target)`): a link holds no other link, so
			// only its target is one, found next. The first `]` after the address (not escaped) closes
			// the text when `(` and a plain target follow it: no space, `<` or `(` before its `)`. With
			// a title, brackets or spaces it may be no link, and the address stays.
			textCloses ??= new ForwardSearch((from) => line.indexOf("]", from));
			const close = textCloses.next(end);
			if (close !== -1 && line.charCodeAt(close + 1) === 0x28 && !isEscaped(line, close)) {
				plainParens ??= new ForwardSearch((from) => line.indexOf(")", from));
				plainStops ??= new ForwardSearch((from) => {
					PLAIN_TARGET_STOP.lastIndex = from;
					return PLAIN_TARGET_STOP.test(line) ? PLAIN_TARGET_STOP.lastIndex - 1 : -1;
				});
				const paren = plainParens.next(close + 2);
				const stop = plainStops.next(close + 2);
				if (paren !== -1 && (stop === -1 || stop > paren)) {
					const open = openerOf(close);
					if (open !== -1 && open < at) {
						url = "";
					}
				}
			}
		}
		covered = end;
		if (url.length > scheme && endsWithPdf(url)) {
			visit(text, url.trim(), column);
		}
		at = nextUrl(line, Math.max(end, at + 1));
	}
}

/** What a plain link target holds none of: white space, `<` or `(`. */
const PLAIN_TARGET_STOP = /[ \t<(]/g;

/**
 * True when `<` before `at` opens an autolink: a `>` closes it on the line with no space, control
 * character or `<` between (else the address is a bare one, up to its first space).
 */
function isAutolink(line: string, at: number): boolean {
	for (let i = at; i < line.length; i++) {
		const code = line.charCodeAt(i);
		if (code === 0x3e) {
			return true;
		}
		if (code <= 0x20 || code === 0x3c || code === 0x7f) {
			return false;
		}
	}
	return false;
}

/**
 * True when a link target names a PDF, as `isPdfTarget` tells it (its path ends in `.pdf`, any case,
 * after query, fragment and white space), without copying the target.
 */
function endsWithPdf(target: string): boolean {
	let end = pathEnd(target);
	while (end > 0 && isTrimmedSpace(target.charCodeAt(end - 1))) {
		end--;
	}
	return (
		end >= 4 &&
		target.charCodeAt(end - 4) === 0x2e &&
		(target.charCodeAt(end - 3) | 0x20) === 0x70 &&
		(target.charCodeAt(end - 2) | 0x20) === 0x64 &&
		(target.charCodeAt(end - 1) | 0x20) === 0x66
	);
}

/**
 * The next `http://` or `https://` (any case) at or after `from`, or -1: found from the `://` after
 * it, with no copy of the line and no pattern.
 */
function nextUrl(line: string, from: number): number {
	for (let colon = line.indexOf("://", from + 4); colon !== -1; colon = line.indexOf("://", colon + 1)) {
		if (colon - 5 >= from && isLetters(line, colon - 5, "https")) {
			return colon - 5;
		}
		if (colon - 4 >= from && isLetters(line, colon - 4, "http")) {
			return colon - 4;
		}
	}
	return -1;
}

/** True when `line` has `lower` (ASCII lower-case letters) at `at`, in any case. */
function isLetters(line: string, at: number, lower: string): boolean {
	for (let i = 0; i < lower.length; i++) {
		if ((line.charCodeAt(at + i) | 0x20) !== lower.charCodeAt(i)) {
			return false;
		}
	}
	return true;
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

/** What identifies a web PDF and where it sits: strings of their own, the file name a view into the key. */
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

/**
 * What identifies a web PDF, read as `parseWebUrl` reads an address but in one pass over it, with no
 * pattern and no list of pieces beyond the path's segments.
 */
function parseRemote(url: string): RemoteInfo {
	const trimmed = url.trim();
	const start = webSchemeLength(trimmed);
	// The path runs to a query or fragment; the host to the path's first `/`.
	const query = trimmed.indexOf("?", start);
	const hash = trimmed.indexOf("#", start);
	const pathEnd = Math.min(query === -1 ? trimmed.length : query, hash === -1 ? trimmed.length : hash);
	const slash = trimmed.indexOf("/", start);
	const hostEnd = slash === -1 || slash > pathEnd ? pathEnd : slash;
	if (start === 0 || hostEnd === start) {
		const clean = stripQueryAndFragment(url);
		return { key: ownString(`url:${clean}`), fileName: ownString(safeDecode(lastSegment(clean))), folders: [] };
	}
	let host = trimmed.slice(start, hostEnd).toLowerCase();
	if (host.startsWith("www.")) {
		host = host.slice(4);
	}
	// The path's segments, each decoded, empty ones left out.
	const segments: string[] = [];
	for (let from = hostEnd; from < pathEnd; ) {
		let next = trimmed.indexOf("/", from + 1);
		if (next === -1 || next > pathEnd) {
			next = pathEnd;
		}
		if (next > from + 1) {
			segments.push(safeDecode(trimmed.slice(from + 1, next)));
		}
		from = next;
	}
	// Keys are joined into strings of their own (not views into the address or the note).
	const github = githubSegments(host, segments);
	if (github !== -1) {
		const head = `github:${(segments[0] ?? "").toLowerCase()}`;
		const repo = (segments[1] ?? "").toLowerCase();
		const key = [head, repo, ...segments.slice(github)].join("/");
		const folders = key.slice(head.length + repo.length + 2).split("/");
		folders.pop();
		return { key, fileName: key.slice(key.lastIndexOf("/") + 1), folders };
	}
	const last = segments.pop() ?? "";
	const key = segments.length === 0 ? ownString(`url:${host}/${last}`) : [`url:${host}`, ...segments, last].join("/");
	return { key, fileName: tailOf(key, last), folders: segments };
}

/** Where the path inside the repository starts among a GitHub file address's segments, or -1 (see `githubFile`). */
function githubSegments(host: string, segments: readonly string[]): number {
	if (host === "github.com" && segments.length >= 5 && (segments[2] === "blob" || segments[2] === "raw")) {
		return 4;
	}
	return host === "raw.githubusercontent.com" && segments.length >= 4 ? 3 : -1;
}

/** 8 for `https://`, 7 for `http://` (any case) at the start of `text`, else 0. */
function webSchemeLength(text: string): number {
	if (isLetters(text, 0, "https") && text.startsWith("://", 5)) {
		return 8;
	}
	return isLetters(text, 0, "http") && text.startsWith("://", 4) ? 7 : 0;
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
		const target: PdfTarget = { kind: "remote", url: own };
		const key = githubBlobKey(own);
		if (key !== null) {
			// `github:owner/repo/path`: the owner and repository hold no `/` here.
			const slash = key.lastIndexOf("/");
			known = new PdfDescription(key, target, key.slice(slash + 1), yearFromPath(key, key.indexOf("/", key.indexOf("/") + 1), slash));
		} else {
			const { key: parsedKey, fileName, folders } = parseRemote(own);
			known = new PdfDescription(parsedKey, target, fileName, yearFromFolders(folders));
		}
		remoteMemo.set(own, known);
	}
	return known;
}

/**
 * The key of the most common address, `https://github.com/OWNER/REPO/blob/REF/PATH` (or `raw`), read
 * with a few searches and one decode of the path; null for any other form or spelling (an escape or
 * an empty segment before the path, `www.`, a capital in the host…), which `parseRemote` reads. The
 * key is the one `parseRemote` makes: the path decoded whole is its segments decoded and joined, as
 * no escape spans a `/` and no segment of it is empty.
 */
function githubBlobKey(url: string): string | null {
	const prefix = "https://github.com/";
	if (!url.startsWith(prefix) || isTrimmedSpace(url.charCodeAt(url.length - 1))) {
		return null;
	}
	const query = url.indexOf("?");
	const hash = url.indexOf("#");
	const end = Math.min(query === -1 ? url.length : query, hash === -1 ? url.length : hash);
	const ownerEnd = url.indexOf("/", prefix.length);
	const repoEnd = ownerEnd === -1 ? -1 : url.indexOf("/", ownerEnd + 1);
	const kindEnd = repoEnd === -1 ? -1 : url.indexOf("/", repoEnd + 1);
	const refEnd = kindEnd === -1 ? -1 : url.indexOf("/", kindEnd + 1);
	if (refEnd === -1 || refEnd + 1 >= end || ownerEnd === prefix.length || repoEnd === ownerEnd + 1 || kindEnd === repoEnd + 1 || refEnd === kindEnd + 1) {
		return null;
	}
	const kind = url.slice(repoEnd + 1, kindEnd);
	const escape = url.indexOf("%", prefix.length);
	if ((kind !== "blob" && kind !== "raw") || (escape !== -1 && escape < refEnd)) {
		return null;
	}
	const path = url.slice(refEnd + 1, end);
	if (path.startsWith("/") || path.endsWith("/") || path.includes("//")) {
		return null;
	}
	return [`github:${lowerCase(url.slice(prefix.length, ownerEnd))}`, lowerCase(url.slice(ownerEnd + 1, repoEnd)), safeDecode(path)].join("/");
}


/**
 * The year of the innermost folder of `path` between `from` (a `/` or -1) and `end` (the `/` before
 * the file name) that names one, as `yearFromFolders` would find it among the folders.
 */
function yearFromPath(path: string, from: number, end: number): YearEdition | null {
	while (end > from) {
		const start = path.lastIndexOf("/", end - 1);
		const folderStart = start < from ? from : start;
		const found = yearFromFolders([path.slice(folderStart + 1, end)]);
		if (found !== null) {
			return found;
		}
		end = folderStart;
	}
	return null;
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
