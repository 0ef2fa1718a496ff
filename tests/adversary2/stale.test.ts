/** @jest-environment node */
/**
 * Metadata read beside a newer text (start-up, a note re-read from disk before the cache caught up):
 * the index trusts it for writes when `metadataFitsText` says it fits. Generator: a note T0 and its
 * metadata, then T1 = T0 with edits that keep every line start (same-length lines, indentation
 * traded for trailing characters, two lines trading length). Oracle: buildMetadata(T1).
 */
import { questionToTask, setTaskStatus, toggledStatus } from "../../src/model/checkoff";
import { parseNote } from "../../src/model/note-parser";
import { tieItem } from "../../src/model/tie-edit";
import { buildMetadata } from "../runtime/metadata-builder";
import { listSet, rng, taskMap } from "../adversary/lib";
import { FOLLOWERS, many, pick, TAIL_TASKS, V2 } from "./gen2";

const RUNS = Number(process.env.ADV2_STALE_RUNS ?? 12000);
const OPENERS = ["```", "~~~", "%%", "<pre>", "<!--", "$$", "<div>", "> ", "| ", "# ", "---", "===", "    ", "\t", "<?", "-->", "%% ", "1. ", "- ", "* * *", "  ```"];

function mutate(r: () => number, lines: string[]): string[] {
	const out = [...lines];
	const n = 1 + Math.floor(r() * 3);
	for (let k = 0; k < n; k++) {
		const i = Math.floor(r() * out.length);
		const line = out[i] as string;
		const kind = r();
		if (kind < 0.45) {
			// same length, another kind of line
			const opener = pick(r, OPENERS);
			out[i] = line.length >= opener.length ? (opener + "x".repeat(line.length)).slice(0, line.length) : line;
			if (r() < 0.2) out[i] = " ".repeat(line.length);
		} else if (kind < 0.7 && line.length > 4) {
			// indentation traded for the line's last characters
			const by = 1 + Math.floor(r() * 4);
			out[i] = (" ".repeat(by) + line).slice(0, line.length);
		} else if (kind < 0.85 && i + 1 < out.length) {
			// two lines trade length
			const next = out[i + 1] as string;
			const by = Math.min(line.length, 1 + Math.floor(r() * 3));
			out[i] = line.slice(0, line.length - by);
			out[i + 1] = next + "x".repeat(by);
		} else {
			// the task marker kept, the rest of the line another construct of the same length
			const m = /^([\t ]*(?:[-*+]|\d+[.)])[\t ]+\[.\][\t ]?)(.*)$/.exec(line);
			if (m) {
				const rest = m[2] as string;
				const opener = pick(r, ["<span>", "<pre>", "```", "$$", "%%", "<!--", "| a |", "<div>"]);
				if (rest.length >= opener.length) out[i] = m[1] + (opener + " ".repeat(rest.length)).slice(0, rest.length);
			}
		}
	}
	return out;
}

it(`never writes through metadata read beside a newer text x ${RUNS}`, () => {
	const r = rng(4242);
	const all = [...V2.runTop, ...V2.runTop, ...V2.runNested, ...V2.struct, ...V2.inert, ...FOLLOWERS, ...TAIL_TASKS, "- why?", "- a b c d e f g h?"];
	const stat = { cases: 0, fits: 0, differs: 0, writes: 0, failed: {} as Record<string, number> };
	const found = new Map<string, string>();
	for (let run = 0; run < RUNS; run++) {
		stat.cases++;
		const lines0 = ["#gopherchina", ...many(r, all, 10, 2)];
		const t0 = lines0.join("\n") + "\n";
		const t1 = mutate(r, lines0).join("\n") + "\n";
		if (t0 === t1) continue;
		const note = parseNote({ path: "n.md", text: t1, cache: buildMetadata(t0), tags: ["#gopherchina"], trackedTags: ["gopherchina"], resolveLink: () => null, confirmed: false });
		if (!note.version.confirmed) continue;
		stat.fits++;
		const tasks1 = taskMap(t1);
		const lists1 = listSet(t1);
		if (JSON.stringify([...taskMap(t0)]) !== JSON.stringify([...tasks1])) stat.differs++;
		const fail = (kind: string, detail: string): void => {
			stat.failed[kind] = (stat.failed[kind] ?? 0) + 1;
			if ([...found.keys()].filter((key) => key.startsWith(kind)).length < 4) found.set(`${kind} ${t0} ${t1}`, `${kind}: ${detail} T0=${JSON.stringify(t0)} T1=${JSON.stringify(t1)}`);
		};
		for (const item of note.studyItems) {
			const target = { line: item.line, lineText: item.lineText, version: item.version };
			const result = setTaskStatus(t1, target, toggledStatus(item.status));
			if (result.ok) {
				stat.writes++;
				if (!tasks1.has(result.line)) fail("stale-checkoff", `wrote line ${result.line}, no task in T1`);
			}
			const tie = tieItem(t1, target, "2.2.3");
			if (tie.ok && !tasks1.has(tie.line)) fail("stale-tie", `tied line ${tie.line}, no task in T1`);
		}
		for (const question of note.questions) {
			if (!question.listItem) continue;
			const result = questionToTask(t1, { line: question.line, lineText: question.lineText, version: question.version });
			if (result.ok && !lists1.has(result.line)) fail("stale-question", `converted line ${result.line}, no list item in T1`);
		}
	}
	process.stdout.write(`stale: ${JSON.stringify(stat)}\n${[...found.values()].join("\n")}\n`);
	expect([...found.values()]).toEqual([]);
});
