/** Conference years and editions from folders, properties and tags. */

export interface YearEdition {
	year: number;
	edition: string | null;
}

const YEAR_FOLDER = /^((?:19|20)\d{2})(?:[-_ ]+([\p{L}\p{N}][\p{L}\p{N} _-]*))?$/u;

/** `2023` → 2023; `2023-shanghai` → 2023, edition `shanghai`. Anything else → null. */
export function parseYearFolder(folder: string): YearEdition | null {
	const match = YEAR_FOLDER.exec(folder.trim());
	if (!match) {
		return null;
	}
	const edition = match[2]?.trim().toLowerCase() ?? null;
	return { year: Number.parseInt(match[1] ?? "", 10), edition: edition === "" ? null : edition };
}

/** The innermost folder that names a year, e.g. `conference/2023-shanghai/x.pdf`. */
export function yearFromFolders(folders: readonly string[]): YearEdition | null {
	for (let i = folders.length - 1; i >= 0; i--) {
		const parsed = parseYearFolder(folders[i] ?? "");
		if (parsed) {
			return parsed;
		}
	}
	return null;
}

const LEADING_YEAR = /^\s*((?:19|20)\d{2})(?!\d)/;

/** A year from a property value: `2023`, `"2023"`, `2023-06-25`, `[2023]`. */
export function yearFromValue(value: unknown): number | null {
	if (typeof value === "number" && Number.isInteger(value) && value >= 1900 && value < 2100) {
		return value;
	}
	if (typeof value === "string") {
		const match = LEADING_YEAR.exec(value);
		return match ? Number.parseInt(match[1] ?? "", 10) : null;
	}
	if (Array.isArray(value) && value.length > 0) {
		return yearFromValue(value[0]);
	}
	return null;
}
