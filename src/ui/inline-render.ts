import { isWebUrl } from "../model/pdf-links";
import type { InlineToken } from "../model/inline";

export interface InlineLinkHandlers {
	/** An internal link was clicked: open the note it names. */
	openLink: (target: string, event: MouseEvent | KeyboardEvent) => void;
	/** Links drawn as text (styled as links, not focusable), for text inside a control of its own. */
	plain?: boolean;
}

/**
 * Turns inline tokens into DOM. Every piece of note text goes in as a text node; web links get an
 * `href` only for http and https, so a `javascript:` link in a note stays inert text.
 */
export function renderInline(parent: HTMLElement, tokens: readonly InlineToken[], handlers: InlineLinkHandlers): void {
	for (const token of tokens) {
		switch (token.type) {
			case "text":
				parent.appendText(token.text);
				break;
			case "code":
				parent.createEl("code", { text: token.text });
				break;
			case "strong":
				renderInline(parent.createEl("strong"), token.children, handlers);
				break;
			case "em":
				renderInline(parent.createEl("em"), token.children, handlers);
				break;
			case "strike":
				renderInline(parent.createEl("del"), token.children, handlers);
				break;
			case "mark":
				renderInline(parent.createEl("mark"), token.children, handlers);
				break;
			case "tag":
				parent.createSpan({ cls: "tag gopherchina-tag", text: token.tag });
				break;
			case "wikilink": {
				if (handlers.plain) {
					parent.createSpan({ cls: "internal-link", text: token.text });
					break;
				}
				const link = parent.createEl("a", { cls: "internal-link", text: token.text, attr: { "data-href": token.target } });
				internalLink(link, () => token.target, handlers);
				break;
			}
			case "link": {
				if (handlers.plain) {
					renderInline(parent.createSpan({ cls: isWebUrl(token.href) ? "external-link" : "internal-link" }), token.children, handlers);
				} else if (isWebUrl(token.href)) {
					const link = parent.createEl("a", { cls: "external-link", attr: { href: token.href, target: "_blank", rel: "noopener nofollow" } });
					renderInline(link, token.children, handlers);
					link.addEventListener("click", (event) => event.stopPropagation());
				} else if (/^[a-z][a-z0-9+.-]*:/i.test(token.href)) {
					// Any other scheme (javascript:, file:, data:, …) is shown, never linked.
					renderInline(parent.createSpan({ cls: "gopherchina-inert-link" }), token.children, handlers);
				} else {
					const link = parent.createEl("a", { cls: "internal-link", attr: { "data-href": token.href } });
					renderInline(link, token.children, handlers);
					internalLink(link, () => decodeLinkPath(token.href), handlers);
				}
				break;
			}
		}
	}
}

/**
 * A link to a note: no `href` (a note's name is never a web address), so it takes focus with a tab
 * index and a link role, and opens on a click or Enter.
 */
function internalLink(link: HTMLElement, target: () => string, handlers: InlineLinkHandlers): void {
	link.setAttrs({ tabindex: "0", role: "link" });
	link.addEventListener("click", (event) => {
		event.preventDefault();
		event.stopPropagation();
		handlers.openLink(target(), event);
	});
	link.addEventListener("keydown", (event) => {
		if (event.key === "Enter") {
			event.preventDefault();
			event.stopPropagation();
			handlers.openLink(target(), event);
		}
	});
}

function decodeLinkPath(href: string): string {
	try {
		return decodeURI(href);
	} catch {
		return href;
	}
}
