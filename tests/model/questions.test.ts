/** @jest-environment node */
import type { ListItemCache } from "obsidian";
import { parseNote } from "../../src/model/note-parser";
import { askingSpan, findQuestions } from "../../src/model/questions";
import { normalizeSettings } from "../../src/settings";
import type { Question } from "../../src/model/types";
import { buildMetadata } from "../../sandbox/metadata-builder";
import { expectLinear } from "./linear-time-helper";

/** A note's questions, parsed as the index parses them, over the metadata the runtime builds. */
function found(text: string): Question[] {
	return parseNote({ path: "n.md", text, cache: buildMetadata(text), tags: ["#gopherchina"], trackedTags: ["gopherchina"], resolveLink: () => null }).questions;
}

const texts = (text: string): string[] => found(text).map((question) => question.text);
/** The question a one-line note asks, or null. */
const asked = (line: string): string | null => found(line)[0]?.text ?? null;

describe("questions with a mark, as before", () => {
	it("finds question callouts and lines ending in ? or ？, not inferred", () => {
		const questions = found("> [!question] 调度器改了什么\n\n- Is this shown?\n\n为什么 sidecar 更慢？");
		expect(questions.map((question) => [question.text, question.inferred])).toEqual([
			["调度器改了什么", false],
			["Is this shown?", false],
			["为什么 sidecar 更慢？", false],
		]);
	});

	it("reads a mark inside a code span or a link as no mark", () => {
		expect(asked("- 用 `a ?: b`")).toBeNull();
		expect(asked("- see https://example.org/faq?")).toBeNull();
	});

	it("takes the bracketed clause a closing mark ends, after other text", () => {
		expect(found("接口会逃逸 (为什么会逃逸？)")[0]).toMatchObject({ text: "为什么会逃逸？", context: "接口会逃逸 (为什么会逃逸？)", inferred: false });
		expect(asked("(为什么会逃逸？)")).toBe("(为什么会逃逸？)");
	});
});

describe("interrogative sentences without a mark", () => {
	it.each([
		"为什么 slice 扩容不是固定两倍",
		"defer 的开销现在还大吗",
		"怎么定位 goroutine 泄露",
		"怎样让 GC 停顿更短",
		"如何在容器里设置 GOMAXPROCS",
		"这个锁是否可以去掉",
		"能否复用 sync.Pool 里的 buffer",
		"有没有办法关掉逃逸分析",
		"哪些场景适合用泛型",
		"什么时候该用 channel 而不是 mutex",
		"这个度到底要多大才合适呢",
		"Go 的调度器在 2019 年之后改了什么",
		"How does the scheduler pick the next goroutine",
		"Should we turn on GOAMD64=v3 in production",
		"why is the first request always slow",
		"What's the cost of a cgo call these days",
		"Is GOGC=off ever a good idea for batch jobs",
		"Does the race detector catch this case",
		"When the GC runs, does it stop every goroutine",
		"泛型比 interface{} 快多少",
		"sysmon 多久检查一次",
		"这里的 spinning M 是什么意思",
		"but how does it interact with GOGC",
	])("finds %j", (line) => {
		expect(found(line)[0]).toMatchObject({ text: line, context: line, inferred: true });
	});

	it("finds a question word in a list item and in a quote", () => {
		expect(texts("- 为什么 map 不是并发安全的\n\n> 怎么复现这个 bug")).toEqual(["为什么 map 不是并发安全的", "怎么复现这个 bug"]);
	});

	it("takes the sentence that asks out of a longer line", () => {
		expect(found("听了 2.1.2 的分享。泛型的性能到底怎么样")[0]).toMatchObject({ text: "泛型的性能到底怎么样", context: "听了 2.1.2 的分享。泛型的性能到底怎么样" });
		expect(asked("看完了，这样写对吗？然后再说")).toBe("看完了，这样写对吗？");
	});

	it("keeps a code span or a link inside the question it belongs to", () => {
		expect(asked("为什么 `GOMAXPROCS` 在容器里不对")).toBe("为什么 `GOMAXPROCS` 在容器里不对");
	});
});

describe("questions inside a line", () => {
	it("finds the seed note's bracketed bold clause and its admission", () => {
		expect(found("注意不要过度的使用接口 (**但是这个度要怎么衡量呢**)，不要过度的抽象")[0]).toMatchObject({
			text: "但是这个度要怎么衡量呢",
			context: "注意不要过度的使用接口 (**但是这个度要怎么衡量呢**)，不要过度的抽象",
			inferred: true,
		});
		expect(asked("接口类型会造成**内存逃逸**(我目前并不知道为什么会造成内存逃逸)，使用泛型去代替 `interface{}` 会带来性能提升")).toBe("我目前并不知道为什么会造成内存逃逸");
	});

	it("finds full-width brackets and bold clauses", () => {
		expect(asked("pprof 的火焰图（这里的 self 和 cum 有什么区别呢）要再看")).toBe("这里的 self 和 cum 有什么区别呢");
		expect(asked("channel 关闭之后 **还能不能读出剩下的值**，课上没讲。")).toBe("还能不能读出剩下的值");
	});

	it("finds admissions of not knowing, in Chinese and English", () => {
		expect(asked("我还没搞懂 work stealing 的细节")).toBe("我还没搞懂 work stealing 的细节");
		expect(asked("我不太清楚 g0 栈和普通 goroutine 栈的区别。")).toBe("我不太清楚 g0 栈和普通 goroutine 栈的区别");
		expect(asked("不确定是否要升级到 1.21。")).toBe("不确定是否要升级到 1.21");
		expect(asked("讲者提到了 PGO (I'm not sure whether it helps our services)")).toBe("I'm not sure whether it helps our services");
		expect(asked("I don't know why the heap keeps growing after the load test.")).toBe("I don't know why the heap keeps growing after the load test");
	});
});

describe("statements, titles and other lines that do not ask", () => {
	it.each([
		"这也是为什么 Go 选择了 CSP 模型。",
		"这就是为什么要用 context 控制超时",
		"如何做到零拷贝：用 sendfile。",
		"如何做到零拷贝：用 sendfile",
		"We moved to Kratos because of its middleware chain.",
		"How We Scaled Go at Didi",
		"What's New in Go 1.21",
		"How we cut p99 latency: batching and a smaller GC target",
		"runtime 会判断是否需要扩容",
		"无论怎么调 GOGC 都没用",
		"讲者介绍了如何用 pprof 找热点",
		"Do the benchmark again with -count=10",
		"Which is why the team moved to gRPC",
		"When the buffer is full, the sender blocks",
		"Go 的 GC 相对于 Java 来说是比较简单的",
		"slides 讲得不清楚，回头看视频",
		"文档写得不太清楚",
		"So we moved the cache to sync.Map",
		"也没什么",
		"- [1.2.3 如何设计 Go 泛型](https://example.org/1.2.3.pdf)",
		"- [[How does the GC work]]",
		"`why()` 是一个函数名",
		"| 为什么 | 怎么做 |",
		"答：因为 map 的写没有加锁，为什么要加锁见上文",
	])("leaves %j alone", (line) => {
		expect(found(line)).toEqual([]);
	});

	it("never reads headings, tasks, code, comments or properties", () => {
		const note = [
			"---",
			"summary: 为什么要用 Go",
			"---",
			"## 为什么选择 Go",
			"- [ ] 为什么 slice 扩容不是两倍",
			"```go",
			"// why does this compile",
			"```",
			"%% 为什么要写这个 %%",
			"<!-- how does this work -->",
		].join("\n");
		expect(found(note)).toEqual([]);
	});

	it("reads the title of another callout as a title unless it ends in a mark", () => {
		expect(texts("> [!note] 为什么选择 Go\n> 正文\n\n> [!tip] Why not Rust?")).toEqual(["Why not Rust?"]);
	});
});

describe("answered questions", () => {
	it("counts a list-item question with a child item as answered", () => {
		const questions = found("- 为什么 map 不是并发安全的\n  - 因为写没有加锁\n- 怎么复现这个 bug");
		expect(questions.map((question) => [question.text, question.answered])).toEqual([
			["为什么 map 不是并发安全的", true],
			["怎么复现这个 bug", false],
		]);
	});

	it("counts a question followed by an answer line as answered, in any of its forms", () => {
		const note = ["为什么要关 channel", "答：让 range 结束", "", "How does the GC pace itself?", "", "A: by the heap goal", "", "- 是否需要 buffer", "- 答: 看场景", "", "> defer 还慢吗", "> **Answer:** no, open-coded", "", "为什么不用 sync.Map", "以后再看"].join("\n");
		expect(found(note).map((question) => [question.text, question.answered])).toEqual([
			["为什么要关 channel", true],
			["How does the GC pace itself?", true],
			["是否需要 buffer", true],
			["defer 还慢吗", true],
			["为什么不用 sync.Map", false],
		]);
	});

	it("takes an untitled question callout's text from its first line that is no code", () => {
		expect(texts("> [!question]\n>\n>     Why is alpha slow?\n> 为什么调度器会这样？")).toEqual(["为什么调度器会这样？"]);
		expect(texts("> [!question]\n> ```go\n> Why is alpha slow?\n> ```\n> 为什么调度器会这样？")).toEqual(["为什么调度器会这样？"]);
	});

	it("counts a question callout with an answer line in it as answered", () => {
		expect(found("> [!question] 调度器改了什么\n> 答：加入了异步抢占")[0]?.answered).toBe(true);
		expect(found("> [!faq] 调度器改了什么\n> 还要再查")[0]?.answered).toBe(false);
	});
});

describe("the setting 'Find questions without a question mark'", () => {
	it("is on by default and kept when stored", () => {
		expect(normalizeSettings(null).questionsWithoutMark).toBe(true);
		expect(normalizeSettings({ questionsWithoutMark: false }).questionsWithoutMark).toBe(false);
		expect(normalizeSettings({ questionsWithoutMark: "no" }).questionsWithoutMark).toBe(true);
	});

	it("switched off, leaves only question marks: no words, no clauses, no admissions", () => {
		expect(askingSpan("为什么 slice 扩容不是固定两倍", false)).toBeNull();
		expect(askingSpan("注意不要过度的使用接口 (**但是这个度要怎么衡量呢**)", false)).toBeNull();
		expect(askingSpan("I don't know why the heap grows", false)).toBeNull();
		const marked = "为什么 slice 扩容不是固定两倍？";
		expect(askingSpan(marked, false)).toEqual({ from: 0, to: marked.length, inferred: false });
	});

	it("marks what only the words found as inferred, so the dashboard can leave it out", () => {
		expect(found("为什么要关 channel\n\n为什么要关 channel？").map((question) => question.inferred)).toEqual([true, false]);
	});
});

describe("hostile lines", () => {
	/** The line as a paragraph, a list item and a quote, read as the parser reads them. */
	const read = (line: string): unknown => {
		const lines = [line, `- ${line}`, `> ${line}`];
		const item = { parent: -1, position: { start: { line: 1, col: 0, offset: 0 }, end: { line: 1, col: 0, offset: 0 } } } as ListItemCache;
		const kinds = { skipped: new Uint8Array(3), headingLines: new Set<number>(), listItems: new Map([[1, item]]) };
		return findQuestions(lines, kinds);
	};

	it.each(["为什么", "(", "（为什么", "**", "** (", "a. ", "Why ", "不知道", "？ ", "`", "[x](", "[[", "https://", "How: ", "吗，", "  x", "...."])(
		"reads 100,000 characters of %j in linear time",
		(unit) => {
			// CPU time, best of several samples (tests/model/linear-time-helper.ts): ten times the length
			// may cost about ten times as much (at most 15), never a hundred.
			expectLinear(`findQuestions on ${JSON.stringify(unit)}`, (length) => unit.repeat(Math.ceil(length / unit.length)), read);
		},
	);
});
