import { snapshot } from "../../src/index/snapshot";
import { indexFiles } from "../../sandbox/harness";

const url = (year: string, name: string): string => `https://github.com/gopherchina/conference/blob/master/${year}/${encodeURIComponent(name)}.pdf`;
const talk = (year: string, code: string, title: string): string => `- [${code} ${title}](${url(year, `${code} ${title}`)})`;

const LINKS_2023 = [
	talk("2023", "1.2.3", "Go 泛型设计"),
	talk("2023", "1.3.1", "基于 Prometheus SLO 告警实战"),
	talk("2023", "2.1.1", "Sentinel&OpenSergo：下一代微服务治理标准与实践"),
	talk("2023", "2.1.2", "基于 Kratos 构建企业级微服务架构"),
	talk("2023", "2.1.6", "谈谈 Go 泛型"),
	talk("2023", "2.2.7", "go-zero开源项目的成长史"),
].join("\n");

/** Indexes the notes and answers, for each study item's text, the code of the talk it is tied to. */
async function ties(files: Record<string, string>): Promise<Map<string, string | null>> {
	const { index } = await indexFiles(files);
	const model = snapshot(index);
	const codes = new Map(model.sessions.map((session) => [session.id, `${session.edition ? `${session.edition} ` : ""}${session.code ?? "?"}`]));
	return new Map(model.studyItems.map((item) => [item.text, item.sessionId === null ? null : (codes.get(item.sessionId) ?? "?")]));
}

describe("tying study items to talks", () => {
	it("reads a code anywhere in the item's line when it is one of the note's talks", async () => {
		const found = await ties({ "n.md": `#gopherchina\n${LINKS_2023}\n\n- [ ] 看一下 1.3.1 的告警规则\n- [ ] 复习 (2.1.6)\n- [ ] GC 调优（1.2.3）\n- [ ] 读 Go 1.21 的 release notes\n- [ ] 第 3.3.3 场没去\n` });
		expect(found.get("看一下 1.3.1 的告警规则")).toBe("1.3.1");
		expect(found.get("复习 (2.1.6)")).toBe("2.1.6");
		expect(found.get("GC 调优（1.2.3）")).toBe("1.2.3");
		expect(found.get("读 Go 1.21 的 release notes")).toBeNull();
		expect(found.get("第 3.3.3 场没去")).toBeNull();
	});

	it("reads no code or title inside a comment: what a comment names is hidden, and ties nothing", async () => {
		const found = await ties({
			"n.md": `#gopherchina\n${LINKS_2023}\n\n- [ ] 复习调度器 %%见 1.2.3 的分享%%\n- [ ] 看规则 <!-- 1.3.1 -->\n- [ ] 复习 Kratos 的中间件 %%不是 go-zero%%\n- [ ] %%1.2.3%% 看 Kratos 的配置\n`,
		});
		expect(found.get("复习调度器 %%见 1.2.3 的分享%%")).toBeNull();
		expect(found.get("看规则 <!-- 1.3.1 -->")).toBeNull();
		expect(found.get("复习 Kratos 的中间件 %%不是 go-zero%%")).toBe("2.1.2");
		expect(found.get("%%1.2.3%% 看 Kratos 的配置")).toBe("2.1.2");
	});

	it("inherits from the parent item, else the heading that names a talk, else nothing", async () => {
		const found = await ties({
			"n.md": `#gopherchina\n${LINKS_2023}\n\n## 2.1.2 Kratos\n\n- 中间件\n\t- [ ] 链式调用\n- [ ] 错误码\n\n### 细节\n\n- [ ] 配置中心\n\n## 其他\n\n- [ ] 写总结\n- [ ] 版本号 1.13 的问题\n`,
		});
		expect(found.get("链式调用")).toBe("2.1.2");
		expect(found.get("错误码")).toBe("2.1.2");
		expect(found.get("配置中心")).toBe("2.1.2");
		expect(found.get("写总结")).toBeNull();
		expect(found.get("版本号 1.13 的问题")).toBeNull();
	});

	it("inherits through a numbered item (two list items on one line) as through any other", async () => {
		const found = await ties({
			"n.md": `#gopherchina\n${LINKS_2023}\n\n## 2.1.2 Kratos\n\n- [ ] 1. 中间件的顺序\n\t- [ ] 链式调用\n- 错误处理\n\t- [ ] 2. 错误码\n`,
		});
		expect(found.get("1. 中间件的顺序")).toBe("2.1.2");
		expect(found.get("链式调用")).toBe("2.1.2");
		expect(found.get("2. 错误码")).toBe("2.1.2");
	});

	it("lets a mid-line number that is no talk's code fall through to the heading", async () => {
		const found = await ties({ "n.md": `#gopherchina\n${LINKS_2023}\n\n## 1.2.3 泛型\n\n- [ ] 对比 Go 1.18 的实现\n` });
		expect(found.get("对比 Go 1.18 的实现")).toBe("1.2.3");
	});

	it("names talks by distinctive title words in headings and items", async () => {
		const found = await ties({
			"n.md": `#gopherchina\n${LINKS_2023}\n\n### Kratos\n\n- [ ] 跑 kratos-layout\n\n### 杂项\n\n- [ ] Sentinel 的流控规则\n- [ ] 泛型的类型推导\n- [ ] Kratos 和 go-zero 哪个好\n`,
		});
		expect(found.get("跑 kratos-layout")).toBe("2.1.2");
		expect(found.get("Sentinel 的流控规则")).toBe("2.1.1");
		expect(found.get("泛型的类型推导")).toBeNull();
		expect(found.get("Kratos 和 go-zero 哪个好")).toBeNull();
	});

	it("ties nothing when an item's title words disagree with the talk it inherits", async () => {
		const found = await ties({ "n.md": `#gopherchina\n${LINKS_2023}\n\n### Kratos\n\n- [ ] 对比 go-zero 的 goctl\n- [ ] 看 1.3.1 的告警\n- [ ] Kratos 的 wire\n` });
		expect(found.get("对比 go-zero 的 goctl")).toBeNull();
		expect(found.get("看 1.3.1 的告警")).toBe("1.3.1");
		expect(found.get("Kratos 的 wire")).toBe("2.1.2");
	});

	it("ties a per-talk note's items to its talk: by the session property, the pdf property, or its only link", async () => {
		const found = await ties({
			"all.md": `#gopherchina\n${LINKS_2023}\n`,
			"session.md": "---\ntags: gopherchina\nyear: 2023\nsession: \"2.1.2\"\n---\n- [ ] 分层\n",
			"pdf.md": `---\ntags: gopherchina\npdf: "${url("2023", "1.3.1 基于 Prometheus SLO 告警实战")}"\n---\n- [ ] 告警分级\n`,
			"one.md": `#gopherchina\n\n只看了 ${talk("2023", "2.1.6", "谈谈 Go 泛型").slice(2)}\n\n- [ ] 类型集合\n`,
		});
		expect(found.get("分层")).toBe("2.1.2");
		expect(found.get("告警分级")).toBe("1.3.1");
		expect(found.get("类型集合")).toBe("2.1.6");
	});

	it("keeps a leading code on a heading that names a talk linked elsewhere, in the note's year", async () => {
		const found = await ties({
			"all.md": `#gopherchina\n${LINKS_2023}\n`,
			"deep.md": "---\ntags: gopherchina\nyear: 2023\n---\n## 1.2.3 Go 泛型设计\n\n- [ ] GC shape\n\n## 笔记\n\n- [ ] 看 1.3.1 的规则\n",
		});
		expect(found.get("GC shape")).toBe("1.2.3");
		expect(found.get("看 1.3.1 的规则")).toBeNull();
	});

	it("reads codes in the note's edition, and ties nothing when two talks share a code equally", async () => {
		const found = await ties({
			"sh.md": `---\ntags: gopherchina/2023\nedition: shanghai\n---\n${talk("2023-shanghai", "1.1.1", "Go 语言在云原生中的实践")}\n${talk("2023", "1.1.1", "大型项目开发之 Golang 早知道")}\n\n- [ ] 1.1.1 的 operator 例子\n`,
			"both.md": `#gopherchina\n${talk("2023-shanghai", "1.2.1", "Rust & Go 互操作")}\n${talk("2023", "1.2.1", "Go on Loong64")}\n\n- [ ] 1.2.1 的 demo\n`,
		});
		expect(found.get("1.1.1 的 operator 例子")).toBe("shanghai 1.1.1");
		expect(found.get("1.2.1 的 demo")).toBeNull();
	});

	it("reads 2015-style codes, and links to one PDF in several forms as one talk", async () => {
		const found = await ties({
			"GopherChina/2015/1-2 Docker 与 Go.pdf": "%PDF",
			"n.md": `#gopherchina/2015\n- [[GopherChina/2015/1-2 Docker 与 Go.pdf]]\n${talk("2015", "1-2", "Docker 与 Go")}\n${talk("2015", "2-3", "Docker 网络实现")}\n\n- [ ] 1.2 讲的镜像分层\n- [ ] 2-3 讲的 Docker 网络再看一遍\n`,
		});
		expect(found.get("1.2 讲的镜像分层")).toBe("1-2");
		expect(found.get("2-3 讲的 Docker 网络再看一遍")).toBe("2-3");
	});

	it("never reads headings or items inside code blocks or comments", async () => {
		const found = await ties({
			"n.md": `#gopherchina\n${LINKS_2023}\n\n\`\`\`\n## 2.1.2 Kratos\n\`\`\`\n\n%%\n## 1.3.1\n%%\n\n- [ ] 写总结\n`,
		});
		expect([...found]).toEqual([["写总结", null]]);
	});
});
