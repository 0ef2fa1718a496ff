import type { Case } from "./lib";

export interface Vocab {
	/** lines the product should consider inert but that may be structural */
	tricky: string[];
	inert: string[];
	struct: string[];
	stops: string[];
	runTop: string[];
	runNested: string[];
}

const TASKS_COL0 = ["- [ ] t", "* [ ] t", "+ [x] t", "1. [ ] t", "1) [/] t", "- [ ]", "- [ ] ", "-\t[ ] t", "- [ ]\tt", "- [-] t", "- [中] t", "* [ ] *", "- [ ] - [ ] t", "- [ ] 1. t", "- [ ] > t", "- [ ] # t", "- [ ] <pre>", "- [ ] ```", "- [ ] ~~~", "- [ ] %%", "- [ ] $$", "- [ ] ---", "- [ ] ===", "- [ ] | a |", "- [ ] <!--", "- [ ] <div>"];
const TASKS_NESTED = ["  - [ ] n", "    - [ ] n", "\t- [ ] n", "   - [ ] n", "      - [ ] n", "  1. [ ] n", "   1) [x] n", "\t\t- [ ] n", "  > - [ ] n", "  - [ ]", " - [ ] n", "     - [ ] n", "        - [ ] deep"];

export const BASE: Vocab = {
	tricky: [
		"a </pre>", "x </script>", "y </style>", "z </textarea>", "b ?>", "c > d", "e ]]>", "   a </PRE>", "- a </pre>", "# h </script>", "1. x ?>",
		"\r", "\r<pre>", "\r<div>", "\r> q", "\r---", "\r===", "\r# h", "\r    x", "\r- [ ]", "\r1. a", "\r<span>", "\r<?php", "\r<!DOCTYPE", "\r- [ ] r", "a\rb", "\r ",
		"\u00A0", "\u3000", "\u2028", "\u2029", "\uFEFF", "\f", "\v", "\u00A0- [ ] a", "\u00A0<pre>", "\t\u00A0", "\u0085", "\u200B",
		"a\u0000b", "\u0000", "\u0000<pre>",
		"- [ ]", "-", "- ", "1.", "2.", "*", "+", "2. a", "0) a", "10. a", "- - a", "* - a", "- [ ] a", "-\t[ ]", "1) [ ]",
		"  a", "    a", "\ta", "      a", " a", "  - a", "    - [ ] a",
		"# h", "#h", "###### h", "####### h", "   # h", "#", "# ", "#\t",
		"[a]: /u", "[^1]: n", "[^1]:", "a\\", "a  ", "*a*", "_a_", "**", "__", "--a", "-- a", "+++", "***a", "+ + a", "_ _", "-\u00A0-\u00A0-",
		"- # h", "- \u00A0<pre>", "1. # x", "- a |", "a -- b", "- === ", "=a", "a=", "a ```", "a ~~~",
		"\\---", "\\<pre>", "&lt;pre>", "a <pre>", "a <!--", "a</div>", "foo <div>", "    <pre>", "\t<pre>", "    ```x",
		"[!note]", "a [!note]", "- [!note]", "\\> a",
	],
	inert: ["a", "text", "some words", "- item", "* item", "1. item", "  cont", "    more", "`x` y", "**b**", "#tag here", "[[link]]", "a?"],
	struct: [
		"", "", "", "   ", "\t",
		"```", "~~~", "````", "```js", "  ```", "   ~~~", "- ```", "> ```", "    ```",
		"%%", "%% c %%", "a %%", "%% a", "<!--", "-->", "<!-- c -->",
		"<pre>", "<script>", "<style>", "<textarea>", "<?php", "<!DOCTYPE html", "<![CDATA[", "<div>", "</div>", "<table>", "<span>", "<custom-el>", "<a href=\"x\">", "<p>", "</p>", "<details>",
		"$$", "$$ x $$",
		"===", "---", "-", "=", "  ---", "***", "* * *", "_ _ _", "- - -", "___",
		"| a | b |", "a | b", "--- | ---", "|---|---|", "| - |",
		"[^1]: note", "    continuation",
		"> [!note]", "> [!question]- q?", "> - [ ] t", ">", "> > - [ ] t", "> a", "> ", ">- [ ] t",
		"# h", "## h2", "h", "para", "- plain?", "  - nested?", "1. numbered", "2. two", "    code", "\tcode",
		...TASKS_COL0, ...TASKS_NESTED,
	],
	stops: ["", "", "   ", "\t", "# g", "## g", "#", "\r", "\u00A0", "\u3000", "\uFEFF", "\f", "\v", "\u2028", "###### g", "#\tg"],
	runTop: [...TASKS_COL0, "- a", "* a", "+ a", "1. a", "1) a", "- why?", "* why?", "1. why?"],
	runNested: [...TASKS_NESTED, "  a", "    a", "\ta", "  ```", "    ```", "  %%", "  <pre>", "  > a", "  <!--", "  -->", "  $$", "  ---", "  ===", "  | a |", "  a </pre>", "  - why?", "   ```", "  </pre>", "      code", "  \r", "  - [ ]"],
};

export function without(v: Vocab, drop: (line: string) => boolean): Vocab {
	const f = (xs: string[]) => xs.filter((x) => !drop(x));
	return { tricky: f(v.tricky), inert: f(v.inert), struct: f(v.struct), stops: f(v.stops), runTop: f(v.runTop), runNested: f(v.runNested) };
}

type R = () => number;
const pick = <T>(r: R, xs: T[]): T => xs[Math.floor(r() * xs.length)] as T;
const many = (r: R, xs: string[], max: number, min = 0): string[] => {
	const n = min + Math.floor(r() * (max - min + 1));
	return Array.from({ length: n }, () => pick(r, xs));
};

const FRONTMATTER = [[], [], [], ["---", "tags: [a]", "---"], ["---", "a: |", "  - [ ] x", "---"], ["---", "bad: [", "---"], ["---", "a: 1"], ["\uFEFF---", "a: 1", "---"]];

function eolOf(r: R): "\n" | "\r\n" {
	return r() < 0.8 ? "\n" : "\r\n";
}

function stretch(r: R, v: Vocab): { removed: string[]; added: string[] } {
	const pool = r() < 0.7 ? [...v.tricky, ...v.tricky, ...v.inert] : [...v.tricky, ...v.inert, ...v.struct];
	let removed = many(r, pool, 3);
	let added = many(r, pool, 3);
	if (removed.length === 0 && added.length === 0) added = [pick(r, pool)];
	if (r() < 0.3 && removed.length > 0) {
		// an edit of one line: keep the others equal
		added = [...removed];
		added[Math.floor(r() * added.length)] = pick(r, pool);
	}
	return { removed, added };
}

/** The target is below the changed stretch, in a list that starts after a blank line or a heading. */
export function genBelow(r: R, v: Vocab, mode: "task" | "question" = "task"): Case | null {
	const pre = [...pick(r, FRONTMATTER), "# top", ...many(r, [...v.struct, ...v.inert, ...v.tricky], 5)];
	const { removed, added } = stretch(r, v);
	const gap = many(r, [...v.inert, ...v.tricky, "", ""], 3);
	const run = [pick(r, v.runTop), ...many(r, [...v.runTop, ...v.runNested, ...v.runNested], 5)];
	const tail = many(r, [...v.struct, ...v.inert], 3);
	const post = [...gap, pick(r, v.stops), ...run, ...tail];
	const base = pre.length + removed.length + gap.length + 1;
	const target = base + Math.floor(r() * run.length);
	return { pre, removed, added, post, target, eol: eolOf(r), trailing: r() < 0.7, mode };
}

/** The target is above the changed stretch. */
export function genAbove(r: R, v: Vocab, mode: "task" | "question" = "task"): Case | null {
	const head = [...pick(r, FRONTMATTER), "# top", ...many(r, [...v.struct, ...v.inert], 4)];
	const run = [pick(r, v.runTop), ...many(r, [...v.runTop, ...v.runNested], 4)];
	const sep = [...many(r, [...v.struct, ...v.inert, ...v.tricky], 2), pick(r, v.stops), ...many(r, [...v.inert, ...v.tricky, ...v.struct], 3)];
	const pre = [...head, ...run, ...sep];
	const { removed, added } = stretch(r, v);
	const post = many(r, [...v.struct, ...v.inert, ...v.tricky], 5);
	const target = head.length + Math.floor(r() * run.length);
	return { pre, removed, added, post, target, eol: eolOf(r), trailing: r() < 0.7, mode };
}

/** Anything: random notes, random stretches, target anywhere outside the stretch. */
export function genAny(r: R, v: Vocab, mode: "task" | "question" = "task"): Case | null {
	const all = [...v.struct, ...v.inert, ...v.tricky, ...v.runTop, ...v.runNested];
	const pre = [...pick(r, FRONTMATTER), ...many(r, all, 10, 1)];
	const { removed, added } = stretch(r, { ...v, tricky: [...v.tricky, ...v.struct] });
	const post = many(r, all, 10, 1);
	const n = pre.length + removed.length + post.length;
	let target = Math.floor(r() * n);
	if (target >= pre.length && target < pre.length + removed.length) target = pre.length + removed.length;
	return { pre, removed, added, post, target, eol: eolOf(r), trailing: r() < 0.7, mode };
}

/** Identical lines: copies of a task line in the stretch and around it. */
export function genTwins(r: R, v: Vocab, mode: "task" | "question" = "task"): Case | null {
	const c = r() < 0.5 ? genBelow(r, v, mode) : genAbove(r, v, mode);
	if (c === null) return null;
	const drawn = [...c.pre, ...c.removed, ...c.post];
	const twin = drawn[c.target] as string;
	const k = Math.floor(r() * 4);
	const put = (arr: string[]) => arr.splice(Math.floor(r() * (arr.length + 1)), 0, twin);
	const parts = [c.removed, c.added, c.added, c.removed];
	const t = { ...c, removed: [...c.removed], added: [...c.added], pre: [...c.pre], post: [...c.post] };
	for (let i = 0; i < k; i++) put([t.removed, t.added][Math.floor(r() * 2)] as string[]);
	void parts;
	// recompute the target: it kept its place relative to pre/post
	const offset = t.removed.length - c.removed.length;
	if (c.target >= c.pre.length + c.removed.length) t.target = c.target + offset;
	if (r() < 0.3) {
		// a twin in the unchanged part too, before or after the target
		const at = Math.floor(r() * (t.post.length + 1));
		t.post.splice(at, 0, twin);
		if (t.pre.length + t.removed.length + at <= t.target) t.target++;
	}
	return t;
}
