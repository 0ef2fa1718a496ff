import type { CachedMetadata, Pos } from "obsidian";
import { TASK_PREFIX } from "./status";
import type { LineSpans } from "./text-version";

/**
 * True when a note's metadata fits its text: every list item, section and heading starts and ends
 * where its line and column say, and every task's status character is the one the metadata names.
 * Metadata handed over with the text by the cache's `changed` event always fits; metadata read beside
 * a text from the disk may be an older parse, and then the note's lines must not be trusted for a write.
 */
export function metadataFitsText(text: string, spans: LineSpans, cache: CachedMetadata): boolean {
	const fits = (position: Pos): boolean => {
		for (const point of [position.start, position.end]) {
			const start = spans.starts[point.line];
			if (start === undefined || start + point.col !== point.offset || point.offset > text.length) {
				return false;
			}
		}
		return true;
	};
	for (const item of cache.listItems ?? []) {
		if (!fits(item.position)) {
			return false;
		}
		if (item.task !== undefined) {
			const line = item.position.start.line;
			const content = text.slice(spans.starts[line], spans.ends[line]);
			const match = TASK_PREFIX.exec(content.startsWith("\uFEFF") ? content.slice(1) : content);
			if (!match || match[2] !== item.task) {
				return false;
			}
		}
	}
	for (const section of cache.sections ?? []) {
		if (!fits(section.position)) {
			return false;
		}
	}
	for (const heading of cache.headings ?? []) {
		if (!fits(heading.position)) {
			return false;
		}
	}
	return cache.frontmatterPosition === undefined || fits(cache.frontmatterPosition);
}
