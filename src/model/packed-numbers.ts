/**
 * A list of whole numbers from -1 up, kept for as long as a note is indexed in as little memory as
 * V8 allows. When every number is below 65,535, the list is a string whose UTF-16 units are the
 * numbers plus one: V8 keeps a string in one byte a unit when every unit is below 256 and in two
 * otherwise, behind a header of 16 bytes or so. A typed array, by comparison, costs about 180 bytes
 * besides its numbers (the array, its buffer and the buffer's store), which for a note's few dozen
 * numbers is more than the numbers. Larger numbers are kept in an `Int32Array`.
 */
export type PackedNumbers = string | Int32Array;

/** Units handed to `String.fromCharCode` at a time (its arguments are bounded). */
const CHUNK = 4_096;

export function packNumbers(values: readonly number[]): PackedNumbers {
	const units = new Array<number>(values.length);
	for (let i = 0; i < values.length; i++) {
		const value = values[i] as number;
		if (value < -1 || value >= 0xffff) {
			return Int32Array.from(values);
		}
		units[i] = value + 1;
	}
	let packed = "";
	for (let from = 0; from < units.length; from += CHUNK) {
		packed += String.fromCharCode(...units.slice(from, from + CHUNK));
	}
	return packed;
}

/** Number `i` of a packed list. */
export function numberAt(numbers: PackedNumbers, i: number): number {
	return typeof numbers === "string" ? numbers.charCodeAt(i) - 1 : (numbers[i] as number);
}
