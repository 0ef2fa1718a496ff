import { getAllTags, parseFrontMatterTags } from "obsidian";
import { copyFileSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { BUNDLED_CAPTURES, captureDirs, loadCaptures } from "../support/captures";
import { compareMetadata } from "./compare-metadata";
import { buildMetadata } from "../../sandbox/metadata-builder";

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

	it.each(captures.map((capture) => [capture.name, capture] as const))("%s: parseFrontMatterTags", (_name, capture) => {
		expect(parseFrontMatterTags(buildMetadata(capture.fileContents).frontmatter)).toEqual(capture.parseFrontMatterTags);
	});
});

describe("the conformance check itself", () => {
	const capture = captures.find((entry) => entry.name === "inheritance_1parent2children1sibling.json");

	it("fails when a list item's parent or task character differs", () => {
		if (!capture) {
			throw new Error("capture missing");
		}
		const built = buildMetadata(capture.fileContents);
		const item = built.listItems?.[1];
		if (!item) {
			throw new Error("no list item");
		}
		item.parent = -1;
		item.task = "x";
		const differences = compareMetadata(capture.cachedMetadata, capture.getAllTags, built, getAllTags(built));
		expect(differences.map((difference) => difference.field)).toEqual(["listItems"]);
	});

	it("fails when a code section or a tag is missing", () => {
		const zero = captures.find((entry) => entry.name === "zero_width.json");
		if (!zero) {
			throw new Error("capture missing");
		}
		const built = buildMetadata(zero.fileContents);
		built.sections = built.sections?.filter((section) => section.type !== "code");
		built.tags = built.tags?.slice(1);
		const differences = compareMetadata(zero.cachedMetadata, zero.getAllTags, built, getAllTags(built));
		expect(differences.map((difference) => difference.field).sort()).toEqual(["getAllTags", "sections", "tags"]);
	});
});

describe("more captures", () => {
	it("are read from OBSIDIAN_CAPTURES_DIR as well when it is set", () => {
		const dir = mkdtempSync(join(tmpdir(), "gcd-captures-"));
		const before = process.env.OBSIDIAN_CAPTURES_DIR;
		try {
			copyFileSync(join(BUNDLED_CAPTURES, "zero_width.json"), join(dir, "extra.json"));
			process.env.OBSIDIAN_CAPTURES_DIR = dir;
			expect(captureDirs()).toEqual([BUNDLED_CAPTURES, dir]);
			const all = loadCaptures();
			expect(all.map((capture) => capture.name)).toContain(join(dir, "extra.json"));
		} finally {
			if (before === undefined) {
				delete process.env.OBSIDIAN_CAPTURES_DIR;
			} else {
				process.env.OBSIDIAN_CAPTURES_DIR = before;
			}
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
