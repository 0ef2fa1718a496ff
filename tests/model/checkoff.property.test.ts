/** @jest-environment node */
import fc from "fast-check";
import { setTaskStatus, toggledStatus } from "../../src/model/checkoff";
import { TASK_PREFIX } from "../../src/model/status";

/**
 * Properties of the check-off edit over generated notes: CRLF and LF, a byte-order mark, tabs, CJK,
 * identical task lines, tasks in callouts and in code, nested lists and huge lines.
 */
const RUNS = 2000;

const words = fc.constantFrom("goroutine", "泛型", "调度器", "context", "内存逃逸", "x", "[ ]", "- [x]", "🙂", "`code`", "**b**", "a\tb", "?", "？");
const text = fc.array(words, { minLength: 0, maxLength: 6 }).map((parts) => parts.join(" "));
const status = fc.constantFrom(" ", "x", "X", "/", "-", ">", "?", "中");
const indent = fc.constantFrom("", "  ", "    ", "\t", "\t\t", "> ", "> > ", ">\t");
const marker = fc.constantFrom("-", "*", "+", "1.", "2)", "10.");

const taskLine = fc.tuple(indent, marker, status, text).map(([pre, bullet, mark, body]) => `${pre}${bullet} [${mark}] ${body}`);
const otherLine = fc.oneof(
	text,
	fc.tuple(indent, marker, text).map(([pre, bullet, body]) => `${pre}${bullet} ${body}`),
	fc.constantFrom("# heading", "> [!note] callout", "```", "~~~", "", "---"),
	fc.integer({ min: 2000, max: 10000 }).map((length) => `- [ ] ${"长".repeat(length)}`),
);

interface Note {
	lines: string[];
	eol: "\n" | "\r\n";
	bom: boolean;
	trailing: boolean;
}

const note = fc
	.record({
		lines: fc.array(fc.oneof({ weight: 3, arbitrary: taskLine }, { weight: 2, arbitrary: otherLine }), { minLength: 1, maxLength: 30 }),
		duplicate: fc.boolean(),
		eol: fc.constantFrom<"\n" | "\r\n">("\n", "\r\n"),
		bom: fc.boolean(),
		trailing: fc.boolean(),
	})
	.map(({ lines, duplicate, eol, bom, trailing }): Note => ({ lines: duplicate && lines.length > 1 ? [...lines, lines[0] as string] : lines, eol, bom, trailing }));

function render(value: Note): string {
	const body = value.lines.join(value.eol) + (value.trailing ? value.eol : "");
	return (value.bom ? "\uFEFF" : "") + body;
}

/** Lines as the plugin numbers them (a BOM stays on line 0). */
function linesOf(source: string): string[] {
	return source.split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
}

/** Lines inside ``` or ~~~ fences, as a reader of the note would see them. */
function fenced(lines: readonly string[]): boolean[] {
	let open: string | null = null;
	return lines.map((line) => {
		const fence = /^[\t ]*(?:>[\t ]*)*(`{3,}|~{3,})/.exec(line)?.[1];
		if (open === null) {
			if (fence !== undefined) {
				open = fence;
				return true;
			}
			return false;
		}
		if (fence !== undefined && fence[0] === open[0] && fence.length >= open.length) {
			open = null;
		}
		return true;
	});
}

interface Target {
	source: string;
	lines: string[];
	line: number;
	lineText: string;
	/** The line's status character when it is a study item (a task outside code), else null. */
	status: string | null;
}

/** One line of a generated note, as the dashboard would have shown it. */
function target(value: Note, pick: number): Target {
	const source = render(value);
	const lines = linesOf(source);
	const line = pick % lines.length;
	const lineText = lines[line] as string;
	const bare = line === 0 && lineText.startsWith("\uFEFF") ? lineText.slice(1) : lineText;
	const match = fenced(lines)[line] === true ? null : TASK_PREFIX.exec(bare);
	return { source, lines, line, lineText, status: match ? (match[2] as string) : null };
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

describe("checking off, over generated notes", () => {
	it("changes exactly the target's status character, or nothing and says why", () => {
		fc.assert(
			fc.property(note, fc.nat(), status, (value, pick, next) => {
				const { source, lines, line, lineText, status: old } = target(value, pick);
				const result = setTaskStatus(source, { line, lineText }, next);
				const code = fenced(lines);
				if (old === null) {
					// Not a study item (the dashboard never shows such a line): refused, or the one
					// identical task line elsewhere, outside code, is the one edited.
					if (result.ok) {
						expect(result.line).not.toBe(line);
						expect(lines[result.line]).toBe(lineText);
						expect(code[result.line]).not.toBe(true);
					}
					return;
				}
				expect(result.ok).toBe(true);
				if (!result.ok) {
					return;
				}
				expect(result.line).toBe(line);
				const range = differingRange(source, result.text);
				if (old === next) {
					expect(range).toBeNull();
				} else {
					// One character, on the target line, and it is the status character.
					expect(range).not.toBeNull();
					const [from, to] = range as [number, number];
					expect(to - from).toBe(1);
					expect(source[from]).toBe(old);
					expect(result.text[from]).toBe(next);
					expect(linesOf(result.text)[line]).toBe(result.lineText);
				}
			}),
			{ numRuns: RUNS },
		);
	});

	it("restores the original bytes when toggled twice", () => {
		fc.assert(
			fc.property(note, fc.nat(), (value, pick) => {
				const { source, line, lineText, status: old } = target(value, pick);
				if (old === null) {
					return;
				}
				const once = setTaskStatus(source, { line, lineText }, toggledStatus(old));
				expect(once.ok).toBe(true);
				if (!once.ok) {
					return;
				}
				const twice = setTaskStatus(once.text, { line: once.line, lineText: once.lineText }, old);
				expect(twice.ok).toBe(true);
				expect(twice.ok && twice.text).toBe(source);
			}),
			{ numRuns: RUNS },
		);
	});

	it("after lines move, edits the line that still says what was shown, or refuses; never another line", () => {
		fc.assert(
			fc.property(note, fc.nat(), fc.array(fc.oneof(taskLine, otherLine), { maxLength: 5 }), fc.nat(), (value, pick, inserted, where) => {
				const { line, lineText, status: shownStatus } = target(value, pick);
				if (shownStatus === null) {
					return;
				}
				// Lines are inserted somewhere (above or below), as another edit of the note would.
				const at = where % (value.lines.length + 1);
				const moved: Note = { ...value, lines: [...value.lines.slice(0, at), ...inserted, ...value.lines.slice(at)] };
				const changed = render(moved);
				const changedLines = linesOf(changed);
				const code = fenced(changedLines);
				const result = setTaskStatus(changed, { line, lineText }, "x");
				const candidates = changedLines.flatMap((text, index) => (text === lineText && code[index] !== true ? [index] : []));
				if (result.ok) {
					expect(changedLines[result.line]).toBe(lineText);
					expect(code[result.line]).not.toBe(true);
					expect(result.line === line || candidates.length === 1).toBe(true);
				} else {
					// Refused: the line is gone, or more than one identical line could be meant.
					expect(result.reason === "ambiguous" ? candidates.length > 1 : candidates.length === 0 || !candidates.includes(line)).toBe(true);
				}
			}),
			{ numRuns: RUNS },
		);
	});

	it("refuses an edited line unless an identical one stands elsewhere", () => {
		fc.assert(
			fc.property(note, fc.nat(), (value, pick) => {
				const { line, lineText: shown, status: shownStatus } = target(value, pick);
				if (shownStatus === null) {
					return;
				}
				const editedLines = [...value.lines];
				editedLines[line] = `${value.lines[line] ?? ""} (edited)`;
				const edited = render({ ...value, lines: editedLines });
				const result = setTaskStatus(edited, { line, lineText: shown }, "x");
				const others = linesOf(edited).filter((text, index) => index !== line && text === shown && fenced(linesOf(edited))[index] !== true).length;
				if (others === 0) {
					expect(result).toEqual({ ok: false, reason: "changed" });
				} else if (others > 1) {
					expect(result).toEqual({ ok: false, reason: "ambiguous" });
				} else {
					expect(result.ok).toBe(true);
					expect(result.ok && result.line).not.toBe(line);
				}
			}),
			{ numRuns: RUNS },
		);
	});
});
