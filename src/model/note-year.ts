import type { FrontMatterCache } from "obsidian";
import type { NoteYear } from "./session-refs";
import { tagChildren } from "./tags";
import { parseYearFolder, yearFromValue } from "./years";

/** A note's conference year and edition: its `year` or `date` property, else a nested tag. */
export function yearOfNote(
	frontmatter: FrontMatterCache | undefined,
	tags: readonly string[],
	tracked: readonly string[],
): NoteYear {
	const edition = typeof frontmatter?.edition === "string" ? frontmatter.edition.trim().toLowerCase() : null;
	const fromProperties = yearFromValue(frontmatter?.year) ?? yearFromValue(frontmatter?.date);
	if (fromProperties !== null) {
		return { year: fromProperties, edition: edition === "" ? null : edition };
	}
	for (const children of tagChildren(tags, tracked)) {
		const parsed = parseYearFolder(children.join("-"));
		if (parsed) {
			return { year: parsed.year, edition: edition ?? parsed.edition };
		}
		const first = parseYearFolder(children[0] ?? "");
		if (first) {
			return { year: first.year, edition: edition ?? first.edition };
		}
	}
	return { year: null, edition };
}

