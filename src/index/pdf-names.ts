import { add, drop, has, type OneOrMore, valuesOf } from "./set-map";

/**
 * Session keys and vault PDF files by lower-case file name: how a web PDF finds its copies in the
 * vault and a vault PDF the web PDF it copies. Web and vault keys are kept apart, and the answers
 * that would need a sort are kept until the name changes, so that a name shared by thousands of
 * links (`slides.pdf`) costs each question one look-up, not a pass over all of them.
 */
export class PdfNames {
	private readonly remoteKeys = new Map<string, OneOrMore>();
	private readonly vaultKeys = new Map<string, OneOrMore>();
	/** The first web key of each name in sort order, once asked. */
	private readonly firstRemote = new Map<string, string | null>();
	private readonly files = new Map<string, OneOrMore>();
	/** The vault PDFs of each name, sorted, once asked. */
	private readonly sortedFiles = new Map<string, string[]>();

	addKey(name: string, key: string): void {
		if (isVaultKey(key)) {
			add(this.vaultKeys, name, key);
		} else {
			add(this.remoteKeys, name, key);
			this.firstRemote.delete(name);
		}
	}

	dropKey(name: string, key: string): void {
		if (isVaultKey(key)) {
			drop(this.vaultKeys, name, key);
		} else {
			drop(this.remoteKeys, name, key);
			this.firstRemote.delete(name);
		}
	}

	/** True when some link names a PDF of this name: a vault PDF of the name is then a talk's copy. */
	hasKeys(name: string): boolean {
		return this.remoteKeys.has(name) || this.vaultKeys.has(name);
	}

	/** Every key of a name: web keys, then vault keys. */
	*keys(name: string): Generator<string> {
		yield* valuesOf(this.remoteKeys.get(name));
		yield* valuesOf(this.vaultKeys.get(name));
	}

	/** The vault keys of a name, in the order they came. */
	vaultKeysNamed(name: string): Iterable<string> {
		return valuesOf(this.vaultKeys.get(name));
	}

	/** The first web key of a name in sort order, or null. */
	firstRemoteKey(name: string): string | null {
		let first = this.firstRemote.get(name);
		if (first === undefined) {
			first = null;
			for (const key of valuesOf(this.remoteKeys.get(name))) {
				if (first === null || key < first) {
					first = key;
				}
			}
			this.firstRemote.set(name, first);
		}
		return first;
	}

	addFile(name: string, path: string): void {
		add(this.files, name, path);
		this.sortedFiles.delete(name);
	}

	removeFile(name: string, path: string): void {
		drop(this.files, name, path);
		this.sortedFiles.delete(name);
	}

	hasFiles(name: string): boolean {
		return this.files.has(name);
	}

	hasFile(name: string, path: string): boolean {
		return has(this.files.get(name), path);
	}

	/** Every vault PDF, by path. */
	*allFiles(): Generator<string> {
		for (const paths of this.files.values()) {
			yield* valuesOf(paths);
		}
	}

	/** Forgets every vault PDF (the links stay). */
	clearFiles(): void {
		this.files.clear();
		this.sortedFiles.clear();
	}

	/** The vault PDFs of a name, sorted (a name no vault PDF has is not remembered). */
	filesNamed(name: string): readonly string[] {
		if (!this.files.has(name)) {
			return NO_FILES;
		}
		let sorted = this.sortedFiles.get(name);
		if (sorted === undefined) {
			sorted = [...valuesOf(this.files.get(name))].sort();
			this.sortedFiles.set(name, sorted);
		}
		return sorted;
	}
}

const NO_FILES: readonly string[] = Object.freeze([]);

function isVaultKey(key: string): boolean {
	return key.startsWith("vault:");
}
