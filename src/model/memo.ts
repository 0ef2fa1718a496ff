/**
 * Small tools for what the model keeps long after the text it was read from: strings of its own, and
 * memos that stay bounded however many notes come and go.
 */

/**
 * A copy of `text` that shares no memory with a longer string. In V8 a slice of 13 characters or more
 * is a view into the string it was cut from, so a link's address kept for as long as the note is
 * indexed would keep the whole note's text alive. A short string is a copy already.
 *
 * The copy is read back from JSON, the quickest of V8's ways to make a string anew (under 1 µs for a
 * web address): the same characters as one flat string, in one byte a character when every
 * character fits in one. A slice or a joined copy keeps the width of the string it came from, so a
 * web address cut from a note with Chinese in it would take twice the room it needs, and a copy made
 * by slicing is a view of 32 bytes into a copy one character longer. A text with a character JSON
 * must escape (a quote, a backslash, a control character) is copied by slicing.
 */
export function ownString(text: string): string {
	if (text.length < 13) {
		return text;
	}
	if (text.length <= LONGEST_JSON_COPY && !ESCAPED_IN_JSON.test(text)) {
		return JSON.parse(`"${text}"`) as string;
	}
	// A string as long as a string can be cannot be copied with one more character: it is its own.
	try {
		return ` ${text}`.slice(1);
	} catch {
		return text;
	}
}

/** The longest text `ownString` reads back from JSON (no line of a note comes near it). */
const LONGEST_JSON_COPY = 1 << 20;

/** What JSON cannot hold as it is in a string. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const ESCAPED_IN_JSON = /["\\\u0000-\u001f]/;

/**
 * A memo of at most about `2 × limit` entries: when the newer half is full it becomes the older half
 * and the old one is let go, so what is still asked for stays (an entry found in the older half moves
 * to the newer), and what no note names any more is forgotten within two turns.
 */
export class BoundedMemo<V> {
	private young = new Map<string, V>();
	private old = new Map<string, V>();

	constructor(private readonly limit: number) {}

	get(key: string): V | undefined {
		const found = this.young.get(key);
		if (found !== undefined || this.old.size === 0) {
			return found;
		}
		const older = this.old.get(key);
		if (older !== undefined) {
			this.set(key, older);
		}
		return older;
	}

	/** `key` must not be a slice of a longer text (see `ownString`): the memo keeps it. */
	set(key: string, value: V): void {
		if (this.young.size >= this.limit) {
			this.old = this.young;
			this.young = new Map();
		}
		this.young.set(key, value);
	}

	clear(): void {
		this.young.clear();
		this.old = new Map();
	}

	/** How many entries are kept (an entry in both halves counts twice). */
	get size(): number {
		return this.young.size + this.old.size;
	}
}

/** Lists handed out by `sharedList`, by their entries joined. */
const lists = new BoundedMemo<readonly string[]>(1_000);

/**
 * `list`, or an equal list handed out before: notes whose lists are the same (their tags, their
 * items' statuses and line starts) share one instead of keeping a copy each. `list` is kept as it is,
 * frozen: hand over a list at its size (see `trimmed`) that nothing else changes, of strings that pin
 * no note's text (see `ownString`).
 */
export function sharedList(list: readonly string[]): readonly string[] {
	if (list.length === 0) {
		return NO_STRINGS;
	}
	const key = list.length === 1 ? (list[0] as string) : list.join("\u0000");
	const known = lists.get(key);
	if (known !== undefined && sameEntries(known, list)) {
		return known;
	}
	const kept = Object.isFrozen(list) ? list : Object.freeze(list);
	if (known === undefined) {
		lists.set(ownString(key), kept);
	}
	return kept;
}

/** The key does not tell `["a", "b"]` from `["a\u0000b"]`; the entries do. */
function sameEntries(a: readonly string[], b: readonly string[]): boolean {
	if (a.length !== b.length) {
		return false;
	}
	for (let i = 0; i < a.length; i++) {
		if (a[i] !== b[i]) {
			return false;
		}
	}
	return true;
}

const NO_STRINGS: readonly string[] = Object.freeze([]);

/**
 * Sorts `list` in place by `compare`, stably, unless it is in order already: most lists the model
 * sorts (a note's links, a talk's mentions) come in order, and a sort would copy them for nothing.
 */
export function sortIfNeeded<T>(list: T[], compare: (a: T, b: T) => number): T[] {
	for (let i = 1; i < list.length; i++) {
		if (compare(list[i - 1] as T, list[i] as T) > 0) {
			return list.sort(compare);
		}
	}
	return list;
}

/**
 * `list` at its exact size. V8 gives an array that is pushed to room for half as many entries again
 * plus 16, so a list of two entries holds room for seventeen. A list the model keeps for as long as
 * its note is indexed (a talk's mentions, a note's links) is copied once it is complete, rather than
 * thousands of small lists each keeping room they will never use.
 */
export function trimmed<T>(list: T[]): T[] {
	return list.length === 0 ? [] : list.slice();
}

/**
 * A copy of `list` with `values` inserted at `at`, at its exact size (see `trimmed`): for short lists
 * that grow by a few entries at a time and are kept.
 */
export function insertedCopy<T>(list: readonly T[], at: number, ...values: T[]): T[] {
	const copy = new Array<T>(list.length + values.length);
	for (let i = 0; i < at; i++) {
		copy[i] = list[i] as T;
	}
	for (let i = 0; i < values.length; i++) {
		copy[at + i] = values[i] as T;
	}
	for (let i = at; i < list.length; i++) {
		copy[i + values.length] = list[i] as T;
	}
	return copy;
}
