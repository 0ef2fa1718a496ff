import { BASE, genAbove, genAny, genBelow, genTwins, type Vocab } from "../adversary/gen";
import type { Case } from "../adversary/lib";
import type { MultiCase } from "./lib2";

type R = () => number;
export const pick = <T>(r: R, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
export const many = (r: R, xs: readonly string[], max: number, min = 0): string[] => Array.from({ length: min + Math.floor(r() * (max - min + 1)) }, () => pick(r, xs));

/** Task lines whose end a tie or a completion date writes into. */
export const TAIL_TASKS = [
	"- [ ] a |", "- [ ] a | b |", "- [x] a | b | ✅ 2020-01-01", "- [x] a | ✅ 2020-01-01", "- [ ] a ^blk", "- [x] a ✅ 2020-01-01", "- [x] a ✅ 2020-01-01 ^b-1",
	"- [ ] a ✅ 2020-01-01", "- [ ] a `b", "- [ ] a <!--", "- [ ] a %%", "- [ ] <span>", "- [x] <span> ✅ 2020-01-01", "- [ ] a \\", "- [ ] [x](http://a",
	"- [ ] a ^blk ", "- [ ] a ✅ 2020-01-01 x", "- [ ] <b>", "- [ ] <a href=\"x\">", "- [ ] a | b", "1. [ ] a |", "* [/] a |", "- [ ] |", "- [ ] a <span", "- [ ]  ^x",
	"- [x] a ^x ✅ 2020-01-01", "- [ ] a ✅ 2020-01-01 ✅ 2020-01-02", "- [-] a |", "- [ ] a (1.1.1)", "- [ ] [a](b", "- [ ] a <!-- b -->", "- [ ] a\t|",
];
const TAIL_NESTED = ["  - [ ] n |", "  - [x] n | ✅ 2020-01-01", "  - [ ] n ^id", "    - [ ] n `", "  - [ ] <span>", "  1. [ ] n |"];
/** What follows such a line and gives its end a meaning: delimiter rows, closers. */
export const FOLLOWERS = ["  -|-", "-|-", "  | - | - |", "  --- | ---", "  c`", "  -->", "  b -->", "  %%", "  `", "   x` y", "  -|-|-", "  - | -", "  |-|", "-|-|-", "  :-|-:", "    -|-", "  > a", "  [^1]: n"];

export const V2: Vocab = {
	tricky: [...BASE.tricky, ...FOLLOWERS],
	inert: BASE.inert,
	struct: [...BASE.struct, ...TAIL_TASKS, ...FOLLOWERS],
	stops: BASE.stops,
	runTop: [...BASE.runTop, ...TAIL_TASKS, ...TAIL_TASKS],
	runNested: [...BASE.runNested, ...TAIL_NESTED, ...FOLLOWERS, ...FOLLOWERS],
};

/** No change at all: the text the dashboard was drawn from is the note's text (the common case). */
export function genSame(r: R, v: Vocab): Case {
	const all = [...v.runTop, ...v.runTop, ...v.runNested, ...v.struct, ...v.inert, ...FOLLOWERS, ...FOLLOWERS];
	const pre = [...pick(r, [[], [], ["---", "a: 1", "---"], ["\uFEFF# t"]]), ...many(r, all, 12, 1)];
	const post = many(r, all, 6);
	return { pre, removed: [], added: [], post, target: Math.floor(r() * (pre.length + post.length)), eol: r() < 0.8 ? "\n" : "\r\n", trailing: r() < 0.7, mode: "task" };
}

const BASE_GENS = { below: genBelow, above: genAbove, any: genAny, twins: genTwins };

/** Stretches of lines the product calls inert (task lines with tails among them): more writes through the diff. */
export const V2_INERT: Vocab = { ...V2, tricky: [...BASE.inert, ...TAIL_TASKS.filter((l) => !/[|<`%]/.test(l)), "- [ ] a ^blk", "[^1]: n", "[a]: /u"], struct: [...BASE.inert, "", "# g", ...TAIL_TASKS], stops: ["", "# g"] };

export function genCase(r: R, v: Vocab, kind: string): Case | null {
	if (kind === "same") return genSame(r, v);
	if (kind.endsWith("-inert")) return BASE_GENS[kind.slice(0, -6) as keyof typeof BASE_GENS](r, V2_INERT, "task");
	return BASE_GENS[kind as keyof typeof BASE_GENS](r, v, "task");
}

/** A case with one to four targets: the drawn tasks outside the stretch. */
export function genMulti(r: R, v: Vocab, kind: string): MultiCase | null {
	const c = genCase(r, v, kind);
	if (c === null) return null;
	const drawnLen = c.pre.length + c.removed.length + c.post.length;
	const outside = Array.from({ length: drawnLen }, (_, i) => i).filter((i) => i < c.pre.length || i >= c.pre.length + c.removed.length);
	const n = 1 + Math.floor(r() * 4);
	const targets = [c.target];
	for (let k = 1; k < n; k++) targets.push(pick(r, outside));
	return { ...c, targets: [...new Set(targets)] };
}

/** A long stretch (hundreds of lines) of lines the product may call inert, with tricky ones mixed in. */
export function genLong(r: R, v: Vocab): Case | null {
	const c = r() < 0.5 ? genBelow(r, v, "task") : genAbove(r, v, "task");
	if (c === null) return null;
	const pool = r() < 0.5 ? v.inert : [...v.inert, ...v.inert, ...v.inert, ...v.tricky, ...FOLLOWERS];
	const n = 100 + Math.floor(r() * 2100);
	const long = many(r, pool, n, n);
	const which = r();
	const removed = which < 0.4 ? long : which < 0.7 ? c.removed : [...long.slice(0, n >> 1), ...c.removed];
	const added = which < 0.4 ? c.added : which < 0.7 ? long : [...long.slice(n >> 2), ...c.added];
	const shift = removed.length - c.removed.length;
	const target = c.target >= c.pre.length + c.removed.length ? c.target + shift : c.target;
	return { ...c, removed, added, target };
}
