// `npm test`: lint, type check (tests included), build main.js, then the whole jest suite in three passes (the
// linearity checks one file at a time, the browser tests apart). Ends with one plain line, "N passed,
// N failed", counted from jest's results.
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "fs";

const extra = process.argv.slice(2);

function run(label, command, args) {
	console.log(`\n== ${label}`);
	const result = spawnSync(command, args, { stdio: "inherit" });
	return result.status ?? 1;
}

/**
 * Runs jest over some of the tests, its results written to `file`. The tests in the real browser run
 * apart from the others, and so do the checks that scanners stay linear: anything busy on the other
 * core slows even the CPU time of a test that compares the cost of two inputs, enough to fail it.
 */
function jest(label, file, args) {
	rmSync(file, { force: true });
	return run(label, "npx", ["jest", "--json", `--outputFile=${file}`, ...args, ...extra]);
}

/** Every `*.test.ts` below `dir`, as a path from the repository's root. */
function testFiles(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = `${dir}/${entry.name}`;
		if (entry.isDirectory()) {
			return entry.name === "fixtures" ? [] : testFiles(path);
		}
		return entry.name.endsWith(".test.ts") ? [path] : [];
	});
}

mkdirSync(".cache", { recursive: true });
let status = run("lint", "npx", ["eslint", ".", "--max-warnings", "0"]);
status = run("type check", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]) || status;
// The browser tests load the built main.js, so the bundle is built first.
status = run("build", "node", ["esbuild.config.mjs", "production"]) || status;
// The test files that compare the cost of two inputs (`expectLinear`): they run one at a time, with
// nothing else on the machine's other core, whose load slows even a process's CPU time.
const timed = testFiles("tests").filter((file) => /\bexpectLinear\(|\bmeasureGrowth\(/.test(readFileSync(file, "utf8")));
const timedPattern = timed.map((file) => `/${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`).join("|");
// Tests named on the command line run in one pass, as given.
const passes =
	extra.length > 0
		? [{ label: "jest", file: ".cache/jest-results.json", args: [] }]
		: [
				{ label: "jest (unit and jsdom)", file: ".cache/jest-results.json", args: ["--testPathIgnorePatterns", `/tests/browser/|${timedPattern}`] },
				{ label: "jest (the linearity checks, one file at a time)", file: ".cache/jest-results-timed.json", args: ["--runInBand", "--testPathPatterns", timedPattern] },
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
