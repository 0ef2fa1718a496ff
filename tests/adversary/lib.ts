/**
 * Adversarial fuzzing of the check-off's line location. A case is a note as drawn
 * (pre + removed + post) and as it is now (pre + added + post), plus a target task line
 * of the drawn text. Oracle: buildMetadata (sandbox/metadata-builder.ts).
 */
import { questionToTask, setTaskStatus, toggledStatus } from "../../src/model/checkoff";
import { random } from "../../sandbox/synthetic-vault";
import { textVersion } from "../../src/model/text-version";
import { buildMetadata } from "../../sandbox/metadata-builder";

export interface Case {
	pre: string[];
	removed: string[];
	added: string[];
	post: string[];
	/** Index of the target in the drawn text (pre + removed + post). */
	target: number;
	eol: "\n" | "\r\n";
	trailing: boolean;
	mode: "task" | "question";
}

export function joinLines(lines: string[], eol: string, trailing: boolean): string {
	return lines.join(eol) + (trailing ? eol : "");
}

export function drawnOf(c: Case): string {
	return joinLines([...c.pre, ...c.removed, ...c.post], c.eol, c.trailing);
}
export function currentOf(c: Case): string {
	return joinLines([...c.pre, ...c.added, ...c.post], c.eol, c.trailing);
}
export function trackedIndex(c: Case): number | null {
	if (c.target < c.pre.length) return c.target;
	if (c.target >= c.pre.length + c.removed.length) return c.target - c.removed.length + c.added.length;
	return null;
}

const linesOf = (text: string): string[] => text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));

export function taskMap(text: string): Map<number, string> {
	const m = new Map<number, string>();
	for (const item of buildMetadata(text).listItems ?? []) if (item.task !== undefined) m.set(item.position.start.line, item.task);
	return m;
}
export function listSet(text: string): Set<number> {
	return new Set((buildMetadata(text).listItems ?? []).map((i) => i.position.start.line));
}

const TASK_STATUS = /^[\t ]*(?:>[\t ]*)*(?:[-*+]|\d{1,9}[.)])[\t ]+\[(.)\]/u;

export const counters = { written: 0, refused: 0 };

export type Verdict = null | { kind: string; detail: string };

/** Runs the product on a case; returns null when it wrote correctly or refused, else what went wrong. */
export function judge(c: Case): Verdict {
	const drawn = drawnOf(c);
	const current = currentOf(c);
	const dLines = linesOf(drawn);
	const cLines = linesOf(current);
	const lineText = dLines[c.target] as string;
	const fm = buildMetadata(drawn).frontmatterPosition?.end.line ?? -1;
	const version = textVersion(drawn, fm);
	const target = { line: c.target, lineText, version };
	let result;
	let expectStatus: string | null = null;
	if (c.mode === "task") {
		const shown = TASK_STATUS.exec(lineText.replace(/^\uFEFF/, ""))?.[1] ?? " ";
		expectStatus = toggledStatus(shown);
		result = setTaskStatus(current, target, expectStatus);
	} else {
		result = questionToTask(current, target);
	}
	if (!result.ok) {
		counters.refused++;
		return null;
	}
	counters.written++;
	// identity: same count of identical lines and the same rank, or the tracked line itself
	const ranks = (ls: string[]) => ls.flatMap((t, i) => (t === lineText ? [i] : []));
	const rb = ranks(dLines);
	const ra = ranks(cLines);
	const tracked = trackedIndex(c);
	const sameByRank = rb.length === ra.length && ra[rb.indexOf(c.target)] === result.line;
	const sameTracked = tracked !== null && tracked === result.line && cLines[tracked] === lineText;
	if (!sameByRank && !sameTracked) return { kind: "wrong-line", detail: `wrote line ${result.line}, tracked ${tracked}` };
	if (c.mode === "task") {
		const tasks = taskMap(current);
		if (!tasks.has(result.line)) return { kind: "not-a-task", detail: `line ${result.line} is not a task in the current text` };
		// exactly one char changed, at the task char
		let s = 0;
		while (s < current.length && current[s] === result.text[s]) s++;
		let e1 = current.length;
		let e2 = result.text.length;
		while (e1 > s && e2 > s && current[e1 - 1] === result.text[e2 - 1]) {
			e1--;
			e2--;
		}
		if (current === result.text) {
			if (tasks.get(result.line) !== expectStatus) return { kind: "bytes", detail: "no change but status differs" };
			return null;
		}
		if (e1 - s !== 1 || e2 - s !== 1) return { kind: "bytes", detail: `changed ${current.slice(s, e1)} -> ${result.text.slice(s, e2)}` };
		if (current[s] !== tasks.get(result.line) || result.text[s] !== expectStatus) return { kind: "bytes", detail: "changed char is not the status char" };
		const lineStart = current.split("\n").slice(0, result.line).join("\n").length + (result.line > 0 ? 1 : 0);
		const resLine = linesOf(result.text)[result.line] as string;
		if (s < lineStart || s > lineStart + resLine.length) return { kind: "bytes", detail: "changed char outside the line" };
		const after = taskMap(result.text);
		if (after.get(result.line) !== expectStatus) return { kind: "status-not-set", detail: `after write the task char reads ${after.get(result.line)}` };
	} else {
		if (!listSet(current).has(result.line)) return { kind: "q-not-list", detail: `line ${result.line} is not a list item now` };
		if (!taskMap(result.text).has(result.line)) return { kind: "q-not-task", detail: "converted line is not a task" };
	}
	return null;
}

/** Shrinks a failing case to one that still fails (with any verdict). */
export function minimise(c: Case, fails: (c: Case) => boolean = (x) => isValid(x) && judge(x) !== null): Case {
	let best = c;
	const simple = ["a", "", "- [ ] a", "# h"];
	let progress = true;
	while (progress) {
		progress = false;
		const tries: Case[] = [];
		if (best.eol === "\r\n") tries.push({ ...best, eol: "\n" });
		if (best.trailing) tries.push({ ...best, trailing: false });
		for (const part of ["pre", "removed", "added", "post"] as const) {
			const arr = best[part];
			for (let i = 0; i < arr.length; i++) {
				const nextArr = arr.filter((_, j) => j !== i);
				let t = best.target;
				const base = part === "pre" ? 0 : part === "post" ? best.pre.length + best.removed.length : -1;
				if (part === "pre" || part === "post") {
					if (base + i === t) continue;
					if (base + i < t) t--;
				} else if (part === "removed" && best.pre.length + i < t) t--;
				tries.push({ ...best, [part]: nextArr, target: t });
				for (const s of simple) {
					if (arr[i] !== s && !(part === "pre" && i === best.target) && !(part === "post" && base + i === best.target)) tries.push({ ...best, [part]: arr.map((x, j) => (j === i ? s : x)) });
				}
				// shorten a line
				const line = arr[i] as string;
				if (line.length > 1 && !((part === "pre" && i === best.target) || (part === "post" && base + i === best.target))) {
					for (let k = 0; k < line.length; k++) tries.push({ ...best, [part]: arr.map((x, j) => (j === i ? line.slice(0, k) + line.slice(k + 1) : x)) });
				}
			}
		}
		const size = (x: Case): number => [...x.pre, ...x.removed, ...x.added, ...x.post].reduce((n, l) => n + l.length + 10, 0) + (x.eol.length + (x.trailing ? 1 : 0)) ;
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

/** The target must be a drawn task (or a drawn list item that is no task, for questions). */
export function isValid(c: Case): boolean {
	const drawn = drawnOf(c);
	if (c.target < c.pre.length || c.target >= c.pre.length + c.removed.length) {
		if (c.mode === "task") return taskMap(drawn).has(c.target);
		return listSet(drawn).has(c.target) && !taskMap(drawn).has(c.target) && /[?]\s*$/.test(linesOf(drawn)[c.target] ?? "");
	}
	return false;
}

/** The sandbox's seeded generator (mulberry32). */
export const rng = random;
