/** @jest-environment node */
import { taskStatus } from "../../src/model/metadata-check";
import { TASK_PREFIX } from "../../src/model/status";

// The metadata check reads a task's status by hand on lines of the usual shape; it must read what
// the task expression reads, on every line.
const PIECES = [" ", "\t", ">", "> ", "-", "*", "+", "1", "123456789", "1234567890", ".", ")", "[", "]", "x", "/", "\r", "\n", "\u2028", "😀", "\ud83d", "a", "[ ]", "[x]", "- [ ] ", "1. [x]", "\u00a0", "\ufeff"];

function generator(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1103515245) + 12345) >>> 0;
		return state / 4294967296;
	};
}

describe("a task's status, read by hand", () => {
	it("is what the task expression reads, on 200,000 random lines", () => {
		const next = generator(20261127);
		let tasks = 0;
		for (let n = 0; n < 200_000; n++) {
			let line = "";
			const length = Math.floor(next() * 7);
			for (let i = 0; i < length; i++) {
				line += PIECES[Math.floor(next() * PIECES.length)] as string;
			}
			const expected = TASK_PREFIX.exec(line)?.[2] ?? null;
			if (taskStatus(line) !== expected) {
				throw new Error(`disagrees on ${JSON.stringify(line)}: ${JSON.stringify(taskStatus(line))} for ${JSON.stringify(expected)}`);
			}
			tasks += expected === null ? 0 : 1;
		}
		// The lines include plenty of tasks, so both answers are exercised.
		expect(tasks).toBeGreaterThan(5_000);
	});
});
