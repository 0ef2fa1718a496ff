// `npm test`: lint, type check (tests included), build main.js, then the whole jest suite (the browser tests
// in a pass of their own). Ends with one plain line, "N passed, N failed", counted from jest's results.
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "fs";

const extra = process.argv.slice(2);

function run(label, command, args) {
	console.log(`\n== ${label}`);
	const result = spawnSync(command, args, { stdio: "inherit" });
	return result.status ?? 1;
}

/**
 * Runs jest over some of the tests, its results written to `file`. The tests in the real browser run
 * apart from the others: Chromium busy on the other core slows even the CPU time of a test that
 * compares the cost of two inputs (the checks that scanners stay linear), enough to fail it.
 */
function jest(label, file, args) {
	rmSync(file, { force: true });
	return run(label, "npx", ["jest", "--json", `--outputFile=${file}`, ...args, ...extra]);
}

mkdirSync(".cache", { recursive: true });
let status = run("lint", "npx", ["eslint", ".", "--max-warnings", "0"]);
status = run("type check", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]) || status;
// The browser tests load the built main.js, so the bundle is built first.
status = run("build", "node", ["esbuild.config.mjs", "production"]) || status;
// Tests named on the command line run in one pass, as given.
const passes =
	extra.length > 0
		? [{ label: "jest", file: ".cache/jest-results.json", args: [] }]
		: [
				{ label: "jest (all but the browser)", file: ".cache/jest-results.json", args: ["--testPathIgnorePatterns", "/tests/browser/"] },
				{ label: "jest (the browser)", file: ".cache/jest-results-browser.json", args: ["--testPathPatterns", "/tests/browser/"] },
			];
let passed = 0;
let failed = 0;
let skipped = 0;
let total = 0;
for (const pass of passes) {
	status = jest(pass.label, pass.file, pass.args) || status;
	if (!existsSync(pass.file)) {
		failed++;
		status = status || 1;
		continue;
	}
	const summary = JSON.parse(readFileSync(pass.file, "utf8"));
	passed += summary.numPassedTests;
	failed += summary.numFailedTests;
	skipped += summary.numPendingTests + summary.numTodoTests;
	total += summary.numTotalTests;
	// The results name this machine's paths; only the count below is kept.
	rmSync(pass.file, { force: true });
}
console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
if (total === 0) {
	console.error("jest ran no test");
	status = status || 1;
}
process.exit(status);
