import { readFileSync } from "fs";
import { join } from "path";
import type { Question } from "../../src/model/types";
import { indexFiles, readVaultFolder } from "../../sandbox/harness";

/**
 * Labelled notes: every line that looks like it might ask, with whether a person reading the note
 * takes it for an open question, and for one that is, the words that ask.
 */
const FOLDER = join(__dirname, "..", "fixtures", "labelled", "questions");

interface Label {
	path: string;
	line: number;
	text: string;
	isOpenQuestion: boolean;
	clause?: string;
}

const labels = JSON.parse(readFileSync(join(FOLDER, "expected.json"), "utf8")) as Label[];

/** Bold and italics are shown, not read: `**为什么…**` asks the same as `为什么…`. */
const plain = (text: string): string => text.replace(/\*\*/g, "").trim();

describe("labelled open questions", () => {
	let questions: Question[];
	let files: Record<string, string>;
	beforeAll(async () => {
		files = readVaultFolder(FOLDER);
		delete files["expected.json"];
		const { index } = await indexFiles(files);
		questions = index.notes().flatMap((note) => note.questions);
	});

	it("labels enough lines of the notes, as they are written", () => {
		for (const label of labels) {
			expect(files[label.path]?.split("\n")[label.line]).toContain(label.text);
		}
		expect(labels.length).toBeGreaterThanOrEqual(80);
		expect(labels.filter((label) => !label.isOpenQuestion).length).toBeGreaterThanOrEqual(35);
	});

	it("finds open questions with precision of at least 0.95 and recall of at least 0.9", () => {
		const open = new Map(questions.filter((question) => !question.answered).map((question) => [`${question.path}:${question.line}`, question]));
		const labelled = new Map(labels.map((label) => [`${label.path}:${label.line}`, label]));
		let right = 0;
		const wrong: string[] = [];
		for (const label of labels) {
			const found = open.get(`${label.path}:${label.line}`);
			if (label.isOpenQuestion && found === undefined) {
				wrong.push(`missed    ${label.path}:${label.line} ${label.text}`);
			} else if (!label.isOpenQuestion && found !== undefined) {
				wrong.push(`not open  ${label.path}:${label.line} ${label.text} → ${found.text}`);
			} else if (found !== undefined && plain(found.text) !== plain(label.clause ?? "")) {
				wrong.push(`clause    ${label.path}:${label.line} ${found.text} (expected ${label.clause ?? ""})`);
			} else if (found !== undefined) {
				right++;
			}
		}
		for (const [key, found] of open) {
			if (!labelled.has(key)) {
				wrong.push(`unlabelled ${key} ${found.text}`);
			}
		}
		const wanted = labels.filter((label) => label.isOpenQuestion).length;
		const precision = open.size === 0 ? 1 : right / open.size;
		const recall = wanted === 0 ? 1 : right / wanted;
		console.log(`questions: ${labels.length} labelled lines, ${wanted} open questions, ${open.size} found, ${right} right; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n${wrong.join("\n")}`);
		expect(precision).toBeGreaterThanOrEqual(0.95);
		expect(recall).toBeGreaterThanOrEqual(0.9);
	});

	it("finds the answered ones as answered, not open", () => {
		const answered = questions.filter((question) => question.answered).map((question) => `${question.path}:${question.line}`);
		for (const text of ["- 类型参数能否用在方法上", "middleware 的执行顺序是怎样的", "> [!question] 错误码应该放在 proto 里还是单独维护", "- Does the race detector catch every data race", "> Where does the write barrier sit in the compiled code", "- 告警是不是太多了", "- goroutine 泄露怎么排查", "- 抢占是怎么实现的"]) {
			const label = labels.find((entry) => entry.text === text);
			expect(label && answered.includes(`${label.path}:${label.line}`)).toBe(true);
		}
	});
});
