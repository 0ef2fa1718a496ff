import type { MessageKey } from "./en";

/** 简体中文. */
export const zh: Record<MessageKey, string> = {
	"settings.trackedTags.name": "跟踪的标签",
	"settings.trackedTags.desc": "带有这些标签（或其下级标签，如 gopherchina/2023）的笔记会出现在仪表盘中。多个标签用逗号分隔。",
	"index.skipped": "已跳过 {path}：{reason}",
};
