import type { TaskState } from "./types";

/** What a status character means, as Obsidian reads it: any mark but a space counts as checked. */
export function parseStatus(status: string): TaskState {
	switch (status) {
		case " ":
			return "open";
		case "/":
			return "in-progress";
		case "-":
			return "cancelled";
		default:
			return "done";
	}
}

/** True for items that still need work. */
export function isOpenState(state: TaskState): boolean {
	return state === "open" || state === "in-progress";
}

/**
 * Quote markers, list marker and checkbox at the start of a task line. Written so that no two
 * quantifiers can trade the same characters: it stays linear on hostile lines.
 */
export const TASK_PREFIX = /^([\t ]*(?:>[\t ]*)*(?:[-*+]|\d{1,9}[.)])[\t ]+\[)(.)(\](?:[\t ]|$))/u;

/** How long the quote markers, list marker and checkbox at the start of a task line are (0: none). */
export function taskPrefixLength(line: string): number {
	return TASK_PREFIX.exec(line)?.[0].length ?? 0;
}

/** The item's text with quote markers, list marker and checkbox removed. */
export function stripTaskMarker(line: string): string {
	return line.slice(taskPrefixLength(line)).trim();
}
