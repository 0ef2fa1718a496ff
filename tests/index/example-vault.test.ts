import { join } from "path";
import { snapshot, type Snapshot } from "../../src/index/snapshot";
import { indexFiles, readVaultFolder } from "../../sandbox/harness";

export const EXAMPLE_VAULT = join(__dirname, "..", "fixtures", "example-vault");

describe("the example vault", () => {
	let model: Snapshot;
	const session = (year: number, code: string, edition: string | null = null): Snapshot["sessions"][number] => {
		const found = model.sessions.find((entry) => entry.year === year && entry.code === code && entry.edition === edition);
		if (!found) {
			throw new Error(`no session ${year} ${edition ?? ""} ${code}`);
		}
		return found;
	};
	const item = (text: string): Snapshot["studyItems"][number] => {
		const found = model.studyItems.find((entry) => entry.text === text);
		if (!found) {
			throw new Error(`no study item ${text}`);
		}
		return found;
	};

	beforeAll(async () => {
		const { index } = await indexFiles(readVaultFolder(EXAMPLE_VAULT));
		model = snapshot(index);
	});

	it("tracks notes by inline, frontmatter, nested and differently cased tags, and nothing else", () => {
		expect(model.notes.map((note) => note.path)).toEqual([
			"GopherChina 2023 总结.md",
			"Talks/1.1.3 The State Of Go 2023.md",
			"Talks/2019 回顾.md",
			"Talks/2021 notes.md",
			"Talks/2023 上海站.md",
			"Talks/Deep dive.md",
		]);
	});

	it("orders sessions by year (newest first), edition, then code", () => {
		expect(model.sessions.map((entry) => `${entry.year ?? "?"}${entry.edition ? `-${entry.edition}` : ""} ${entry.code ?? "?"}`).filter((key) => !key.startsWith("2023 "))).toEqual([
			"2023-shanghai 1.1.1",
			"2023-shanghai 1.2.1",
			"2021 1.1.3",
			"2021 1.9",
			"2021 1.10",
			"2021 2.3",
			"2019 1-2",
			"2019 1-3",
			"2019 2-5",
		]);
		expect(model.sessions.filter((entry) => entry.year === 2023 && entry.edition === null)).toHaveLength(25);
	});

	it("reads the edition from the URL folder and merges blob, raw and ?raw=true forms", () => {
		const rust = session(2023, "1.2.1", "shanghai");
		expect(rust.title).toBe("Rust & Go 互操作");
		expect(rust.sources).toEqual([{ path: "Talks/2023 上海站.md", line: 10 }, { path: "Talks/2023 上海站.md", line: 11 }]);
		const beijing = session(2023, "1.1.1");
		expect(beijing.sources.map((source) => source.path)).toEqual(["GopherChina 2023 总结.md", "Talks/2023 上海站.md"]);
		expect(beijing.localPath).toBe("GopherChina/2023/1.1.1 大型项目开发之 Golang 早知道.pdf");
		expect(session(2023, "1.1.1", "shanghai").title).toBe("Go 语言在云原生中的实践");
	});

	it("reads years from properties, glued codes, upper-case .PDF with a fragment, and %2B as +", () => {
		expect(session(2021, "1.1.3")).toMatchObject({ title: "Operator Pattern 与 Go", url: "https://example.org/slides/1.1.3Operator%20Pattern%20%E4%B8%8E%20Go.PDF#page=3" });
		expect(session(2021, "2.3").title).toBe("C++ 与 Go 的互操作");
		expect(session(2021, "1.10")).toMatchObject({ title: "Kubernetes 控制器", url: null, localPath: "GopherChina/2021/1.10 Kubernetes 控制器.pdf" });
	});

	it("finds wikilinks, embeds and <path with spaces> links to vault PDFs, and the year of a nested tag", () => {
		expect(session(2019, "1-2")).toMatchObject({ localPath: "GopherChina/2019/1-2 Go 语言的演进.pdf", url: expect.stringContaining("/2019/1-2%20") as string });
		expect(session(2019, "1-3")).toMatchObject({ title: "测试驱动", localPath: "GopherChina/2019/1-3 测试 驱动.pdf" });
		expect(session(2019, "2-5")).toMatchObject({ title: "Go 微服务实战", localPath: null, url: null });
	});

	it("finds study items in callouts and under parents, never in code, with every status", () => {
		expect(model.studyItems.some((entry) => entry.text.includes("this is code"))).toBe(false);
		expect(item("重读 1-2 的 GC 部分")).toMatchObject({ state: "open", headings: ["GopherChina 2019 回顾 #gopherchina/2019"] });
		expect(item("写一篇总结").state).toBe("done");
		expect(item("自己实现一遍 (不做了)")).toMatchObject({ status: "-", state: "cancelled", parentLine: 25 });
		expect(item("整理 Rust 与 Go 的 FFI 开销")).toMatchObject({ status: "/", state: "in-progress" });
		expect(item("以后再看 PGO")).toMatchObject({ status: ">", state: "done" });
	});

	it("reads CRLF notes by line, without a stray carriage return", () => {
		expect(item("复习 operator 的 reconcile 循环")).toMatchObject({ path: "Talks/2023 上海站.md", line: 16 });
		expect(model.studyItems.every((entry) => !entry.text.includes("\r"))).toBe(true);
	});

	it("ties study items to the talk they are about", () => {
		expect(item("对比 1.13 的 error wrapping").sessionId).toBe(session(2019, "1-2").id);
		expect(item("复习 operator 的 reconcile 循环").sessionId).toBe(session(2023, "1.1.1", "shanghai").id);
		expect(item("读 Go 1.21 的 release notes").sessionId).toBe(session(2023, "1.1.3").id);
		expect(item("试一试 `slices` 和 `maps` 包")).toMatchObject({ parentLine: 9, sessionId: session(2023, "1.1.3").id });
		expect(item("cgo 的调用开销到底有多大？").sessionId).toBe(session(2021, "2.3").id);
		expect(item("泛型的 GC shape stenciling").sessionId).toBe(session(2023, "1.2.3").id);
		expect(item("有关 goroutine 泄露的问题").sessionId).toBeNull();
		expect(item("重读 1-2 的 GC 部分").sessionId).toBe(session(2019, "1-2").id);
		expect(item("整理 Rust 与 Go 的 FFI 开销").sessionId).toBe(session(2023, "1.2.1", "shanghai").id);
		expect(item("写一篇总结").sessionId).toBeNull();
	});

	it("reads no talk, heading or question inside %% and <!-- --> comments", () => {
		expect(model.sessions.filter((entry) => ["1.4.1", "1.4.2"].includes(entry.code ?? ""))).toEqual([]);
		expect(model.questions.some((question) => question.text.includes("草稿"))).toBe(false);
		expect(item("泛型的 GC shape stenciling").sessionId).toBe(session(2023, "1.2.3").id);
	});

	it("finds questions: question and faq callouts, list items, lines ending in ? or ？ and clauses that ask", () => {
		const seed = ["Content", "矩阵起源 Matrixone", "Interface & Generic"];
		expect(model.questions).toEqual([
			{ path: "GopherChina 2023 总结.md", line: 67, text: "但是这个度要怎么衡量呢", headings: seed },
			{ path: "GopherChina 2023 总结.md", line: 69, text: "我目前并不知道为什么会造成内存逃逸", headings: seed },
			{ path: "Talks/2019 回顾.md", line: 12, text: "Go 的调度器在 2019 年之后改了什么", headings: ["GopherChina 2019 回顾 #gopherchina/2019"] },
			{ path: "Talks/2019 回顾.md", line: 15, text: "什么时候用 sync.Pool", headings: ["GopherChina 2019 回顾 #gopherchina/2019"] },
			{ path: "Talks/2023 上海站.md", line: 21, text: "为什么 sidecar 模式的延迟更高？", headings: ["GopherChina 2023 上海站", "Questions"] },
		]);
	});
});
