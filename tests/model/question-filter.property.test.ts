/** @jest-environment node */
import fc from "fast-check";
import { askingSpan } from "../../src/model/questions";
import { mayAskReadable, readable } from "../../src/model/question-text";
import {
	admitsInChinese,
	admitsInEnglish,
	asksInChinese,
	asksInEnglish,
	CHAR_KINDS,
	FOLDS_TO_ASCII,
	MAY_ASK_ADMIT_CHINESE,
	MAY_ASK_ADMIT_ENGLISH,
	MAY_ASK_CHINESE,
	MAY_ASK_ENGLISH,
	mayAskBy,
	WORD_LISTS,
} from "../../src/model/question-words";
import { expectLinear } from "./linear-time-helper";

/**
 * The shortcuts that pass over a line or a rule without reading it, against the rules themselves:
 * a shortcut may let through a line that asks nothing, never turn away one that asks.
 */
const RUNS = Number(process.env.QUESTION_FILTER_RUNS ?? 4000);

/** Each kind of question rule, with the bit of `mayAskBy` that must be set whenever it finds a text asking. */
const RULES = [
	{ name: "chinese", finds: asksInChinese, bit: MAY_ASK_CHINESE },
	{ name: "english", finds: asksInEnglish, bit: MAY_ASK_ENGLISH },
	{ name: "admitChinese", finds: admitsInChinese, bit: MAY_ASK_ADMIT_CHINESE },
	{ name: "admitEnglish", finds: admitsInEnglish, bit: MAY_ASK_ADMIT_ENGLISH },
] as const;
type RuleName = (typeof RULES)[number]["name"];

/** The rules that find `piece` asking, and those of them whose bit `mayAskBy` left unset (none, when the shortcut is sound). */
function readRules(piece: string): { found: RuleName[]; missed: RuleName[] } {
	const may = mayAskBy(piece);
	const found = RULES.filter((rule) => rule.finds(piece));
	return { found: found.map((rule) => rule.name), missed: found.filter((rule) => (may & rule.bit) === 0).map((rule) => rule.name) };
}

/** Words the rules ask by, words that make statements of them, and everything `readable` fills. */
const WORDS = [
	"为什么", "为啥", "怎么", "怎样", "如何", "是否", "能否", "有没有", "是不是", "会不会", "要不要", "能不能", "哪些", "哪个", "什么时候", "多久",
	"吗", "呢", "什么", "什么意思", "怎么办", "怎么样", "多少", "多大", "不知道", "不确定", "不明白", "搞不懂", "想不通", "没搞懂", "没看懂",
	"不清楚", "讲得不清楚", "知道", "是", "了", "不管", "判断", "到底", "该", "没", "不", "泛型", "调度器",
	"why", "Why", "how", "HOW", "what's", "when", "where", "which", "who", "is", "are", "do", "does", "Did", "can", "should", "would", "will",
	"has", "have", "isn't", "don't", "doesn't", "the", "a", "of", "GC", "goroutine", "channel", "sync.Pool", "The State Of Go", "don't know",
	"not sure", "no idea", "unclear why", "I wonder", "wondering", "undo", "cannot", "wonderful", "Q:", "问：", "but", "and", "so", "ſo",
	"\u212anow", "İ", "2", "x",
];
const MARKS = ["?", "？", "。", ".", "!", "！", ";", "；", "：", ":", ",", "，", "、", "(", ")", "（", "）", "**", "*", "_", "…", '"', "“", "”", "'", "’", "|"];
const MARKUP = ["`code`", "`", "``", "`why is`", "[x](y)", "[why is it](http://a.b)", "[[wiki why]]", "[[", "]]", "[", "]", "](", ")", "http://x.y/why?", "https://a.b", "HTTP://A", "h", ">"];
const SPACES = [" ", " ", "", "\u3000", "\t"];

const token = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom(...WORDS) },
	{ weight: 2, arbitrary: fc.constantFrom(...MARKS) },
	{ weight: 2, arbitrary: fc.constantFrom(...MARKUP) },
	{ weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
);
const mixed = fc.array(fc.tuple(token, fc.constantFrom(...SPACES)), { maxLength: 12 }).map((parts) => parts.map(([word, space]) => word + space).join(""));
/** Mostly English words after one that may start a question: sentences that often ask. */
const englishWord = fc.constantFrom(...WORDS.filter((word) => /^[\x20-\x7e]+$/.test(word)), "goroutines", "leak", "we", "it", "this");
const english = fc
	.tuple(fc.constantFrom("", "Q: ", "but ", "(", "**", "I "), englishWord, fc.array(englishWord, { minLength: 1, maxLength: 6 }), fc.constantFrom("", ".", "?", ", then", "。"))
	.map(([lead, first, rest, end]) => `${lead}${first} ${rest.join(" ")}${end}`);
const text = fc.oneof({ weight: 3, arbitrary: mixed }, { weight: 1, arbitrary: english });

describe("passing over lines that cannot ask", () => {
	it("finds a character some rule asks by exactly where readable() leaves one", () => {
		fc.assert(
			fc.property(text, (body) => {
				expect(mayAskReadable(body)).toBe(mayAskBy(readable(body)) !== 0);
			}),
			{ numRuns: RUNS },
		);
	});

	it("never passes over a line that asks, with or without the words", () => {
		fc.assert(
			fc.property(text, (body) => {
				if (!mayAskReadable(body)) {
					expect(askingSpan(body, true)).toBeNull();
					expect(askingSpan(body, false)).toBeNull();
				}
			}),
			{ numRuns: RUNS },
		);
	});

	it("reads a line the same with its indentation and list marker", () => {
		fc.assert(
			fc.property(fc.constantFrom("", "  ", "\t", "- ", "* ", "+ ", "1. ", "12) ", "    - ", "-"), text, (prefix, body) => {
				expect(mayAskReadable(prefix + body)).toBe(mayAskReadable(body));
			}),
			{ numRuns: RUNS },
		);
	});

	it("reads each rule only when the text holds what it asks by", () => {
		fc.assert(
			fc.property(text, (piece) => {
				expect(readRules(piece).missed).toEqual([]);
			}),
			{ numRuns: RUNS },
		);
	});

	it("finds the words of every list, in sentences that ask with them", () => {
		const pieces: string[] = [];
		const english = WORD_LISTS.englishQuestionWords.flatMap((word) => [word, word.charAt(0).toUpperCase() + word.slice(1)]);
		for (const word of english) {
			pieces.push(`${word} the goroutine leak here`, `Q: but ${word} it leaks under load`, `**${word}** a channel close twice`);
		}
		for (const word of [...WORD_LISTS.chinese, ...WORD_LISTS.chineseEndings]) {
			pieces.push(word, `这个 channel ${word}`, `${word}要关 channel`);
		}
		for (const admission of WORD_LISTS.chineseAdmissions) {
			for (const unknown of WORD_LISTS.whatIsUnknown) {
				pieces.push(`我${admission}${unknown}会泄露`);
			}
		}
		for (const admission of WORD_LISTS.englishAdmissions) {
			for (const unknown of WORD_LISTS.englishUnknown) {
				pieces.push(`I ${admission}${unknown} it leaks`, `I ${admission.toUpperCase()}${unknown.toUpperCase()} IT LEAKS`);
			}
		}
		const asking: Record<RuleName, number> = { chinese: 0, english: 0, admitChinese: 0, admitEnglish: 0 };
		for (const piece of pieces) {
			const { found, missed } = readRules(piece);
			for (const rule of found) {
				asking[rule]++;
			}
			expect([piece, missed]).toEqual([piece, []]);
		}
		// Every kind of rule was seen asking, many times: the check above is not empty.
		expect(Math.min(...Object.values(asking))).toBeGreaterThan(20);
	});

	it("knows every character that lower case turns into ASCII", () => {
		const folding: number[] = [];
		for (let code = 0x80; code <= 0x10ffff; code++) {
			if ([...String.fromCodePoint(code).toLowerCase()].some((char) => char.charCodeAt(0) < 0x80)) {
				folding.push(code);
			}
		}
		expect(folding.length).toBeGreaterThan(0);
		for (const code of folding) {
			expect(code <= 0xffff && ((CHAR_KINDS[code] as number) & FOLDS_TO_ASCII) !== 0).toBe(true);
		}
	});

	it.each(["[a ", "[why ", "[a](", "]( why", "`a ``", "http://a ", "h", "[[a", "[http://x why]", "(**为什么", "[`", "why "])("walks 100,000 characters of %j in linear time", (unit) => {
		expectLinear(`mayAskReadable on ${JSON.stringify(unit)}`, (length) => unit.repeat(Math.ceil(length / unit.length)), mayAskReadable);
	});
});
