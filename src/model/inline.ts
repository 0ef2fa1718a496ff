import { InlineScanner } from "./inline-scan";

/**
 * A small, safe reading of inline markdown for one line of a study item: emphasis, code, links,
 * wikilinks, tags. It only ever yields text and link targets: nothing in a note is run or parsed as
 * HTML. The view turns the tokens into DOM with text nodes.
 */
export type InlineToken =
	| { type: "text"; text: string }
	| { type: "code"; text: string }
	| { type: "strong" | "em" | "strike" | "mark"; children: InlineToken[] }
	| { type: "link"; href: string; children: InlineToken[] }
	| { type: "wikilink"; target: string; text: string }
	| { type: "tag"; tag: string };

const DELIMITERS: Array<{ open: string; type: "strong" | "em" | "strike" | "mark" }> = [
	{ open: "**", type: "strong" },
	{ open: "__", type: "strong" },
	{ open: "~~", type: "strike" },
	{ open: "==", type: "mark" },
	{ open: "*", type: "em" },
	{ open: "_", type: "em" },
];

// Sticky patterns, tried at one position each; none has two quantifiers that can trade characters,
// and what each can scan is left behind by the parser, so a hostile line costs linear time. Links,
// code spans and emphasis look further ahead: the scanner (inline-scan.ts) remembers those searches.
const TAG = /#[^\s!"#$%&'()*+,.:;<=>?@[\\\]^`{|}~\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20]+/uy;
const BARE_URL = /https?:\/\/[^\s<>()[\]"'`]*[^\s<>()[\]"'`.,;:!?。，；：！？]/uy;

function stickyAt(pattern: RegExp, source: string, at: number): RegExpExecArray | null {
	pattern.lastIndex = at;
	return pattern.exec(source);
}
const MAX_DEPTH = 4;

export function parseInline(source: string, depth = 0): InlineToken[] {
	const tokens: InlineToken[] = [];
	const scan = new InlineScanner(source);
	let text = "";
	// Plain characters are taken as one slice of the source when the text ends, not one by one.
	let plainFrom = -1;
	let i = 0;
	const endPlain = (): void => {
		if (plainFrom !== -1) {
			text += source.slice(plainFrom, i);
			plainFrom = -1;
		}
	};
	const flush = (): void => {
		endPlain();
		if (text !== "") {
			tokens.push({ type: "text", text });
			text = "";
		}
	};
	while (i < source.length) {
		const char = source[i] as string;
		if (char === "\\" && i + 1 < source.length && /[\\`*_~=[\]#()!]/.test(source[i + 1] as string)) {
			endPlain();
			text += source[i + 1];
			i += 2;
			continue;
		}
		if (char === "`") {
			const code = scan.codeSpan(i);
			if (code !== null) {
				flush();
				tokens.push({ type: "code", text: source.slice(i + code.ticks, code.close).trim() });
				i = code.close + code.ticks;
				continue;
			}
		}
		if (char === "[" || (char === "!" && source[i + 1] === "[")) {
			const wiki = scan.wikilink(i);
			if (wiki) {
				flush();
				const target = wiki.target.trim();
				tokens.push({ type: "wikilink", target, text: wiki.alias !== undefined && wiki.alias !== "" ? wiki.alias : target });
				i += wiki.length;
				continue;
			}
			const link = char === "[" ? scan.markdownLink(i) : null;
			if (link) {
				flush();
				let href = link.href;
				if (href.startsWith("<")) {
					href = href.slice(1, -1);
				}
				tokens.push({ type: "link", href, children: depth < MAX_DEPTH ? parseInline(link.text, depth + 1) : [{ type: "text", text: link.text }] });
				i += link.length;
				continue;
			}
		}
		if (char === "#" && (i === 0 || /\s/.test(source[i - 1] as string))) {
			const tag = stickyAt(TAG, source, i);
			if (tag && !/^#[\d/]+$/.test(tag[0])) {
				flush();
				tokens.push({ type: "tag", tag: tag[0] });
				i += tag[0].length;
				continue;
			}
		}
		if ((char === "h" || char === "H") && (i === 0 || !/[\w/]/.test(source[i - 1] as string))) {
			const url = stickyAt(BARE_URL, source, i);
			if (url) {
				flush();
				tokens.push({ type: "link", href: url[0], children: [{ type: "text", text: url[0] }] });
				i += url[0].length;
				continue;
			}
		}
		if (depth < MAX_DEPTH) {
			const delimiter = DELIMITERS.find((entry) => source.startsWith(entry.open, i));
			const intraword = char === "_" && i > 0 && /[\p{L}\p{N}]/u.test(source[i - 1] as string);
			if (delimiter && !intraword) {
				const from = i + delimiter.open.length;
				const after = source[from];
				// The closer is looked for from one character after the opener's end.
				const close = after !== undefined && after !== " " ? scan.closer(delimiter.open, from + 1) : -1;
				if (close !== -1) {
					flush();
					tokens.push({ type: delimiter.type, children: parseInline(source.slice(from, close), depth + 1) });
					i = close + delimiter.open.length;
					continue;
				}
			}
		}
		if (plainFrom === -1) {
			plainFrom = i;
		}
		i++;
	}
	flush();
	return tokens;
}

/** The plain text of tokens, for filtering and tooltips. */
export function plainText(tokens: readonly InlineToken[]): string {
	return tokens
		.map((token) => {
			switch (token.type) {
				case "text":
				case "code":
					return token.text;
				case "wikilink":
					return token.text;
				case "tag":
					return token.tag;
				default:
					return plainText(token.children);
			}
		})
		.join("");
}
