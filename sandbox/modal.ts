/**
 * `Modal` as the app shows one: its container is put into the document when it opens and taken out
 * when it closes, and it stays open until it is closed. (The mocks keep it outside the document and
 * close it on the next tick, which no user could type into.)
 */
import type { App } from "obsidian";

export class Modal {
	readonly containerEl: HTMLElement;
	readonly modalEl: HTMLElement;
	readonly titleEl: HTMLElement;
	readonly contentEl: HTMLElement;
	shouldRestoreSelection = true;
	private closeCallback: (() => unknown) | null = null;

	constructor(readonly app: App) {
		this.containerEl = createDiv({ cls: "modal-container" });
		this.modalEl = this.containerEl.createDiv({ cls: "modal", attr: { role: "dialog" } });
		this.titleEl = this.modalEl.createDiv({ cls: "modal-title" });
		this.contentEl = this.modalEl.createDiv({ cls: "modal-content" });
	}

	open(): void {
		document.body.appendChild(this.containerEl);
		this.onOpen();
	}

	close(): void {
		this.onClose();
		this.containerEl.remove();
		this.closeCallback?.();
	}

	onOpen(): void {
		// A subclass draws its content here.
	}

	onClose(): void {
		// A subclass cleans up here.
	}

	setTitle(title: string): this {
		this.titleEl.textContent = title;
		return this;
	}

	setContent(content: string | DocumentFragment): this {
		if (typeof content === "string") {
			this.contentEl.textContent = content;
		} else {
			this.contentEl.appendChild(content);
		}
		return this;
	}

	setCloseCallback(callback: () => unknown): this {
		this.closeCallback = callback;
		return this;
	}
}
