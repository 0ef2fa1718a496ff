/**
 * The few `obsidian` functions whose behaviour the plugin depends on and which the runtime must
 * answer as the app does (checked against the captures): tags from properties come first, a
 * property string may hold several tags separated by commas or spaces, an empty result is `null`.
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
	const values: string[] = [];
	const add = (value: unknown): void => {
		if (typeof value === "string") {
			for (const part of value.split(/[,\s]+/)) {
				if (part.replace(/^#/, "") !== "") {
					values.push(asTag(part));
				}
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
	return values.length > 0 ? values : null;
}

export function getAllTags(cache: CachedMetadata): string[] | null {
	const tags = [...(parseFrontMatterTags(cache.frontmatter) ?? []), ...(cache.tags ?? []).map((tag) => tag.tag)];
	return tags.length > 0 ? tags : null;
}
