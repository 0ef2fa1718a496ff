/** @jest-environment node */
/**
 * Minimal cases found by tests/adversary/fuzz.test.ts. Each asserts what the contract requires
 * (write the clicked task's status character, or nothing); they fail while the bugs are there.
 */
import { questionToTask, setTaskStatus } from "../../src/model/checkoff";
import { textVersion } from "../../src/model/text-version";
import { buildMetadata } from "../../sandbox/metadata-builder";
import { listSet, taskMap } from "./lib";

const lineOf = (text: string, line: number): string => (text.split("\n")[line] ?? "").replace(/\r$/, "");
const fm = (text: string): number => buildMetadata(text).frontmatterPosition?.end.line ?? -1;

const CASES: Array<[string, string, string, number]> = [
	// 1. HTML block end condition (types 1, 3, 4, 5) sits in a line isInertLine calls inert
	["htmlend type 1", "# h\n<pre>\na </pre>\n\n- [ ] t\n", "# h\n<pre>\na\n\n- [ ] t\n", 4],
	["htmlend type 3", "# h\n<?php\na ?>\n\n- [ ] t\n", "# h\n<?php\na\n\n- [ ] t\n", 4],
	["htmlend type 4", "# h\n<!DOCTYPE\na > b\n\n- [ ] t\n", "# h\n<!DOCTYPE\na b\n\n- [ ] t\n", 4],
	["htmlend type 5", "# h\n<![CDATA[\na ]]>\n\n- [ ] t\n", "# h\n<![CDATA[\na\n\n- [ ] t\n", 4],
	// 2. a line starting with a lone CR: inert for the product, " <pre>" (an HTML block opener) for the parser
	["cr opens html", "# h\n\n- [ ] t\n", "# h\n\r<pre>\n\n- [ ] t\n", 2],
	["cr is blank", "# h\n<div>\n\r\r\n# g\n- [ ] t\n", "# h\n<div>\n# g\n- [ ] t\n", 4],
	// 3. Unicode white space line taken for blank by trim(); an empty task cannot interrupt the paragraph it is
	["uws nbsp", "# h\n- a\n\u00a0\n- [ ]\n", "# h\n\u00a0\n- [ ]\n", 3],
	["uws u2028", "# h\n- a\n\u2028\n- [ ]\n", "# h\n- a\n#\n\u2028\n- [ ]\n", 3],
];

describe("adversary findings: check-off writes into a line that is no task now", () => {
	it.each(CASES)("%s", (_name, drawn, current, line) => {
		expect(taskMap(drawn).has(line)).toBe(true);
		const result = setTaskStatus(current, { line, lineText: lineOf(drawn, line), version: textVersion(drawn, fm(drawn)) }, "x");
		if (result.ok) {
			// a write is only allowed into a line that is a task in the current text
			expect({ line: result.line, isTask: taskMap(current).has(result.line) }).toEqual({ line: result.line, isTask: true });
		}
	});

	it("questionToTask goes the same way", () => {
		const drawn = "# h\n\n- why?\n";
		const current = "# h\n\r<?\n\n- why?\n";
		const result = questionToTask(current, { line: 2, lineText: "- why?", version: textVersion(drawn) });
		if (result.ok) {
			expect(listSet(current).has(result.line)).toBe(true);
		}
	});
});
