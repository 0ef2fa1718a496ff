import { getAllTags } from "obsidian";
import { loadCaptures } from "./captures";
import { compareMetadata } from "./compare-metadata";
import { buildMetadata } from "./metadata-builder";

const captures = loadCaptures();

describe("the in-memory runtime's metadata agrees with real Obsidian", () => {
	it("has captures to check", () => {
		expect(captures.length).toBeGreaterThanOrEqual(60);
	});

	it.each(captures.map((capture) => [capture.name, capture] as const))("%s", (_name, capture) => {
		const built = buildMetadata(capture.fileContents);
		const differences = compareMetadata(capture.cachedMetadata, capture.getAllTags, built, getAllTags(built));
		expect(differences).toEqual([]);
	});
});
