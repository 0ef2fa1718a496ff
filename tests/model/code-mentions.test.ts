/** @jest-environment node */
import { findCodes } from "../../src/model/code-mentions";
import { expectLinear, repeatTo } from "./linear-time-helper";

const ids = (line: string): string[] => findCodes(line).map((mention) => mention.code.id);

describe("talk codes anywhere in a line", () => {
	it.each([
		["看一下 1.3.1 的告警规则", "1.3.1"],
		["复习调度器的抢占 (2.1.4)", "2.1.4"],
		["GC 调优（1.2.3）", "1.2.3"],
		["第 1.1.2 场的平台架构图", "1.1.2"],
		["第1.1.2场", "1.1.2"],
		["2-3 讲的 Docker 网络再看一遍", "2.3"],
		["Read the errors proposal again (2.2).", "2.2"],
		["1.10 Kubernetes", "1.10"],
	])("finds the code in %j", (line, id) => {
		expect(ids(line)).toEqual([id]);
	});

	it("counts 2015-style codes and dotted codes as the same id", () => {
		expect(ids("1-2 和 1.2")).toEqual(["1.2", "1.2"]);
	});

	it("says which code stands at the start of the line, glued titles included", () => {
		expect(findCodes("  1.1.3Operator Pattern")).toEqual([expect.objectContaining({ leading: true })]);
		expect(findCodes("看 1.1.3 的")).toEqual([expect.objectContaining({ leading: false })]);
	});

	it.each([
		"读 Go 1.21 的 release notes",
		"升级到 Go1.19 之后",
		"Try Go 1.13 error wrapping",
		"版本 1.21 的变化",
		"v1.2.3 发布",
		"QPS 提升了 2.1 倍",
		"停顿降到 1.5 ms 以下",
		"占比 1.2% 左右",
		"2023-06-25 09:41",
		"1.2.3.4 太长",
		"1.123 不是",
		"123.4 也不是",
		"Kubernetes 1.2 的 CRD",
		"mid-line 2.1x faster",
	])("finds no talk code in %j", (line) => {
		expect(ids(line)).toEqual([]);
	});

	it.each(["1.", "1-", "Go ", "1.1 ", "9"])("stays linear on a hostile line of %j", (unit) => {
		// On "1.1 " every fourth character ends a code, so most of the cost is the 25,000 mentions it
		// returns: under this measurement a plain loop that returns one object per four characters
		// reads 25–30× for the 10× input, and findCodes 10–16×. A quadratic scan reads 100×.
		const maxRatio = unit === "1.1 " ? 20 : 15;
		expectLinear(`findCodes on ${JSON.stringify(unit)}`, (length) => `${repeatTo(unit, length)}1.2`, findCodes, { maxRatio });
		expect(findCodes("1.1 ".repeat(25_000))).toHaveLength(25_000);
	});

});
