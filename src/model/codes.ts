import { BoundedMemo } from "./memo";
import { isTrimmedSpace } from "./text";
import type { SessionCode } from "./types";

/**
 * A talk number at the start of a title: `1.1.1`, `2.3`, `1-2`, optionally glued to the title
 * (`1.1.3Operator Pattern`) or followed by a separator (`1.1.1 - Title`, `1.1.1：标题`).
 * The numbers are small (day, track, slot), which keeps years and versions (`2023 …`, `Go 1.21`) out.
 */
const LEADING_CODE = /^\s*(\d{1,2}(?:[.-]\d{1,2}){1,2})(?![\d.-]?\d)(?:\s*[-–—_:：、.)]\s*|\s*)/u;

export interface CodeSplit {
	code: SessionCode | null;
	/** The text after the code and its separator, trimmed. */
	rest: string;
}

export function parseCode(code: string): SessionCode {
	const parts: number[] = [];
	let value = 0;
	for (let i = 0; i < code.length; i++) {
		const digit = code.charCodeAt(i) - 48;
		if (digit >= 0 && digit <= 9) {
			value = value * 10 + digit;
		} else {
			parts.push(value);
			value = 0;
		}
	}
	parts.push(value);
	const id = parts.join(".");
	if (parts.length >= 3) {
		return { code, parts, id, day: parts[0] ?? 0, track: parts[1] ?? null, slot: parts[2] ?? 0 };
	}
	return { code, parts, id, day: parts[0] ?? 0, track: null, slot: parts[1] ?? 0 };
}

/** The codes met so far, one frozen object per spelling, shared by every link and title that has it. */
const codes = new BoundedMemo<SessionCode>(2_000);

/** The code of a spelling such as `1.1.1`, shared and frozen: never change it. */
export function sharedCode(code: string): SessionCode {
	let shared = codes.get(code);
	if (shared === undefined) {
		const parsed = parseCode(code);
		Object.freeze(parsed.parts);
		shared = Object.freeze(parsed);
		codes.set(code, shared);
	}
	return shared;
}

/** Forgets the shared codes (benchmarks measure cold parses with it). */
export function clearSharedCodes(): void {
	codes.clear();
}

/**
 * Splits a leading talk number off a title. The code is shared (see `sharedCode`). A title that does
 * not start with a digit (after white space) has none, and is not matched against the pattern.
 */
export function splitCode(text: string): CodeSplit {
	let at = 0;
	while (at < text.length && isTrimmedSpace(text.charCodeAt(at))) {
		at++;
	}
	const first = text.charCodeAt(at);
	if (!(first >= 48 && first <= 57)) {
		return { code: null, rest: text.trim() };
	}
	const match = LEADING_CODE.exec(text);
	if (!match || match[1] === undefined) {
		return { code: null, rest: text.trim() };
	}
	return { code: sharedCode(match[1]), rest: text.slice(match[0].length).trim() };
}

/** Orders codes numerically, part by part: `1.9` before `1.10`, `1.2` before `1.2.1`. */
export function compareCodes(a: SessionCode | null, b: SessionCode | null): number {
	if (a === null || b === null) {
		return a === b ? 0 : a === null ? 1 : -1;
	}
	const length = Math.max(a.parts.length, b.parts.length);
	for (let i = 0; i < length; i++) {
		const difference = (a.parts[i] ?? -1) - (b.parts[i] ?? -1);
		if (difference !== 0) {
			return difference;
		}
	}
	return 0;
}
