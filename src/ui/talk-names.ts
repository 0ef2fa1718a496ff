import type { Session } from "../index/sessions";

/** A talk's title as shown: its title, else its PDF's file name. */
export function talkTitle(session: Session): string {
	return session.title !== "" ? session.title : session.fileName;
}

/** How a talk is named to a screen reader and in titles: `1.1.3 The State Of Go 2023`. */
export function talkName(session: Session): string {
	return `${session.code?.code ?? ""} ${talkTitle(session)}`.trim();
}
