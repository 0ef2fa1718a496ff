import { readFileSync } from "fs";
import { join } from "path";
import { snapshot, type Snapshot } from "../../src/index/snapshot";
import { indexFiles } from "../../sandbox/harness";

const seedText = readFileSync(join(__dirname, "..", "fixtures", "seed", "gopherchina-2023-notes.md"), "utf8");
const PATH = "GopherChina 2023 总结.md";

const CODES = [
	"1.1.1", "1.1.2", "1.1.3", "1.1.4",
	"1.2.1", "1.2.2", "1.2.3", "1.2.4",
	"1.3.1", "1.3.2", "1.3.3",
	"2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.5", "2.1.6", "2.1.7",
	"2.2.1", "2.2.2", "2.2.3", "2.2.4", "2.2.5", "2.2.6", "2.2.7",
];

describe("the seed note (a user's GopherChina 2023 notes)", () => {
	let model: Snapshot;
	beforeAll(async () => {
		const { index } = await indexFiles({ [PATH]: seedText });
		model = snapshot(index);
	});

	it("is tracked through its inline #gopherchina tag", () => {
		expect(model.notes).toEqual([{ path: PATH, tags: ["#go", "#会议", "#gopherchina"] }]);
	});

	it("finds the two questions asked inside lines, as their clauses", () => {
		const headings = ["Content", "矩阵起源 Matrixone", "Interface & Generic"];
		expect(model.questions).toEqual([
			{ path: PATH, line: 67, text: "但是这个度要怎么衡量呢", headings },
			{ path: PATH, line: 69, text: "我目前并不知道为什么会造成内存逃逸", headings },
		]);
	});

	it("finds the 25 talks of 2023, sorted by code", () => {
		expect(model.sessions.map((session) => session.code)).toEqual(CODES);
		expect(new Set(model.sessions.map((session) => session.year))).toEqual(new Set([2023]));
		expect(new Set(model.sessions.map((session) => session.edition))).toEqual(new Set([null]));
	});

	it("takes each title from the link text without its code", () => {
		const titles = new Map(model.sessions.map((session) => [session.code, session.title]));
		expect(titles.get("1.1.1")).toBe("大型项目开发之 Golang 早知道");
		expect(titles.get("1.1.3")).toBe("The State Of Go 2023");
		expect(titles.get("2.1.1")).toBe("Sentinel&OpenSergo：下一代微服务治理标准与实践");
		expect(titles.get("2.2.1")).toBe("KubeBlocks - A domain-driven design operator for stateful workloads");
		expect(titles.get("2.2.7")).toBe("go-zero开源项目的成长史");
	});

	it("keeps the PDF address exactly as written on the line it came from", () => {
		const lines = seedText.split("\n");
		for (const session of model.sessions) {
			expect(session.sources).toHaveLength(1);
			const source = session.sources[0];
			const line = lines[source?.line ?? -1] ?? "";
			expect(line).toContain(`](${session.url ?? "?"})`);
			expect(session.url).toMatch(/^https:\/\/github\.com\/gopherchina\/conference\/blob\/master\/2023\/.*\.pdf$/);
			expect(line).toContain(`[${session.code ?? "?"} ${session.title}]`);
		}
	});

	it("finds the 4 open study items under their headings", () => {
		expect(model.studyItems).toEqual([
			expect.objectContaining({ line: 46, status: " ", state: "open", text: "Context 对于新手来说是非常友好的，所以可以写篇文章总结一下", headings: ["Content", "矩阵起源 Matrixone", "Context"], parentLine: null }),
			expect.objectContaining({ line: 47, state: "open", text: "有关 goroutine 泄露的问题", headings: ["Content", "矩阵起源 Matrixone", "Context"] }),
			expect.objectContaining({ line: 64, state: "open", text: "接口的统一管理如何做", headings: ["Content", "矩阵起源 Matrixone", "Interface & Generic"] }),
			expect.objectContaining({ line: 65, state: "open", text: "内存逃逸分析", headings: ["Content", "矩阵起源 Matrixone", "Interface & Generic"] }),
		]);
		const lines = seedText.split("\n");
		for (const item of model.studyItems) {
			expect(lines[item.line]).toBe(`- [ ] ${item.text}`);
			expect(item.sessionId).toBeNull();
		}
	});
});
