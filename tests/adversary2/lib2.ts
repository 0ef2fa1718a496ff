/**
 * Round 2 of the adversarial review: the tie edit, completion dates, metadata read beside a newer
 * text, long stretches. Oracle: buildMetadata (sandbox/metadata-builder.ts) and, for where a
 * tie's text is visible, maskInline (code spans and HTML comments, as captured from the app).
 */
import { setTaskStatus, toggledStatus } from "../../src/model/checkoff";
import { tieItems } from "../../src/model/tie-edit";
import { textVersion, type TextVersion } from "../../src/model/text-version";
import { buildMetadata } from "../../sandbox/metadata-builder";
import { maskInline } from "../../sandbox/inline-mask";
import { type Case, currentOf, drawnOf, listSet, taskMap } from "../adversary/lib";

export const linesOf = (text: string): string[] => text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
export const fmEnd = (text: string): number => buildMetadata(text).frontmatterPosition?.end.line ?? -1;

export type Verdict = null | { kind: string; detail: string };

/** A case with several targets (indices into the drawn text), for ties. */
export interface MultiCase extends Case {
	targets: number[];
}

/** Where a drawn line is in the current text, for certain: the tracked line (outside the stretch). */
export function tracked(c: Case, drawnLine: number): number | null {
	if (drawnLine < c.pre.length) return drawnLine;
	if (drawnLine >= c.pre.length + c.removed.length) return drawnLine - c.removed.length + c.added.length;
	return null;
}

/** The written line is the clicked one: the tracked line itself, or the same rank among identical lines. */
function sameLine(dLines: string[], cLines: string[], drawnLine: number, written: number, c: Case): boolean {
	const text = dLines[drawnLine] as string;
	const ranks = (ls: string[]): number[] => ls.flatMap((t, i) => (t === text ? [i] : []));
	const rb = ranks(dLines);
	const ra = ranks(cLines);
	const byRank = rb.length === ra.length && ra[rb.indexOf(drawnLine)] === written;
	const t = tracked(c, drawnLine);
	return byRank || (t !== null && t === written && cLines[t] === text);
}

/** Structure apart from one set of lines: every other list item and task stays as it was. */
function structureDiff(before: string, after: string, edited: Set<number>): string | null {
	const tb = taskMap(before);
	const ta = taskMap(after);
	const lb = listSet(before);
	const la = listSet(after);
	for (const line of new Set([...lb, ...la])) {
		if (lb.has(line) !== la.has(line)) return `line ${line} ${lb.has(line) ? "stops" : "starts"} being a list item`;
	}
	for (const line of new Set([...tb.keys(), ...ta.keys()])) {
		if (edited.has(line)) continue;
		if (tb.get(line) !== ta.get(line)) return `task on line ${line}: ${JSON.stringify(tb.get(line))} -> ${JSON.stringify(ta.get(line))}`;
	}
	return null;
}

const BLOCK_ID = / \^[A-Za-z0-9-]+$/u;
const DATE = / ✅ \d{4}-\d{2}-\d{2}$/u;

export const stats = { written: 0, refused: 0 };

/** Check-off with a completion date (round 1 never set one). */
export function judgeDate(c: Case, date = "2024-05-01"): Verdict {
	const drawn = drawnOf(c);
	const current = currentOf(c);
	const dLines = linesOf(drawn);
	const cLines = linesOf(current);
	const lineText = dLines[c.target] as string;
	const version = textVersion(drawn, fmEnd(drawn));
	const shown = taskMap(drawn).get(c.target) ?? " ";
	const status = toggledStatus(shown);
	const result = setTaskStatus(current, { line: c.target, lineText, version }, status, { completionDate: date });
	if (!result.ok) {
		stats.refused++;
		return null;
	}
	stats.written++;
	if (!sameLine(dLines, cLines, c.target, result.line, c)) return { kind: "wrong-line", detail: `wrote ${result.line}` };
	if (!taskMap(current).has(result.line)) return { kind: "not-a-task", detail: `line ${result.line}` };
	const after = taskMap(result.text);
	if (after.get(result.line) !== status) return { kind: "date-self", detail: `the clicked task reads ${JSON.stringify(after.get(result.line))} after the write (wanted ${status})` };
	const diff = structureDiff(current, result.text, new Set([result.line]));
	if (diff !== null) return { kind: "date-structure", detail: diff };
	const before = cLines[result.line] as string;
	const now = linesOf(result.text)[result.line] as string;
	if (BLOCK_ID.test(before.replace(DATE, "")) && !BLOCK_ID.test(now.replace(DATE, "")) ) return { kind: "date-blockid", detail: `${JSON.stringify(before)} -> ${JSON.stringify(now)}` };
	if (BLOCK_ID.test(before) && !BLOCK_ID.test(now)) return { kind: "date-blockid", detail: `${JSON.stringify(before)} -> ${JSON.stringify(now)}` };
	// Other lines untouched, line endings kept.
	const rl = result.text.split("\n");
	const cl = current.split("\n");
	if (rl.length !== cl.length || rl.some((l, i) => i !== result.line && l !== cl[i])) return { kind: "bytes", detail: "another line changed" };
	return null;
}

/** Ties several items of one note at once. */
export function judgeTie(c: MultiCase, code = "2.2.3"): Verdict {
	const drawn = drawnOf(c);
	const current = currentOf(c);
	const dLines = linesOf(drawn);
	const cLines = linesOf(current);
	const version: TextVersion = textVersion(drawn, fmEnd(drawn));
	const targets = c.targets.map((line) => ({ line, lineText: dLines[line] as string, version }));
	const result = tieItems(current, targets, code);
	if (!result.ok) {
		stats.refused++;
		return null;
	}
	stats.written++;
	const tasks = taskMap(current);
	const edited = new Set<number>();
	for (let k = 0; k < c.targets.length; k++) {
		const drawnLine = c.targets[k] as number;
		const line = result.lines[k]?.line as number;
		if (!sameLine(dLines, cLines, drawnLine, line, c)) return { kind: "tie-wrong-line", detail: `target ${drawnLine} written at ${line}` };
		if (!tasks.has(line)) return { kind: "tie-not-a-task", detail: `line ${line}` };
		edited.add(line);
	}
	const after = taskMap(result.text);
	for (const line of edited) {
		if (after.get(line) !== tasks.get(line)) return { kind: "tie-self", detail: `tied line ${line} reads ${JSON.stringify(after.get(line))} after the write` };
	}
	const diff = structureDiff(current, result.text, new Set());
	if (diff !== null) return { kind: "tie-structure", detail: diff };
	const rLines = linesOf(result.text);
	const rRaw = result.text.split("\n");
	const cRaw = current.split("\n");
	if (rRaw.length !== cRaw.length) return { kind: "bytes", detail: "line count changed" };
	for (let i = 0; i < cRaw.length; i++) {
		if (!edited.has(i)) {
			if (rRaw[i] !== cRaw[i]) return { kind: "bytes", detail: `line ${i} changed` };
			continue;
		}
		const before = cLines[i] as string;
		const now = rLines[i] as string;
		const at = now.indexOf(` (${code})`);
		if (at < 0 || now.slice(0, at) + now.slice(at + code.length + 3) !== before) return { kind: "bytes", detail: `line ${i}: ${JSON.stringify(before)} -> ${JSON.stringify(now)}` };
		if (cRaw[i]?.endsWith("\r") !== rRaw[i]?.endsWith("\r")) return { kind: "bytes", detail: "line ending" };
		if (BLOCK_ID.test(before) && !BLOCK_ID.test(now)) return { kind: "tie-blockid", detail: `${JSON.stringify(before)} -> ${JSON.stringify(now)}` };
		// The code must be readable text of the item: not in a code span or an HTML comment.
		const item = (buildMetadata(result.text).listItems ?? []).find((entry) => entry.position.start.line === i);
		const last = item ? item.position.end.line : i;
		const masked = maskInline(rLines.slice(i, last + 1))[0] as string;
		if (masked.slice(at, at + code.length + 3) !== ` (${code})`) return { kind: "tie-hidden", detail: `line ${i}: ${JSON.stringify(now)}` };
	}
	return null;
}

export function isValidMulti(c: MultiCase): boolean {
	const tasks = taskMap(drawnOf(c));
	return c.targets.length > 0 && c.targets.every((t) => tracked(c, t) !== null && tasks.has(t)) && new Set(c.targets).size === c.targets.length;
}

/** Shrinks a case while `fails` holds (lines dropped or simplified, CRLF and trailing newline dropped). */
export function shrink<C extends Case>(c: C, fails: (x: C) => boolean): C {
	let best = c;
	const targetsOf = (x: C): number[] => ("targets" in x ? (x as unknown as MultiCase).targets : [x.target]);
	const withTargets = (x: C, ts: number[]): C => ("targets" in x ? { ...x, targets: ts, target: ts[0] as number } : { ...x, target: ts[0] as number });
	const size = (x: C): number => [...x.pre, ...x.removed, ...x.added, ...x.post].reduce((n, l) => n + l.length + 10, 0) + x.eol.length + (x.trailing ? 1 : 0) + targetsOf(x).length * 5;
	let progress = true;
	while (progress) {
		progress = false;
		const tries: C[] = [];
		if (best.eol === "\r\n") tries.push({ ...best, eol: "\n" });
		if (best.trailing) tries.push({ ...best, trailing: false });
		const ts = targetsOf(best);
		if (ts.length > 1) ts.forEach((_, k) => tries.push(withTargets(best, ts.filter((__, j) => j !== k))));
		for (const part of ["pre", "removed", "added", "post"] as const) {
			const arr = best[part];
			const base = part === "pre" ? 0 : part === "post" ? best.pre.length + best.removed.length : part === "removed" ? best.pre.length : -1;
			for (let i = 0; i < arr.length; i++) {
				const isTarget = base >= 0 && ts.includes(base + i);
				if (!isTarget) {
					const shift = (t: number): number => (base >= 0 && base + i < t ? t - 1 : t);
					tries.push(withTargets({ ...best, [part]: arr.filter((_, j) => j !== i) }, ts.map(shift)));
					for (const s of ["a", "", "- [ ] a", "# h"]) if (arr[i] !== s) tries.push({ ...best, [part]: arr.map((x, j) => (j === i ? s : x)) });
				}
				const line = arr[i] as string;
				for (let k = 0; k < line.length && line.length > 1; k++) tries.push({ ...best, [part]: arr.map((x, j) => (j === i ? line.slice(0, k) + line.slice(k + 1) : x)) });
			}
		}
		for (const t of tries) {
			if (size(t) < size(best) && fails(t)) {
				best = t;
				progress = true;
				break;
			}
		}
	}
	return best;
}
