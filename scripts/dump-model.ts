/**
 * `node scripts/run-ts.mjs scripts/dump-model.ts <out.json> [seed…]`: writes the whole model of
 * synthetic vaults (3,000 notes each; seeds 1, 2 and 3 unless given) as JSON: every note's talks, study
 * items and questions, the talks, the tallies and the program merged in. Run on two versions of the
 * code and compare the files: a change meant to make the model faster or smaller must leave them
 * byte for byte the same. A note's version is written as its shape (lengths and inert lines), not
 * its hashes.
 */
import "../sandbox/node-dom";
import { writeFileSync } from "fs";
import type { MetadataCache, Vault, Workspace } from "obsidian";
import { setup } from "obsidian-test-mocks/setup";
import type { NotedSession, Session } from "../src/index/sessions";
import { VaultIndex } from "../src/index/vault-index";
import { programOf } from "../src/program/program";
import { isInertHash, type TextVersion } from "../src/model/text-version";
import { buildMetadata } from "../sandbox/metadata-builder";
import { syntheticVault } from "../sandbox/synthetic-vault";

setup();

const [out, ...seedArgs] = process.argv.slice(2);
if (out === undefined || seedArgs.some((seed) => !/^\d+$/.test(seed))) {
	console.error("usage: node scripts/run-ts.mjs scripts/dump-model.ts <out.json> [seed…]");
	process.exit(2);
}
const seeds = seedArgs.length > 0 ? seedArgs.map(Number) : [1, 2, 3];

/** Vault PDFs resolve into `pdfs/`, so that links to them are read as the app would read them. */
const services = {
	metadataCache: { getFirstLinkpathDest: (path: string) => (path.endsWith(".pdf") ? { path: `pdfs/${path}` } : null) } as unknown as MetadataCache,
	vault: {} as Vault,
	workspace: {} as Workspace,
};

function shapeOf(version: TextVersion): unknown {
	return { length: version.length, lines: version.lines.length, inert: version.lines.map((hash) => (isInertHash(hash) ? 1 : 0)).join(""), propertiesEnd: version.propertiesEnd, confirmed: version.confirmed };
}

const result: Record<string, unknown> = {};
for (const seed of seeds) {
	const files = syntheticVault({ notes: 3000, seed });
	const index = new VaultIndex(services, { trackedTags: () => ["gopherchina"] });
	index.reset();
	index.setProgram(programOf(null));
	index.indexNotes(Object.entries(files).map(([path, text]) => ({ path, text, cache: buildMetadata(text) })));
	index.prepare(Number.POSITIVE_INFINITY);
	index.flush();
	result[`seed${seed}`] = {
		notes: index.notes().map((note) => ({
			path: note.path,
			tags: note.tags,
			year: note.year,
			edition: note.edition,
			counts: note.counts,
			problem: note.problem ?? null,
			version: shapeOf(note.version),
			sessions: note.sessions,
			studyItems: note.studyItems.map((item) => ({ path: item.path, line: item.line, status: item.status, state: item.state, text: item.text, lineText: item.lineText, headings: [...item.headings], parentLine: item.parentLine, sessionKey: item.sessionKey })),
			questions: note.questions.map((question) => ({ ...question, headings: [...question.headings], version: undefined })),
		})),
		sessions: index.sessions().map(talkFields),
		counts: index.sessionCounts(),
		years: index.sessionYears(),
		progress: index.progress(),
		sessionProgress: [...index.sessionProgress()],
		// By key: the map's order is not part of the model.
		yearKeyProgress: [...index.yearKeyProgress()].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
		programSessions: index.programSessions().map(talkFields),
		programYears: index.programYears(),
		skipped: index.skippedNotes(),
	};
}
writeFileSync(out, JSON.stringify(result));
console.log(`wrote ${out}`);

/**
 * A talk with every field it is read by, own or made when asked for (a noted talk makes its sources
 * and program fields when asked), in the order a plain object of them has.
 */
function talkFields<T extends Session>(session: T): T | Record<string, unknown> {
	if (Object.prototype.hasOwnProperty.call(session, "sources")) {
		return session;
	}
	const noted = session as unknown as NotedSession;
	const { id, year, edition, code, title, url, localPath, fileName, sources, inProgram, noted: isNoted, notedIds } = noted;
	return { id, year, edition, code, title, url, localPath, fileName, sources, inProgram, noted: isNoted, notedIds };
}
