/** The app's language as `getLanguage()` reports it; tests set it like a user's Obsidian setting. */
let language = "en";

export function setAppLanguage(next: string): void {
	language = next;
}

export function getLanguage(): string {
	return language;
}
