/**
 * Does a piece of text ask something, without a question mark? The words people ask with, in
 * Chinese (为什么, 如何, 是否 …, a clause ending in 吗 or 呢) and English (a sentence that starts with
 * why, how, is, should …), and the admissions of not knowing (不知道为什么, not sure whether …); minus
 * the statements that only contain those words (这也是为什么…, 如何做到 X：answer, Title Case
 * headlines). Each test is a fixed number of forward scans over the text.
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

/** True when the text admits not knowing something: 不知道为什么…, 没搞懂…, I'm not sure whether…. */
export function admitsNotKnowing(text: string): boolean {
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
	for (const unclear of ["不清楚", "不太清楚"]) {
		for (let at = text.indexOf(unclear); at !== -1; at = text.indexOf(unclear, at + 1)) {
			if (!NOT_AN_ADMISSION.includes(text.charAt(at - 1))) {
				return true;
			}
		}
	}
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

/** The first English word at or after `from` (lower case), and where it ends. */
function firstWord(text: string, from: number): { word: string; end: number } {
	let start = from;
	while (start < text.length && !isLetter(text.charCodeAt(start))) {
		const char = text.charAt(start);
		if (!" \t*_\"'“‘([（【".includes(char)) {
			return { word: "", end: start };
		}
		start++;
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
	const body = text.replace(/^[\s*_]*(?:q|问)[:：]/iu, "").replace(/^[\s*_]*(?:but|and|so)[\s,]+/iu, "");
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
