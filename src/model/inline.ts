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
// so a hostile line costs linear time.
const MARKDOWN_LINK = /\[((?:[^[\]\\]|\\.)*)\]\([\t ]*(<[^>]*>|(?:[^\s()]|\([^\s()]*\))+)(?:[\t ]+"[^"]*")?\)/y;
const WIKILINK = /!?\[\[([^\]|]+)(?:\|([^\]]*))?\]\]/y;
const TAG = /#[^\s!"#$%&'()*+,.:;<=>?@[\\\]^`{|}~\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20]+/uy;
const BARE_URL = /https?:\/\/[^\s<>()[\]"'`]*[^\s<>()[\]"'`.,;:!?。，；：！？]/uy;
const BACKTICKS = /`+/y;

function stickyAt(pattern: RegExp, source: string, at: number): RegExpExecArray | null {
	pattern.lastIndex = at;
	return pattern.exec(source);
}
const MAX_DEPTH = 4;

export function parseInline(source: string, depth = 0): InlineToken[] {
	const tokens: InlineToken[] = [];
	let text = "";
	const flush = (): void => {
		if (text !== "") {
			tokens.push({ type: "text", text });
			text = "";
		}
	};
	let i = 0;
	while (i < source.length) {
		const char = source[i] as string;
		if (char === "\\" && i + 1 < source.length && /[\\`*_~=[\]#()!]/.test(source[i + 1] as string)) {
			text += source[i + 1];
			i += 2;
			continue;
		}
		if (char === "`") {
			const run = stickyAt(BACKTICKS, source, i)?.[0] ?? "`";
			const close = source.indexOf(run, i + run.length);
			if (close !== -1) {
				flush();
				tokens.push({ type: "code", text: source.slice(i + run.length, close).trim() });
				i = close + run.length;
				continue;
			}
		}
		if (char === "[" || (char === "!" && source[i + 1] === "[")) {
			const wiki = stickyAt(WIKILINK, source, i);
			if (wiki) {
				flush();
				const target = (wiki[1] ?? "").trim();
				tokens.push({ type: "wikilink", target, text: wiki[2] !== undefined && wiki[2] !== "" ? wiki[2] : target });
				i += wiki[0].length;
				continue;
			}
			const link = char === "[" ? stickyAt(MARKDOWN_LINK, source, i) : null;
			if (link) {
				flush();
				let href = link[2] ?? "";
				if (href.startsWith("<")) {
					href = href.slice(1, -1);
				}
				tokens.push({ type: "link", href, children: depth < MAX_DEPTH ? parseInline(link[1] ?? "", depth + 1) : [{ type: "text", text: link[1] ?? "" }] });
				i += link[0].length;
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
				const after = source[i + delimiter.open.length];
				const close = after !== undefined && after !== " " ? findClose(source, i + delimiter.open.length, delimiter.open) : -1;
				if (close !== -1) {
					flush();
					tokens.push({ type: delimiter.type, children: parseInline(source.slice(i + delimiter.open.length, close), depth + 1) });
					i = close + delimiter.open.length;
					continue;
				}
			}
		}
		text += char;
		i++;
	}
	flush();
	return tokens;
}

function findClose(source: string, from: number, delimiter: string): number {
	let at = source.indexOf(delimiter, from + 1);
	while (at !== -1) {
		if (source[at - 1] !== " " && source[at - 1] !== "\\") {
			return at;
		}
		at = source.indexOf(delimiter, at + 1);
	}
	return -1;
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
