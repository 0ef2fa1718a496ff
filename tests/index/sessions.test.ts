/** @jest-environment node */
import fc from "fast-check";
import { compareSessions, type Session, SessionTable, sortSessions } from "../../src/index/sessions";
import { parseCode } from "../../src/model/codes";
import { localSessionRef, remoteSessionRef } from "../../src/model/session-refs";
import type { SessionRef } from "../../src/model/types";
import { expectLinear } from "../model/linear-time-helper";

const Y2023 = { year: 2023, edition: null };

describe("the session table", () => {
	it("merges a vault copy into the first web PDF of its file name, in key order", () => {
		const table = new SessionTable();
		const later = remoteSessionRef("https://y.org/slides.pdf", "1.1.1 Later", 1, Y2023);
		const first = remoteSessionRef("https://x.org/slides.pdf", "1.1.2 First", 2, Y2023);
		const copy = localSessionRef("2023/slides.pdf", null, 3, Y2023);
		table.setNote("a.md", [], [later, first, copy]);
		expect(first.key < later.key).toBe(true);
		expect(table.resolve(copy.key)).toBe(first.key);
		expect(table.counts()).toEqual({ sessions: 2, local: 0 });
		expect(table.session(first.key)?.sources).toEqual([
			{ path: "a.md", line: 2 },
			{ path: "a.md", line: 3 },
		]);
		table.setNote("a.md", [later, first, copy], [later, copy]);
		expect(table.resolve(copy.key)).toBe(later.key);
	});

	it("rebuilds every talk of a file name when a note changes its links", () => {
		const table = new SessionTable();
		const refs = [1, 2, 3].map((n) => remoteSessionRef(`https://x.org/${n}/slides.pdf`, `1.1.${n} Talk ${n}`, n, Y2023));
		table.setNote("a.md", [], refs);
		expect(table.all().map((session) => session.title)).toEqual(["Talk 1", "Talk 2", "Talk 3"]);
		const renamed = refs.map((ref) => ({ ...ref, title: `${ref.title}!` }));
		table.setNote("a.md", refs, renamed);
		expect(table.all().map((session) => session.title)).toEqual(["Talk 1!", "Talk 2!", "Talk 3!"]);
	});

	it("takes the vault copy of the talk's year among PDFs of the same name, and notices them come and go", () => {
		const table = new SessionTable();
		const talk = remoteSessionRef("https://x.org/2023/slides.pdf", "1.1.1 Talk", 1, Y2023);
		table.setNote("a.md", [], [talk]);
		table.addPdfFile("b/2019/slides.pdf");
		table.addPdfFile("a/2023/slides.pdf");
		expect(table.session(talk.key)?.localPath).toBe("a/2023/slides.pdf");
		table.removePdfFile("a/2023/slides.pdf");
		expect(table.session(talk.key)?.localPath).toBe("b/2019/slides.pdf");
		table.addPdfFile("a/slides.pdf");
		expect(table.session(talk.key)?.localPath).toBe("a/slides.pdf");
		expect(table.counts()).toEqual({ sessions: 1, local: 1 });
	});

	it("counts a vault link's copy by the same rule as its local path, after the file moved", () => {
		const table = new SessionTable();
		const link = localSessionRef("Slides/2023/1.1.1 Talk.pdf", null, 1, Y2023);
		table.setNote("a.md", [], [link]);
		table.addPdfFile("Slides/2023/1.1.1 Talk.pdf");
		expect(table.counts()).toEqual({ sessions: 1, local: 1 });
		// `[[1.1.1 Talk.pdf]]` still finds the file, so the note is not rewritten and keeps the old path.
		table.removePdfFile("Slides/2023/1.1.1 Talk.pdf");
		table.addPdfFile("Archive/1.1.1 Talk.pdf");
		expect(table.session(link.key)?.localPath).toBe("Archive/1.1.1 Talk.pdf");
		expect(table.counts()).toEqual({ sessions: 1, local: 1 });
		table.removePdfFile("Archive/1.1.1 Talk.pdf");
		expect(table.session(link.key)?.localPath).toBeNull();
		expect(table.counts()).toEqual({ sessions: 1, local: 0 });
	});

	it("moves and forgets the PDFs below a folder, and tells a talk's copy from another PDF", () => {
		const table = new SessionTable();
		const talk = remoteSessionRef("https://x.org/2023/1.1.1%20Talk.pdf", null, 1, Y2023);
		table.setNote("a.md", [], [talk]);
		expect(table.addPdfFile("Slides/2023/1.1.1 Talk.pdf")).toBe(true);
		expect(table.addPdfFile("Slides/2023/1.1.1 Talk.pdf")).toBe(false);
		table.addPdfFile("Slides/2023/other.pdf");
		expect(table.namesTalk("Anywhere/1.1.1 talk.PDF")).toBe(true);
		expect(table.namesTalk("Slides/2023/other.pdf")).toBe(false);
		expect(table.movePdfFolder("Slides", "Old/Slides").sort()).toEqual(["Old/Slides/2023/1.1.1 Talk.pdf", "Old/Slides/2023/other.pdf"]);
		expect(table.session(talk.key)?.localPath).toBe("Old/Slides/2023/1.1.1 Talk.pdf");
		// Obsidian then announces each file inside: it finds the work done.
		expect(table.removePdfFile("Slides/2023/1.1.1 Talk.pdf")).toBe(false);
		expect(table.addPdfFile("Old/Slides/2023/1.1.1 Talk.pdf")).toBe(false);
		// A folder whose name only starts like it is another folder.
		expect(table.removePdfFolder("Old/Slide")).toEqual([]);
		expect(table.removePdfFolder("Old")).toHaveLength(2);
		expect(table.session(talk.key)?.localPath).toBeNull();
		expect(table.counts()).toEqual({ sessions: 1, local: 0 });
	});

	it("takes a note with thousands of links to one file name in linear time", () => {
		// One line of about 40 characters per link: `- [1.1.1 T](https://x.org/123/slides.pdf)`.
		const links = (size: number): SessionRef[] =>
			Array.from({ length: Math.floor(size / 40) }, (_, n) => remoteSessionRef(`https://x.org/${n}/slides.pdf`, null, n, Y2023));
		expectLinear("SessionTable with links to one file name", links, (refs) => {
			const table = new SessionTable();
			table.setNote("a.md", [], refs);
			table.all();
			table.setNote("a.md", refs, refs);
			return [table.all(), table.counts()];
		});
	});
});

describe("the links of one PDF in many notes", () => {
	const url = "https://x.org/2023/1.1.1%20Talk.pdf";
	const refsOf = (note: number): SessionRef[] => [remoteSessionRef(url, `1.1.1 Talk ${note}`, note % 7, Y2023), remoteSessionRef(url, null, 10 + (note % 3), Y2023)];

	it("gives the same talk however notes came and went, in a list of few links or by note past it", () => {
		for (const notes of [3, 40]) {
			const table = new SessionTable();
			const order = Array.from({ length: notes }, (_, n) => n);
			for (const note of order) {
				table.setNote(`n${String(note).padStart(3, "0")}.md`, [], refsOf(note));
			}
			table.all();
			// Every third note leaves, every fifth comes back with other links, the rest stay.
			const kept = new Map<string, SessionRef[]>();
			for (const note of order) {
				const path = `n${String(note).padStart(3, "0")}.md`;
				if (note % 3 === 0) {
					table.setNote(path, refsOf(note), []);
				} else if (note % 5 === 0) {
					table.setNote(path, refsOf(note), refsOf(note + 100));
					kept.set(path, refsOf(note + 100));
				} else {
					kept.set(path, refsOf(note));
				}
			}
			const fresh = new SessionTable();
			for (const [path, refs] of kept) {
				fresh.setNote(path, [], refs);
			}
			expect(table.all()).toEqual(fresh.all());
			expect(table.yearKeys()).toEqual(["2023"]);
			expect(table.session(refsOf(0)[0]?.key as string)?.sources.length).toBe(fresh.session(refsOf(0)[0]?.key as string)?.sources.length);
		}
	});

	it("lets each of thousands of notes that link one PDF leave in time linear in its own links", () => {
		expectLinear(
			"SessionTable with one PDF in every note",
			(size) => Array.from({ length: Math.floor(size / 40) }, (_, n) => n),
			(notes) => {
				const table = new SessionTable();
				for (const note of notes) {
					table.setNote(`n${note}.md`, [], refsOf(note));
				}
				table.all();
				for (const note of notes) {
					table.setNote(`n${note}.md`, refsOf(note), []);
				}
				return [table.all(), table.counts()];
			},
		);
	});
});


describe("the order of talks", () => {
	const session = fc.record({
		year: fc.constantFrom(null, 2019, 2023, 2024),
		edition: fc.constantFrom(null, "shanghai", "beijing"),
		code: fc.constantFrom(null, "1.1", "1.1.1", "1-2", "2.10", "1.9", "1.2.3", "99.99.99", "1.2.3.4", "100.1"),
		title: fc.constantFrom("", "Go", "Go 泛型", "Go 泛型设计 12", "Go 泛型设计 7", "The State Of Go", "基于 Kratos", "a", "ab", "abc", "abd"),
	});
	it("sorts by numbers as compareSessions orders, whatever the codes and titles", () => {
		fc.assert(
			fc.property(fc.array(session, { maxLength: 60 }), (drawn) => {
				const sessions: Session[] = drawn.map((fields, n) => ({ id: `k${String(n).padStart(3, "0")}`, year: fields.year, edition: fields.edition, code: fields.code === null ? null : parseCode(fields.code), title: fields.title, url: null, localPath: null, fileName: "a.pdf", sources: [] }));
				expect(sortSessions([...sessions]).map((one) => one.id)).toEqual([...sessions].sort(compareSessions).map((one) => one.id));
			}),
			{ numRuns: 2000 },
		);
	});
});
