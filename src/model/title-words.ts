import { BoundedMemo, ownString } from "./memo";
import { GENERIC_CJK, GENERIC_CJK_MAX, GENERIC_LATIN, STOP_CHARS } from "./generic-words";
import { TitleScores } from "./title-scores";

/** Splits a run of Chinese text into words. */
export interface WordSegmenter {
	words(text: string): string[];
}

interface SegmenterLike {
	segment(text: string): Iterable<{ segment: string }>;
}
type SegmenterConstructor = new (locale: string, options: { granularity: "word" }) => SegmenterLike;

let platform: WordSegmenter | null | undefined;

/** The platform's word segmenter for Chinese (`Intl.Segmenter`), or null where there is none. */
export function platformSegmenter(): WordSegmenter | null {
	if (platform === undefined) {
		platform = null;
		const Segmenter = (Intl as unknown as { Segmenter?: SegmenterConstructor }).Segmenter;
		if (typeof Segmenter === "function") {
			try {
				const segmenter = new Segmenter("zh", { granularity: "word" });
				platform = { words: (text) => Array.from(segmenter.segment(text), (part) => part.segment) };
			} catch {
				platform = null;
			}
		}
	}
	return platform;
}

/** The longest Chinese token looked for in a line. */
const MAX_CJK = 8;
/** A whole name weighs 1; a word inside a longer name weighs less, so it cannot decide alone. */
const PART_WEIGHT = 0.5;

function isCjk(c: number): boolean {
	return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

function isAlnum(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Cuts text into Latin words (`go-zero`, `Loong64`, lower case) and runs of Chinese characters (handed
 * over as where they stand in the text: most are passed over without being cut out), in one pass.
 * Latin words joined by `-` or `_` stay one word (`parts` then holds its pieces); everything else
 * separates. Words of fewer than three letters are left out, and so is a word of one piece
 * whose first three characters `wanted` turns down (it is asked before the word is cut out).
 */
function scan(
	text: string,
	onLatin: (word: string, letters: number, parts: readonly string[]) => void,
	onCjk: (text: string, from: number, to: number) => void,
	wanted: ((prefix: number) => boolean) | null = null,
): void {
	let i = 0;
	while (i < text.length) {
		const c = text.charCodeAt(i);
		if (isCjk(c)) {
			let end = i + 1;
			while (end < text.length && isCjk(text.charCodeAt(end))) {
				end++;
			}
			onCjk(text, i, end);
			i = end;
		} else if (isAlnum(c)) {
			let end = i;
			let letters = 0;
			let joined = false;
			for (;;) {
				while (end < text.length && isAlnum(text.charCodeAt(end))) {
					letters += isLetter(text.charCodeAt(end)) ? 1 : 0;
					end++;
				}
				const joiner = text.charCodeAt(end);
				if ((joiner === 45 || joiner === 95) && isAlnum(text.charCodeAt(end + 1))) {
					joined = true;
					end++;
				} else {
					break;
				}
			}
			// Words of fewer than three letters never count (`countsAsLatin`, `match`): they are passed
			// over without being cut out.
			if (letters >= 3 && (joined || wanted === null || wanted(prefixOf(text, i)))) {
				const word = text.slice(i, end).toLowerCase();
				// Inside a joined word every `-` and `_` joins two pieces.
				onLatin(word, letters, joined ? word.split(JOINERS) : NO_PARTS);
			}
			i = end;
		} else {
			i++;
		}
	}
}

const JOINERS = /[-_]/;
const NO_PARTS: readonly string[] = Object.freeze([]);

/** The two UTF-16 units at `at`, as one number. */
function pairCode(text: string, at: number): number {
	return text.charCodeAt(at) * 65536 + text.charCodeAt(at + 1);
}

/** The first three characters of an ASCII word at `at`, in lower case, as one number. */
function prefixOf(text: string, at: number): number {
	return (lowerAscii(text.charCodeAt(at)) << 14) | (lowerAscii(text.charCodeAt(at + 1)) << 7) | lowerAscii(text.charCodeAt(at + 2));
}

function lowerAscii(code: number): number {
	return code >= 65 && code <= 90 ? code + 32 : code & 127;
}

/** Latin words compare without a plural `s`: `operators` is `operator`. */
function stem(word: string): string {
	return word.length >= 5 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

function countsAsLatin(word: string, letters: number): boolean {
	return letters >= 3 && !GENERIC_LATIN.has(word);
}

/** The pieces of a Chinese run left once generic words and glue characters are cut out. */
function pieces(run: string): string[] {
	const result: string[] = [];
	let piece = "";
	let i = 0;
	while (i < run.length) {
		let generic = 0;
		for (let length = Math.min(GENERIC_CJK_MAX, run.length - i); length >= 2; length--) {
			if (GENERIC_CJK.has(run.slice(i, i + length))) {
				generic = length;
				break;
			}
		}
		if (generic > 0 || STOP_CHARS.has(run.charAt(i))) {
			if (piece !== "") {
				result.push(piece);
			}
			piece = "";
			i += Math.max(generic, 1);
		} else {
			piece += run.charAt(i);
			i++;
		}
	}
	if (piece !== "") {
		result.push(piece);
	}
	return result;
}

/**
 * Words inside a longer piece, with their weights. With a segmenter: every run of its words (single
 * characters merged first: an unknown word, such as a name, `蔚来`, `刘奇`); a two-character dictionary
 * word weighs less than the piece, a name or a longer run as much. Without one: character bigrams.
 */
function partsOf(piece: string, segmenter: WordSegmenter | null): Array<[string, number]> {
	if (segmenter === null) {
		const bigrams: Array<[string, number]> = [];
		for (let i = 0; i + 2 <= piece.length; i++) {
			bigrams.push([piece.slice(i, i + 2), PART_WEIGHT]);
		}
		return bigrams;
	}
	const units: Array<{ text: string; unknown: boolean }> = [];
	for (const word of segmenter.words(piece)) {
		const last = units[units.length - 1];
		if (word.length === 1 && last !== undefined && last.unknown) {
			last.text += word;
		} else {
			units.push({ text: word, unknown: word.length === 1 });
		}
	}
	const parts: Array<[string, number]> = [];
	for (let from = 0; from < units.length; from++) {
		let text = "";
		for (let to = from; to < units.length && text.length < MAX_CJK; to++) {
			const unit = units[to] as { text: string; unknown: boolean };
			text += unit.text;
			if (text.length < 2 || text === piece || GENERIC_CJK.has(text)) {
				continue;
			}
			parts.push([text.slice(0, MAX_CJK), text.length >= 3 || (to === from && unit.unknown) ? 1 : PART_WEIGHT]);
		}
	}
	return parts;
}

/** The tokens of titles met so far: the same talk's title recurs in note after note (bounded). */
const remembered = new BoundedMemo<ReadonlyMap<string, number>>(2048);
let rememberedFor: WordSegmenter | null | undefined;

/** `titleTokens`, remembered per title for the segmenter last asked with. */
function tokensOf(title: string, segmenter: WordSegmenter | null): ReadonlyMap<string, number> {
	if (rememberedFor !== segmenter) {
		remembered.clear();
		rememberedFor = segmenter;
	}
	let tokens = remembered.get(title);
	if (tokens === undefined) {
		tokens = titleTokens(title, segmenter);
		remembered.set(ownString(title), tokens);
	}
	return tokens;
}

/** The distinctive words of a talk title, with their weights. */
export function titleTokens(title: string, segmenter: WordSegmenter | null = platformSegmenter()): Map<string, number> {
	const tokens = new Map<string, number>();
	const put = (token: string, weight: number): void => {
		tokens.set(token, Math.max(weight, tokens.get(token) ?? 0));
	};
	scan(
		title,
		(word, letters) => {
			if (countsAsLatin(word, letters) && !GENERIC_LATIN.has(stem(word))) {
				put(stem(word), 1);
			}
		},
		(text, from, to) => {
			for (const piece of pieces(text.slice(from, to))) {
				const whole = piece.length >= 2 && piece.length <= MAX_CJK;
				if (whole) {
					put(piece, 1);
				}
				if (piece.length > 2) {
					for (const [part, weight] of partsOf(piece, segmenter)) {
						put(part, whole ? weight : 1);
					}
				}
			}
		},
	);
	return tokens;
}

/**
 * Which of a note's candidate talks a line names by the words of their titles. Built once per note
 * (token → talks); a line is read once, looking each Latin word up and each Chinese run left to right,
 * longest known token first: linear in the line. A token's weight is divided by the number of talks
 * whose titles hold it, so a word shared by several talks cannot decide.
 */
export class TitleWords {
	private readonly tokens = new Map<string, Array<{ candidate: number; weight: number }>>();
	/**
	 * The first two characters of every Chinese token: a run's position whose two characters start
	 * none is passed over without slicing the run (most positions of most lines).
	 */
	private readonly starts = new Set<number>();
	/** The first three characters of every Latin token (`prefixOf`): other words are not cut out. */
	private readonly latinStarts = new Set<number>();
	/** Sums a line's tokens per talk without a pass over every talk that shares a word. */
	private readonly scores = new TitleScores(this.tokens);

	constructor(titles: ReadonlyArray<readonly string[]>, segmenter: WordSegmenter | null = platformSegmenter()) {
		titles.forEach((list, candidate) => {
			// A talk's tokens over all its titles, each at its highest weight (one title, most often:
			// its tokens as they are).
			let merged: ReadonlyMap<string, number>;
			if (list.length === 1) {
				merged = tokensOf(list[0] as string, segmenter);
			} else {
				const union = new Map<string, number>();
				for (const title of list) {
					for (const [token, weight] of tokensOf(title, segmenter)) {
						union.set(token, Math.max(weight, union.get(token) ?? 0));
					}
				}
				merged = union;
			}
			for (const [token, weight] of merged) {
				if (isCjk(token.charCodeAt(0))) {
					this.starts.add(pairCode(token, 0));
				} else if (token.length >= 3) {
					this.latinStarts.add(prefixOf(token, 0));
				}
				const entries = this.tokens.get(token);
				if (entries) {
					entries.push({ candidate, weight });
				} else {
					this.tokens.set(token, [{ candidate, weight }]);
				}
			}
		});
	}

	get empty(): boolean {
		return this.tokens.size === 0;
	}

	/** The tokens the line being matched holds, in the order met (cleared for each line). */
	private readonly seen = new Set<string>();
	/** The callbacks of `scan` for `match`, made once per note rather than once per line. */
	private readonly onLatin = (word: string, letters: number, parts: readonly string[]): void => {
		if (letters < 3) {
			return;
		}
		if (this.tokens.has(stem(word))) {
			this.seen.add(stem(word));
			return;
		}
		for (const part of parts) {
			if (this.tokens.has(stem(part))) {
				this.seen.add(stem(part));
			}
		}
	};
	private readonly onCjk = (text: string, from: number, to: number): void => {
		let i = from;
		while (i < to) {
			if (i + 2 > to || !this.starts.has(pairCode(text, i))) {
				i++;
				continue;
			}
			let found = 0;
			for (let length = Math.min(MAX_CJK, to - i); length >= 2; length--) {
				const token = text.slice(i, i + length);
				if (this.tokens.has(token)) {
					this.seen.add(token);
					found = length;
					break;
				}
			}
			i += Math.max(found, 1);
		}
	};
	private readonly wanted = (prefix: number): boolean => this.latinStarts.has(prefix);

	/** The candidates the text names best (several when they fit equally), or none. */
	match(text: string): number[] {
		if (this.tokens.size === 0) {
			return [];
		}
		const seen = this.seen;
		seen.clear();
		scan(text, this.onLatin, this.onCjk, this.wanted);
		if (seen.size === 0) {
			return [];
		}
		const scores = this.scores.of(seen);
		let best = 0;
		let second = 0;
		for (const score of scores.values()) {
			if (score > best) {
				second = best;
				best = score;
			} else if (score > second) {
				second = score;
			}
		}
		if (best < 1 - 1e-9) {
			return [];
		}
		// A talk is named only when it fits clearly better (twice) than any other; else every close one is returned.
		const clear = best > 2 * second + 1e-9;
		return [...scores]
			.filter(([, score]) => score > (clear ? best : second) - 1e-9)
			.map(([candidate]) => candidate)
			.sort((a, b) => a - b);
	}
}
