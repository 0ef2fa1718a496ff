/**
 * A copy of `text` that keeps nothing else alive. A slice of a long string (a line of a note, a part
 * of a line) is, in V8, a view into the whole string it was cut from: kept in the model for as long
 * as the note is, it would keep the note's whole text in memory. Joining two pieces and reading a
 * character makes V8 lay the characters out afresh, and the text it was cut from can go. Short
 * strings are always copied, so they are returned as they are.
 */
export function ownCopy(text: string): string {
	if (text.length < 13) {
		return text;
	}
	const copy = text.slice(0, 1) + text.slice(1);
	copy.charCodeAt(copy.length - 1);
	return copy;
}
