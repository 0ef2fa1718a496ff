/** @jest-environment node */
import fc from "fast-check";
import { OpeningBrackets } from "../../src/model/forward-search";
import { findSessions } from "../../src/model/note-links";
import { findPdfUrls, parseWebUrl, remoteFileName, remoteFolders, remotePdfKey, type TextLink } from "../../src/model/pdf-links";
import { remoteSessionRef } from "../../src/model/session-refs";
import { isPdfTarget, lastSegment, safeDecode, splitLines, stripQueryAndFragment } from "../../src/model/text";
import { yearFromFolders } from "../../src/model/years";

/**
 * The fast scanner and address parser against the plain readings they replace: the line walked
 * character by character with a pattern for each address, the address read by `parseWebUrl`.
 */

function plainFindPdfUrls(line: string): TextLink[] {
	const found: TextLink[] = [];
	const brackets = new OpeningBrackets(line);
	const start = /https?:\/\//gi;
	let covered = 0;
	const next = (from: number): number => {
		start.lastIndex = from;
		return start.exec(line)?.index ?? -1;
	};
	for (let at = next(0); at !== -1; ) {
		if (at < covered) {
			at = next(at + 1);
			continue;
		}
		const scheme = line.slice(at, at + 5).toLowerCase() === "https" ? 8 : 7;
		let url: string;
		let text: string | null = null;
		let column = at;
		let end: number;
		const opener = (close: number): void => {
			const open = brackets.openerOf(close);
			if (open !== -1) {
				text = line.slice(open + 1, close);
				column = open > 0 && line[open - 1] === "!" ? open - 1 : open;
			}
		};
		const paren = (from: number): number => line.indexOf(")", from);
		if (line[at - 1] === "<" && line[at - 2] === "(" && line[at - 3] === "]") {
			const close = line.indexOf(">", at);
			end = close === -1 ? line.length : close;
			url = line.slice(at, end);
			opener(at - 3);
			end = Math.max(end, paren(end) + 1);
		} else if (line[at - 1] === "(" && line[at - 2] === "]") {
			let depth = 0;
			end = at;
			for (; end < line.length; end++) {
				const char = line[end];
				if (char === " " || char === "\t" || (char === ")" && depth === 0)) {
					break;
				}
				depth += char === "(" ? 1 : char === ")" ? -1 : 0;
			}
			url = line.slice(at, end);
			opener(at - 2);
			const close = paren(end);
			end = close === -1 ? end : close + 1;
		} else if (line[at - 1] === "<" && [...line.slice(at, line.indexOf(">", at) === -1 ? at : line.indexOf(">", at))].every((char) => char > " " && char !== "<" && char !== "\x7f") && line.includes(">", at)) {
			// An autolink: closed by `>`, with no space, control character or `<` inside.
			end = line.indexOf(">", at);
			url = line.slice(at, end);
			column = at - 1;
		} else {
			end = at + scheme;
			while (end < line.length && !' \t<>()[]"`'.includes(line[end] as string)) {
				end++;
			}
			url = line.slice(at, end).replace(/[.,;:!?'。，；：！？）)]+$/u, "");
			// The text of a markdown link holds no other link: only its target counts.
			const close = line.indexOf("]", end);
			const target = close === -1 ? null : /^\(([^ \t<()]*)\)/.exec(line.slice(close + 1));
			const escapedClose = close > 0 && (/\\+$/.exec(line.slice(0, close))?.[0].length ?? 0) % 2 === 1;
			if (target !== null && !escapedClose && brackets.openerOf(close) !== -1 && brackets.openerOf(close) < at) {
				url = "";
			}
		}
		covered = end;
		if (url.length > scheme && isPdfTarget(url)) {
			found.push({ text, url: url.trim(), column });
		}
		at = next(Math.max(end, at + 1));
	}
	return found;
}

function plainRemote(url: string): [string, string, string[]] {
	const parsed = parseWebUrl(url);
	if (parsed === null) {
		const clean = stripQueryAndFragment(url);
		return [`url:${clean}`, safeDecode(lastSegment(clean)), []];
	}
	if (parsed.github !== null) {
		const { owner, repo, path } = parsed.github;
		const segments = path.split("/");
		return [`github:${owner}/${repo}/${path}`, segments[segments.length - 1] ?? "", segments.slice(0, -1)];
	}
	return [`url:${parsed.host}/${parsed.segments.join("/")}`, parsed.segments[parsed.segments.length - 1] ?? "", parsed.segments.slice(0, -1)];
}

const piece = fc.constantFrom("[a](", "[", "]", "](", "(", ")", "<", ">", "!", "\\", "\\]", "\\[", " ", "\t", "`", "。", "'", ".", "说", "https://x.org/a.pdf", "HTTP://y/B.PDF", "http://z/c.pdf?x#y", "hTTps://q/(a).pdf", "https://", "://", "htt", "ps://", "http:", "//", ".pdf");
const segment = fc.constantFrom("", "owner", "Repo", "blob", "blob", "raw", "bl%6Fb", "master", "2019", "2023-Shanghai", "%E6%B3%9B", "%E6%B3", "a%2Fb", "1.1.1%20Go.pdf", "slides.PDF", "%", "x%zz", "2019%2Fx", "2020%2F2021", "..", "a b", "?q", "#f");

describe("the PDF link scanner", () => {
	it("finds what the plain character-by-character reading finds", () => {
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
				const line = pieces.join("");
				expect(findPdfUrls(line)).toEqual(plainFindPdfUrls(line));
			}),
			{ numRuns: 3000 },
		);
	});

	it("reads an address's key, file name and folders as parseWebUrl does", () => {
		const scheme = fc.constantFrom("http://", "https://", "https://", "https://", "HTTPS://", "hTtP://", "ftp://", "https:/", " https://", "");
		const host = fc.constantFrom("github.com", "github.com", "github.com", "GitHub.com", "www.github.com", "raw.githubusercontent.com", "www.x.org", "X.org", "", "a?b", "h#");
		fc.assert(
			fc.property(scheme, host, fc.array(segment, { maxLength: 8 }), fc.constantFrom("", "?raw=true", "#page=2", " ", "/"), (head, name, segments, tail) => {
				const url = `${head}${name}/${segments.join("/")}${tail}`;
				const plain = plainRemote(url);
				expect([remotePdfKey(url), remoteFileName(url), remoteFolders(url)]).toEqual(plain);
				const ref = remoteSessionRef(url, null, 0, { year: null, edition: null });
				const fromFolders = yearFromFolders(plain[2]);
				expect([ref.year, ref.edition]).toEqual([fromFolders?.year ?? null, fromFolders?.edition ?? null]);
			}),
			{ numRuns: 6000 },
		);
	});

	it("reads GitHub file addresses, the most common form, as parseWebUrl does", () => {
		const part = fc.constantFrom("Owner", "repo", "blob", "raw", "tree", "master", "2019", "2023-shanghai", "%E6%B3%9B", "a%2Fb", "2019%2F2020", "1.1.1%20Go.pdf", "x.PDF", "", "%zz", "..");
		fc.assert(
			fc.property(fc.array(part, { minLength: 4, maxLength: 9 }), fc.constantFrom("", "?raw=true", "#x", "/", " "), (parts, tail) => {
				const url = `https://github.com/${parts.join("/")}${tail}`;
				const plain = plainRemote(url);
				expect([remotePdfKey(url), remoteFileName(url)]).toEqual([plain[0], plain[1]]);
				const ref = remoteSessionRef(url, null, 0, { year: null, edition: null });
				const fromFolders = yearFromFolders(plain[2]);
				expect([ref.year, ref.edition]).toEqual([fromFolders?.year ?? null, fromFolders?.edition ?? null]);
			}),
			{ numRuns: 5000 },
		);
	});

	it("finds the lines with links from the note's text as from its lines, CRLF or not", () => {
		const line = fc.constantFrom("", "- [1.1.1 A](https://x.org/2023/a.pdf)", "see https://y.org/b.pdf.", "plain", "%% https://x.org/c.pdf %%", "`https://x.org/d.pdf`", "x\r", "说 <https://z.org/e.pdf>");
		fc.assert(
			fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, crlf) => {
				const text = lines.join(crlf ? "\r\n" : "\n");
				const split = splitLines(text);
				const input = { path: "a.md", cache: {}, resolveLink: () => null };
				const year = { year: null, edition: null };
				expect(findSessions({ ...input, text }, split, new Uint8Array(split.length), year)).toEqual(findSessions(input, split, new Uint8Array(split.length), year));
			}),
			{ numRuns: 1000 },
		);
	});

	it("reads every line when the text given is not the one the lines came from", () => {
		const lines = ["a", "- [x](https://x.org/a.pdf)", "b"];
		const sessions = findSessions({ path: "a.md", cache: {}, resolveLink: () => null, text: "other\ntext" }, lines, new Uint8Array(3), { year: null, edition: null });
		expect(sessions.map((session) => session.line)).toEqual([1]);
	});
});
