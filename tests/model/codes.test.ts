/** @jest-environment node */
import { compareCodes, parseCode, splitCode } from "../../src/model/codes";

describe("talk codes", () => {
	it.each([
		["1.1.1 大型项目开发之 Golang 早知道", "1.1.1", "大型项目开发之 Golang 早知道"],
		["2.3 C++ 与 Go", "2.3", "C++ 与 Go"],
		["1-2 Go 语言的演进", "1-2", "Go 语言的演进"],
		["1.1.3Operator Pattern", "1.1.3", "Operator Pattern"],
		["1.1.1 - Title", "1.1.1", "Title"],
		["1.1.1：标题", "1.1.1", "标题"],
		["1.10 Kubernetes", "1.10", "Kubernetes"],
	])("splits the code off %j", (text, code, rest) => {
		const split = splitCode(text);
		expect(split.code?.code).toBe(code);
		expect(split.rest).toBe(rest);
	});

	it.each(["2023 GopherChina", "Go 1.21 release", "The State Of Go", "1.1.1.1 too deep", "123.4 big"])("finds no code in %j", (text) => {
		expect(splitCode(text).code).toBeNull();
		expect(splitCode(text).rest).toBe(text);
	});

	it("reads day, track and slot from three parts and day and slot from two", () => {
		expect(parseCode("1.2.3")).toMatchObject({ day: 1, track: 2, slot: 3, parts: [1, 2, 3] });
		expect(parseCode("1-2")).toMatchObject({ day: 1, track: null, slot: 2, parts: [1, 2] });
	});

	it("sorts codes numerically, part by part", () => {
		const codes = ["1.10", "2.1", "1.9", "1.2.1", "1.2", "1-3"].map(parseCode);
		expect(codes.sort(compareCodes).map((code) => code.code)).toEqual(["1.2", "1.2.1", "1-3", "1.9", "1.10", "2.1"]);
		expect(compareCodes(null, parseCode("1.1"))).toBeGreaterThan(0);
	});
});
