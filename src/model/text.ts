/** Small text helpers shared by the parsers. Pure functions; no Obsidian, no DOM. */

/** Splits a note into lines the way Obsidian numbers them: on `\n`, with a trailing `\r` dropped. */
export function splitLines(text: string): string[] {
	const lines = text.split("\n");
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] as string;
		if (line.endsWith("\r")) {
			lines[i] = line.slice(0, -1);
		}
	}
	return lines;
}

const ESCAPE_RUN = /(?:%[0-9a-f]{2})+/gi;

/**
 * Decodes percent-escapes. Runs that are not valid UTF-8 stay as written instead of throwing,
 * so `%E0%A4%A` or a lone `%` never breaks a title. `+` is left alone: in a path it is a plus.
 */
export function safeDecode(value: string): string {
	if (!value.includes("%")) {
		return value;
	}
	try {
		return decodeURIComponent(value);
	} catch {
		return value.replace(ESCAPE_RUN, (run) => {
			try {
				return decodeURIComponent(run);
			} catch {
				return run;
			}
		});
	}
}

/** Drops a `?query` and a `#fragment` from a link target. */
export function stripQueryAndFragment(target: string): string {
	let end = target.length;
	const hash = target.indexOf("#");
	if (hash !== -1) {
		end = hash;
	}
	const query = target.indexOf("?");
	if (query !== -1 && query < end) {
		end = query;
	}
	return target.slice(0, end);
}

/** The last segment of a slash-separated path. */
export function lastSegment(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash === -1 ? path : path.slice(slash + 1);
}

/** True when a link target names a PDF: its path ends in `.pdf`, any case, after query and fragment. */
export function isPdfTarget(target: string): boolean {
	return stripQueryAndFragment(target).trim().toLowerCase().endsWith(".pdf");
}

/** Replaces inline code spans with spaces of the same length, so columns stay where they were. */
export function maskInlineCode(line: string): string {
	if (!line.includes("`")) {
		return line;
	}
	let result = "";
	let i = 0;
	while (i < line.length) {
		if (line[i] !== "`") {
			result += line[i];
			i++;
			continue;
		}
		let run = 0;
		while (line[i + run] === "`") {
			run++;
		}
		const fence = "`".repeat(run);
		const close = findClosingFence(line, i + run, fence);
		if (close === -1) {
			result += fence;
			i += run;
			continue;
		}
		result += " ".repeat(close + run - i);
		i = close + run;
	}
	return result;
}

function findClosingFence(line: string, from: number, fence: string): number {
	let at = line.indexOf(fence, from);
	while (at !== -1) {
		const before = line[at - 1];
		const after = line[at + fence.length];
		if (before !== "`" && after !== "`") {
			return at;
		}
		at = line.indexOf(fence, at + 1);
	}
	return -1;
}
