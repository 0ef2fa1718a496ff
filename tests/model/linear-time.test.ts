/** @jest-environment node */
import { parseInline } from "../../src/model/inline";
import { findPdfUrls } from "../../src/model/pdf-links";
import { remoteSessionRef } from "../../src/model/session-refs";
import { TalkCandidates } from "../../src/model/talk-candidates";
import { normalizeTag } from "../../src/model/tags";
import { textVersion } from "../../src/model/text-version";
import { TitleWords } from "../../src/model/title-words";
import type { SessionRef } from "../../src/model/types";
import { expectLinear, type Growth, repeatTo } from "./linear-time-helper";
import { parseNote } from "../../src/model/note-parser";
import { buildMetadata } from "../../sandbox/metadata-builder";

/**
 * Every scanner stays linear on hostile lines: each family below once made its scanner quadratic (a
 * single line of 100,000 characters froze the app for seconds; of 1,000,000, for minutes). The
 * helper times each on 10,000 and 100,000 characters and allows about 15× for the 10× input.
 */
type Case = [family: string, makeInput: (size: number) => string, scan: (line: string) => unknown];

/** Links whose `<…>` targets all end at one `>`, followed by a title that never closes. */
function sharedTargetEnd(size: number): string {
	const links = repeatTo("[a](<x ", size / 2);
	return links + '> "' + repeatTo("y", size - links.length - 3);
}

const cases: Case[] = [
	// findPdfUrls
	["findPdfUrls: a bare URL ending in a run of dots", (n) => `http://h/${repeatTo(".", n - 10)}x`, findPdfUrls],
	["findPdfUrls: links whose `[` is missing", (n) => repeatTo("](http://h/a.pdf) ", n), findPdfUrls],
	["findPdfUrls: links inside a run of unclosed `[`", (n) => repeatTo("[", n / 2) + repeatTo("](http://h/a.pdf) ", n / 2), findPdfUrls],
	// `丩` (U+4E29) shares a byte with `)`: it takes away the byte search that makes `indexOf` on
	// ASCII so fast that the quadratic cost of searching again for every link only shows beyond
	// 100,000 characters (33× from 100,000 to 1,000,000 without it).
	["findPdfUrls: links whose `)` is missing", (n) => repeatTo("[丩](http:// ", n), findPdfUrls],
	["findPdfUrls: <…> links whose `)` is missing", (n) => repeatTo("[丩](<http://>", n), findPdfUrls],
	["findPdfUrls: addresses before `](` that no `)` closes", (n) => repeatTo("https://x.pdf ](", n), findPdfUrls],
	["findPdfUrls: addresses in link texts that no `)` closes", (n) => repeatTo("[a https://x.pdf](", n), findPdfUrls],
	["findPdfUrls: `<` before addresses that no `>` closes", (n) => repeatTo("<https://x.pdf ", n), findPdfUrls],
	// textVersion: the look for marks searches ahead natively; each stretch must be searched once
	["textVersion: short lines, the one mark at the very end", (n) => `${repeatTo("a\n", n - 1)}|`, (text) => textVersion(text)],
	["textVersion: lines of nothing but characters that may mark", (n) => repeatTo("“—”\n", n), (text) => textVersion(text)],
	["textVersion: one long line, the one mark at its end", (n) => `${repeatTo("调度", n - 1)}>`, (text) => textVersion(text)],
	// parseInline (the view cuts item texts at 2,000 characters; it is linear anyway)
	["parseInline: `[[` that never close", (n) => repeatTo("[[", n), parseInline],
	["parseInline: `![[` that never close", (n) => repeatTo("![[", n), parseInline],
	["parseInline: `[[a|` that never close", (n) => repeatTo("[[a|", n), parseInline],
	["parseInline: one run of backticks", (n) => repeatTo("`", n), parseInline],
	["parseInline: a long run of backticks closed by one far away", (n) => `${repeatTo("`", n / 2)}${repeatTo("a", n / 2 - 1)}\``, parseInline],
	["parseInline: `*a ` that never closes", (n) => repeatTo("*a ", n), parseInline],
	["parseInline: `~~a ` that never closes", (n) => repeatTo("~~a ", n), parseInline],
	["parseInline: `_a ` that never closes", (n) => repeatTo("_a ", n), parseInline],
	["parseInline: `<…>` link targets without `>`", (n) => repeatTo("[a](<b ", n), parseInline],
	["parseInline: `<…>` link targets sharing one end and an open title", sharedTargetEnd, parseInline],
	// normalizeTag (also run on the tags of untracked notes)
	["normalizeTag: a run of `/` before a space", (n) => `#a${repeatTo("/", n - 4)} x`, normalizeTag],
	["normalizeTag: a run of `/` before a `#`", (n) => `#a${repeatTo("/", n - 3)}#`, normalizeTag],
];

const measured: Array<{ family: string } & Growth> = [];

function measure<T>(family: string, makeInput: (size: number) => T, fn: (input: T) => unknown): void {
	measured.push({ family, ...expectLinear(family, makeInput, fn) });
}

afterAll(() => {
	// LINEAR_TIME_REPORT=1 prints what was measured (CPU ms per call on the smaller and larger input).
	if (process.env.LINEAR_TIME_REPORT) {
		console.log(measured.map((m) => `${m.ratio.toFixed(1).padStart(5)}×  ${m.small.toFixed(3)} → ${m.large.toFixed(3)} ms  ${m.family}`).join("\n"));
	}
});

describe("scanners cost linear time on hostile lines", () => {
	it.each(cases)("%s", (family, makeInput, scan) => {
		measure(family, makeInput, scan);
	});
});

/**
 * What a note's talks cost, for notes of 10,000 and 100,000 characters (a link or a line of about
 * 40 characters each): a note linking thousands of talks must not cost their number squared.
 */
describe("a note's talks cost linear time in the note's size", () => {
	const year = { year: 2023, edition: null };
	const links = (size: number, link: (n: number) => SessionRef): SessionRef[] => Array.from({ length: Math.floor(size / 40) }, (_, n) => link(n));

	it("TalkCandidates: one PDF linked again and again, each time with another text", () => {
		const makeInput = (size: number): SessionRef[] => links(size, (n) => remoteSessionRef("https://x.org/2023/slides.pdf", `Talk ${n}`, n, year));
		measure("TalkCandidates: one PDF, another text each time", makeInput, (refs) => new TalkCandidates(refs, year, undefined));
	});

	it("TitleWords: lines with words that every talk's title has", () => {
		const makeInput = (size: number): { titles: string[][]; lines: string[] } => {
			const count = Math.floor(size / 80);
			return {
				titles: Array.from({ length: count }, (_, n) => [`Kubernetes 调度 ${n}`]),
				lines: Array.from({ length: count }, () => "复习 kubernetes 调度"),
			};
		};
		measure("TitleWords: words every talk's title has", makeInput, ({ titles, lines }) => {
			const words = new TitleWords(titles, null);
			return lines.map((line) => words.match(line));
		});
	});
});

describe("a note's properties", () => {
	it("finds the line of each of thousands of PDF links in the properties in linear time", () => {
		expectLinear(
			"PDF links in the properties",
			(links) => {
				const text = ["---", "tags: [gopherchina]", "pdf:", ...Array.from({ length: links }, (_, i) => `  - https://h/${i}.pdf`), "---", ""].join("\n");
				return { text, cache: buildMetadata(text) };
			},
			({ text, cache }) => parseNote({ path: "n.md", text, cache, tags: ["#gopherchina"], trackedTags: ["gopherchina"], resolveLink: () => null }).sessions,
			{ small: 1_000, large: 10_000 },
		);
	});
});

describe("the linearity check itself", () => {
	it("fails a quadratic function", () => {
		const quadratic = (text: string): number => {
			let pairs = 0;
			for (let i = 0; i < text.length; i++) {
				for (let j = 0; j < i; j++) {
					pairs += text.charCodeAt(j) & 1;
				}
			}
			return pairs;
		};
		expect(() => expectLinear("a quadratic count", (n) => repeatTo("ab", n), quadratic, { small: 1_000, large: 10_000 })).toThrow(/not linear/);
	});
});
