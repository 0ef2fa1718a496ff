/** English strings. Keys are shared with the other languages; `{name}` marks a value. */
export const en = {
	"settings.trackedTags.name": "Tracked tags",
	"settings.trackedTags.desc": "Notes with one of these tags, or a tag nested below one (such as gopherchina/2023), appear on the dashboard. Separate tags with commas.",
	"index.skipped": "Skipped {path}: {reason}",
} as const;

export type MessageKey = keyof typeof en;
