/** Maps to sets, for indexes that list several values under one key. */

export function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
	const set = map.get(key);
	if (set) {
		set.add(value);
	} else {
		map.set(key, new Set([value]));
	}
}

export function drop<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
	const set = map.get(key);
	if (set) {
		set.delete(value);
		if (set.size === 0) {
			map.delete(key);
		}
	}
}
