import { remoteSessionRef } from "../../src/model/session-refs";
import { Program, programTalk, SHIPPED_PROGRAM } from "../../src/program/program";
import { indexFiles } from "../../sandbox/harness";

const PATHS = SHIPPED_PROGRAM.paths;
const encoded = (path: string): string => path.split("/").map(encodeURIComponent).join("/");

/** The ways a note links one file of the repository. */
const FORMS: Record<string, (path: string) => string> = {
	blob: (path) => `https://github.com/gopherchina/conference/blob/master/${encoded(path)}`,
	raw: (path) => `https://raw.githubusercontent.com/gopherchina/conference/master/${encoded(path)}`,
	"?raw=true": (path) => `https://github.com/gopherchina/conference/blob/master/${encoded(path)}?raw=true`,
	"github.com/…/raw/": (path) => `https://github.com/gopherchina/conference/raw/master/${encoded(path)}`,
	// As a browser's address bar shows it: only the spaces escaped.
	"unescaped letters": (path) => `https://github.com/GopherChina/Conference/blob/master/${path.replace(/ /g, "%20")}`,
};

const nameOf = (path: string): string => (path.split("/").pop() as string).replace(/\.pdf$/i, "");

describe("a program talk and a note's link to the same PDF", () => {
	it.each(Object.keys(FORMS))("are one talk for each of the 152 PDFs linked in the %s form", (form) => {
		const link = FORMS[form] as (path: string) => string;
		for (const path of PATHS) {
			const program = programTalk(path);
			// A note of another year: the folder in the address decides, as it does for the program.
			const noted = remoteSessionRef(link(path), null, 4, { year: 2019, edition: null });
			const fields = (ref: typeof program) => ({ key: ref.key, fileName: ref.fileName, year: ref.year, edition: ref.edition, code: ref.code, title: ref.title });
			expect({ path, ...fields(noted) }).toEqual({ path, ...fields(program) });
		}
	});

	it("are one session in the index, whichever forms the notes use", async () => {
		const files: Record<string, string> = {};
		for (const [form, link] of Object.entries(FORMS)) {
			// Markdown links with the file's name as their text, one per line.
			files[`Notes/${form.replace(/[^a-z]/gi, "-")}.md`] = `#gopherchina\n\n${PATHS.map((path) => `- [${nameOf(path)}](${link(path)})`).join("\n")}\n`;
		}
		files["Notes/bare.md"] = `#gopherchina\n\n${PATHS.map((path) => `See ${FORMS.raw?.(path) ?? ""}.`).join("\n")}\n`;
		const { index } = await indexFiles(files);
		const program = new Program(PATHS);
		index.setProgram(program);

		const sessions = index.sessions();
		expect(sessions.map((session) => session.id).sort()).toEqual(program.talks().map((talk) => talk.key).sort());
		for (const talk of program.talks()) {
			const session = index.session(talk.key);
			expect({ id: session?.id, year: session?.year, edition: session?.edition, code: session?.code?.code, title: session?.title }).toEqual({
				id: talk.key,
				year: talk.year,
				edition: talk.edition,
				code: talk.code?.code,
				title: talk.title,
			});
			expect(session?.sources).toHaveLength(Object.keys(FORMS).length + 1);
		}

		const merged = index.programSessions();
		expect(merged).toHaveLength(152);
		expect(merged.every((session) => session.inProgram && session.noted && session.notedIds.length === 1 && session.notedIds[0] === session.id)).toBe(true);
		index.unload();
	});
});
