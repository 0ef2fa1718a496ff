/**
 * Maps to sets of strings, for indexes that list several values under one key. Most keys list one
 * value, which is then kept as it is: a set is made only for a second value.
 */
export type OneOrMore = string | Set<string>;

export function add<K>(map: Map<K, OneOrMore>, key: K, value: string): void {
	const known = map.get(key);
	if (known === undefined) {
		map.set(key, value);
	} else if (typeof known === "string") {
		if (known !== value) {
			map.set(key, new Set([known, value]));
		}
	} else {
		known.add(value);
	}
}

export function drop<K>(map: Map<K, OneOrMore>, key: K, value: string): void {
	const known = map.get(key);
	if (known === undefined) {
		return;
	}
	if (typeof known === "string") {
		if (known === value) {
			map.delete(key);
		}
	} else {
		known.delete(value);
		if (known.size === 0) {
			map.delete(key);
		}
	}
}

/** The values listed under a key, in the order they came. */
export function valuesOf(values: OneOrMore | undefined): Iterable<string> {
	return values === undefined ? [] : typeof values === "string" ? [values] : values;
}

export function has(values: OneOrMore | undefined, value: string): boolean {
	return values !== undefined && (typeof values === "string" ? values === value : values.has(value));
}
