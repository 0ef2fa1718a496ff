/**
 * A synthetic vault, the same for the same seed: tracked notes of about 40 lines with 20 study items
 * (some nested, some done), 10 talk PDF links, headings, CJK and ASCII text; and untracked notes.
 */

/** A small, fast, seedable PRNG (mulberry32). */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = ["goroutine", "channel", "context", "泛型", "调度器", "内存逃逸", "pprof", "trace", "GC", "接口", "微服务", "可观测性", "sync.Pool", "cgo", "反射", "性能优化"];
const TITLES = ["Go 泛型设计", "The State Of Go", "基于 Kratos 构建微服务", "Go on GPU", "谈谈 Go 服务稳定性", "Service Mesh 实践", "eBPF 与 Go", "大型项目开发之 Golang"];

export interface SyntheticOptions {
	notes: number;
	seed: number;
	/** Share of notes that carry the tracked tag. */
	tracked?: number;
}

function pick<T>(next: () => number, list: readonly T[]): T {
	return list[Math.floor(next() * list.length)] as T;
}

function sentence(next: () => number, words: number): string {
	const parts: string[] = [];
	for (let i = 0; i < words; i++) {
		parts.push(pick(next, WORDS));
	}
	return parts.join(" ");
}

/** One tracked note: the text a user would write after a conference. */
export function trackedNote(next: () => number, index: number, variant = 0): string {
	const year = 2015 + (index % 9);
	const lines: string[] = [];
	if (index % 2 === 0) {
		lines.push("---", `tags: [gopherchina/${year}]`, `date: ${year}-06-25`, "---");
	} else {
		lines.push(`#gopherchina 笔记 ${index}`);
	}
	lines.push(`# GopherChina ${year} 笔记 ${index}`, "", "## Slides");
	for (let i = 0; i < 10; i++) {
		const code = `${1 + (i % 2)}.${1 + ((index + i) % 3)}.${1 + ((index * 7 + i) % 9)}`;
		const title = `${pick(next, TITLES)} ${index % 50}`;
		lines.push(`- [${code} ${title}](https://github.com/gopherchina/conference/blob/master/${year}/${code}%20${encodeURIComponent(title)}.pdf)`);
	}
	lines.push("", "## Notes");
	for (let i = 0; i < 20; i++) {
		if (i % 5 === 0) {
			lines.push(`### ${pick(next, WORDS)} ${i}`);
		}
		const nested = i % 4 === 3;
		const status = (i + variant) % 7 === 0 ? "x" : i % 11 === 0 ? "/" : " ";
		lines.push(`${nested ? "    " : ""}- [${status}] ${sentence(next, 3 + (i % 4))}${i % 6 === 0 ? "？" : ""}`);
	}
	lines.push("", sentence(next, 8), `为什么 ${pick(next, WORDS)} 这么慢?`);
	return `${lines.join("\n")}\n`;
}

function plainNote(next: () => number, index: number): string {
	const lines = [`# Note ${index}`, ""];
	for (let i = 0; i < 12; i++) {
		lines.push(i % 3 === 0 ? `- [ ] ${sentence(next, 4)}` : sentence(next, 10));
	}
	return `${lines.join("\n")}\n`;
}

/** The vault as path → text. Notes are spread over folders; every fifth note is tracked by default. */
export function syntheticVault(options: SyntheticOptions): Record<string, string> {
	const next = random(options.seed);
	const share = options.tracked ?? 0.2;
	const every = Math.max(1, Math.round(1 / share));
	const files: Record<string, string> = {};
	for (let i = 0; i < options.notes; i++) {
		const folder = `notes/${String(Math.floor(i / 500)).padStart(2, "0")}`;
		files[`${folder}/note-${String(i).padStart(5, "0")}.md`] = i % every === 0 ? trackedNote(next, i) : plainNote(next, i);
	}
	return files;
}
