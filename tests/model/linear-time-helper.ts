/**
 * Checks that a function's cost grows linearly with its input: it is timed on an input of 10,000
 * and one of 100,000 characters (or items), and may cost at most about 15 times more on the larger.
 * A quadratic scanner costs about 100 times more. No absolute time is ever asserted, so a slow or
 * busy machine does not fail the check; a slow hiccup is measured again before anything fails.
 *
 *     expectLinear("findPdfUrls on a run of dots", (n) => "http://h/" + repeatTo(".", n), findPdfUrls);
 */

import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";

export interface LinearOptions {
	/** Size of the smaller input (default 10,000). */
	small?: number;
	/** Size of the larger input (default 100,000). */
	large?: number;
	/** The most the larger input may cost, as a multiple of the smaller (default 15). */
	maxRatio?: number;
}

export interface Growth {
	/** Milliseconds per call on each input: the fastest of a few timed samples. */
	small: number;
	large: number;
	ratio: number;
}

/** `unit` repeated and cut to exactly `length` characters. */
export function repeatTo(unit: string, length: number): string {
	return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** One sample should last at least this long, so that the timer's grain does not matter. */
const SAMPLE_MS = 10;
const SAMPLES = 7;
const ATTEMPTS = 3;

/** Results are kept here, so that no call can be optimized away. */
let sink: unknown = null;

/** A full collection, where it can be had (for the samples measured again). */
const collect: (() => void) | null = (() => {
	try {
		setFlagsFromString("--expose-gc");
		return runInNewContext("gc") as () => void;
	} catch {
		return null;
	}
})();

/**
 * Milliseconds of CPU per call. CPU time, not the clock: on a busy machine the clock also counts the
 * time other processes had the core, and a long sample is interrupted more often than a short one.
 */
function sample<T>(fn: (input: T) => unknown, input: T, calls: number, clean: boolean): number {
	if (clean) {
		sink = null;
		collect?.();
	}
	const start = process.cpuUsage();
	for (let call = 0; call < calls; call++) {
		sink = fn(input);
	}
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000 / calls;
}

/**
 * Times `fn` on both inputs, after a warm-up on the smaller one; the fastest sample counts. The
 * smaller input is called ten times as often per sample as the larger, so that for linear code both
 * samples last as long and suffer the same interruptions (a long sample is interrupted more often
 * than a short one, which alone would make the larger input look slower). Stops timing the larger
 * input as soon as it is plainly beyond `giveUpRatio`: a quadratic scanner need not be timed again.
 */
export function measureGrowth<T>(small: T, large: T, fn: (input: T) => unknown, giveUpRatio = Number.POSITIVE_INFINITY, clean = false): Growth {
	// Warm up on the smaller input, and learn how long one call takes (on the clock: finer grained).
	const warmUntil = performance.now() + 20;
	let single = Number.POSITIVE_INFINITY;
	do {
		const start = performance.now();
		sink = fn(small);
		single = Math.min(single, performance.now() - start);
	} while (performance.now() < warmUntil);
	const smallCalls = Math.max(1, Math.min(100_000, Math.ceil(SAMPLE_MS / Math.max(single, 0.0001))));
	const largeCalls = Math.max(1, Math.round(smallCalls / 10));
	let smallTime = Number.POSITIVE_INFINITY;
	let largeTime = Number.POSITIVE_INFINITY;
	for (let round = 0; round < SAMPLES; round++) {
		smallTime = Math.min(smallTime, sample(fn, small, smallCalls, clean));
		largeTime = Math.min(largeTime, sample(fn, large, largeCalls, clean));
		// A growth far over the limit stops the sampling (a quadratic scan takes seconds), but only once
		// two samples agree: one pause of the machine must not decide alone.
		if (round >= 1 && largeTime > giveUpRatio * smallTime) {
			break;
		}
	}
	void sink;
	return { small: smallTime, large: largeTime, ratio: largeTime / smallTime };
}

/**
 * Fails when `fn` costs more than `maxRatio` times as much on an input ten times as large. A ratio
 * above the limit is measured again (up to three times in all, each sample then after a full
 * collection) before it fails, unless it is so far above that no hiccup explains it.
 */
export function expectLinear<T>(name: string, makeInput: (size: number) => T, fn: (input: T) => unknown, options: LinearOptions = {}): Growth {
	const maxRatio = options.maxRatio ?? 15;
	const small = makeInput(options.small ?? 10_000);
	const large = makeInput(options.large ?? 100_000);
	let growth = measureGrowth(small, large, fn, 4 * maxRatio);
	for (let attempt = 1; attempt < ATTEMPTS && growth.ratio > maxRatio && growth.ratio < 4 * maxRatio; attempt++) {
		// Measured again with a full collection before each sample: a function that returns many
		// objects promotes them on the larger input, and the collections that follow (whose cost is the
		// heap's, not the input's) fall on its samples.
		const again = measureGrowth(small, large, fn, 4 * maxRatio, true);
		growth = again.ratio < growth.ratio ? again : growth;
	}
	if (growth.ratio > maxRatio) {
		throw new Error(
			`${name}: not linear. ${growth.small.toFixed(3)} ms on the smaller input, ${growth.large.toFixed(3)} ms on the ` +
				`larger (${growth.ratio.toFixed(1)}×, at most ${maxRatio}× allowed)`,
		);
	}
	return growth;
}
