/**
 * What the metadata builder must not read tags and links from, inside one block's inline text (a
 * paragraph, a heading, a list item's lines): code spans and HTML comments. Obsidian finds no tag
 * and no link in `text <!-- #tag [[link]] --> more` (capture `comments_html_style` of the
 * obsidian-tasks project, Obsidian 1.7.7), while it still reads those in `%% … %%`.
 *
 * As in CommonMark, whichever construct starts first wins: `` `<!--` `` is code, and a backtick in a
 * comment opens nothing. A code span closes at the next run of as many backticks, an HTML comment at
 * the first `-->` (`<!-->` and `<!--->` are empty comments); either may run over several lines of the
 * block, and one that never closes is plain text. One pass: linear however hostile the text.
 */
export function maskInline(lines: readonly string[]): string[] {
	const text = lines.join("\n");
	if (!text.includes("`") && !text.includes("<!--")) {
		return [...lines];
	}
	const runs = backtickRuns(text);
	// Masked spans as [from, to) pairs, in order.
	const spans: number[] = [];
	let run = 0;
	// The first `-->` at or after a position; -1 once none is left, so no later `<!--` looks again.
	let close = text.indexOf("-->");
	for (let i = 0; i < text.length; ) {
		const code = text.charCodeAt(i);
		if (code === 96) {
			while ((runs.starts[run] ?? Infinity) < i) {
				run++;
			}
			const length = runs.lengths[run] as number;
			const match = runs.closing(run);
			if (match === -1) {
				i += length;
				continue;
			}
			const end = (runs.starts[match] as number) + length;
			spans.push(i, end);
			i = end;
			continue;
		}
		if (code === 60 && text.startsWith("<!--", i)) {
			let end = -1;
			if (text.startsWith(">", i + 4)) {
				end = i + 5;
			} else if (text.startsWith("->", i + 4)) {
				end = i + 6;
			} else {
				while (close !== -1 && close < i + 4) {
					close = text.indexOf("-->", close + 1);
				}
				end = close === -1 ? -1 : close + 3;
			}
			if (end === -1) {
				i += 4;
				continue;
			}
			spans.push(i, end);
			i = end;
			continue;
		}
		i++;
	}
	if (spans.length === 0) {
		return [...lines];
	}
	const parts: string[] = [];
	let copied = 0;
	for (let k = 0; k < spans.length; k += 2) {
		const from = spans[k] as number;
		const to = spans[k + 1] as number;
		parts.push(text.slice(copied, from), blank(text.slice(from, to)));
		copied = to;
	}
	parts.push(text.slice(copied));
	return parts.join("").split("\n");
}

/** Spaces for every character but line breaks. */
function blank(span: string): string {
	return span.includes("\n") ? span.replace(/[^\n]/g, " ") : " ".repeat(span.length);
}

/** The backtick runs of a text, and for each the next run of the same length (found in one pass). */
function backtickRuns(text: string): { starts: number[]; lengths: number[]; closing: (run: number) => number } {
	const starts: number[] = [];
	const lengths: number[] = [];
	for (let i = text.indexOf("`"); i !== -1; ) {
		let end = i + 1;
		while (text.charCodeAt(end) === 96) {
			end++;
		}
		starts.push(i);
		lengths.push(end - i);
		i = text.indexOf("`", end);
	}
	const next = new Array<number>(starts.length).fill(-1);
	const seen = new Map<number, number>();
	for (let k = starts.length - 1; k >= 0; k--) {
		const length = lengths[k] as number;
		next[k] = seen.get(length) ?? -1;
		seen.set(length, k);
	}
	return { starts, lengths, closing: (run) => next[run] as number };
}
