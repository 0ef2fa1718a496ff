/** @jest-environment node */
import { spawnSync } from "child_process";
import { join } from "path";

// The benchmark is a script that prints figures; this only checks that it runs and prints them all.
describe("npm run bench", () => {
	jest.setTimeout(120_000);

	it("prints one JSON object with every figure for a small vault", () => {
		const result = spawnSync("npm", ["run", "bench", "--", "--notes", "300", "--seed", "3", "--json", "--no-browser"], { cwd: join(__dirname, "..", ".."), encoding: "utf8" });
		expect(result.status).toBe(0);
		const figures = JSON.parse(result.stdout.trim()) as Record<string, number>;
		expect(Object.keys(figures)).toEqual([
			"notes", "indexMs", "floorMs", "indexOverFloor", "wholeModelMs", "wholeOverFloor", "heapMiB", "update1kMs", "update10kMs", "updateRatio", "renderMs", "renderNodes", "firstDrawMs", "toggleMs", "onloadMs", "mainJsBytes", "leastMs", "leastOverFloor",
		]);
		expect(figures.notes).toBe(300);
		for (const value of Object.values(figures)) {
			expect(Number.isFinite(value)).toBe(true);
		}
		expect(figures.renderNodes).toBeGreaterThan(50);
		// npm run bench exposes the collector, so the model's heap is measured, never left out.
		expect(figures.heapMiB).toBeGreaterThan(0);
		expect(figures.wholeModelMs).toBeGreaterThan(figures.indexMs as number);
		// The least any model must do reads every character once, more than the floor's native scans.
		expect(figures.leastMs).toBeGreaterThan(0);
		expect(figures.leastMs).toBeLessThan(figures.wholeModelMs as number);
	});

	it("refuses arguments it does not know", () => {
		const result = spawnSync("npm", ["run", "bench", "--", "--nodes", "3"], { cwd: join(__dirname, "..", ".."), encoding: "utf8" });
		expect(result.status).toBe(1);
		expect(result.stderr).toContain("unexpected argument --nodes");
	});
});
