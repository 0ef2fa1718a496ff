/** The talks a title token names, with the token's weight in each. */
export type TokenEntries = ReadonlyArray<{ candidate: number; weight: number }>;

/** A token shared by more talks than this is wide: it adds at most 1/17 to each of them. */
const WIDE = 16;
/**
 * Below this score a talk can change nothing `TitleWords.match` decides: it names a talk only at a
 * score of 1, and a runner-up counts only from half the best score on.
 */
const RELEVANT = 0.49;
/** Wide tokens are set aside while together they can add at most this much to any talk. */
const MAX_SPREAD = RELEVANT / 2;
/** Room for rounding: a partial sum plus the spread may come out a hair below the exact score. */
const ROUNDING = 1e-6;

/**
 * Scores talks for the title tokens a line holds: for each talk, the sum over the tokens (in the order
 * they were seen) of the token's weight divided by the number of talks that share it.
 *
 * Summing every entry of every token costs, per line, as many talks as share its words: a note with
 * thousands of talks whose titles share a word, and thousands of lines that use it, is quadratic. So
 * wide tokens (shared by many talks) are first set aside: they add little to each talk. A talk that
 * the other tokens leave so low that the wide ones cannot lift it to `RELEVANT` keeps that partial
 * score (still below `RELEVANT`, where nothing reads it); every other talk gets its exact score, summed
 * in the same order as before, so every score that can matter is the same to the last bit.
 */
export class TitleScores {
	/** For wide tokens, once asked: talk → weight. */
	private readonly weights = new Map<string, Map<number, number>>();

	constructor(private readonly tokens: ReadonlyMap<string, TokenEntries>) {}

	/** Scores by talk; exact for every score of `RELEVANT` or more. */
	of(seen: ReadonlySet<string>): Map<number, number> {
		let spread = 0;
		for (const token of seen) {
			const shared = this.entries(token).length;
			if (shared > WIDE) {
				spread += 1 / shared;
			}
		}
		if (spread === 0 || spread > MAX_SPREAD) {
			return this.exact(seen, null);
		}
		const scores = new Map<number, number>();
		for (const token of seen) {
			const entries = this.entries(token);
			if (entries.length <= WIDE) {
				for (const { candidate, weight } of entries) {
					scores.set(candidate, (scores.get(candidate) ?? 0) + weight / entries.length);
				}
			}
		}
		const relevant = new Set<number>();
		for (const [candidate, partial] of scores) {
			if (partial + spread >= RELEVANT - ROUNDING) {
				relevant.add(candidate);
			}
		}
		if (relevant.size > 0) {
			for (const [candidate, score] of this.exact(seen, relevant)) {
				scores.set(candidate, score);
			}
		}
		return scores;
	}

	/** Exact scores, summed token by token in the order seen: of every talk, or of `only`. */
	private exact(seen: ReadonlySet<string>, only: ReadonlySet<number> | null): Map<number, number> {
		const scores = new Map<number, number>();
		for (const token of seen) {
			const entries = this.entries(token);
			if (only !== null && only.size < entries.length) {
				const weights = this.weightsOf(token);
				for (const candidate of only) {
					const weight = weights.get(candidate);
					if (weight !== undefined) {
						scores.set(candidate, (scores.get(candidate) ?? 0) + weight / entries.length);
					}
				}
				continue;
			}
			for (const { candidate, weight } of entries) {
				if (only === null || only.has(candidate)) {
					scores.set(candidate, (scores.get(candidate) ?? 0) + weight / entries.length);
				}
			}
		}
		return scores;
	}

	private entries(token: string): TokenEntries {
		return this.tokens.get(token) ?? [];
	}

	private weightsOf(token: string): Map<number, number> {
		let weights = this.weights.get(token);
		if (weights === undefined) {
			weights = new Map(this.entries(token).map(({ candidate, weight }) => [candidate, weight]));
			this.weights.set(token, weights);
		}
		return weights;
	}
}
