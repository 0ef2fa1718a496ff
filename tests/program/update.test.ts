import { requestUrl } from "obsidian";
import { SHIPPED_PROGRAM } from "../../src/program/program";
import { fetchProgram, PROGRAM_TREE_URL, readTreeAnswer } from "../../src/program/update";
import { requests, setNetwork } from "../../sandbox/network";
import { ANSWERS, fixture } from "./answers";

afterEach(() => setNetwork(null));

async function fetchWith(answer: keyof typeof ANSWERS): Promise<Awaited<ReturnType<typeof fetchProgram>>> {
	setNetwork(ANSWERS[answer]);
	return fetchProgram(requestUrl);
}

describe("reading the program from GitHub's git trees API", () => {
	it("asks once, with GET, for the branch's whole tree, in GitHub's JSON format", async () => {
		await fetchWith("normal");
		expect(PROGRAM_TREE_URL).toBe("https://api.github.com/repos/gopherchina/conference/git/trees/master?recursive=1");
		expect(requests).toEqual([{ url: PROGRAM_TREE_URL, method: "GET", headers: { Accept: "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28" }, throw: false }]);
	});

	it("takes every PDF file of a whole tree, in the tree's order, and nothing else", async () => {
		const fetched = await fetchWith("normal");
		expect(fetched).toEqual({ ok: true, sha: (JSON.parse(fixture("conference-master.json")) as { sha: string }).sha, paths: [...SHIPPED_PROGRAM.paths] });
	});

	it("takes a new year's folder with the rest", async () => {
		const fetched = await fetchWith("with2024");
		expect(fetched.ok && fetched.paths.filter((path) => path.startsWith("2024/"))).toEqual([
			"2024/1.1.1 Go 1.22 的新特性.pdf",
			"2024/1.1.2 用 Go 构建向量数据库.pdf",
			"2024/2.1.1 Profile-guided optimization in practice.pdf",
		]);
		expect(fetched.ok && fetched.paths).toHaveLength(155);
	});

	it.each([
		["truncated", { reason: "truncated" }],
		["rateLimit403", { reason: "rate-limit" }],
		["rateLimit429", { reason: "rate-limit" }],
		["notFound", { reason: "status", status: 404 }],
		["html", { reason: "html" }],
		["htmlUntyped", { reason: "html" }],
		["invalidJson", { reason: "invalid-json" }],
		["noTree", { reason: "malformed" }],
		["noPdfs", { reason: "no-pdfs" }],
	] as const)("refuses the %s answer, saying why", async (answer, failure) => {
		expect(await fetchWith(answer)).toEqual({ ok: false, ...failure });
	});

	it("says the network failed when the request throws", async () => {
		setNetwork(() => {
			throw new Error("net::ERR_INTERNET_DISCONNECTED");
		});
		expect(await fetchProgram(requestUrl)).toEqual({ ok: false, reason: "network" });
		setNetwork(null);
		expect(await fetchProgram(requestUrl)).toEqual({ ok: false, reason: "network" });
	});

	it("tells a rate limit from another refusal by the headers or the message", () => {
		const limit = fixture("rate-limit.json");
		expect(readTreeAnswer(403, { "X-RateLimit-Remaining": "0" }, "{}")).toEqual({ ok: false, reason: "rate-limit" });
		expect(readTreeAnswer(403, {}, limit)).toEqual({ ok: false, reason: "rate-limit" });
		expect(readTreeAnswer(403, { "x-ratelimit-remaining": "12" }, '{"message":"Repository access blocked"}')).toEqual({ ok: false, reason: "status", status: 403 });
	});

	it("reads an answer without headers, and a tree SHA of either length", () => {
		const tree = (sha: string): string => JSON.stringify({ sha, tree: [{ path: "2024/1.1.1 A.pdf", type: "blob" }], truncated: false });
		expect(readTreeAnswer(200, undefined, tree("A".repeat(40)))).toEqual({ ok: true, sha: "a".repeat(40), paths: ["2024/1.1.1 A.pdf"] });
		expect(readTreeAnswer(200, {}, tree("b".repeat(64)))).toMatchObject({ sha: "b".repeat(64) });
		expect(readTreeAnswer(200, {}, tree("master"))).toMatchObject({ sha: null });
	});

	it("refuses a tree whose entries are not entries, and keeps only PDF files that are safe paths", () => {
		const tree = (entries: unknown[]): string => JSON.stringify({ sha: "x", tree: entries, truncated: false });
		expect(readTreeAnswer(200, {}, tree([null]))).toEqual({ ok: false, reason: "malformed" });
		expect(readTreeAnswer(200, {}, tree([{ path: 3, type: "blob" }]))).toEqual({ ok: false, reason: "malformed" });
		expect(readTreeAnswer(200, {}, "[]")).toEqual({ ok: false, reason: "malformed" });
		expect(readTreeAnswer(200, {}, "null")).toEqual({ ok: false, reason: "malformed" });
		expect(readTreeAnswer(200, {}, tree([{ path: "2024/1.1.1 A.PDF", type: "blob" }, { path: "2024/1.1.1 A.PDF", type: "blob" }, { path: "2024/x.pdf", type: "tree" }, { path: "../1.1.2 B.pdf", type: "blob" }, { path: "2024/c.pdf.txt", type: "blob" }, { path: "2024/1.1.3 C.pdf", type: "commit" }]))).toEqual({
			ok: true,
			sha: null,
			paths: ["2024/1.1.1 A.PDF"],
		});
	});
});
