/**
 * The few `obsidian` functions whose behaviour the plugin depends on and which the runtime must
 * answer as the app does (checked against the captures): tags from properties come first; the `tags`
 * property is read as one value or a YAML list, each entry one tag. A string that holds a comma or
 * white space is no tag at all: for `tags: a, b` the app answers `[]` and `getAllTags` has nothing
 * from the properties (capture `yaml_tags_with_two_values_on_one_line` of obsidian-tasks). Without
 * a tags property the answer is `null`, and so is an empty `getAllTags`.
 */
import type { CachedMetadata, FrontMatterCache } from "obsidian";

function asTag(value: string): string {
	return value.startsWith("#") ? value : `#${value}`;
}

export function parseFrontMatterTags(frontmatter: FrontMatterCache | null | undefined): string[] | null {
	if (!frontmatter) {
		return null;
	}
	const raw: unknown = frontmatter.tags ?? frontmatter.tag;
	if (raw === undefined || raw === null) {
		return null;
	}
	const values: string[] = [];
	const add = (value: unknown): void => {
		if (typeof value === "string") {
			const tag = value.trim();
			if (tag.replace(/^#/, "") !== "" && !/[\s,]/.test(tag)) {
				values.push(asTag(tag));
			}
		} else if (typeof value === "number") {
			values.push(asTag(String(value)));
		}
	};
	if (Array.isArray(raw)) {
		raw.forEach(add);
	} else {
		add(raw);
	}
	return values;
}

export function getAllTags(cache: CachedMetadata): string[] | null {
	const tags = [...(parseFrontMatterTags(cache.frontmatter) ?? []), ...(cache.tags ?? []).map((tag) => tag.tag)];
	return tags.length > 0 ? tags : null;
}
