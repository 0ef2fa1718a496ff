/** @jest-environment node */
import { isTrackedNote, matchesTrackedTag, normalizeTag, normalizeTrackedTags, tagChildren } from "../../src/model/tags";
import { parseYearFolder, yearFromFolders, yearFromValue } from "../../src/model/years";

describe("tracked tags", () => {
	const tracked = normalizeTrackedTags(["#GopherChina", " talks/go/ ", "", "gopherchina"]);

	it("normalizes the setting", () => {
		expect(tracked).toEqual(["gopherchina", "talks/go"]);
	});

	it.each(["#gopherchina", "#GopherChina", "#gopherchina/2023", "#gopherchina/2023/shanghai", "#talks/go", "#talks/go/x"])("tracks %s", (tag) => {
		expect(matchesTrackedTag(tag, tracked)).toBe(true);
	});

	it.each(["#gopherchinese", "#gopherchina2023", "#go", "#talks", "#talks/golang", "#x/gopherchina"])("does not track %s", (tag) => {
		expect(matchesTrackedTag(tag, tracked)).toBe(false);
	});

	it("drops white space, leading `#` and trailing `/` from a tag, and nothing else", () => {
		expect(normalizeTag("#GopherChina/2023")).toBe("gopherchina/2023");
		expect(normalizeTag("  ##Talks/Go// ")).toBe("talks/go");
		expect(normalizeTag("#a///")).toBe("a");
		expect(normalizeTag("#a/// x")).toBe("a/// x");
		expect(normalizeTag("#a//#")).toBe("a//#");
		expect(normalizeTag("#///")).toBe("");
		expect(normalizeTag("##")).toBe("");
	});

	it("decides per note from all its tags", () => {
		expect(isTrackedNote(["#go", "#gopherchina"], tracked)).toBe(true);
		expect(isTrackedNote(null, tracked)).toBe(false);
		expect(tagChildren(["#gopherchina/2019/shanghai", "#go"], tracked)).toEqual([["2019", "shanghai"]]);
	});
});

describe("years", () => {
	it("reads years and editions from folders", () => {
		expect(parseYearFolder("2023")).toEqual({ year: 2023, edition: null });
		expect(parseYearFolder("2023-shanghai")).toEqual({ year: 2023, edition: "shanghai" });
		expect(parseYearFolder("2023-Shanghai")).toEqual({ year: 2023, edition: "shanghai" });
		expect(parseYearFolder("slides")).toBeNull();
		expect(parseYearFolder("12023")).toBeNull();
		expect(yearFromFolders(["conference", "2019", "day1"])).toEqual({ year: 2019, edition: null });
	});

	it("reads years from property values", () => {
		expect(yearFromValue(2021)).toBe(2021);
		expect(yearFromValue("2021")).toBe(2021);
		expect(yearFromValue("2021-06-26")).toBe(2021);
		expect(yearFromValue(["2019"])).toBe(2019);
		expect(yearFromValue("June 2021")).toBeNull();
		expect(yearFromValue(3)).toBeNull();
	});
});
