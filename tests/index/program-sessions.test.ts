import type { ProgramSource } from "../../src/index/program-sessions";
import type { Session } from "../../src/index/sessions";
import type { VaultIndex } from "../../src/index/vault-index";
import { Program, programTalk, programUrl, SHIPPED_PROGRAM } from "../../src/program/program";
import { readVaultFolder, startIndex } from "../../sandbox/harness";
import { createRuntime } from "../../sandbox/runtime";
import { EXAMPLE_VAULT } from "../ui/helpers";

const BEIJING_111 = programTalk("2023/1.1.1 大型项目开发之 Golang 早知道.pdf");
const ZEN = "2021/2.1.4 The Zen of Go.pdf";
const OPERATOR = "2023-shanghai/1.1.3Operator Pattern 用 Go 扩展 Kubernetes 的最佳实践.pdf";

/** Every field a reader sees of a talk, whether it is kept or made when asked for. */
function talkFields(session: Session): Session {
	const { id, year, edition, code, title, url, localPath, fileName, sources } = session;
	return { id, year, edition, code, title, url, localPath, fileName, sources };
}

async function exampleIndex(): Promise<VaultIndex> {
	const { index } = await startIndex(createRuntime(readVaultFolder(EXAMPLE_VAULT)));
	return index;
}

async function tick(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 0));
}

describe("the program in the index", () => {
	it("changes nothing the notes make: talks, counts, years and progress", async () => {
		const index = await exampleIndex();
		const before = JSON.stringify([index.sessions(), index.sessionCounts(), index.sessionYears(), [...index.sessionProgress()]]);
		index.setProgram(new Program(SHIPPED_PROGRAM.paths));
		expect(index.programSessions()).toHaveLength(161);
		expect(JSON.stringify([index.sessions(), index.sessionCounts(), index.sessionYears(), [...index.sessionProgress()]])).toBe(before);
		// Reading the notes again (Refresh) keeps the program.
		await index.rebuild();
		expect(index.programSessions()).toHaveLength(161);
		index.unload();
	});

	it("shows a talk both noted and in the program once, as the notes show it", async () => {
		const index = await exampleIndex();
		index.setProgram(new Program(SHIPPED_PROGRAM.paths));
		const merged = index.programSessions();
		const noted = index.session(BEIJING_111.key) as Session;
		const talks = merged.filter((session) => session.fileName === BEIJING_111.fileName);
		expect(talks).toEqual([{ ...talkFields(noted), inProgram: true, noted: true, notedIds: [BEIJING_111.key] }]);
		expect(talks[0]?.sources).toHaveLength(2);
		expect(talks[0]?.localPath).toBe("GopherChina/2023/1.1.1 大型项目开发之 Golang 早知道.pdf");
		// Every noted talk is there once; the rest of the 152 come from the program alone.
		expect(merged.filter((session) => session.noted).map((session) => session.id).sort()).toEqual(index.sessions().map((session) => session.id).sort());
		expect(merged.filter((session) => session.inProgram)).toHaveLength(152);
		expect(merged.filter((session) => session.inProgram && session.noted)).toHaveLength(25);
		expect(new Set(merged.map((session) => session.id)).size).toBe(merged.length);
		index.unload();
	});

	it("hands over a noted talk the program does not list as it is, and copies one it lists", async () => {
		const index = await exampleIndex();
		index.setProgram(new Program(SHIPPED_PROGRAM.paths));
		const merged = index.programSessions();
		const alone = merged.filter((session) => session.noted && !session.inProgram);
		expect(alone.length).toBeGreaterThan(0);
		for (const session of alone) {
			// The very talk the notes made: no copy per talk.
			expect(session).toBe(index.session(session.id));
			expect(session.notedIds).toEqual([session.id]);
		}
		const listed = merged.find((session) => session.id === BEIJING_111.key);
		expect(listed?.inProgram).toBe(true);
		expect(listed).not.toBe(index.session(BEIJING_111.key));
		expect(index.session(BEIJING_111.key)).toMatchObject({ inProgram: false, noted: true });
		index.unload();
	});

	it("gives a talk only the program lists no sources, the program's address and its name's vault copy", async () => {
		const runtime = createRuntime({ ...readVaultFolder(EXAMPLE_VAULT), [`Slides/${OPERATOR.split("/")[1]}`]: "%PDF-1.4", [`Slides/2021/${ZEN.split("/")[1]}`]: "%PDF-1.4", [`Other/${ZEN.split("/")[1]}`]: "%PDF-1.4" });
		const { index } = await startIndex(runtime);
		index.setProgram(new Program(SHIPPED_PROGRAM.paths));
		const zen = index.programSession(programTalk(ZEN).key);
		expect(zen).toEqual({
			id: programTalk(ZEN).key,
			year: 2021,
			edition: null,
			code: programTalk(ZEN).code,
			title: "The Zen of Go",
			url: programUrl(ZEN),
			localPath: "Slides/2021/2.1.4 The Zen of Go.pdf",
			fileName: "2.1.4 The Zen of Go.pdf",
			sources: [],
			inProgram: true,
			noted: false,
			notedIds: [],
		});
		expect(index.programSession(programTalk(OPERATOR).key)).toMatchObject({ edition: "shanghai", localPath: `Slides/${OPERATOR.split("/")[1]}`, sources: [] });
		expect(index.programSession(programTalk("2015/1-1 Go语言游戏项目应用情况汇报.pdf").key)).toMatchObject({ localPath: null, sources: [], noted: false });
		// The notes' talks and copies are counted as before (34 talks, 4 with a copy): the program's are not among them.
		expect(index.sessionCounts()).toEqual({ sessions: 34, local: 4 });
		index.unload();
	});

	it("takes a note's link to a vault copy of a program PDF as that program talk", async () => {
		const name = ZEN.split("/")[1] as string;
		const runtime = createRuntime({ "Zen.md": `#gopherchina\n\n- [[${name}]]\n- [ ] 读完 (2.1.4)\n`, [`GopherChina/2021/${name}`]: "%PDF-1.4" });
		const { index } = await startIndex(runtime);
		const vaultId = `vault:GopherChina/2021/${name}`;
		expect(index.sessions().map((session) => session.id)).toEqual([vaultId]);
		index.setProgram(new Program(SHIPPED_PROGRAM.paths));
		const zen = index.programSessions().filter((session) => session.fileName === name);
		expect(zen).toEqual([
			expect.objectContaining({ id: programTalk(ZEN).key, url: programUrl(ZEN), localPath: `GopherChina/2021/${name}`, sources: [{ path: "Zen.md", line: 2 }], inProgram: true, noted: true, notedIds: [vaultId] }),
		]);
		expect(index.sessionProgress().get(zen[0]?.notedIds[0] ?? "")).toEqual({ open: 1, done: 0 });
		expect(index.programSessions()).toHaveLength(152);
		index.unload();
	});

	it("lists the program's years and editions with the notes', newest first", async () => {
		const index = await exampleIndex();
		index.setProgram(new Program(SHIPPED_PROGRAM.paths));
		expect(index.programYears()).toEqual(["2023", "2023-shanghai", "2021", "2020", "2019", "2018", "2017", "2016", "2015"]);
		index.setProgram(new Program([...SHIPPED_PROGRAM.paths, "2024/1.1.1 New.pdf", "2022-online/1.1 Remote.pdf"]));
		expect(index.programYears().slice(0, 5)).toEqual(["2024", "2023", "2023-shanghai", "2022-online", "2021"]);
		index.setProgram(null);
		expect(index.programYears()).toEqual(["2023", "2023-shanghai", "2021", "2019"]);
		expect(index.programSessions().every((session) => !session.inProgram && session.noted)).toBe(true);
		index.unload();
	});

	it("builds the program's talks only when they are asked for, and once per change", async () => {
		const index = await exampleIndex();
		const program = new Program(SHIPPED_PROGRAM.paths);
		const talks = jest.fn(() => program.talks());
		const source: ProgramSource = { talks, namesFile: (name) => program.namesFile(name) };
		index.setProgram(source);
		index.sessions();
		index.sessionCounts();
		expect(talks).not.toHaveBeenCalled();
		const first = index.programSessions();
		expect(index.programSessions()).toBe(first);
		expect(index.programYears()).toHaveLength(9);
		expect(talks).toHaveBeenCalledTimes(1);
		index.unload();
	});

	it("announces a program talk's vault copy arriving, and still not a PDF no talk has", async () => {
		const runtime = createRuntime({ "a.md": "#gopherchina\n- [ ] nothing linked\n" });
		const { index } = await startIndex(runtime);
		index.setProgram(new Program(SHIPPED_PROGRAM.paths));
		// The notes' links taken in: a PDF arriving before that is announced whatever its name.
		index.sessions();
		await tick();
		let announced = 0;
		index.onChange(() => announced++);
		runtime.addFile("Other/unrelated.pdf", "%PDF-1.4");
		await tick();
		expect(announced).toBe(0);
		runtime.addFile(`Downloads/${ZEN.split("/")[1]}`, "%PDF-1.4");
		await tick();
		expect(announced).toBe(1);
		expect(index.programSession(programTalk(ZEN).key)?.localPath).toBe(`Downloads/${ZEN.split("/")[1]}`);
		index.unload();
	});
});
