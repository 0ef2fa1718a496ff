/** Which notes are tracked: by tag, including nested children of a tracked tag. */

const PLAIN_TAG = /^#[^#\s]*[^#\s/]$/;

/** `#GopherChina/2023` → `gopherchina/2023`. */
export function normalizeTag(tag: string): string {
	if (PLAIN_TAG.test(tag)) {
		// The common case, as getAllTags gives tags: one `#`, no spaces, no trailing slash.
		return tag.slice(1).toLowerCase();
	}
	const trimmed = tag.trim();
	// Both ends are walked by hand: a `replace` anchored at `$` would retry from every `/` of a run.
	let start = 0;
	while (trimmed.charCodeAt(start) === 35) {
		start++;
	}
	let end = trimmed.length;
	while (end > start && trimmed.charCodeAt(end - 1) === 47) {
		end--;
	}
	return trimmed.slice(start, end).toLowerCase();
}

/** The tracked tags from the setting, normalized, without empties or duplicates. */
export function normalizeTrackedTags(tags: readonly string[]): string[] {
	return [...new Set(tags.map(normalizeTag).filter((tag) => tag !== ""))];
}

/** True when `tag` is a tracked tag or nested below one (`gopherchina/2023`, not `gopherchinese`). */
export function matchesTrackedTag(tag: string, tracked: readonly string[]): boolean {
	const normalized = normalizeTag(tag);
	return tracked.some((root) => normalized === root || normalized.startsWith(`${root}/`));
}

export function isTrackedNote(tags: readonly string[] | null, tracked: readonly string[]): boolean {
	if (tags === null) {
		return false;
	}
	for (const tag of tags) {
		if (matchesTrackedTag(tag, tracked)) {
			return true;
		}
	}
	return false;
}

/** The segments below a tracked tag, e.g. `gopherchina/2019/shanghai` → `["2019", "shanghai"]`. */
export function tagChildren(tags: readonly string[], tracked: readonly string[]): string[][] {
	const children: string[][] = [];
	for (const tag of tags) {
		const normalized = normalizeTag(tag);
		for (const root of tracked) {
			if (normalized.startsWith(`${root}/`)) {
				children.push(normalized.slice(root.length + 1).split("/"));
			}
		}
	}
	return children;
}
