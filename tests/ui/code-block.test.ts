/** @jest-environment node */
import { parseBlockOptions } from "../../src/ui/code-block";
import { expectLinear, repeatTo } from "../model/linear-time-helper";

describe("the code block's options", () => {
	it("drops a comment from the first white space followed by `#`", () => {
		expect(parseBlockOptions("show: study # a # b")).toEqual({ show: "study", year: null, errors: [] });
		expect(parseBlockOptions("show: study\t#tab\nyear: 2023 #")).toEqual({ show: "study", year: "2023", errors: [] });
		expect(parseBlockOptions("show:#study")).toEqual({ show: null, year: null, errors: ["show:#study"] });
		expect(parseBlockOptions("  # only a comment")).toEqual({ show: null, year: null, errors: [] });
	});

	it("keeps a comment that a lone line break interrupts, and drops one that follows it", () => {
		expect(parseBlockOptions("show: study #x\ryear: 2023")).toEqual({ show: null, year: null, errors: ["show: study #x\ryear: 2023"] });
		expect(parseBlockOptions("show: study\r# c")).toEqual({ show: "study", year: null, errors: [] });
		expect(parseBlockOptions("show: study\u2028 # c")).toEqual({ show: "study", year: null, errors: [] });
	});

	it("reads a hostile line in linear time: ` #` again and again before a lone line break", () => {
		expectLinear("parseBlockOptions", (n) => `${repeatTo(" #", n - 1)}\r`, parseBlockOptions);
	});
});
