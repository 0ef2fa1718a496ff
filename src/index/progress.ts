import type { NoteRecord, Progress } from "../model/types";
import { yearKeyOf } from "../model/years";

/** Keys and their counts in one list: key, open, done, key, open, done… */
type Tally<K> = ReadonlyArray<K | number>;

/**
 * Contributions of one note, kept so that they can be taken back when the note changes: flat lists
 * rather than a map per note, as thousands of notes keep theirs.
 */
interface NoteTally {
	byYear: Tally<number | null>;
	bySession: Tally<string>;
	/** Per talk key (or `""` for none) and the note's year key, joined by `PLACE_SEPARATOR`. */
	byPlace: Tally<string>;
}

/** Joins a talk key and a note's year key into one key of `places()`. */
export const PLACE_SEPARATOR = "\u0000";

function bump(map: Map<string | number | null, Progress>, key: string | number | null, open: boolean): void {
	let progress = map.get(key);
	if (!progress) {
		progress = { open: 0, done: 0 };
		map.set(key, progress);
	}
	if (open) {
		progress.open++;
	} else {
		progress.done++;
	}
}

/**
 * Open and finished study items overall, per note, per year and per session key. Updating a note
 * costs as much as that note's items, whatever the size of the vault. Totals per note come from the
 * note's counts (no parse); the tallies per year and talk need the parsed items and are set apart.
 */
export class ProgressTable {
	readonly total: Progress = { open: 0, done: 0 };
	private readonly counts = new Map<string, Progress>();
	private readonly tallies = new Map<string, NoteTally>();
	private readonly byYear = new Map<number | null, Progress>();
	private readonly bySessionKey = new Map<string, Progress>();
	private readonly byPlace = new Map<string, Progress>();

	/** The note's totals: cheap, kept up to date on every change. */
	setCounts(path: string, record: NoteRecord | null): void {
		const previous = this.counts.get(path);
		if (previous) {
			this.total.open -= previous.open;
			this.total.done -= previous.done;
			this.counts.delete(path);
		}
		if (record) {
			this.total.open += record.counts.open;
			this.total.done += record.counts.done;
			this.counts.set(path, record.counts);
		}
	}

	/** The note's tallies per year and per talk: they read the parsed study items. */
	setDetail(path: string, record: NoteRecord | null): void {
		const previous = this.tallies.get(path);
		if (previous) {
			this.apply(previous, -1);
			this.tallies.delete(path);
		}
		if (record) {
			const tally = tallyOf(record);
			this.apply(tally, 1);
			this.tallies.set(path, tally);
		}
	}

	note(path: string): Progress {
		return { ...(this.counts.get(path) ?? { open: 0, done: 0 }) };
	}

	year(year: number | null): Progress {
		return { ...(this.byYear.get(year) ?? { open: 0, done: 0 }) };
	}

	years(): Map<number | null, Progress> {
		return new Map([...this.byYear].map(([year, progress]) => [year, { ...progress }]));
	}

	/** Progress per raw session key (a PDF key or a `code:` key); the index merges them per session. */
	sessionKeys(): ReadonlyMap<string, Progress> {
		return this.bySessionKey;
	}

	/**
	 * Progress per talk key and note year (`key \0 2023`; `\0 2023` for items tied to nothing): few
	 * entries, so the index can place them in their talk's year, else their note's, at query time.
	 */
	places(): ReadonlyMap<string, Progress> {
		return this.byPlace;
	}

	/** The places of one note's items (empty until its items have been read). */
	notePlaces(path: string): Iterable<string> {
		const places = this.tallies.get(path)?.byPlace ?? [];
		const keys: string[] = [];
		for (let i = 0; i < places.length; i += 3) {
			keys.push(places[i] as string);
		}
		return keys;
	}

	private apply(tally: NoteTally, sign: 1 | -1): void {
		merge(this.byYear, tally.byYear, sign);
		merge(this.bySessionKey, tally.bySession, sign);
		merge(this.byPlace, tally.byPlace, sign);
	}
}

function merge<K>(into: Map<K, Progress>, from: Tally<K>, sign: 1 | -1): void {
	for (let i = 0; i < from.length; i += 3) {
		const key = from[i] as K;
		const target = into.get(key) ?? { open: 0, done: 0 };
		target.open += sign * (from[i + 1] as number);
		target.done += sign * (from[i + 2] as number);
		if (target.open === 0 && target.done === 0) {
			into.delete(key);
		} else {
			into.set(key, target);
		}
	}
}

function tallyOf(record: NoteRecord): NoteTally {
	const byYear = new Map<number | null, Progress>();
	const bySession = new Map<string, Progress>();
	const byTalk = new Map<string, Progress>();
	const noteYear = yearKeyOf(record.year, record.edition);
	const yearOfKey = new Map<string, number | null>();
	for (const ref of record.sessions) {
		if (!yearOfKey.has(ref.key)) {
			yearOfKey.set(ref.key, ref.year);
		}
	}
	record.eachItem((open, sessionKey) => {
		const year = sessionKey !== null && yearOfKey.has(sessionKey) ? (yearOfKey.get(sessionKey) ?? null) : record.year;
		bump(byYear, year, open);
		if (sessionKey !== null) {
			bump(bySession, sessionKey, open);
		}
		bump(byTalk, sessionKey ?? "", open);
	});
	// The note's year is the same for all its items: the place keys are made once per talk.
	return { byYear: flat(byYear, (year) => year), bySession: flat(bySession, (key) => key), byPlace: flat(byTalk, (key) => `${key}${PLACE_SEPARATOR}${noteYear}`) };
}

function flat<K, T>(map: ReadonlyMap<K, Progress>, keyOf: (key: K) => T): Tally<T> {
	const tally = new Array<T | number>(3 * map.size);
	let i = 0;
	for (const [key, progress] of map) {
		tally[i++] = keyOf(key);
		tally[i++] = progress.open;
		tally[i++] = progress.done;
	}
	return tally;
}
