import { isPdfTarget, lastSegment, safeDecode, stripQueryAndFragment } from "./text";

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

// [text](target "title") with one level of nested brackets in the text; the target may be <…>.
const MARKDOWN_LINK =
	/!?\[((?:[^[\]\\]|\\.|\[[^\]]*\])*)\]\(\s*(<[^>\n]*>|[^\s()<>]+(?:\([^\s()]*\)[^\s()<>]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const AUTOLINK = /<(https?:\/\/[^\s<>]+)>/gi;
const BARE_URL = /https?:\/\/[^\s<>()[\]"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?。，；：！？）)]+$/u;

/**
 * Finds web links to PDFs in one line of a note: markdown links (also with `<…>` targets and
 * titles), autolinks and bare URLs. Inline code must already be masked by the caller.
 */
export function findPdfUrls(line: string): TextLink[] {
	if (!line.includes("://")) {
		return [];
	}
	const found: TextLink[] = [];
	const covered: Array<[number, number]> = [];
	for (const match of line.matchAll(MARKDOWN_LINK)) {
		const start = match.index;
		covered.push([start, start + match[0].length]);
		let target = match[2] ?? "";
		if (target.startsWith("<")) {
			target = target.slice(1, -1);
		}
		if (isWebUrl(target) && isPdfTarget(target)) {
			found.push({ text: match[1] ?? "", url: target.trim(), column: start });
		}
	}
	for (const match of line.matchAll(AUTOLINK)) {
		const start = match.index;
		if (isCovered(covered, start)) {
			continue;
		}
		covered.push([start, start + match[0].length]);
		const url = match[1] ?? "";
		if (isPdfTarget(url)) {
			found.push({ text: null, url, column: start });
		}
	}
	for (const match of line.matchAll(BARE_URL)) {
		const start = match.index;
		if (isCovered(covered, start)) {
			continue;
		}
		const url = match[0].replace(TRAILING_PUNCTUATION, "");
		if (isPdfTarget(url)) {
			found.push({ text: null, url, column: start });
		}
	}
	return found.sort((a, b) => a.column - b.column);
}

function isCovered(spans: Array<[number, number]>, at: number): boolean {
	return spans.some(([start, end]) => at >= start && at < end);
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

/**
 * The identity of a web PDF. The GitHub page (`blob/`), its `raw/` form, `?raw=true` and the
 * raw.githubusercontent.com address of one file share a key; so do spellings that differ only in
 * percent-escapes.
 */
export function remotePdfKey(url: string): string {
	const parsed = parseWebUrl(url);
	if (parsed === null) {
		return `url:${stripQueryAndFragment(url)}`;
	}
	if (parsed.github !== null) {
		const { owner, repo, path } = parsed.github;
		return `github:${owner}/${repo}/${path}`;
	}
	return `url:${parsed.host}/${parsed.segments.join("/")}`;
}

/** The identity of a PDF inside the vault. */
export function localPdfKey(path: string): string {
	return `vault:${path}`;
}

/** The decoded file name of a web PDF (`1.1.1 Title.pdf`). */
export function remoteFileName(url: string): string {
	const parsed = parseWebUrl(url);
	if (parsed === null) {
		return safeDecode(lastSegment(stripQueryAndFragment(url)));
	}
	return parsed.segments[parsed.segments.length - 1] ?? "";
}

/** The folders of a web PDF's path, decoded, outermost first (the file name excluded). */
export function remoteFolders(url: string): string[] {
	const parsed = parseWebUrl(url);
	if (parsed === null) {
		return [];
	}
	const segments = parsed.github ? parsed.github.path.split("/") : parsed.segments;
	return segments.slice(0, -1);
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
