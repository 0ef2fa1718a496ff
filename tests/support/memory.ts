import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";

/**
 * The heap still held, after a full collection, by what `make` returns (kept alive until measured).
 * For tests that check the model keeps no note's text alive.
 */
export function heapHeldBy(make: () => unknown[]): { kept: unknown[]; bytes: number } {
	setFlagsFromString("--expose-gc");
	const collect = runInNewContext("gc") as () => void;
	collect();
	const before = process.memoryUsage().heapUsed;
	const kept = make();
	collect();
	return { kept, bytes: process.memoryUsage().heapUsed - before };
}
