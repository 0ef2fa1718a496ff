/**
 * `npm run inspect -- <vault folder> [--tag TAG …] [--program]`: runs the plugin's real index over a
 * folder of notes (through the in-memory runtime) and prints the model as JSON. Notes that cannot be
 * read are reported on stderr and skipped. `--program` adds the shipped program's talks, each with
 * whether a note of the folder links it.
 */
import "../sandbox/node-dom";
import { existsSync, statSync } from "fs";
import { setup } from "obsidian-test-mocks/setup";
import { snapshot } from "../src/index/snapshot";
import { programOf } from "../src/program/program";
import { readVaultFolder, startIndex } from "../sandbox/harness";
import { createRuntime } from "../sandbox/runtime";

async function main(argv: string[]): Promise<number> {
	const tags: string[] = [];
	let folder: string | null = null;
	let program = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] as string;
		if (arg === "--tag") {
			tags.push(argv[++i] ?? "");
		} else if (arg === "--program") {
			program = true;
		} else if (folder === null) {
			folder = arg;
		} else {
			process.stderr.write(`inspect: unexpected argument ${arg}\n`);
			return 2;
		}
	}
	if (folder === null) {
		process.stderr.write("usage: npm run inspect -- <vault folder> [--tag TAG] [--program]\n");
		return 2;
	}
	if (!existsSync(folder) || !statSync(folder).isDirectory()) {
		process.stderr.write(`inspect: ${folder} is not a folder\n`);
		return 2;
	}
	setup();
	const files = readVaultFolder(folder, (path, reason) => process.stderr.write(`inspect: skipped ${path}: ${reason}\n`));
	const runtime = createRuntime({});
	for (const [path, content] of Object.entries(files)) {
		try {
			runtime.addFile(path, content);
		} catch (error) {
			process.stderr.write(`inspect: skipped ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
		}
	}
	const { index } = await startIndex(runtime, tags.length > 0 ? tags : ["gopherchina"]);
	if (program) {
		index.setProgram(programOf(null));
	}
	process.stdout.write(`${JSON.stringify(snapshot(index, { program }), null, 2)}\n`);
	index.unload();
	return 0;
}

main(process.argv.slice(2)).then(
	(code) => process.exit(code),
	(error: unknown) => {
		process.stderr.write(`inspect: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(1);
	},
);
