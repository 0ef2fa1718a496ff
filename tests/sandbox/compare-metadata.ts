/**
 * Compares two `CachedMetadata` on every field the plugin reads. Used to prove the in-memory
 * runtime against metadata captured from the real app.
 */
import type { CachedMetadata } from "obsidian";

export type Field =
	| "listItems"
	| "headings"
	| "tags"
	| "getAllTags"
	| "frontmatter"
	| "frontmatterPosition"
	| "frontmatterLinks"
	| "links"
	| "embeds"
	| "sections";

/** The comparable projection of each field: only what the plugin relies on. */
export function project(cache: CachedMetadata, allTags: readonly string[] | null): Record<Field, unknown> {
	return {
		listItems: (cache.listItems ?? []).map((item) => ({ line: item.position.start.line, task: item.task ?? null, parent: item.parent })),
		headings: (cache.headings ?? []).map((heading) => ({ heading: heading.heading, level: heading.level, line: heading.position.start.line })),
		tags: (cache.tags ?? []).map((tag) => ({ tag: tag.tag, line: tag.position.start.line, col: tag.position.start.col })),
		getAllTags: [...(allTags ?? [])],
		frontmatter: cache.frontmatter ?? null,
		frontmatterPosition: cache.frontmatterPosition ? [cache.frontmatterPosition.start.line, cache.frontmatterPosition.end.line] : null,
		frontmatterLinks: (cache.frontmatterLinks ?? []).map((link) => ({ key: link.key, link: link.link, displayText: link.displayText ?? null })),
		links: (cache.links ?? []).map((link) => ({ link: link.link, displayText: link.displayText ?? null, line: link.position.start.line })),
		embeds: (cache.embeds ?? []).map((link) => ({ link: link.link, displayText: link.displayText ?? null, line: link.position.start.line })),
		sections: (cache.sections ?? []).map((section) => ({ type: section.type, start: section.position.start.line, end: section.position.end.line })),
	};
}

export interface Difference {
	field: Field;
	expected: unknown;
	actual: unknown;
}

export function compareMetadata(
	expected: CachedMetadata,
	expectedTags: readonly string[] | null,
	actual: CachedMetadata,
	actualTags: readonly string[] | null,
): Difference[] {
	const want = project(expected, expectedTags);
	const got = project(actual, actualTags);
	const differences: Difference[] = [];
	for (const field of Object.keys(want) as Field[]) {
		if (canonical(want[field]) !== canonical(got[field])) {
			differences.push({ field, expected: want[field], actual: got[field] });
		}
	}
	return differences;
}

/** JSON with object keys sorted: property order is not part of the metadata's meaning. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, entry: unknown) => {
		if (entry !== null && typeof entry === "object" && !Array.isArray(entry)) {
			return Object.fromEntries(Object.entries(entry as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
		}
		return entry;
	});
}
