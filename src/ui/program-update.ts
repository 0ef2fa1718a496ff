import { type Events, requestUrl } from "obsidian";
import { plural, t } from "../i18n";
import type { VaultIndex } from "../index/vault-index";
import { Program, SHIPPED_PROGRAM, type StoredProgram } from "../program/program";
import { type FetchedProgram, fetchProgram } from "../program/update";
import { notify } from "./notices";
import { messageOf } from "./pdf-save";
import type { ProgramService } from "./services";

/** Where the fetched program is kept: the plugin's data. `save` resolves once it is written. */
export interface ProgramStorage {
	stored(): StoredProgram | null;
	save(program: StoredProgram): Promise<void>;
}

const CHANGED = "program-changed";

/**
 * The command and button "Update the program": one request to GitHub, made only when the user asks.
 * A good answer is saved first and then shown; anything else leaves the program as it was, unsaved,
 * and a notice says what happened.
 */
export class ProgramUpdate implements ProgramService {
	readonly shippedDate = SHIPPED_PROGRAM.date;
	private running: Promise<void> | null = null;

	constructor(
		private readonly index: VaultIndex,
		private readonly events: Events,
		private readonly storage: ProgramStorage,
		private readonly now: () => Date = () => new Date(),
	) {}

	updated(): string | null {
		return this.storage.stored()?.updated ?? null;
	}

	updating(): boolean {
		return this.running !== null;
	}

	update(): Promise<void> {
		if (this.running === null) {
			this.running = this.run().finally(() => {
				this.running = null;
				this.events.trigger(CHANGED);
			});
			this.events.trigger(CHANGED);
		}
		return this.running;
	}

	private async run(): Promise<void> {
		try {
			const fetched = await fetchProgram(requestUrl);
			if (!fetched.ok) {
				notify(t("program.failed", { reason: failureText(fetched) }));
				return;
			}
			const before = new Set(this.index.programTalks().map((talk) => talk.key));
			const next: StoredProgram = { updated: this.now().toISOString(), sha: fetched.sha, paths: fetched.paths };
			try {
				await this.storage.save(next);
			} catch (error) {
				notify(t("program.failed", { reason: t("program.reason.save", { error: messageOf(error) }) }));
				return;
			}
			const program = new Program(next.paths);
			this.index.setProgram(program);
			const talks = program.talks();
			const added = talks.filter((talk) => !before.has(talk.key)).length;
			notify(added === 0 ? plural("program.upToDate", talks.length) : plural("program.updated", talks.length, { added }));
		} catch (error) {
			console.error("GopherChina dashboard: could not update the program", error);
			notify(t("program.failed", { reason: messageOf(error) }));
		}
	}
}

/** The notice's words for why an answer was not taken. */
export function failureText(failure: Exclude<FetchedProgram, { ok: true }>): string {
	switch (failure.reason) {
		case "network":
			return t("program.reason.network");
		case "rate-limit":
			return t("program.reason.rateLimit");
		case "status":
			return t("program.reason.status", { status: failure.status });
		case "html":
			return t("program.reason.html");
		case "invalid-json":
			return t("program.reason.invalidJson");
		case "malformed":
			return t("program.reason.malformed");
		case "truncated":
			return t("program.reason.truncated");
		case "no-pdfs":
			return t("program.reason.noPdfs");
	}
}
