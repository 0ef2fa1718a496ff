import { getLanguage } from "obsidian";
import { en, type MessageKey } from "./en";
import { zh } from "./zh";

export type { MessageKey };
export type Language = "en" | "zh";

const messages: Record<Language, Record<MessageKey, string>> = { en, zh };
let override: Language | null = null;

/** Forces a language (the settings' override); null follows Obsidian's language. */
export function setLanguage(language: Language | null): void {
	override = language;
}

/** The language in use: the override, else Obsidian's (`zh`, `zh-TW` → Chinese), else English. */
export function currentLanguage(): Language {
	if (override !== null) {
		return override;
	}
	let app = "en";
	try {
		app = getLanguage();
	} catch {
		// Older apps have no getLanguage(): English.
	}
	return app.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** A translated string, with `{name}` placeholders filled in. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
	const template = messages[currentLanguage()][key] ?? en[key];
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
