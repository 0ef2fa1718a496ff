/** @jest-environment node */
import fc from "fast-check";
import type { CachedMetadata } from "obsidian";
import { questionToTask, setTaskStatus, toggledStatus } from "../../src/model/checkoff";
import { textVersion } from "../../src/model/text-version";
import { buildMetadata } from "../../sandbox/metadata-builder";

/**
 * The check-off against everything that can happen to a note between drawing the pane and the
 * click. The oracle: the runtime's metadata (checked against real Obsidian) says which lines are
 * tasks before and after; every line carries an identity through the change. After a click, either
 * exactly the status character of the task the user saw changed — on that very line, still a task —
 * or nothing changed and a reason was given.
 */
const RUNS = Number(process.env.CHECKOFF_RUNS ?? 20000);

const word = fc.constantFrom("goroutine", "泛型", "调度器", "context", "x", "[ ]", "- [x]", "`code`", "**b**", "a\tb", "?", "🙂", "%% c %%", "<!-- c -->", "<b>", "$x$", "#gopherchina");
const body = fc.array(word, { maxLength: 4 }).map((parts) => parts.join(" "));
const prefix = fc.constantFrom("", "", "", "", "  ", "    ", "\t", "> ", "> > ", ">\t", "  > ", "- ");
const marker = fc.constantFrom("-", "-", "*", "+", "1.", "1)", "2.", "10)");
const status = fc.constantFrom(" ", " ", " ", "x", "X", "/", "-", "?", "中");

const taskLine = fc
	.tuple(prefix, marker, status, body, fc.boolean())
	.map(([pre, bullet, mark, text, space]) => (text === "" && !space ? `${pre}${bullet} [${mark}]` : `${pre}${bullet} [${mark}] ${text}`));
const structural = fc.constantFrom(
	"```",
	"~~~",
	"````",
	"```js",
	"```go func() {}``` starts a goroutine.",
	"    indented",
	"%%",
	"%% inline %%",
	"<!--",
	"-->",
	"<!-- c -->",
	"<div>",
	"</div>",
	"$$",
	"",
	"",
	"",
	"---",
	"***",
	"===",
	"# heading",
	"## GC",
	"> [!note] callout",
	"> [!question]- 问题",
	"> quoted",
	"| a | b |",
	"text line",
	"- plain item",
	"  - nested plain",
	"1. numbered",
);
const line = fc.oneof({ weight: 3, arbitrary: taskLine }, { weight: 3, arbitrary: structural }, { weight: 1, arbitrary: body });
const properties = fc.constantFrom<string[]>([], [], ["---", "tags: [gopherchina]", "---"], ["---", "tags: [gopherchina]", "notes: |", "  - [ ] in a property", "  ```", "---"]);

/** A line of a note with its identity: original lines keep theirs through every change. */
interface Line {
	id: number;
	text: string;
	eol: "\n" | "\r\n";
}

interface Note {
	lines: Line[];
	bom: boolean;
	/** Whether the last line ends with a line ending. */
	trailing: boolean;
}

const noteArb = fc
	.record({
		head: properties,
		lines: fc.array(line, { minLength: 1, maxLength: 24 }),
		twins: fc.array(fc.nat(), { maxLength: 3 }),
		eol: fc.constantFrom<"lf" | "crlf" | "mixed">("lf", "crlf", "mixed"),
		bom: fc.boolean(),
		trailing: fc.boolean(),
		seed: fc.nat(),
	})
	.map(({ head, lines, twins, eol, bom, trailing, seed }): Note => {
		const texts = [...head, ...lines];
		// Identical lines are common in real notes ("- [ ] read docs" under two headings).
		for (const twin of twins) {
			texts.splice(twin % (texts.length + 1), 0, texts[(twin * 7 + seed) % texts.length] as string);
		}
		return {
			lines: texts.map((text, id) => ({ id, text, eol: eol === "crlf" || (eol === "mixed" && (id + seed) % 3 === 0) ? "\r\n" : "\n" })),
			bom,
			trailing,
		};
	});

function render(note: Note): string {
	const body = note.lines.map((entry, i) => entry.text + (i < note.lines.length - 1 || note.trailing ? entry.eol : "")).join("");
	return (note.bom ? "\uFEFF" : "") + body;
}

function taskLines(cache: CachedMetadata): Map<number, string> {
	const tasks = new Map<number, string>();
	for (const item of cache.listItems ?? []) {
		if (item.task !== undefined) {
			tasks.set(item.position.start.line, item.task);
		}
	}
	return tasks;
}

function listLines(cache: CachedMetadata): Set<number> {
	return new Set((cache.listItems ?? []).map((item) => item.position.start.line));
}

/** Every kind of change a note can go through between the pane's drawing and the click. */
type Change =
	| { kind: "insert"; at: number; texts: string[] }
	| { kind: "delete"; at: number }
	| { kind: "edit"; at: number; suffix: string }
	| { kind: "duplicate"; from: number; to: number }
	| { kind: "move"; from: number; to: number }
	| { kind: "wrap"; from: number; to: number; open: string; close: string }
	| { kind: "tick"; at: number; mark: string }
	| { kind: "eol" }
	| { kind: "untag" }
	| { kind: "target-into"; to: number };

const changeArb: fc.Arbitrary<Change> = fc.oneof(
	fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), texts: fc.array(line, { minLength: 1, maxLength: 3 }) }),
	fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
	fc.record({ kind: fc.constant("edit" as const), at: fc.nat(), suffix: fc.constantFrom(" (runtime/proc.go)", "x", " %%", "<!--", "") }),
	fc.record({ kind: fc.constant("duplicate" as const), from: fc.nat(), to: fc.nat() }),
	fc.record({ kind: fc.constant("move" as const), from: fc.nat(), to: fc.nat() }),
	fc.record({
		kind: fc.constant("wrap" as const),
		from: fc.nat(),
		to: fc.nat(),
		open: fc.constantFrom("```", "~~~", "%%", "<!--", "<div>", "$$", "    "),
		close: fc.constantFrom("```", "~~~", "%%", "-->", "</div>", "$$", "", "```js"),
	}),
	fc.record({ kind: fc.constant("tick" as const), at: fc.nat(), mark: fc.constantFrom("x", " ", "-") }),
	fc.constant({ kind: "eol" as const }),
	fc.constant({ kind: "untag" as const }),
	fc.record({ kind: fc.constant("target-into" as const), to: fc.nat() }),
);

let nextId = 100000;

function applyChange(note: Note, change: Change, targetId: number): Note {
	const lines = [...note.lines];
	const n = lines.length;
	const eol = lines[0]?.eol ?? "\n";
	const fresh = (text: string): Line => ({ id: nextId++, text, eol });
	if (n === 0 && change.kind !== "insert") {
		return note;
	}
	switch (change.kind) {
		case "insert":
			lines.splice(change.at % (n + 1), 0, ...change.texts.map(fresh));
			break;
		case "delete":
			lines.splice(change.at % n, 1);
			break;
		case "edit": {
			const at = change.at % n;
			const old = lines[at] as Line;
			lines[at] = { ...old, text: old.text + change.suffix };
			break;
		}
		case "duplicate":
			lines.splice(change.to % (n + 1), 0, fresh((lines[change.from % n] as Line).text));
			break;
		case "move": {
			const [moved] = lines.splice(change.from % n, 1);
			lines.splice(change.to % n, 0, moved as Line);
			break;
		}
		case "wrap": {
			const a = change.from % n;
			const b = a + (change.to % Math.max(1, n - a));
			if (change.open === "    ") {
				for (let i = a; i <= b && i < lines.length; i++) {
					lines[i] = { ...(lines[i] as Line), text: `    ${(lines[i] as Line).text}` };
				}
			} else {
				lines.splice(b + 1, 0, fresh(change.close));
				lines.splice(a, 0, fresh(change.open));
			}
			break;
		}
		case "tick": {
			const at = change.at % n;
			const old = lines[at] as Line;
			lines[at] = { ...old, text: old.text.replace(/\[.\]/u, `[${change.mark}]`) };
			break;
		}
		case "eol":
			return { ...note, lines: lines.map((entry) => ({ ...entry, eol: entry.eol === "\n" ? "\r\n" : "\n" })) };
		case "untag":
			return { ...note, lines: lines.map((entry) => ({ ...entry, text: entry.text.replace("tags: [gopherchina]", "tags: []").replace("#gopherchina", "") })) };
		case "target-into": {
			// The clicked line moves into whatever stands elsewhere: code, a comment, a quote.
			const from = lines.findIndex((entry) => entry.id === targetId);
			if (from === -1) {
				break;
			}
			const [moved] = lines.splice(from, 1);
			lines.splice(change.to % lines.length, 0, moved as Line);
			break;
		}
	}
	return { ...note, lines };
}

interface Case {
	before: string;
	after: string;
	line: number;
	lineText: string;
	propertiesEnd: number;
	/** Where the clicked line is after the change, if it is still there, unedited. */
	expected: number | null;
	afterTasks: Map<number, string>;
	afterLists: Set<number>;
}

function differingRange(before: string, after: string): [number, number] | null {
	if (before === after) {
		return null;
	}
	let start = 0;
	while (start < before.length && before[start] === after[start]) {
		start++;
	}
	let endBefore = before.length;
	let endAfter = after.length;
	while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
		endBefore--;
		endAfter--;
	}
	return [start, endBefore];
}

const linesOf = (text: string): string[] => text.split("\n").map((entry) => (entry.endsWith("\r") ? entry.slice(0, -1) : entry));

/** Builds one case: the note as drawn, a clicked line of the kind `pick` chooses, the changed note. */
function makeCase(note: Note, changes: Change[], pick: number, kind: "task" | "list"): Case | null {
	const before = render(note);
	const cache = buildMetadata(before);
	const candidates = kind === "task" ? [...taskLines(cache).keys()] : [...listLines(cache)].filter((at) => !taskLines(cache).has(at));
	if (candidates.length === 0) {
		return null;
	}
	const line = candidates[pick % candidates.length] as number;
	const beforeLines = linesOf(before);
	const lineText = beforeLines[line] as string;
	const target = note.lines[line] as Line;
	let changed = note;
	for (const change of changes) {
		changed = applyChange(changed, change, target.id);
	}
	const after = render(changed);
	const afterLines = linesOf(after);
	const index = changed.lines.findIndex((entry) => entry.id === target.id);
	const afterCache = buildMetadata(after);
	// The byte-order mark belongs to the file, not to whichever line stands first.
	const bare = (lines: string[]): string[] => lines.map((text, at) => (at === 0 ? text.replace(/^\uFEFF/, "") : text));
	const shown = bare(beforeLines)[line] as string;
	let expected = index !== -1 && bare(afterLines)[index] === shown ? index : null;
	// Identical lines that traded places (or a copy that took the place of its original) cannot be
	// told apart by anyone: among as many identical lines as before, the clicked one is the one at
	// the same rank. With more or fewer of them, the line's own identity decides.
	const ranks = (lines: string[]): number[] => bare(lines).flatMap((text, at) => (text === shown ? [at] : []));
	const twinsBefore = ranks(beforeLines);
	const twinsAfter = ranks(afterLines);
	if (twinsBefore.length === twinsAfter.length) {
		expected = twinsAfter[twinsBefore.indexOf(line)] as number;
	}
	return {
		before,
		after,
		line,
		lineText,
		propertiesEnd: cache.frontmatterPosition?.end.line ?? -1,
		expected,
		afterTasks: taskLines(afterCache),
		afterLists: listLines(afterCache),
	};
}

const stats = { written: 0, refused: 0, unchanged: 0 };

describe("checking off after any change to the note (oracle: the runtime's metadata)", () => {
	afterAll(() => {
		// Visible in verbose runs; not asserted beyond the property itself.
		process.stdout.write(`check-off cases: ${stats.written} written, ${stats.refused} refused, ${stats.unchanged} unchanged notes written\n`);
	});

	it(`changes exactly the clicked task's status character, or nothing (${RUNS} cases)`, () => {
		fc.assert(
			fc.property(noteArb, fc.array(changeArb, { maxLength: 3 }), fc.nat(), (note, changes, pick) => {
				const c = makeCase(note, changes, pick, "task");
				if (c === null) {
					return;
				}
				const shown = (TASK_STATUS.exec(c.lineText.replace(/^\uFEFF/, ""))?.[1] ?? " ");
				const next = toggledStatus(shown);
				const result = setTaskStatus(c.after, { line: c.line, lineText: c.lineText, version: textVersion(c.before, c.propertiesEnd) }, next);
				if (changes.length === 0) {
					// Nothing changed: the click must land.
					expect(result).toMatchObject({ ok: true, line: c.line });
					stats.unchanged++;
				}
				if (!result.ok) {
					expect(["changed", "uncertain", "not-a-task"]).toContain(result.reason);
					stats.refused++;
					return;
				}
				stats.written++;
				expect(c.expected).not.toBeNull();
				expect(result.line).toBe(c.expected);
				// Still a task where it stands now (not moved into code, a comment or properties).
				expect(c.afterTasks.has(result.line)).toBe(true);
				const range = differingRange(c.after, result.text) as [number, number];
				expect(range[1] - range[0]).toBe(1);
				expect(c.after[range[0]]).toBe(c.afterTasks.get(result.line));
				expect(result.text[range[0]]).toBe(next);
				expect(linesOf(result.text)[result.line]).toBe(result.lineText);
			}),
			{ numRuns: RUNS },
		);
	});

	it("turns exactly the clicked list item into a task, or nothing", () => {
		fc.assert(
			fc.property(noteArb, fc.array(changeArb, { maxLength: 3 }), fc.nat(), (note, changes, pick) => {
				const c = makeCase(note, changes, pick, "list");
				if (c === null) {
					return;
				}
				const result = questionToTask(c.after, { line: c.line, lineText: c.lineText, version: textVersion(c.before, c.propertiesEnd) });
				if (!result.ok) {
					return;
				}
				expect(result.line).toBe(c.expected);
				expect(c.afterLists.has(result.line)).toBe(true);
				const afterLines = linesOf(c.after);
				const resultLines = linesOf(result.text);
				expect(resultLines.length).toBe(afterLines.length);
				resultLines.forEach((text, i) => {
					if (i !== result.line) {
						expect(text).toBe(afterLines[i]);
					}
				});
				expect(taskLines(buildMetadata(result.text)).has(result.line)).toBe(true);
			}),
			{ numRuns: Math.ceil(RUNS / 4) },
		);
	});
});

const TASK_STATUS = /^[\t ]*(?:>[\t ]*)*(?:[-*+]|\d{1,9}[.)])[\t ]+\[(.)\]/u;
