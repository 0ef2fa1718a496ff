import { readFileSync } from "fs";
import { join } from "path";
import { snapshot, type Snapshot } from "../../src/index/snapshot";
import { indexFiles, readVaultFolder } from "../../sandbox/harness";

/**
 * Labelled notes: every study item with the talk a person reading the note would tie it to
 * (`year[-edition]/code`), or null when it is about no talk or about two equally.
 */
const FOLDER = join(__dirname, "..", "fixtures", "labelled", "ties");

interface Label {
	path: string;
	line: number;
	text: string;
	talk: string | null;
}

const labels = JSON.parse(readFileSync(join(FOLDER, "expected.json"), "utf8")) as Label[];

function talkName(session: Snapshot["sessions"][number]): string {
	return `${session.year ?? "?"}${session.edition ? `-${session.edition}` : ""}/${session.code ?? "?"}`;
}

describe("ties of labelled study items to talks", () => {
	let model: Snapshot;
	let files: Record<string, string>;
	beforeAll(async () => {
		files = readVaultFolder(FOLDER);
		delete files["expected.json"];
		const { index } = await indexFiles(files);
		model = snapshot(index);
	});

	it("labels every study item of the notes, and enough of them", () => {
		const labelled = new Set(labels.map((label) => `${label.path}:${label.line}`));
		expect(model.studyItems.map((item) => `${item.path}:${item.line}`).sort()).toEqual([...labelled].sort());
		for (const label of labels) {
			expect(files[label.path]?.split("\n")[label.line]).toContain(label.text);
		}
		expect(labels.length).toBeGreaterThanOrEqual(60);
		expect(labels.filter((label) => label.talk === null).length).toBeGreaterThanOrEqual(20);
	});

	it("ties with precision of at least 0.95 and recall of at least 0.9", () => {
		const names = new Map(model.sessions.map((session) => [session.id, talkName(session)]));
		const got = new Map(model.studyItems.map((item) => [`${item.path}:${item.line}`, item.sessionId === null ? null : (names.get(item.sessionId) ?? item.sessionId)]));
		let made = 0;
		let right = 0;
		let wanted = 0;
		const wrong: string[] = [];
		for (const label of labels) {
			const tie = got.get(`${label.path}:${label.line}`) ?? null;
			if (label.talk !== null) {
				wanted++;
			}
			if (tie !== null) {
				made++;
				if (tie === label.talk) {
					right++;
				}
			}
			if (tie !== label.talk) {
				wrong.push(`${label.path}:${label.line} ${label.text} → ${tie ?? "none"} (expected ${label.talk ?? "none"})`);
			}
		}
		const precision = made === 0 ? 1 : right / made;
		const recall = wanted === 0 ? 1 : right / wanted;
		console.log(`ties: ${labels.length} items, ${wanted} to tie, ${made} tied, ${right} right; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n${wrong.join("\n")}`);
		expect(precision).toBeGreaterThanOrEqual(0.95);
		expect(recall).toBeGreaterThanOrEqual(0.9);
	});
});
