import type { RequestUrlParam, RequestUrlResponse } from "obsidian";
import { isProgramPath, PROGRAM_BRANCH, PROGRAM_REPOSITORY } from "./program";

/**
 * Reading the program from GitHub: one request to the git trees API for the repository's branch,
 * every PDF file of the answer a talk. Pure apart from the request, which is passed in
 * (`requestUrl` in the plugin, a recorded answer in the tests).
 */

/** The one address asked: every file of the repository's branch, in one answer. */
export const PROGRAM_TREE_URL = `https://api.github.com/repos/${PROGRAM_REPOSITORY}/git/trees/${PROGRAM_BRANCH}?recursive=1`;

/** The headers sent besides those `requestUrl` adds itself: the format and API version GitHub documents. */
export const PROGRAM_REQUEST_HEADERS: Readonly<Record<string, string>> = {
	Accept: "application/vnd.github+json",
	"X-GitHub-Api-Version": "2022-11-28",
};

export type ProgramRequest = (request: RequestUrlParam) => Promise<RequestUrlResponse>;

/** Why an answer was not taken: each is said in the notice, and the program stays as it was. */
export type ProgramFailure =
	| { reason: "network" }
	| { reason: "rate-limit" }
	| { reason: "status"; status: number }
	| { reason: "html" }
	| { reason: "invalid-json" }
	| { reason: "malformed" }
	| { reason: "truncated" }
	| { reason: "no-pdfs" };

export type FetchedProgram = { ok: true; sha: string | null; paths: string[] } | ({ ok: false } & ProgramFailure);

/** Asks GitHub for the repository's files once. Never throws: a failure comes back as its reason. */
export async function fetchProgram(request: ProgramRequest): Promise<FetchedProgram> {
	let response: RequestUrlResponse;
	try {
		response = await request({ url: PROGRAM_TREE_URL, method: "GET", headers: { ...PROGRAM_REQUEST_HEADERS }, throw: false });
	} catch {
		return { ok: false, reason: "network" };
	}
	let text = "";
	try {
		text = response.text;
	} catch {
		// A body that cannot be read as text is no JSON: the checks below say so.
	}
	return readTreeAnswer(response.status, response.headers, text);
}

/**
 * What an answer of the git trees API says. Taken only when it is the whole tree: status 200, JSON
 * (not a web page), an object whose `tree` is a list of entries with a `path` and a `type`, not
 * `truncated`, with at least one PDF file.
 */
export function readTreeAnswer(status: number, headers: Record<string, string> | undefined, text: string): FetchedProgram {
	if (status === 429 || (status === 403 && isRateLimited(headers, text))) {
		return { ok: false, reason: "rate-limit" };
	}
	if (status !== 200) {
		return { ok: false, reason: "status", status };
	}
	if (header(headers, "content-type").toLowerCase().includes("text/html") || text.trimStart().startsWith("<")) {
		return { ok: false, reason: "html" };
	}
	let answer: unknown;
	try {
		answer = JSON.parse(text);
	} catch {
		return { ok: false, reason: "invalid-json" };
	}
	if (answer === null || typeof answer !== "object" || Array.isArray(answer)) {
		return { ok: false, reason: "malformed" };
	}
	const { tree, truncated, sha } = answer as Record<string, unknown>;
	if (!Array.isArray(tree)) {
		return { ok: false, reason: "malformed" };
	}
	if (truncated === true) {
		return { ok: false, reason: "truncated" };
	}
	const paths: string[] = [];
	const seen = new Set<string>();
	for (const entry of tree) {
		if (entry === null || typeof entry !== "object") {
			return { ok: false, reason: "malformed" };
		}
		const { path, type } = entry as Record<string, unknown>;
		if (typeof path !== "string" || typeof type !== "string") {
			return { ok: false, reason: "malformed" };
		}
		if (type === "blob" && isProgramPath(path) && !seen.has(path)) {
			seen.add(path);
			paths.push(path);
		}
	}
	if (paths.length === 0) {
		return { ok: false, reason: "no-pdfs" };
	}
	// SHA-1 today; SHA-256 (64 digits) if the repository ever moves to it.
	return { ok: true, sha: typeof sha === "string" && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(sha) ? sha.toLowerCase() : null, paths };
}

/**
 * GitHub answers 403 both for a rate limit and for other refusals; the limit is told by the headers
 * (`x-ratelimit-remaining: 0`) or by the message in the body.
 */
function isRateLimited(headers: Record<string, string> | undefined, text: string): boolean {
	return header(headers, "x-ratelimit-remaining") === "0" || /rate limit/i.test(text.slice(0, 2000));
}

/** A header's value whatever the case of its name (the platforms differ). */
function header(headers: Record<string, string> | undefined, name: string): string {
	for (const [key, value] of Object.entries(headers ?? {})) {
		if (key.toLowerCase() === name) {
			return String(value);
		}
	}
	return "";
}
