import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";

/**
 * The memory still held, after a full collection, by what `make` returns (kept alive until measured):
 * used heap and the stores of typed arrays (V8 keeps all but the smallest outside the heap). For
 * tests that check the model keeps no note's text alive.
 */
export function heapHeldBy(make: () => unknown[]): { kept: unknown[]; bytes: number } {
	setFlagsFromString("--expose-gc");
	const collect = runInNewContext("gc") as () => void;
	collect();
	const before = heldNow();
	const kept = make();
	collect();
	return { kept, bytes: heldNow() - before };
}

function heldNow(): number {
	const { heapUsed, arrayBuffers } = process.memoryUsage();
	return heapUsed + arrayBuffers;
}
