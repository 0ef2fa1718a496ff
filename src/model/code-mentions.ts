import { sharedCode } from "./codes";
import type { SessionCode } from "./types";

/** A talk number found somewhere in a line. */
export interface CodeMention {
	code: SessionCode;
	/** True when nothing but spaces stands before the code. */
	leading: boolean;
}

/** Words that make the number after them a version, not a talk: `Go 1.21`, `Kubernetes 1.2`. */
const VERSION_WORDS = new Set([
	"go", "golang", "version", "ver", "release", "rust", "java", "jdk", "python", "node", "nodejs", "kubernetes",
	"k8s", "linux", "kernel", "http", "tls", "grpc", "etcd", "redis", "mysql", "llvm", "gcc", "ios", "android",
	"istio", "envoy", "docker", "protobuf", "proto", "tcp", "ipv", "swift", "kotlin", "php", "ruby", "perl", "vue",
	"react", "angular", "ubuntu", "debian", "centos", "macos", "windows", "chrome", "firefox", "openssl", "oauth",
]);

/** Words after a number that make it a quantity: `2.1 倍`, `1.5 ms`, `1.2%`. */
const UNIT_WORDS = new Set([
	"ms", "s", "ns", "us", "µs", "x", "gb", "mb", "kb", "tb", "k", "m", "w", "qps", "tps", "rps", "sec", "secs",
	"min", "mins", "hour", "hours", "days", "times", "percent", "ghz", "mhz", "cores", "core",
]);
const UNIT_CHARS = "倍%％万亿个次秒元年月日号版岁天分条行页";

const MAX_LOOK = 16;

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

function isLatin(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isSeparator(c: number): boolean {
	return c === 46 || c === 45;
}

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 0x3000;
}

/**
 * Every talk number in a line: `1.3.1`, `(2.1.4)`, `（1.2.3）`, `第 1.1.2 场`, `2-3 讲`. One pass over the
 * line and a bounded look around each number: linear on hostile lines. Left out: numbers glued to a
 * word (`Go1.19`, `v1.2`), after a version word (`Go 1.13`, `版本 1.21`), before a unit (`2.1 倍`,
 * `1.5 ms`), dates and longer numbers (`2023-06-25`, `1.2.3.4`, `1.123`).
 */
export function findCodes(line: string): CodeMention[] {
	const found: CodeMention[] = [];
	let firstText = 0;
	while (firstText < line.length && isSpace(line.charCodeAt(firstText))) {
		firstText++;
	}
	let i = 0;
	while (i < line.length) {
		const c = line.charCodeAt(i);
		if (!isDigit(c)) {
			i++;
			continue;
		}
		let end = i;
		while (end < line.length && (isDigit(line.charCodeAt(end)) || isSeparator(line.charCodeAt(end)))) {
			end++;
		}
		const start = i;
		i = end;
		const before = start > 0 ? line.charCodeAt(start - 1) : 32;
		if (isLatin(before) || isDigit(before) || before === 46) {
			continue;
		}
		while (end > start && isSeparator(line.charCodeAt(end - 1))) {
			end--;
		}
		const text = line.slice(start, end);
		if (!isCodeShape(text)) {
			continue;
		}
		const leading = start === firstText;
		const after = end < line.length ? line.charCodeAt(end) : 32;
		if (!leading && isLatin(after)) {
			continue;
		}
		if (afterVersionWord(line, start) || (!leading && beforeUnit(line, end))) {
			continue;
		}
		found.push({ code: sharedCode(text), leading });
	}
	return found;
}

/** Two or three groups of one or two digits, each separated by one `.` or `-`. */
function isCodeShape(text: string): boolean {
	let groups = 1;
	let digits = 0;
	for (let i = 0; i < text.length; i++) {
		if (isDigit(text.charCodeAt(i))) {
			digits++;
			if (digits > 2) {
				return false;
			}
		} else {
			if (digits === 0) {
				return false;
			}
			groups++;
			digits = 0;
		}
	}
	return digits > 0 && groups >= 2 && groups <= 3;
}

function afterVersionWord(line: string, start: number): boolean {
	let p = start;
	while (p > 0 && start - p < 4 && isSpace(line.charCodeAt(p - 1))) {
		p--;
	}
	if (p >= 2 && line.slice(p - 2, p) === "版本") {
		return true;
	}
	let q = p;
	while (q > 0 && p - q < MAX_LOOK && (isLatin(line.charCodeAt(q - 1)) || isDigit(line.charCodeAt(q - 1)))) {
		q--;
	}
	return q < p && VERSION_WORDS.has(line.slice(q, p).toLowerCase());
}

function beforeUnit(line: string, end: number): boolean {
	let p = end;
	while (p < line.length && p - end < 4 && isSpace(line.charCodeAt(p))) {
		p++;
	}
	if (p < line.length && UNIT_CHARS.includes(line.charAt(p))) {
		return true;
	}
	let q = p;
	while (q < line.length && q - p < MAX_LOOK && isLatin(line.charCodeAt(q))) {
		q++;
	}
	return q > p && UNIT_WORDS.has(line.slice(p, q).toLowerCase());
}
