/** @jest-environment node */
import { BASE, genAbove, genAny, genBelow, genTwins, type Vocab, without } from "./gen";
import { type Case, counters, currentOf, drawnOf, isValid, judge, minimise, rng } from "./lib";

const RUNS = Number(process.env.ADV_RUNS ?? 2000);
const SEED = Number(process.env.ADV_SEED ?? 1);
const GEN = (process.env.ADV_GEN ?? "below,above,any,twins").split(",");
const MODES = (process.env.ADV_MODE ?? "task,question").split(",") as Array<"task" | "question">;
const EXCLUDE = (process.env.ADV_EXCLUDE ?? "").split(",").filter((x) => x !== "");

/** Known classes, to be left out when hunting for others. */
const CLASSES: Record<string, (line: string) => boolean> = {
	// an HTML block's end condition (types 1, 3, 4, 5) inside a line the product calls inert
	htmlend: (l) => /<\/(script|pre|style|textarea)>|\?>|>|\]\]>/i.test(l) && !/^[\t ]*</.test(l),
	// a lone carriage return: the oracle reads it as a space, the product as a plain character
	cr: (l) => l.includes("\r"),
	// other white space the product's trim() takes for blank
	uws: (l) => /[\u00A0\u3000\uFEFF\f\v\u2028\u2029\u0085]/.test(l) && l.trim() === "",
};

function vocab(): Vocab {
	let v = BASE;
	for (const name of EXCLUDE) v = without(v, CLASSES[name] as (l: string) => boolean);
	return v;
}

const gens = { below: genBelow, above: genAbove, any: genAny, twins: genTwins };

it.each(MODES)(`never writes a wrong line: ${GEN.join("+")} x ${RUNS} (seed ${SEED}, %s, excluding ${EXCLUDE.join(",") || "nothing"})`, (MODE) => {
	const v = vocab();
	const stats: Record<string, { cases: number; valid: number; written: number; failed: number }> = {};
	const found = new Map<string, Case>();
	for (const g of GEN) {
		const r = rng(SEED * 7919 + g.length);
		const s = (stats[g] = { cases: 0, valid: 0, written: 0, failed: 0 });
		for (let i = 0; i < RUNS; i++) {
			const c = gens[g as keyof typeof gens](r, v, MODE);
			s.cases++;
			if (c === null || !isValid(c)) continue;
			s.valid++;
			const w = counters.written;
			const verdict = judge(c);
			s.written += counters.written - w;
			if (verdict === null) continue;
			s.failed++;
			if (found.size < 40) {
				const saved = { ...counters };
				const m = minimise(c);
				Object.assign(counters, saved);
				const key = JSON.stringify([m.pre, m.removed, m.added, m.post, m.target - m.pre.length]);
				if (!found.has(key)) found.set(key, m);
			}
		}
	}
	const failures = [...found.values()].map((m) => `${JSON.stringify(judge(m))} drawn=${JSON.stringify(drawnOf(m))} current=${JSON.stringify(currentOf(m))} target=${m.target}`);
	expect(failures).toEqual([]);
	expect(Object.values(stats).reduce((sum, s) => sum + s.valid, 0)).toBeGreaterThan(RUNS / 10);
});
