/** @jest-environment node */
import { readFileSync } from "fs";
import { join } from "path";
import { isProgramPath, normalizeStoredProgram, Program, programOf, programTalk, programUrl, SHIPPED_PROGRAM } from "../../src/program/program";
import shippedJson from "../../src/program/shipped-program.json";
import { ROOT } from "../../sandbox/root";

interface ProvenanceFile {
	source: string;
	branch: string;
	commit: string;
	commitDate: string;
	files: Array<{ path: string; url: string }>;
}

const PROVENANCE = JSON.parse(readFileSync(join(ROOT, "data", "program", "gopherchina-conference-files.json"), "utf8")) as ProvenanceFile;
const PATHS = SHIPPED_PROGRAM.paths;

/** What the folder and the file name say: the folder's year and edition, the leading number. */
function expected(path: string): { year: number; edition: string | null; code: string | null } {
	const [folder = "", name = ""] = path.split("/");
	const code = /^(\d{1,2}(?:[.-]\d{1,2}){1,2})/.exec(name)?.[1] ?? null;
	return { year: Number(folder.slice(0, 4)), edition: folder.includes("-") ? folder.slice(5) : null, code };
}

describe("the shipped program's data", () => {
	it("is the provenance file's list of paths, in order, from the same commit", () => {
		expect(PROVENANCE.files).toHaveLength(152);
		expect(PATHS).toEqual(PROVENANCE.files.map((file) => file.path));
		expect(shippedJson).toMatchObject({ source: PROVENANCE.source, branch: PROVENANCE.branch, commit: PROVENANCE.commit, commitDate: PROVENANCE.commitDate });
		expect(SHIPPED_PROGRAM).toMatchObject({ commit: "6feb86e", date: "2023-11-19" });
	});

	it("derives every file's recorded URL from its path, each segment with encodeURIComponent", () => {
		for (const file of PROVENANCE.files) {
			expect(programUrl(file.path)).toBe(file.url);
		}
	});

	it("holds each PDF once, every one a path the program accepts, and no two with one file name", () => {
		expect(new Set(PATHS).size).toBe(152);
		expect(PATHS.every(isProgramPath)).toBe(true);
		const names = PATHS.map((path) => (path.split("/").pop() ?? "").toLowerCase());
		expect(new Set(names).size).toBe(152);
	});
});

describe("the shipped program's talks, made by the note parser", () => {
	const talks = new Program(PATHS).talks();
	const byPath = new Map(PATHS.map((path, i) => [path, talks[i]]));
	const talk = (path: string) => {
		const found = byPath.get(path);
		if (!found) {
			throw new Error(`no talk for ${path}`);
		}
		return { year: found.year, edition: found.edition, code: found.code?.code ?? null, id: found.code?.id ?? null, day: found.code?.day, track: found.code?.track, slot: found.code?.slot, title: found.title };
	};

	it("are 152, one per PDF, each with its own id", () => {
		expect(talks).toHaveLength(152);
		expect(new Set(talks.map((t) => t.key)).size).toBe(152);
		expect(talks.every((t) => t.key.startsWith("github:gopherchina/conference/"))).toBe(true);
	});

	it("reads 2015's `1-1 …` codes as day and slot", () => {
		expect(talk("2015/1-1 Go语言游戏项目应用情况汇报.pdf")).toEqual({ year: 2015, edition: null, code: "1-1", id: "1.1", day: 1, track: null, slot: 1, title: "Go语言游戏项目应用情况汇报" });
		expect(talk("2015/2-4 Go 1.4 runtime.pdf")).toMatchObject({ code: "2-4", title: "Go 1.4 runtime" });
		expect(talk("2015/2-2 龚浩华（月牙寂）p2p缓存系统.pdf")).toMatchObject({ code: "2-2", title: "龚浩华（月牙寂）p2p缓存系统" });
	});

	it("reads 2016 to 2019's `1.1 …` codes, keeping a speaker's ` - Name` in the title as published", () => {
		expect(talk("2016/1.1 Go 人工智能 - 陈辉.pdf")).toMatchObject({ year: 2016, code: "1.1", day: 1, track: null, slot: 1, title: "Go 人工智能 - 陈辉" });
		expect(talk("2018/1.5 Badger_ Fast Key-Value DB in Go.pdf")).toMatchObject({ year: 2018, code: "1.5", title: "Badger_ Fast Key-Value DB in Go" });
		expect(talk("2018/2.6 runv-kata-gopher-china.pdf")).toMatchObject({ year: 2018, code: "2.6", title: "runv-kata-gopher-china" });
		expect(talk("2019/1.1 大型微服务框架设计实践 - 杜欢.pdf")).toMatchObject({ year: 2019, code: "1.1", title: "大型微服务框架设计实践 - 杜欢" });
		expect(talk("2019/1.4 Testing; how, what, why - Dave .pdf")).toMatchObject({ code: "1.4", title: "Testing; how, what, why - Dave" });
		expect(talk("2019/2.6 用Go构建高性能数据库中间件- 徐成选.pdf")).toMatchObject({ code: "2.6", title: "用Go构建高性能数据库中间件- 徐成选" });
	});

	it("reads 2020's and 2021's mixed `1.2` and `2.1.1` codes", () => {
		expect(talk("2020/1.2 探探分布式存储的实践.pdf")).toMatchObject({ year: 2020, code: "1.2", day: 1, track: null, slot: 2 });
		expect(talk("2020/2.1.1 百度万亿流量转发平台背后的故事.pdf")).toMatchObject({ year: 2020, code: "2.1.1", day: 2, track: 1, slot: 1, title: "百度万亿流量转发平台背后的故事" });
		expect(talk("2020/2.2.3 Go+演进之路.pdf")).toMatchObject({ code: "2.2.3", title: "Go+演进之路" });
		expect(talk("2021/2.1.4 The Zen of Go.pdf")).toMatchObject({ year: 2021, code: "2.1.4", day: 2, track: 1, slot: 4 });
	});

	it("reads 2023's codes and the Shanghai edition's codes glued to their titles", () => {
		expect(talk("2023/1.1.3 The State Of Go 2023.pdf")).toEqual({ year: 2023, edition: null, code: "1.1.3", id: "1.1.3", day: 1, track: 1, slot: 3, title: "The State Of Go 2023" });
		expect(talk("2023-shanghai/1.1.1字节跳动基于KubeAdmiral的分布式云原生多云多集群管理技术实践.pdf")).toEqual({
			year: 2023,
			edition: "shanghai",
			code: "1.1.1",
			id: "1.1.1",
			day: 1,
			track: 1,
			slot: 1,
			title: "字节跳动基于KubeAdmiral的分布式云原生多云多集群管理技术实践",
		});
		expect(talk("2023-shanghai/1.1.3Operator Pattern 用 Go 扩展 Kubernetes 的最佳实践.pdf")).toMatchObject({ code: "1.1.3", title: "Operator Pattern 用 Go 扩展 Kubernetes 的最佳实践" });
		expect(talk("2023-shanghai/2.2.3sealos 以 kubernetes 为内核的云操作系统.pdf")).toMatchObject({ code: "2.2.3", title: "sealos 以 kubernetes 为内核的云操作系统" });
		expect(talk("2023-shanghai/2.2.4KusionStack：构建更加高效、安全的开发者平台.pdf")).toMatchObject({ code: "2.2.4", title: "KusionStack：构建更加高效、安全的开发者平台" });
	});

	it("gives every talk the year and edition of its folder, and the code its file name starts with", () => {
		for (const path of PATHS) {
			const want = expected(path);
			const got = talk(path);
			expect({ path, year: got.year, edition: got.edition, code: got.code }).toEqual({ path, ...want });
			expect(got.title).not.toBe("");
		}
	});

	it("finds a code in every file name: 152 of 152, per folder as published", () => {
		const perFolder: Record<string, [number, number]> = {};
		for (const path of PATHS) {
			const folder = path.split("/")[0] as string;
			const counts = (perFolder[folder] ??= [0, 0]);
			counts[0]++;
			if (talk(path).code !== null) {
				counts[1]++;
			}
		}
		expect(perFolder).toEqual({
			"2015": [16, 16],
			"2016": [15, 15],
			"2017": [17, 17],
			"2018": [14, 14],
			"2019": [16, 16],
			"2020": [19, 19],
			"2021": [19, 19],
			"2023-shanghai": [11, 11],
			"2023": [25, 25],
		});
	});

	it("builds a program's talks only when asked, and once", () => {
		const program = new Program(PATHS);
		expect(program.namesFile("1.1.3 the state of go 2023.pdf")).toBe(true);
		expect(program.namesFile("1.1.3 the state of go 2024.pdf")).toBe(false);
		const first = program.talks();
		expect(program.talks()).toBe(first);
		expect(programTalk(PATHS[0] as string)).toEqual(first[0]);
	});
});

describe("a program kept in the plugin's data", () => {
	const good = { updated: "2024-05-01T08:00:00.000Z", sha: "a".repeat(40), paths: ["2024/1.1.1 New.pdf", "2015/1-1 Old.pdf"] };

	it("is read when it is whole", () => {
		expect(normalizeStoredProgram(good)).toEqual(good);
		expect(normalizeStoredProgram({ ...good, sha: undefined })).toEqual({ ...good, sha: null });
		expect(programOf(normalizeStoredProgram(good)).paths).toEqual(good.paths);
	});

	it("is ignored when anything in it is malformed, and the shipped program is shown", () => {
		for (const bad of [
			null,
			"2024",
			[],
			{},
			{ ...good, updated: "yesterday" },
			{ ...good, updated: 1714550400000 },
			{ ...good, paths: [] },
			{ ...good, paths: "2024/1.1.1 New.pdf" },
			{ ...good, paths: ["2024/1.1.1 New.pdf", 3] },
			{ ...good, paths: ["2024/notes.md"] },
			{ ...good, paths: ["../1.1.1 Up.pdf"] },
			{ ...good, paths: ["2024//1.1.1 Empty.pdf"] },
		]) {
			expect(normalizeStoredProgram(bad)).toBeNull();
		}
		expect(programOf(null).paths).toBe(SHIPPED_PROGRAM.paths);
	});
});
