/** @jest-environment node */
import { platformSegmenter, TitleWords, titleTokens } from "../../src/model/title-words";
import { expectLinear, repeatTo } from "./linear-time-helper";

const TITLES_2023 = [
	"大型项目开发之 Golang 早知道",
	"Go 泛型设计",
	"Sentinel&OpenSergo：下一代微服务治理标准与实践",
	"基于 Kratos 构建企业级微服务架构",
	"微博增值团队在Go服务可观测性的实践与探索",
	"dubbogo 精进之路：从开源项目到开源产品",
	"谈谈 Go 泛型",
	"企业级 Go HTTP 框架在字节跳动的实践",
	"OpenKruise：全方位的提升Pod生命周期管理能力",
	"go-zero开源项目的成长史",
	"基于Go语言的滴滴DevOps重塑之路",
];
const title = (index: number | undefined): string => (index === undefined ? "none" : (TITLES_2023[index] ?? "?"));

describe("talks named by the words of their titles", () => {
	const words = new TitleWords(TITLES_2023.map((entry) => [entry]));
	const named = (text: string): string[] => words.match(text).map(title);

	it("has Intl.Segmenter on Node (the fallback is tested below)", () => {
		expect(platformSegmenter()).not.toBeNull();
	});

	it.each([
		["Kratos", "基于 Kratos 构建企业级微服务架构"],
		["OpenKruise 的原地升级", "OpenKruise：全方位的提升Pod生命周期管理能力"],
		["Sentinel 的流控规则", "Sentinel&OpenSergo：下一代微服务治理标准与实践"],
		["getty 网络库 (dubbogo)", "dubbogo 精进之路：从开源项目到开源产品"],
		["滴滴的 DevOps 平台", "基于Go语言的滴滴DevOps重塑之路"],
		["KRATOS 的 middleware", "基于 Kratos 构建企业级微服务架构"],
		["看一下go-zero的goctl", "go-zero开源项目的成长史"],
		["微博的可观测性", "微博增值团队在Go服务可观测性的实践与探索"],
		["字节的 HTTP 框架", "企业级 Go HTTP 框架在字节跳动的实践"],
	])("ties %j to one talk", (text, expected) => {
		expect(named(text)).toEqual([expected]);
	});

	it.each([
		"Go 和 Golang 的实践",
		"基于微服务架构的企业级应用",
		"开源项目的运营",
		"性能优化的通用套路",
		"design the system",
		"Go on it",
		"zero-copy 的实现",
	])("lets words common to Go talks decide nothing: %j", (text) => {
		expect(named(text)).toEqual([]);
	});

	it("does not let a word shared by several talks decide", () => {
		expect(named("泛型的类型推导")).toEqual([]);
	});

	it("returns both talks when a line names two equally", () => {
		expect(named("Kratos 和 go-zero 哪个好")).toEqual(["基于 Kratos 构建企业级微服务架构", "go-zero开源项目的成长史"]);
	});

	it("reads speakers: 2016 titles lead with them, 2019 titles end with them", () => {
		const speakers = new TitleWords([["刘奇 Go在分布式数据库中的应用"], ["黄东旭 TiDB 的 SQL 优化器"], ["Understanding the Go Scheduler - Kavya Joshi"], ["Go Module Proxy - Aaron Schlesinger"]]);
		expect(speakers.match("刘奇提到的 Raft 实现")).toEqual([0]);
		expect(speakers.match("Kavya's talk")).toEqual([2]);
		expect(speakers.match("Schlesinger's slide")).toEqual([3]);
		expect(speakers.match("刘奇和黄东旭的公司")).toEqual([0, 1]);
	});

	it("never counts Latin words of one or two letters, nor numbers", () => {
		const short = new TitleWords([["Go on GPU"], ["Go on Loong64"], ["The State Of Go 2023"]]);
		expect(short.match("go on")).toEqual([]);
		expect(short.match("2023 年")).toEqual([]);
		expect(short.match("GPU 上跑 Go")).toEqual([0]);
	});

	it("compares Latin words without a plural s", () => {
		const operators = new TitleWords([["Go on Kubernetes Operators - Ed Chen"], ["Error Handling in Go 2"]]);
		expect(operators.match("Reconcile loop of the operator")).toEqual([0]);
		expect(operators.match("errors and panics")).toEqual([1]);
	});

	it("falls back to character bigrams without a segmenter", () => {
		const fallback = new TitleWords([["Go 在蔚来汽车的落地"], ["Go 内存分配器 Deep Dive"], ["基于 Kratos 构建企业级微服务架构"]], null);
		expect(fallback.match("蔚来汽车的车端")).toEqual([0]);
		expect(fallback.match("内存分配器")).toEqual([1]);
		expect(fallback.match("Kratos 的分层")).toEqual([2]);
		expect(fallback.match("企业级微服务")).toEqual([]);
		expect(titleTokens("Go 在蔚来汽车的落地", null)).toEqual(new Map([["蔚来汽车", 1], ["蔚来", 0.5], ["来汽", 0.5], ["汽车", 0.5]]));
	});

	it.each(["微", "a-", "Kratos ", "蔚来汽"])("stays linear on a hostile line of %j", (unit) => {
		expectLinear(`TitleWords.match on ${JSON.stringify(unit)}`, (length) => repeatTo(unit, length), (line) => words.match(line));
	});

});

describe("words that many talks share", () => {
	// Forty talks share `kubernetes` and `scheduling`; two share `karpenter`.
	const titles = Array.from({ length: 40 }, (_, i) => [`Kubernetes ${["alpha", "bravo", "charlie", "delta"][i % 4]}${i} scheduling`]);
	titles.push(["Kubernetes Karpenter autoscaling"], ["Karpenter internals"]);
	const words = new TitleWords(titles, null);

	it("name no talk alone, and leave a word of one talk to decide", () => {
		expect(words.match("kubernetes scheduling")).toEqual([]);
		expect(words.match("karpenter on kubernetes")).toEqual([]);
		expect(words.match("kubernetes autoscaling")).toEqual([40]);
		expect(words.match("bravo5 scheduling")).toEqual([5]);
		expect(words.match("bravo5 kubernetes")).toEqual([5]);
		expect(words.match("alpha0 bravo1")).toEqual([0, 1]);
	});
});
