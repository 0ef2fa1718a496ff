import { Notice } from "obsidian";

/** A notice with one action button (e.g. Undo). Note text goes in as text, never as HTML. */
export function noticeWithAction(message: string, label: string, action: () => void, duration = 8000): Notice {
	const notice = new Notice("", duration);
	// The elements are built in place (not passed as a fragment) so that the button keeps its listener.
	const el = notice.messageEl;
	el.empty();
	el.createSpan({ text: message });
	const button = el.createEl("button", { text: label, cls: "gopherchina-notice-action mod-cta" });
	button.addEventListener("click", (event) => {
		event.stopPropagation();
		notice.hide();
		action();
	});
	return notice;
}

export function notify(message: string, duration?: number): Notice {
	return new Notice(message, duration);
}
