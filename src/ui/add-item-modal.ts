import { Modal } from "obsidian";
import type { Session } from "../index/sessions";
import { t } from "../i18n";
import type { DashboardContext } from "./services";
import { talkName } from "./talk-names";
import { addStudyItem, findTalkNote, itemLine, startTalkNote } from "./talk-note";

/**
 * "Add a study item" to a talk: one line of text, added as `- [ ] text` to the talk's own note. When
 * the talk has no note of its own the modal says so and offers to start one first.
 */
export class AddItemModal extends Modal {
	private text = "";

	constructor(
		private readonly context: DashboardContext,
		private readonly session: Session,
	) {
		super(context.services.app);
	}

	override onOpen(): void {
		const { contentEl } = this;
		this.setTitle(t("addItem.title", { talk: talkName(this.session) }));
		const hasNote = findTalkNote(this.context, this.session) !== null;
		if (!hasNote) {
			contentEl.createEl("p", { cls: "gopherchina-muted", text: t("addItem.startFirst") });
		}
		const label = contentEl.createEl("label", { cls: "gopherchina-add-item-label" });
		label.createSpan({ text: t("addItem.label") });
		const input = label.createEl("input", { type: "text", cls: "gopherchina-add-item-input", attr: { placeholder: t("addItem.placeholder") } });
		input.addEventListener("input", () => {
			this.text = input.value;
		});
		input.addEventListener("keydown", (event) => {
			if (event.key === "Enter" && !event.isComposing) {
				event.preventDefault();
				void this.submit();
			}
		});
		const buttons = contentEl.createDiv({ cls: "modal-button-container" });
		const submit = buttons.createEl("button", { cls: "mod-cta", text: hasNote ? t("addItem.add") : t("addItem.startAndAdd") });
		submit.addEventListener("click", () => void this.submit());
		window.setTimeout(() => input.focus(), 0);
	}

	private async submit(): Promise<void> {
		if (itemLine(this.text) === "") {
			return;
		}
		if (findTalkNote(this.context, this.session) === null && (await startTalkNote(this.context, this.session, false)) === null) {
			return;
		}
		if (await addStudyItem(this.context, this.session, this.text)) {
			this.close();
		}
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
