import { type Plugin, PluginSettingTab, Setting, type SettingDefinitionItem } from "obsidian";
import { t, type MessageKey } from "./i18n";

export type GroupStudyBy = "note" | "session";
export type LanguageSetting = "auto" | "en" | "zh";

export interface DashboardSettings {
	/** Notes with one of these tags (or a tag nested below one) are read. */
	trackedTags: string[];
	/** Where downloaded PDFs go; `{year}` becomes the talk's year. */
	downloadFolder: string;
	/** Where a talk's note is started; `{year}` becomes the talk's year. */
	noteFolder: string;
	/** A note whose text starts each talk's note (`{{code}}`, `{{title}}`… filled in); empty: the built-in one. */
	noteTemplate: string;
	/** List done and cancelled study items, and answered questions. */
	showCompleted: boolean;
	/** Find questions by the words they ask with, and inside lines; off: only callouts and `?`/`？`. */
	questionsWithoutMark: boolean;
	/** Append ` ✅ YYYY-MM-DD` to items checked off in the dashboard. */
	completionDate: boolean;
	openOnStartup: boolean;
	groupStudyBy: GroupStudyBy;
	language: LanguageSetting;
}

export const DEFAULT_SETTINGS: DashboardSettings = {
	trackedTags: ["gopherchina"],
	downloadFolder: "GopherChina/{year}",
	noteFolder: "GopherChina/{year}",
	noteTemplate: "",
	showCompleted: false,
	questionsWithoutMark: true,
	completionDate: false,
	openOnStartup: false,
	groupStudyBy: "note",
	language: "auto",
};

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
	return typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function bool(value: unknown, fallback: boolean): boolean {
	return typeof value === "boolean" ? value : fallback;
}

/** Settings as stored, repaired: unknown or broken values fall back to the defaults. */
export function normalizeSettings(stored: unknown): DashboardSettings {
	const data = (stored !== null && typeof stored === "object" ? stored : {}) as Partial<Record<keyof DashboardSettings, unknown>>;
	const tags = Array.isArray(data.trackedTags) ? data.trackedTags.filter((tag): tag is string => typeof tag === "string" && tag.trim() !== "") : [];
	const folder = typeof data.downloadFolder === "string" ? cleanFolder(data.downloadFolder) : "";
	const noteFolder = typeof data.noteFolder === "string" ? cleanFolder(data.noteFolder) : "";
	return {
		trackedTags: tags.length > 0 ? tags : [...DEFAULT_SETTINGS.trackedTags],
		downloadFolder: folder !== "" ? folder : DEFAULT_SETTINGS.downloadFolder,
		noteFolder: noteFolder !== "" ? noteFolder : DEFAULT_SETTINGS.noteFolder,
		noteTemplate: typeof data.noteTemplate === "string" ? cleanFolder(data.noteTemplate) : DEFAULT_SETTINGS.noteTemplate,
		showCompleted: bool(data.showCompleted, DEFAULT_SETTINGS.showCompleted),
		questionsWithoutMark: bool(data.questionsWithoutMark, DEFAULT_SETTINGS.questionsWithoutMark),
		completionDate: bool(data.completionDate, DEFAULT_SETTINGS.completionDate),
		openOnStartup: bool(data.openOnStartup, DEFAULT_SETTINGS.openOnStartup),
		groupStudyBy: oneOf(data.groupStudyBy, ["note", "session"], DEFAULT_SETTINGS.groupStudyBy),
		language: oneOf(data.language, ["auto", "en", "zh"], DEFAULT_SETTINGS.language),
	};
}

/** A vault folder as typed: slashes trimmed, `..` and empty segments dropped. */
export function cleanFolder(value: string): string {
	return value
		.split(/[\\/]+/)
		.map((segment) => segment.trim())
		.filter((segment) => segment !== "" && segment !== "." && segment !== "..")
		.join("/");
}

/** Splits the tracked-tags field: commas, spaces or new lines, with or without `#`. */
export function parseTagList(value: string): string[] {
	return value
		.split(/[\s,，]+/)
		.map((tag) => tag.trim().replace(/^#+/, ""))
		.filter((tag) => tag !== "");
}

/** What the settings tab needs from the plugin. */
export interface SettingsHost {
	options: DashboardSettings;
	saveOptions(): Promise<void>;
}

type Field =
	| { key: "trackedTags" | "downloadFolder" | "noteFolder" | "noteTemplate"; kind: "text"; placeholder: string }
	| { key: "showCompleted" | "questionsWithoutMark" | "completionDate" | "openOnStartup"; kind: "toggle" }
	| { key: "groupStudyBy" | "language"; kind: "dropdown"; options: () => Record<string, string> };

const FIELDS: Field[] = [
	{ key: "trackedTags", kind: "text", placeholder: "#gopherchina" },
	{ key: "downloadFolder", kind: "text", placeholder: DEFAULT_SETTINGS.downloadFolder },
	{ key: "noteFolder", kind: "text", placeholder: DEFAULT_SETTINGS.noteFolder },
	{ key: "noteTemplate", kind: "text", placeholder: "Templates/GopherChina talk" },
	{ key: "showCompleted", kind: "toggle" },
	{ key: "questionsWithoutMark", kind: "toggle" },
	{ key: "completionDate", kind: "toggle" },
	{ key: "openOnStartup", kind: "toggle" },
	{ key: "groupStudyBy", kind: "dropdown", options: () => ({ note: t("settings.groupStudyBy.note"), session: t("settings.groupStudyBy.session") }) },
	{ key: "language", kind: "dropdown", options: () => ({ auto: t("settings.language.auto"), en: "English", zh: "简体中文" }) },
];

function fieldName(field: Field): string {
	return t(`settings.${field.key}.name` as MessageKey);
}

function fieldDesc(field: Field): string {
	return t(`settings.${field.key}.desc` as MessageKey);
}

/** The value a control shows. */
export function readSetting(settings: DashboardSettings, key: keyof DashboardSettings): string | boolean {
	const value = settings[key];
	return Array.isArray(value) ? value.join(", ") : value;
}

/** Writes a control's value into the settings, repaired. Returns false for an unknown key. */
export function writeSetting(settings: DashboardSettings, key: string, value: unknown): boolean {
	const field = FIELDS.find((entry) => entry.key === key);
	if (!field) {
		return false;
	}
	if (field.key === "trackedTags") {
		const tags = parseTagList(String(value));
		settings.trackedTags = tags.length > 0 ? tags : [...DEFAULT_SETTINGS.trackedTags];
	} else if (field.key === "downloadFolder") {
		settings.downloadFolder = cleanFolder(String(value)) || DEFAULT_SETTINGS.downloadFolder;
	} else if (field.key === "noteFolder") {
		settings.noteFolder = cleanFolder(String(value)) || DEFAULT_SETTINGS.noteFolder;
	} else if (field.key === "noteTemplate") {
		settings.noteTemplate = cleanFolder(String(value));
	} else if (field.kind === "toggle") {
		settings[field.key] = value === true;
	} else if (field.key === "groupStudyBy") {
		settings.groupStudyBy = oneOf(value, ["note", "session"], settings.groupStudyBy);
	} else {
		settings.language = oneOf(value, ["auto", "en", "zh"], settings.language);
	}
	return true;
}

export class DashboardSettingTab extends PluginSettingTab {
	constructor(private readonly host: Plugin & SettingsHost) {
		super(host.app, host);
	}

	/** Obsidian 1.13 and later render these, and find them in the settings search. */
	override getSettingDefinitions(): SettingDefinitionItem[] {
		return FIELDS.map((field): SettingDefinitionItem => {
			const base = { name: fieldName(field), desc: fieldDesc(field) };
			switch (field.kind) {
				case "text":
					return { ...base, control: { type: "text", key: field.key, placeholder: field.placeholder } };
				case "toggle":
					return { ...base, control: { type: "toggle", key: field.key } };
				default:
					return { ...base, control: { type: "dropdown", key: field.key, options: field.options() } };
			}
		});
	}

	override getControlValue(key: string): unknown {
		return key in this.host.options ? readSetting(this.host.options, key as keyof DashboardSettings) : undefined;
	}

	override async setControlValue(key: string, value: unknown): Promise<void> {
		if (writeSetting(this.host.options, key, value)) {
			await this.host.saveOptions();
		}
	}

	/** Older apps render the tab here. */
	override display(): void {
		this.render();
	}

	private render(): void {
		const { containerEl } = this;
		containerEl.empty();
		for (const field of FIELDS) {
			const setting = new Setting(containerEl).setName(fieldName(field)).setDesc(fieldDesc(field));
			const value = readSetting(this.host.options, field.key);
			if (field.kind === "text") {
				setting.addText((text) =>
					text
						.setPlaceholder(field.placeholder)
						.setValue(String(value))
						.onChange((next) => this.setControlValue(field.key, next)),
				);
			} else if (field.kind === "toggle") {
				setting.addToggle((toggle) => toggle.setValue(value === true).onChange((next) => this.setControlValue(field.key, next)));
			} else {
				setting.addDropdown((dropdown) =>
					dropdown
						.addOptions(field.options())
						.setValue(String(value))
						.onChange(async (next) => {
							await this.setControlValue(field.key, next);
							if (field.key === "language") {
								this.render();
							}
						}),
				);
			}
		}
	}
}
