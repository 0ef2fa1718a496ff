/**
 * Does a piece of text ask something, without a question mark? The words people ask with, in
 * Chinese (为什么, 如何, 是否 …, a clause ending in 吗 or 呢) and English (a sentence that starts with
 * why, how, is, should …), and the admissions of not knowing (不知道为什么, not sure whether …); minus
 * the statements that only contain those words (这也是为什么…, 如何做到 X：answer, Title Case
 * headlines). Each test is a fixed number of forward scans over the text. `mayAskBy` tells in one
 * pass which of the tests could find anything, so that the others are not made.
 */

/** Question words, each with the words before it that make it part of a statement instead. */
const CHINESE: ReadonlyArray<[string, readonly string[]]> = [
	["为什么", ["是", "知道", "明白", "理解", "解释", "说明", "讲了", "讲清楚", "清楚了", "分析了", "介绍了"]],
	["为啥", ["是", "知道", "明白"]],
	["怎么", ["不管", "无论", "不论", "知道", "了", "都是", "就是"]],
	["怎样", ["不管", "无论", "不论", "知道", "了"]],
	["如何", ["不管", "无论", "不论", "知道", "了", "学会", "掌握", "关于", "讲", "介绍", "演示", "展示", "分享"]],
	["是否", ["判断", "决定", "检查", "确认", "取决于", "控制", "看", "根据", "标记", "记录", "表示", "知道", "检测"]],
	["能否", ["判断", "决定", "检查", "确认", "取决于", "看", "知道"]],
	["有没有", ["不管", "无论", "看", "检查", "判断"]],
	["是不是", ["不管", "无论", "判断", "检查"]],
	["会不会", ["不管", "无论"]],
	["要不要", ["不管", "无论"]],
	["能不能", ["不管", "无论"]],
	["哪些", ["无论", "不管", "不论", "列出了", "讲了", "介绍了"]],
	["哪个", ["无论", "不管", "不论"]],
	["什么时候", ["无论", "不管", "不论", "知道"]],
	["多久", ["没", "不", "没有"]],
];

/** Clause endings that ask. */
const CHINESE_ENDINGS = ["吗", "呢", "什么", "什么意思", "为什么", "为啥", "怎么办", "怎么样", "如何", "多少", "多久", "多大"];
/** What may follow the end of a clause: spaces, emphasis, closing brackets and quotes, a full stop. */
const TRAILING = " \t\u3000*_)）\"”'’~。.!！…";

/** Where a clause ends once the marks after its last word are left out. */
function trimEnd(text: string, from: number, to: number): number {
	let end = to;
	while (end > from && TRAILING.includes(text.charAt(end - 1))) {
		end--;
	}
	return end;
}

/** Saying one does not know, followed by what. */
const NOT_KNOWING = ["不知道", "不确定", "不明白", "不理解", "搞不懂", "想不通", "不太懂"];
const WHAT_IS_UNKNOWN = ["为什么", "为啥", "怎么", "如何", "是否", "能否", "有没有", "是不是", "会不会", "要不要", "什么", "哪", "该"];
/** Admissions that need nothing after them. */
const ADMISSIONS = ["没搞懂", "没搞明白", "没弄懂", "没弄明白", "没想明白", "没想通", "没看懂", "没理解", "没太懂"];
/** Saying it is unclear; not after `NOT_AN_ADMISSION`. */
const UNCLEAR = ["不清楚", "不太清楚"];
/** Written before 不清楚 when it describes something else (讲得不清楚). */
const NOT_AN_ADMISSION = ["得", "说", "讲", "写"];

const ENGLISH_ADMISSIONS = [
	"don't know ",
	"do not know ",
	"don’t know ",
	"not sure ",
	"no idea ",
	"don't understand",
	"don’t understand",
	"do not understand",
	"don't get why",
	"unclear why",
	"unclear how",
	"unclear whether",
	"i wonder ",
	"wondering ",
];
const ENGLISH_UNKNOWN = ["why", "how", "whether", "if", "what", "when", "where", "which", "who"];

const WH_WORDS = new Set(["why", "how", "what", "when", "where", "which", "who", "whom", "whose"]);
const AUXILIARIES = new Set([
	"is", "are", "was", "were", "am", "do", "does", "did", "can", "could", "should", "would", "will", "has", "have",
	"isn't", "aren't", "wasn't", "weren't", "doesn't", "didn't", "can't", "couldn't", "shouldn't", "wouldn't", "won't",
	"hasn't", "haven't",
]);
/** The letters question words and auxiliaries start with: a sentence that starts otherwise asks nothing. */
const QUESTION_WORD_INITIALS = new Set([...WH_WORDS, ...AUXILIARIES].map((word) => word.charAt(0)));
/** After `do` or `have` these make an instruction, not a question (`Do the benchmark again`). */
const INSTRUCTION_AFTER: Record<string, readonly string[]> = {
	do: ["the", "a", "an", "not", "it", "this", "that", "some", "more", "so"],
	have: ["a", "an", "to", "the"],
	can: ["of"],
};
/** Words a title leaves in lower case. */
const SMALL = new Set(["a", "an", "the", "and", "or", "but", "nor", "at", "by", "for", "from", "in", "into", "of", "on", "onto", "to", "with", "vs", "via", "as", "per", "up"]);
/** A clause that says a reason or a way: `which is why`, `that is how`. */
const SAYS_WHY = ["is why", "is how", "was why", "was how", "is what", "is where"];

/*
 * What a text must hold to ask anything, for telling at a glance that it cannot. Each rule above
 * needs one of its words, and each word holds one character of its kind: a Chinese question word or
 * ending holds one of `ASKING_HANZI`, an admission `不` or `没`, an English question starts a word
 * with the first letter of a question word or an auxiliary, and an English admission holds its first
 * pair of letters (`do`, `no`, `un`, `wo`) in any case. The characters are taken from the word lists
 * themselves, so a word added to a list is never missed.
 */

/** An ASCII letter or digit: a letter after one starts no word. */
export const ALNUM = 1;
/** A character of a Chinese question word or ending. */
export const HANZI = 2;
/** A character of a Chinese admission of not knowing. */
export const HANZI_ADMISSION = 4;
/** `?` or `？`. */
export const MARK = 8;
/** The first letter of an English question word or auxiliary. */
export const FIRST_LETTER = 16;
/** The first letter of a pair that starts an English admission. */
export const PAIR_START = 32;
/** A character that lower case turns into ASCII (`İ`, the Kelvin sign): read as an admission. */
export const FOLDS_TO_ASCII = 64;

/** The characters the Chinese rules are told by, where a word holds one. */
const ASKING_HANZI = "什啥怎何否没不哪多吗呢";

/** The word lists, for tests that check every word is told by its characters. */
export const WORD_LISTS = {
	chinese: CHINESE.map(([word]) => word),
	chineseEndings: CHINESE_ENDINGS,
	chineseAdmissions: [...NOT_KNOWING, ...ADMISSIONS, ...UNCLEAR],
	whatIsUnknown: WHAT_IS_UNKNOWN,
	englishAdmissions: ENGLISH_ADMISSIONS,
	englishUnknown: ENGLISH_UNKNOWN,
	englishQuestionWords: [...WH_WORDS, ...AUXILIARIES],
} as const;

/** Kinds of the characters of the Basic Multilingual Plane; other characters have none. */
export const CHAR_KINDS = new Uint8Array(0x10000);
/** `first * 128 + second` for the letter pairs English admissions start with, lower case. */
const ADMISSION_PAIRS = new Set<number>();

function markHanzi(phrases: readonly string[], kind: number): void {
	for (const phrase of phrases) {
		let at = 0;
		while (at < phrase.length && !ASKING_HANZI.includes(phrase.charAt(at))) {
			at++;
		}
		const code = phrase.charCodeAt(at < phrase.length ? at : 0);
		CHAR_KINDS[code] = (CHAR_KINDS[code] as number) | kind;
	}
}

function markLetter(letter: string, kind: number): void {
	for (const code of [letter.toLowerCase().charCodeAt(0), letter.toUpperCase().charCodeAt(0)]) {
		CHAR_KINDS[code] = (CHAR_KINDS[code] as number) | kind;
	}
}

for (let code = 48; code < 123; code++) {
	if (code <= 57 || (code >= 65 && code <= 90) || code >= 97) {
		CHAR_KINDS[code] = ALNUM;
	}
}
markHanzi([...CHINESE.map(([word]) => word), ...CHINESE_ENDINGS], HANZI);
markHanzi([...NOT_KNOWING, ...ADMISSIONS, ...UNCLEAR], HANZI_ADMISSION);
CHAR_KINDS[63] = MARK;
CHAR_KINDS[0xff1f] = MARK;
for (const word of [...WH_WORDS, ...AUXILIARIES]) {
	markLetter(word.charAt(0), FIRST_LETTER);
}
for (const phrase of ENGLISH_ADMISSIONS) {
	let at = 0;
	while (at + 2 < phrase.length && !(isLetter(phrase.charCodeAt(at)) && isLetter(phrase.charCodeAt(at + 1)))) {
		at++;
	}
	markLetter(phrase.charAt(at), PAIR_START);
	ADMISSION_PAIRS.add(phrase.charCodeAt(at) * 128 + phrase.charCodeAt(at + 1));
}
CHAR_KINDS[0x130] = FOLDS_TO_ASCII;
CHAR_KINDS[0x212a] = FOLDS_TO_ASCII;

/** What a text may ask by, from `CHAR_KINDS`: one bit of `MAY_ASK_*` for each kind of rule. */
export const MAY_ASK_CHINESE = 1;
export const MAY_ASK_ADMIT_CHINESE = 2;
export const MAY_ASK_ENGLISH = 4;
export const MAY_ASK_ADMIT_ENGLISH = 8;
export const MAY_ASK_MARK = 16;

/** True when the letter at `at` (a `PAIR_START`) starts a pair an English admission starts with. */
export function startsAdmissionPair(text: string, at: number): boolean {
	const next = text.charCodeAt(at + 1);
	const lower = next >= 65 && next <= 90 ? next + 32 : next;
	return ADMISSION_PAIRS.has((text.charCodeAt(at) | 0x20) * 128 + lower);
}

/** The `MAY_ASK_*` kinds of rule that could find the text asking; 0 when none could. One pass. */
export function mayAskBy(text: string): number {
	let found = 0;
	let afterAlnum = false;
	for (let i = 0; i < text.length; i++) {
		const kinds = CHAR_KINDS[text.charCodeAt(i)] as number;
		if (kinds === 0) {
			afterAlnum = false;
			continue;
		}
		found |= kindsAt(text, i, kinds, afterAlnum);
		afterAlnum = (kinds & ALNUM) !== 0;
	}
	return found;
}

/** The `MAY_ASK_*` kinds the character at `at`, of kinds `kinds`, tells of. */
export function kindsAt(text: string, at: number, kinds: number, afterAlnum: boolean): number {
	let found = 0;
	if ((kinds & HANZI) !== 0) {
		found |= MAY_ASK_CHINESE;
	}
	if ((kinds & HANZI_ADMISSION) !== 0) {
		found |= MAY_ASK_ADMIT_CHINESE;
	}
	if ((kinds & MARK) !== 0) {
		found |= MAY_ASK_MARK;
	}
	if ((kinds & FIRST_LETTER) !== 0 && !afterAlnum) {
		found |= MAY_ASK_ENGLISH;
	}
	if ((kinds & FOLDS_TO_ASCII) !== 0 || ((kinds & PAIR_START) !== 0 && startsAdmissionPair(text, at))) {
		found |= MAY_ASK_ADMIT_ENGLISH;
	}
	return found;
}

/** True when the text admits not knowing something: 不知道为什么…, 没搞懂…, I'm not sure whether…. */
export function admitsNotKnowing(text: string): boolean {
	return admitsInChinese(text) || admitsInEnglish(text);
}

/** `admitsNotKnowing` in Chinese: 不知道为什么…, 没搞懂…, 不清楚…. */
export function admitsInChinese(text: string): boolean {
	for (const phrase of NOT_KNOWING) {
		for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
			let after = at + phrase.length;
			while (after < at + phrase.length + 8 && " \t到底具体究竟".includes(text.charAt(after))) {
				after++;
			}
			if (WHAT_IS_UNKNOWN.some((word) => text.startsWith(word, after))) {
				return true;
			}
		}
	}
	if (ADMISSIONS.some((phrase) => text.includes(phrase))) {
		return true;
	}
	for (const unclear of UNCLEAR) {
		for (let at = text.indexOf(unclear); at !== -1; at = text.indexOf(unclear, at + 1)) {
			if (!NOT_AN_ADMISSION.includes(text.charAt(at - 1))) {
				return true;
			}
		}
	}
	return false;
}

/** `admitsNotKnowing` in English: I'm not sure whether…, no idea why…. */
export function admitsInEnglish(text: string): boolean {
	const lower = text.toLowerCase();
	for (const phrase of ENGLISH_ADMISSIONS) {
		for (let at = lower.indexOf(phrase); at !== -1; at = lower.indexOf(phrase, at + 1)) {
			if (!phrase.endsWith(" ")) {
				return true;
			}
			const next = firstWord(lower, at + phrase.length);
			if (ENGLISH_UNKNOWN.includes(next.word)) {
				return true;
			}
		}
	}
	return false;
}

/**
 * True when a Chinese sentence or clause asks: a question word that no statement word stands
 * before, or a clause ending in 吗, 呢, 什么 ….
 */
export function asksInChinese(text: string): boolean {
	for (const [word, statement] of CHINESE) {
		for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
			const before = text.slice(Math.max(0, at - 4), at).trimEnd();
			if (!statement.some((lead) => before.endsWith(lead))) {
				return true;
			}
		}
	}
	let from = 0;
	for (let i = 0; i <= text.length; i++) {
		const char = text.charCodeAt(i);
		if (i === text.length || char === 0xff0c || char === 44 || char === 0x3001 || char === 0xff1a || char === 58) {
			const clause = text.slice(from, trimEnd(text, from, i));
			if (CHINESE_ENDINGS.some((ending) => clause.endsWith(ending) && !(ending === "什么" && /[没不]什么$/u.test(clause)))) {
				return true;
			}
			from = i + 1;
		}
	}
	return false;
}

/**
 * `Q:` and then `but`, `and` or `so` at the start of a question: one pattern for the two that were
 * taken off one after the other (`Q:` first, then the conjunction from where it ended).
 */
const LEAD = /^(?:[\s*_]*(?:q|问)[:：](?:[\s*_]*(?:but|and|so)[\s,]+)?|[\s*_]*(?:but|and|so)[\s,]+)/iu;

/**
 * Where the first English word at or after `from` starts, past spaces, emphasis, quotes and opening
 * brackets; where something else stands first when no letter does (or the end of the text).
 */
function wordStart(text: string, from: number): number {
	let start = from;
	while (start < text.length && !isLetter(text.charCodeAt(start)) && " \t*_\"'“‘([（【".includes(text.charAt(start))) {
		start++;
	}
	return start;
}

/** The first English word at or after `from` (lower case), and where it ends. */
function firstWord(text: string, from: number): { word: string; end: number } {
	const start = wordStart(text, from);
	if (!isLetter(text.charCodeAt(start))) {
		return { word: "", end: start };
	}
	let end = start;
	while (end < text.length && (isLetter(text.charCodeAt(end)) || text.charAt(end) === "'" || text.charAt(end) === "’")) {
		end++;
	}
	return { word: text.slice(start, end).toLowerCase().replace(/’/g, "'"), end };
}

function isLetter(char: number): boolean {
	return (char >= 65 && char <= 90) || (char >= 97 && char <= 122);
}

/** The English words of a text, as written. */
function words(text: string): string[] {
	const found: string[] = [];
	let start = -1;
	for (let i = 0; i <= text.length; i++) {
		const char = text.charCodeAt(i);
		const inWord = i < text.length && (isLetter(char) || (start !== -1 && (char === 39 || char === 45 || (char >= 48 && char <= 57))));
		if (inWord && start === -1) {
			start = i;
		} else if (!inWord && start !== -1) {
			found.push(text.slice(start, i));
			start = -1;
		}
	}
	return found;
}

/** Title Case: every word after the first that a title capitalizes starts with a capital (at least two). */
function isTitleCase(list: readonly string[]): boolean {
	let capitalized = 0;
	for (const word of list.slice(1)) {
		if (SMALL.has(word.toLowerCase())) {
			continue;
		}
		const first = word.charCodeAt(0);
		if (first < 65 || first > 90) {
			return false;
		}
		capitalized++;
	}
	return capitalized >= 2;
}

/**
 * True when an English sentence asks: it starts with a question word (`why`, `how` …) or an
 * auxiliary verb (`is`, `should` …), is no Title Case headline, and is no instruction (`Do the …`).
 */
export function asksInEnglish(text: string): boolean {
	// `Q:` before the question and `but`, `and`, `so` starting it ask nothing themselves.
	const body = text.replace(LEAD, "");
	const first = body.charAt(wordStart(body, 0)).toLowerCase();
	if (!QUESTION_WORD_INITIALS.has(first)) {
		return false;
	}
	const { word, end } = firstWord(body, 0);
	const head = word.endsWith("'s") ? word.slice(0, -2) : word;
	const wh = WH_WORDS.has(head);
	if (!wh && !AUXILIARIES.has(word)) {
		return false;
	}
	const list = words(body);
	if (list.length < (wh ? 2 : 3) || isTitleCase(list)) {
		return false;
	}
	const second = (list[1] ?? "").toLowerCase();
	const rest = body.slice(end).toLowerCase().trimStart();
	if ((INSTRUCTION_AFTER[word] ?? []).includes(second) || (word === "do" && /^\d/.test(second))) {
		return false;
	}
	if (wh && SAYS_WHY.some((phrase) => rest.startsWith(phrase))) {
		return false;
	}
	if (head === "when" || head === "where") {
		// `When the GC runs, it stops the world`: a question only if what follows the comma asks.
		const comma = body.indexOf(",");
		if (comma !== -1) {
			const after = firstWord(body, comma + 1).word;
			return WH_WORDS.has(after) || AUXILIARIES.has(after);
		}
	}
	return true;
}
