// `npm test`: lint, type check (tests included), build main.js, then the whole jest suite. Ends with one plain
// line, "N passed, N failed", counted from jest's results.
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "fs";

const results = ".cache/jest-results.json";
const extra = process.argv.slice(2);

function run(label, command, args) {
	console.log(`\n== ${label}`);
	const result = spawnSync(command, args, { stdio: "inherit" });
	return result.status ?? 1;
}

mkdirSync(".cache", { recursive: true });
rmSync(results, { force: true });
let status = run("lint", "npx", ["eslint", ".", "--max-warnings", "0"]);
status = run("type check", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]) || status;
// The browser tests load the built main.js, so the bundle is built first.
status = run("build", "node", ["esbuild.config.mjs", "production"]) || status;
status = run("jest", "npx", ["jest", "--json", `--outputFile=${results}`, ...extra]) || status;
if (existsSync(results)) {
	const summary = JSON.parse(readFileSync(results, "utf8"));
	const skipped = summary.numPendingTests + summary.numTodoTests;
	console.log(`\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
	if (summary.numTotalTests === 0) {
		console.error("jest ran no test");
		status = status || 1;
	}
	// The results name this machine's paths; only the count above is kept.
	rmSync(results, { force: true });
} else {
	console.log("\n0 passed, 1 failed");
	status = status || 1;
}
process.exit(status);
