import { Notice } from "obsidian";

/** A notice with one action button (e.g. Undo). Note text goes in as text, never as HTML. */
export function noticeWithAction(message: string, label: string, action: () => void, duration = 8000): Notice {
	const fragment = createFragment((root) => {
		root.createSpan({ text: message });
		const button = root.createEl("button", { text: label, cls: "gopherchina-notice-action mod-cta" });
		button.addEventListener("click", (event) => {
			event.stopPropagation();
			notice.hide();
			action();
		});
	});
	const notice = new Notice(fragment, duration);
	return notice;
}

export function notify(message: string, duration?: number): Notice {
	return new Notice(message, duration);
}
