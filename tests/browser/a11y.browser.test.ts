/** @jest-environment node */
import { join } from "path";
import { readVaultFolder } from "../../sandbox/harness";
import { describeViolations, injectAxe, openEverything, runAxe, seriousViolations, showTab, TABS, type TabName } from "../../sandbox/browser/axe";
import { openDashboardPage, ROOT, type Layout } from "../../sandbox/browser/page";
import { inChromium } from "./suite";

/**
 * The example vault, and a note with what it lacks: links, tags, marks and code in items, every task
 * state, a very long item, questions with links, a talk with two notes.
 */
const files = {
	...readVaultFolder(join(ROOT, "tests", "fixtures", "example-vault")),
	"Markup.md": [
		"---",
		"tags: [gopherchina]",
		"---",
		"# 内存模型",
		"- [ ] 对照 [[Go 内存模型]] 和 [spec](https://go.dev/ref/mem) 读 **happens-before** 与 `sync/atomic` #study",
		"- [/] 在读 [[GopherChina 2023 总结#Content|总结]] 里的 ==逃逸分析==",
		"- [x] 读完 ~~旧的~~ 新的 [slides](https://github.com/gopherchina/conference/blob/master/2023/1.1.3%20The%20State%20Of%20Go%202023.pdf)",
		"- [-] 不再需要的 *练习*",
		`- [ ] ${"很长的学习任务，".repeat(150)}结束`,
		"- 为什么 [[Go 内存模型]] 要这样定义 happens-before？",
		"> [!question] 如何用 `atomic.Pointer` 替代 [锁](https://go.dev/doc)?",
	].join("\n"),
};
/** Done items and answered questions are listed too, so their styles are checked as well. */
const DATA = { showCompleted: true };

interface Case {
	layout: Layout;
	theme: "light" | "dark";
	tab: TabName;
	/** The Talks tab with the whole program (talks no note takes up are drawn muted). */
	program?: boolean;
}

const cases: Case[] = [
	...(["light", "dark"] as const).flatMap((theme) => TABS.map((tab): Case => ({ layout: "sidebar", theme, tab }))),
	...TABS.map((tab): Case => ({ layout: "main", theme: "light", tab })),
	...(["light", "dark"] as const).map((theme): Case => ({ layout: "sidebar", theme, tab: "talks", program: true })),
];

inChromium("the pane has no serious accessibility violation (axe-core, headless Chromium)", (browser) => {

	it.each(cases)("$tab tab, $theme theme, $layout, every group open (whole program: $program)", async ({ layout, theme, tab, program }) => {
		const page = await openDashboardPage(browser(), { files, theme, layout, data: program === true ? { ...DATA, viewState: { wholeProgram: true } } : DATA });
		try {
			await showTab(page, tab);
			await openEverything(page);
			await injectAxe(page);
			const serious = seriousViolations(await runAxe(page));
			if (serious.length > 0) {
				const count = serious.reduce((sum, violation) => sum + violation.nodes.length, 0);
				throw new Error(`${serious.length} serious or critical axe rule(s), ${count} node(s), in the ${tab} tab (${theme} theme, ${layout}):\n${describeViolations(serious)}`);
			}
		} finally {
			await page.close();
		}
	});
});
