/** Hostile notes too large to keep in the repository, generated the same way every time. */
import { readVaultFolder } from "../../sandbox/harness";
import { ROOT } from "../../sandbox/root";

export const HOSTILE_FOLDER = `${ROOT}/tests/fixtures/hostile`;

/** A 5 MB note: ordinary lines, links and items, over and over. */
export function hugeNote(bytes = 5 * 1024 * 1024): string {
	const block = [
		"## 第 N 节 notes",
		"- [1.1.1 大型项目开发之 Golang 早知道](https://github.com/gopherchina/conference/blob/master/2023/1.1.1%20%E5%A4%A7.pdf)",
		"- [ ] 复习 goroutine 泄露的问题",
		"- [x] 看完 slides",
		"一些普通的笔记文字 with ASCII words, `code` and **bold**。为什么?",
		"",
	].join("\n");
	const parts = ["#gopherchina", ""];
	let size = 0;
	for (let i = 0; size < bytes; i++) {
		const chunk = block.replace("第 N 节", `第 ${i} 节`);
		parts.push(chunk);
		size += utf8Length(chunk) + 1;
	}
	return parts.join("\n");
}

/** One line of 100,000 characters with links, brackets, backticks and stars in it. */
export function longLine(length = 100_000): string {
	const unit = "text [link](https://x.org/a%20b.pdf) `c` **s** [[w]] #tag ";
	let line = "- [ ] ";
	while (line.length < length) {
		line += unit;
	}
	return `#gopherchina\n\n${line.slice(0, length)}\n`;
}

/** A list nested 500 deep, a task at every level. */
export function deepList(depth = 500): string {
	const lines = ["#gopherchina", ""];
	for (let i = 0; i < depth; i++) {
		lines.push(`${"  ".repeat(i)}- [ ] level ${i}`);
	}
	return `${lines.join("\n")}\n`;
}

/** Every hostile note: the kept ones and the generated ones, as vault path → text. */
export function hostileVault(): Record<string, string> {
	const files: Record<string, string> = {};
	for (const [path, text] of Object.entries(readVaultFolder(HOSTILE_FOLDER))) {
		if (path.endsWith(".md") && path !== "README.md") {
			files[`hostile/${path}`] = text;
		}
	}
	files["hostile/generated/huge-5mb.md"] = hugeNote();
	files["hostile/generated/long-line.md"] = longLine();
	files["hostile/generated/nested-500.md"] = deepList();
	return files;
}

/** Bytes of a text in UTF-8 (no TextEncoder in every test environment). */
function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? 2 : 3;
	}
	return bytes;
}
