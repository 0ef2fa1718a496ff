import type { HeadingCache } from "obsidian";

const NO_HEADINGS: readonly string[] = Object.freeze([]);

/** Answers "which headings stand above line N" in O(log n) per question. */
export class HeadingPaths {
	private readonly lines: number[] = [];
	/** Each heading's path, shared by every line under it (never changed once made). */
	private readonly paths: Array<readonly string[]> = [];

	constructor(headings: readonly HeadingCache[] | undefined) {
		const stack: HeadingCache[] = [];
		for (const heading of headings ?? []) {
			while (stack.length > 0 && (stack[stack.length - 1] as HeadingCache).level >= heading.level) {
				stack.pop();
			}
			stack.push(heading);
			this.lines.push(heading.position.start.line);
			this.paths.push(Object.freeze(stack.map((entry) => entry.heading)));
		}
	}

	/**
	 * The heading path of the section that contains `line` (headings on the line itself excluded):
	 * one frozen array shared by every line of the section.
	 */
	at(line: number): readonly string[] {
		const index = this.lastBefore(line);
		return index === -1 ? NO_HEADINGS : (this.paths[index] as readonly string[]);
	}

	/** Lines of the headings above `line`, innermost first. */
	linesAbove(line: number): number[] {
		const index = this.lastBefore(line);
		if (index === -1) {
			return [];
		}
		const depth = (this.paths[index] as readonly string[]).length;
		const result: number[] = [];
		let wanted = depth;
		for (let i = index; i >= 0 && wanted > 0; i--) {
			const length = (this.paths[i] as readonly string[]).length;
			if (length === wanted) {
				result.push(this.lines[i] as number);
				wanted--;
			} else if (length < wanted) {
				result.push(this.lines[i] as number);
				wanted = length - 1;
			}
		}
		return result;
	}

	/** The line of the heading whose section holds `line`, or null above the first heading. */
	innermostAbove(line: number): number | null {
		const index = this.lastBefore(line);
		return index === -1 ? null : (this.lines[index] as number);
	}

	private lastBefore(line: number): number {
		let low = 0;
		let high = this.lines.length - 1;
		let found = -1;
		while (low <= high) {
			const middle = (low + high) >> 1;
			if ((this.lines[middle] as number) < line) {
				found = middle;
				low = middle + 1;
			} else {
				high = middle - 1;
			}
		}
		return found;
	}
}
