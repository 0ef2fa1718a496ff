/** The recorded answers of GitHub's git trees API (`tests/fixtures/github-trees/`), as the network stub answers. */
import { readFileSync } from "fs";
import { join } from "path";
import type { RequestUrlResponse } from "obsidian";
import { bytesOf } from "../../sandbox/network";
import { ROOT } from "../../sandbox/root";

const DIR = join(ROOT, "tests", "fixtures", "github-trees");

export function fixture(name: string): string {
	return readFileSync(join(DIR, name), "utf8");
}

const JSON_TYPE = { "content-type": "application/json; charset=utf-8" };
const RATE_HEADERS = { ...JSON_TYPE, "x-ratelimit-limit": "60", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1714553999", "x-ratelimit-used": "60", "x-ratelimit-resource": "core" };

function answer(status: number, headers: Record<string, string>, text: string): Partial<RequestUrlResponse> {
	return { status, headers, text, arrayBuffer: bytesOf(text) };
}

/** Each recorded answer by what it is, with the status and headers GitHub (or a network) sends with it. */
export const ANSWERS = {
	normal: () => answer(200, JSON_TYPE, fixture("conference-master.json")),
	with2024: () => answer(200, JSON_TYPE, fixture("conference-with-2024.json")),
	truncated: () => answer(200, JSON_TYPE, fixture("conference-truncated.json")),
	rateLimit403: () => answer(403, RATE_HEADERS, fixture("rate-limit.json")),
	rateLimit429: () => answer(429, { ...JSON_TYPE, "retry-after": "60" }, fixture("rate-limit.json")),
	notFound: () => answer(404, JSON_TYPE, fixture("not-found.json")),
	html: () => answer(200, { "content-type": "text/html; charset=utf-8" }, fixture("sign-in.html")),
	htmlUntyped: () => answer(200, {}, fixture("sign-in.html")),
	invalidJson: () => answer(200, JSON_TYPE, fixture("invalid.json.txt")),
	noTree: () => answer(200, JSON_TYPE, fixture("no-tree.json")),
	noPdfs: () => answer(200, JSON_TYPE, fixture("no-pdfs.json")),
};
