import { type Plugin, PluginSettingTab, Setting, type SettingDefinitionItem } from "obsidian";
import { t } from "./i18n";

export interface DashboardSettings {
	/** Notes with one of these tags (or a tag nested below one) are read. */
	trackedTags: string[];
}

export const DEFAULT_SETTINGS: DashboardSettings = {
	trackedTags: ["gopherchina"],
};

/** Settings as stored, repaired: unknown or broken values fall back to the defaults. */
export function normalizeSettings(stored: unknown): DashboardSettings {
	const data = (stored !== null && typeof stored === "object" ? stored : {}) as Partial<Record<keyof DashboardSettings, unknown>>;
	const tags = Array.isArray(data.trackedTags) ? data.trackedTags.filter((tag): tag is string => typeof tag === "string") : [];
	return {
		trackedTags: tags.length > 0 ? tags : [...DEFAULT_SETTINGS.trackedTags],
	};
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

type FieldKey = "trackedTags";

/** One field of the tab: how it reads and writes, so that both ways of rendering agree. */
interface Field {
	key: FieldKey;
	name: () => string;
	desc: () => string;
	placeholder: string;
	read: (settings: DashboardSettings) => string;
	write: (settings: DashboardSettings, value: string) => void;
}

const FIELDS: Field[] = [
	{
		key: "trackedTags",
		name: () => t("settings.trackedTags.name"),
		desc: () => t("settings.trackedTags.desc"),
		placeholder: "#gopherchina",
		read: (settings) => settings.trackedTags.join(", "),
		write: (settings, value) => {
			const tags = parseTagList(value);
			settings.trackedTags = tags.length > 0 ? tags : [...DEFAULT_SETTINGS.trackedTags];
		},
	},
];

export class DashboardSettingTab extends PluginSettingTab {
	constructor(private readonly host: Plugin & SettingsHost) {
		super(host.app, host);
	}

	/** Obsidian 1.13 and later render these, and find them in the settings search. */
	override getSettingDefinitions(): SettingDefinitionItem[] {
		return FIELDS.map((field) => ({
			name: field.name(),
			desc: field.desc(),
			control: { type: "text", key: field.key, placeholder: field.placeholder },
		}));
	}

	override getControlValue(key: string): unknown {
		const field = FIELDS.find((entry) => entry.key === key);
		return field ? field.read(this.host.options) : undefined;
	}

	override async setControlValue(key: string, value: unknown): Promise<void> {
		const field = FIELDS.find((entry) => entry.key === key);
		if (field && typeof value === "string") {
			field.write(this.host.options, value);
			await this.host.saveOptions();
		}
	}

	/** Older apps render the tab here. */
	override display(): void {
		const { containerEl } = this;
		containerEl.empty();
		for (const field of FIELDS) {
			new Setting(containerEl)
				.setName(field.name())
				.setDesc(field.desc())
				.addText((text) =>
					text
						.setPlaceholder(field.placeholder)
						.setValue(field.read(this.host.options))
						.onChange((value) => this.setControlValue(field.key, value)),
				);
		}
	}
}
