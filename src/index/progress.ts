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
	/**
	 * Per talk key (or `""` for none), all in the note's year key `noteYear`; its entries but `""` are
	 * the note's tally per session key too.
	 */
	byTalk: Tally<string>;
	noteYear: string;
}

/**
 * Progress by talk key and note year key: few talks per note, so the index can place each in its
 * talk's year, else its note's, at query time. Kept as a map per talk, so that no key joining the
 * two is made (and kept) per note.
 */
type PlaceTable = Map<string, Map<string, Progress>>;

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
	private readonly byPlace: PlaceTable = new Map();

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
	 * Progress per talk key (`""` for items tied to nothing) and note year key, each pair once: the
	 * index places them in their talk's year, else their note's, at query time.
	 */
	forEachPlace(visit: (talkKey: string, noteYear: string, progress: Progress) => void): void {
		for (const [talkKey, years] of this.byPlace) {
			for (const [noteYear, progress] of years) {
				visit(talkKey, noteYear, progress);
			}
		}
	}

	/** The talk keys of one note's items (empty until its items have been read), and its year key. */
	notePlaces(path: string): { talkKeys: string[]; noteYear: string } | null {
		const tally = this.tallies.get(path);
		if (tally === undefined) {
			return null;
		}
		const talkKeys: string[] = [];
		for (let i = 0; i < tally.byTalk.length; i += 3) {
			talkKeys.push(tally.byTalk[i] as string);
		}
		return { talkKeys, noteYear: tally.noteYear };
	}

	private apply(tally: NoteTally, sign: 1 | -1): void {
		merge(this.byYear, tally.byYear, sign);
		for (let i = 0; i < tally.byTalk.length; i += 3) {
			const talkKey = tally.byTalk[i] as string;
			const open = sign * (tally.byTalk[i + 1] as number);
			const done = sign * (tally.byTalk[i + 2] as number);
			if (talkKey !== "") {
				add(this.bySessionKey, talkKey, open, done);
			}
			let years = this.byPlace.get(talkKey);
			if (years === undefined) {
				years = new Map();
				this.byPlace.set(talkKey, years);
			}
			add(years, tally.noteYear, open, done);
			if (years.size === 0) {
				this.byPlace.delete(talkKey);
			}
		}
	}
}

function merge<K>(into: Map<K, Progress>, from: Tally<K>, sign: 1 | -1): void {
	for (let i = 0; i < from.length; i += 3) {
		add(into, from[i] as K, sign * (from[i + 1] as number), sign * (from[i + 2] as number));
	}
}

/** Adds counts to a key's progress; a key left at nothing is dropped. */
function add<K>(into: Map<K, Progress>, key: K, open: number, done: number): void {
	const target = into.get(key) ?? { open: 0, done: 0 };
	target.open += open;
	target.done += done;
	if (target.open === 0 && target.done === 0) {
		into.delete(key);
	} else {
		into.set(key, target);
	}
}

function tallyOf(record: NoteRecord): NoteTally {
	const byYear = new Map<number | null, Progress>();
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
		bump(byTalk, sessionKey ?? "", open);
	});
	return { byYear: flat(byYear), byTalk: flat(byTalk), noteYear };
}

function flat<K>(map: ReadonlyMap<K, Progress>): Tally<K> {
	const tally = new Array<K | number>(3 * map.size);
	let i = 0;
	for (const [key, progress] of map) {
		tally[i++] = key;
		tally[i++] = progress.open;
		tally[i++] = progress.done;
	}
	return tally;
}
