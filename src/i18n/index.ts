import { getLanguage } from "obsidian";
import { en, type MessageKey } from "./en";
import { zh } from "./zh";

export type { MessageKey };
export type Language = "en" | "zh";

const messages: Record<Language, Partial<Record<MessageKey, string>>> = { en, zh };
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
	return fill(messages[currentLanguage()][key] ?? en[key], values);
}

function fill(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The messages with plural forms: `count.talks` for `count.talks.one` and `count.talks.other`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

const pluralRules = new Map<Language, Intl.PluralRules>();

/**
 * A counted message in the form the language uses for `count` (`Intl.PluralRules`: English has
 * one and other, Chinese only other). `{count}` is filled in, with any other values.
 */
export function plural(key: PluralKey, count: number, values: Record<string, string | number> = {}): string {
	const language = currentLanguage();
	let rules = pluralRules.get(language);
	if (rules === undefined) {
		rules = new Intl.PluralRules(language);
		pluralRules.set(language, rules);
	}
	const form = `${key}.${rules.select(count)}` as MessageKey;
	const table = messages[language];
	const template = table[form] ?? table[`${key}.other` as MessageKey] ?? en[`${key}.other` as MessageKey];
	return fill(template, { count, ...values });
}

/** An edition's name in the language in use (`shanghai` → Shanghai, 上海); an unknown one as written. */
export function editionName(edition: string): string {
	const key = `edition.${edition.toLowerCase().replace(/[^a-z]/g, "")}`;
	if (key in en) {
		return t(key as MessageKey);
	}
	return /^[a-z]/.test(edition) ? `${edition.charAt(0).toUpperCase()}${edition.slice(1)}` : edition;
}
