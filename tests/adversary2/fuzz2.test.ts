/** @jest-environment node */
import { type Case, currentOf, drawnOf, isValid } from "../adversary/lib";
import { rng } from "../adversary/lib";
import { genCase, genLong, genMulti, V2 } from "./gen2";
import { isValidMulti, judgeDate, judgeTie, type MultiCase, shrink, stats, type Verdict } from "./lib2";
import { judge } from "../adversary/lib";

const RUNS = Number(process.env.ADV2_RUNS ?? 1000);
const SEED = Number(process.env.ADV2_SEED ?? 1);
const KINDS = ["same", "below", "above", "any", "twins", "below-inert", "above-inert", "twins-inert"];
const SKIP = (process.env.ADV2_SKIP ?? "").split(",").filter((x) => x !== "");

function hunt<C extends Case>(name: string, make: (r: () => number, kind: string) => C | null, valid: (c: C) => boolean, judgeIt: (c: C) => Verdict, kinds: string[], runs: number): string[] {
	const found = new Map<string, string>();
	const perKind: Record<string, { cases: number; valid: number; written: number; failed: Record<string, number> }> = {};
	for (const kind of kinds) {
		const r = rng(SEED * 7919 + kind.length * 31 + name.length);
		const s: { cases: number; valid: number; written: number; failed: Record<string, number> } = (perKind[kind] = { cases: 0, valid: 0, written: 0, failed: {} });
		for (let i = 0; i < runs; i++) {
			const c = make(r, kind);
			s.cases++;
			if (c === null || !valid(c)) continue;
			s.valid++;
			const w = stats.written;
			const verdict = judgeIt(c);
			s.written += stats.written - w;
			if (verdict === null || SKIP.includes(verdict.kind)) continue;
			s.failed[verdict.kind] = (s.failed[verdict.kind] ?? 0) + 1;
			if ([...found.keys()].filter((k) => k.startsWith(verdict.kind)).length < 3) {
				const saved = { ...stats };
				const m = shrink(c, (x) => valid(x) && judgeIt(x)?.kind === verdict.kind);
				Object.assign(stats, saved);
				const v = judgeIt(m);
				const key = `${v?.kind} ${JSON.stringify(drawnOf(m))} ${JSON.stringify(currentOf(m))}`;
				if (!found.has(key)) found.set(key, `${JSON.stringify(v)} drawn=${JSON.stringify(drawnOf(m))} current=${JSON.stringify(currentOf(m))} targets=${JSON.stringify("targets" in m ? (m as unknown as MultiCase).targets : [m.target])}`);
			}
		}
	}
	process.stdout.write(`${name}: ${JSON.stringify(perKind)}\n`);
	return [...found.values()];
}

describe("round 2 fuzz", () => {
	it(`completion dates: ${KINDS.join("+")} x ${RUNS}`, () => {
		const failures = hunt("date", (r, k) => genCase(r, V2, k), isValid, (c) => judgeDate(c), KINDS, RUNS);
		process.stdout.write(failures.join("\n") + "\n");
		expect(failures).toEqual([]);
	});
	it(`ties over one to four items: ${KINDS.join("+")} x ${RUNS}`, () => {
		const failures = hunt("tie", (r, k) => genMulti(r, V2, k), isValidMulti, (c) => judgeTie(c), KINDS, RUNS);
		process.stdout.write(failures.join("\n") + "\n");
		expect(failures).toEqual([]);
	});
	it(`long stretches (100-2200 lines), check-off x ${Math.ceil(RUNS / 10)}`, () => {
		const failures = hunt("long", (r) => genLong(r, V2), isValid, (c) => judge(c), ["long"], Math.ceil(RUNS / 10));
		process.stdout.write(failures.join("\n") + "\n");
		expect(failures).toEqual([]);
	});
});
