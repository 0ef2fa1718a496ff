import { indexFiles } from "../../sandbox/harness";
import { buildMetadata } from "../../sandbox/metadata-builder";
import { getAllTags, parseFrontMatterTags } from "../../sandbox/obsidian-functions";

const note = (properties: string, body = "text\n"): ReturnType<typeof buildMetadata> => buildMetadata(`---\n${properties}\n---\n${body}`);

describe("tags from properties, as the app reads them", () => {
	it("reads no tag from a comma-separated string, and getAllTags has none from it either", () => {
		const cache = note("tags: gopherchina, go");
		expect(cache.frontmatter).toEqual({ tags: "gopherchina, go" });
		expect(parseFrontMatterTags(cache.frontmatter)).toEqual([]);
		expect(getAllTags(cache)).toBeNull();
		expect(getAllTags(note("tags: gopherchina, go", "#body\n"))).toEqual(["#body"]);
	});

	it("reads no tag from a string with spaces in it", () => {
		expect(parseFrontMatterTags(note("tags: gopherchina go").frontmatter)).toEqual([]);
	});

	it("reads a single value, with or without #, and a YAML list in either form", () => {
		expect(parseFrontMatterTags(note("tags: gopherchina").frontmatter)).toEqual(["#gopherchina"]);
		expect(parseFrontMatterTags(note('tags: "#gopherchina/2023"').frontmatter)).toEqual(["#gopherchina/2023"]);
		expect(parseFrontMatterTags(note("tags: [gopherchina, go]").frontmatter)).toEqual(["#gopherchina", "#go"]);
		expect(parseFrontMatterTags(note("tags:\n  - gopherchina\n  - go").frontmatter)).toEqual(["#gopherchina", "#go"]);
		expect(getAllTags(note("tags: [gopherchina, go]", "#body\n"))).toEqual(["#gopherchina", "#go", "#body"]);
	});

	it("answers null without a tags property or with an empty one", () => {
		expect(parseFrontMatterTags(undefined)).toBeNull();
		expect(parseFrontMatterTags(note("title: x").frontmatter)).toBeNull();
		expect(parseFrontMatterTags(note("tags:").frontmatter)).toBeNull();
		expect(getAllTags(buildMetadata("no tags\n"))).toBeNull();
	});
});

describe("the index over such notes", () => {
	it("tracks a note by a single tag or a list in properties, not by a comma-separated string", async () => {
		const { index } = await indexFiles({
			"comma.md": "---\ntags: gopherchina, go\n---\n- [ ] x\n",
			"single.md": "---\ntags: gopherchina\n---\n- [ ] x\n",
			"list.md": "---\ntags: [go, gopherchina]\n---\n- [ ] x\n",
		});
		expect(index.notes().map((note) => note.path).sort()).toEqual(["list.md", "single.md"]);
		index.unload();
	});
});
