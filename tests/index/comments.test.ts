import { snapshot } from "../../src/index/snapshot";
import { indexFiles, startIndex } from "../../sandbox/harness";
import { createRuntime } from "../../sandbox/runtime";

const url = (name: string): string => `https://github.com/gopherchina/conference/blob/master/2023/${name}.pdf`;

const NOTE = [
	"#gopherchina",
	"",
	`- [1.1.1 Shown](${url("1.1.1%20Shown")}) %% [1.1.2 Hidden](${url("1.1.2%20Hidden")}) %%`,
	`- [1.1.3 Also shown](${url("1.1.3%20Also")}) <!-- ${url("1.1.4%20Hidden")} -->`,
	"  - [ ] study 1.1.3",
	"- [[1.1.5 Local.pdf]] %% [[1.1.6 Hidden.pdf]] %%",
	"",
	"> [!note] Callout",
	`> %% [1.2.1 Hidden](${url("1.2.1%20Hidden")}) %% not a question %% ? %%`,
	"> Is this shown?",
	"",
	"```",
	`%% [1.2.2 Code](${url("1.2.2%20Code")}) is code, and the %% above opens nothing`,
	"```",
	"",
	"%%",
	"## 1.3.1 Old heading",
	`- [1.3.1 Old](${url("1.3.1%20Old")})`,
	"- Old question?",
	"%%",
	"",
	"<!--",
	`- [1.3.2 Draft](${url("1.3.2%20Draft")})`,
	"-->",
	"",
	"- Still read?",
	"",
	"Last words %% and from here on nothing is read",
	"",
	`- [1.4.1 After](${url("1.4.1%20After")})`,
	"- Unseen?",
	"",
].join("\n");

describe("the index over a note with comments", () => {
	it("finds only the talks and questions outside comments", async () => {
		const { index } = await indexFiles({ "n.md": NOTE, "1.1.5 Local.pdf": "", "1.1.6 Hidden.pdf": "" });
		const model = snapshot(index);
		expect(model.sessions.map((session) => session.code)).toEqual(["1.1.1", "1.1.3", "1.1.5"]);
		expect(model.questions.map((question) => question.text)).toEqual(["Is this shown?", "Still read?"]);
		expect(model.studyItems.map((item) => item.sessionId)).toEqual([model.sessions[1]?.id]);
		index.unload();
	});

	it("drops a talk when its link is commented out, and brings it back when the comment goes", async () => {
		const a = `- [1.1.1 A](${url("1.1.1%20A")})`;
		const b = `- [1.1.2 B](${url("1.1.2%20B")})`;
		const plain = `#gopherchina\n\n${a}\n${b}\n`;
		const runtime = createRuntime({ "n.md": plain });
		const { index } = await startIndex(runtime);
		expect(index.sessions().map((session) => session.code?.code)).toEqual(["1.1.1", "1.1.2"]);
		await runtime.modify("n.md", `#gopherchina\n\n${a}\n%% ${b} %%\n`);
		expect(index.sessions().map((session) => session.code?.code)).toEqual(["1.1.1"]);
		await runtime.modify("n.md", `#gopherchina\n\n<!--\n${a}\n-->\n${b}\n`);
		expect(index.sessions().map((session) => session.code?.code)).toEqual(["1.1.2"]);
		await runtime.modify("n.md", plain);
		expect(index.sessions().map((session) => session.code?.code)).toEqual(["1.1.1", "1.1.2"]);
		index.unload();
	});

	it("keeps the talks in properties when the whole body is commented out", async () => {
		const text = `---\ntags: [gopherchina]\npdf: ${url("2.1.1%20P")}\n---\n%%\n- [2.1.2 X](${url("2.1.2%20X")})\n`;
		const { index } = await indexFiles({ "p.md": text });
		expect(index.sessions().map((session) => session.code?.code)).toEqual(["2.1.1"]);
		index.unload();
	});
});
