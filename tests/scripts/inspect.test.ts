/** @jest-environment node */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { Snapshot } from "../../src/index/snapshot";

const ROOT = join(__dirname, "..", "..");

function inspect(...args: string[]): { status: number | null; stdout: string; stderr: string } {
	const result = spawnSync("npm", ["run", "inspect", "--", ...args], { cwd: ROOT, encoding: "utf8" });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run inspect", () => {
	jest.setTimeout(60_000);

	it("prints the example vault's model as JSON of the documented shape", () => {
		const result = inspect("tests/fixtures/example-vault");
		expect(result.status).toBe(0);
		const model = JSON.parse(result.stdout) as Snapshot;
		expect(Object.keys(model)).toEqual(["notes", "sessions", "studyItems", "questions"]);
		expect(Object.keys(model.notes[0] ?? {})).toEqual(["path", "tags"]);
		expect(Object.keys(model.sessions[0] ?? {})).toEqual(["id", "year", "edition", "code", "title", "url", "localPath", "sources"]);
		expect(Object.keys(model.studyItems[0] ?? {})).toEqual(["path", "line", "status", "state", "text", "headings", "parentLine", "sessionId"]);
		expect(Object.keys(model.questions[0] ?? {})).toEqual(["path", "line", "text", "headings"]);
		expect(model.notes).toHaveLength(6);
		expect(model.sessions).toHaveLength(34);
		const byText = new Map(model.studyItems.map((item) => [item.text, item.sessionId]));
		const rust = model.sessions.find((session) => session.edition === "shanghai" && session.code === "1.2.1");
		expect(byText.get("整理 Rust 与 Go 的 FFI 开销")).toBe(rust?.id);
	});

	it("adds with --program every talk of the shipped program, and whether a note links it", () => {
		const result = inspect("tests/fixtures/example-vault", "--program");
		expect(result.status).toBe(0);
		const model = JSON.parse(result.stdout) as Required<Snapshot>;
		expect(Object.keys(model)).toEqual(["notes", "sessions", "studyItems", "questions", "program"]);
		expect(model.sessions).toHaveLength(34);
		expect(model.program).toHaveLength(152);
		expect(Object.keys(model.program[0] ?? {})).toEqual(["id", "year", "edition", "code", "title", "url", "noted"]);
		expect(model.program[0]).toEqual({
			id: "github:gopherchina/conference/2023/1.1.1 大型项目开发之 Golang 早知道.pdf",
			year: 2023,
			edition: null,
			code: "1.1.1",
			title: "大型项目开发之 Golang 早知道",
			url: "https://github.com/gopherchina/conference/blob/master/2023/1.1.1%20%E5%A4%A7%E5%9E%8B%E9%A1%B9%E7%9B%AE%E5%BC%80%E5%8F%91%E4%B9%8B%20Golang%20%E6%97%A9%E7%9F%A5%E9%81%93.pdf",
			noted: true,
		});
		// The example vault links the 25 talks of 2023 (Beijing); its Shanghai and 2019 talks are made up.
		const noted = model.program.filter((talk) => talk.noted);
		expect(noted).toHaveLength(25);
		expect(noted.every((talk) => talk.year === 2023 && talk.edition === null)).toBe(true);
		const sessionIds = new Set(model.sessions.map((session) => session.id));
		expect(model.program.every((talk) => talk.noted === sessionIds.has(talk.id))).toBe(true);
		expect(model.program.find((talk) => talk.code === "1-1" && talk.year === 2015)).toMatchObject({ title: "Go语言游戏项目应用情况汇报", noted: false });
		expect(model.program.filter((talk) => talk.edition === "shanghai").map((talk) => talk.code)).toEqual(["1.1.1", "1.1.2", "1.1.3", "2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.2.1", "2.2.2", "2.2.3", "2.2.4"]);
	});

	it("reports a note it cannot read on stderr, skips it, and still prints the rest", () => {
		const dir = mkdtempSync(join(tmpdir(), "gcd-inspect-"));
		try {
			writeFileSync(join(dir, "good.md"), "#gopherchina\n- [ ] fine\n");
			writeFileSync(join(dir, "garbage.md"), Buffer.concat([Buffer.from([0x23, 0x67, 0x6f, 0x70, 0x68, 0x65, 0x72, 0x63, 0x68, 0x69, 0x6e, 0x61, 0x0a, 0xff, 0xfe, 0x00, 0x80, 0x0a, 0x0a]), Buffer.from("- [ ] after garbage\n")]));
			writeFileSync(join(dir, "bad yaml.md"), "---\ntags: [gopherchina\n: : :\n---\n#gopherchina\n- [ ] still read\n");
			symlinkSync(join(dir, "nowhere.md"), join(dir, "broken.md"));
			const result = inspect(dir);
			expect(result.status).toBe(0);
			expect(result.stderr).toContain("skipped broken.md");
			const model = JSON.parse(result.stdout) as Snapshot;
			expect(model.notes.map((note) => note.path)).toEqual(["bad yaml.md", "garbage.md", "good.md"]);
			expect(model.studyItems.map((item) => item.text)).toEqual(["still read", "after garbage", "fine"]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it("says what is wrong when the folder does not exist", () => {
		const result = inspect("no/such/folder");
		expect(result.status).toBe(2);
		expect(result.stderr).toContain("no/such/folder is not a folder");
		expect(result.stdout).toBe("");
	});
});
