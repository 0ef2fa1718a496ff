/** @jest-environment node */
import { setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import { sharedCode, splitCode } from "../../src/model/codes";
import { BoundedMemo, ownString } from "../../src/model/memo";
import { findSessions } from "../../src/model/note-links";
import { clearRemoteMemo, remoteMemoSize } from "../../src/model/pdf-links";
import { localSessionRef, remoteSessionRef } from "../../src/model/session-refs";
import type { SessionRef } from "../../src/model/types";
import type { CachedMetadata, ListItemCache } from "obsidian";
import { ProgramTable } from "../../src/index/program-sessions";
import { SessionTable } from "../../src/index/sessions";
import { parseNote } from "../../src/model/note-parser";
import { yearFromFolders } from "../../src/model/years";

const URL = "https://github.com/gopherchina/conference/blob/master/2023/1.1.1%20Go%20%26%20Rust.pdf";
const NO_YEAR = { year: null, edition: null };

describe("links to one PDF share one description", () => {
	beforeEach(() => clearRemoteMemo());

	it("shares the key, target, file name and code of every link to a PDF (codes frozen)", () => {
		const a = remoteSessionRef(URL, "1.1.1 Go & Rust", 3, NO_YEAR);
		const b = remoteSessionRef(`${URL} `.trim(), "1.1.1 Go & Rust", 9, { year: 2019, edition: null });
		expect(b.target).toBe(a.target);
		expect(b.code).toBe(a.code);
		expect(b.key).toBe(a.key);
		expect(Object.isFrozen(a.code)).toBe(true);
		expect(Object.isFrozen(a.code?.parts)).toBe(true);
		expect([a.line, b.line]).toEqual([3, 9]);
		// The year comes from the address's folder, whatever the note says.
		expect([a.year, b.year]).toEqual([2023, 2023]);
	});

	it("gives each link its own text's code and title: a later note changes no earlier link", () => {
		const first = remoteSessionRef(URL, "1.1.1 Go & Rust", 1, NO_YEAR);
		const before = JSON.stringify(first);
		const other = remoteSessionRef(URL, "2.3 Something else", 4, NO_YEAR);
		const none = remoteSessionRef(URL, null, 5, NO_YEAR);
		const again = remoteSessionRef(URL, "1.1.1 Go & Rust", 6, NO_YEAR);
		expect(JSON.stringify(first)).toBe(before);
		expect([other.code?.code, other.title]).toEqual(["2.3", "Something else"]);
		expect([none.code?.code, none.title]).toEqual(["1.1.1", "Go & Rust"]);
		expect([again.code?.code, again.title]).toEqual(["1.1.1", "Go & Rust"]);
		// A ref is a plain object of its own: changing a copy of it changes nothing shared.
		const renamed: SessionRef = { ...first, title: "Renamed" };
		expect(remoteSessionRef(URL, "1.1.1 Go & Rust", 1, NO_YEAR)).toEqual(first);
		expect(renamed.target).toBe(first.target);
	});

	it("takes a vault PDF's year from the note first, then from its folders", () => {
		const inNote = localSessionRef("Slides/2021-shanghai/1.2 Talk.pdf", null, 2, { year: 2023, edition: null });
		const fromFolder = localSessionRef("Slides/2021-shanghai/1.2 Talk.pdf", null, 2, NO_YEAR);
		expect([inNote.year, inNote.edition]).toEqual([2023, null]);
		expect([fromFolder.year, fromFolder.edition]).toEqual([2021, "shanghai"]);
		expect(fromFolder.target).toBe(inNote.target);
		expect(fromFolder.target).toEqual({ kind: "local", path: "Slides/2021-shanghai/1.2 Talk.pdf" });
		expect([fromFolder.key, fromFolder.fileName, fromFolder.title]).toEqual(["vault:Slides/2021-shanghai/1.2 Talk.pdf", "1.2 Talk.pdf", "Talk"]);
	});

	it("shares codes and year folders, and splits titles as before", () => {
		expect(sharedCode("1.2.3")).toBe(sharedCode("1.2.3"));
		expect(splitCode("1-2 Title").code).toBe(sharedCode("1-2"));
		expect(splitCode("  Title 1.2").code).toBeNull();
		expect(splitCode("\u3000 1.2 Title")).toMatchObject({ code: { code: "1.2" }, rest: "Title" });
		expect(yearFromFolders(["x", "2023-Shanghai"])).toBe(yearFromFolders(["2023-Shanghai"]));
		expect(yearFromFolders(["\u30002019 "])).toEqual({ year: 2019, edition: null });
		expect(yearFromFolders(["slides", "x2019"])).toBeNull();
	});

	it("keeps what a note edited again and again leaves behind bounded", () => {
		const table = new SessionTable();
		let previous: SessionRef[] = [];
		for (let edit = 0; edit < 30_000; edit++) {
			const next = [remoteSessionRef(`https://x.org/2023/${edit}%20Talk.pdf`, `1.1.1 Talk ${edit}`, 3, NO_YEAR)];
			table.setNote("a.md", previous, next);
			if (edit % 1000 === 0) {
				expect(table.all()).toHaveLength(1);
			}
			previous = next;
		}
		expect(table.size).toBe(1);
		expect(table.all().map((session) => session.title)).toEqual(["Talk 29999"]);
		expect(remoteMemoSize()).toBeLessThanOrEqual(20_000);
	});

	it("keeps the memo of addresses bounded however many links come and go", () => {
		for (let n = 0; n < 50_000; n++) {
			remoteSessionRef(`https://x.org/${n}/slides.pdf`, null, n, NO_YEAR);
		}
		expect(remoteMemoSize()).toBeLessThanOrEqual(20_000);
		// What is still asked for survives a turn of the memo.
		const memo = new BoundedMemo<number>(2);
		memo.set("a", 1);
		memo.set("b", 2);
		memo.set("c", 3);
		expect(memo.get("a")).toBe(1);
		memo.set("d", 4);
		memo.set("e", 5);
		expect([memo.get("a"), memo.get("b"), memo.size <= 4]).toEqual([1, undefined, true]);
	});
});

describe("what the links keep", () => {
	it("copies a slice of a long text, and keeps a short string as it is", () => {
		const text = `${"x".repeat(100)}https://x.org/a-long-path/slides.pdf`;
		expect(ownString(text.slice(100))).toBe("https://x.org/a-long-path/slides.pdf");
		expect(ownString("short")).toBe("short");
	});

	it("keeps no note's text alive once the note's lines are let go", () => {
		setFlagsFromString("--expose-gc");
		const gc = runInNewContext("gc") as () => void;
		clearRemoteMemo();
		gc();
		const before = process.memoryUsage().heapUsed;
		const kept: SessionRef[][] = [];
		// Twenty notes of about 2 MB each (two-byte text), each with 200 links of its own.
		for (let note = 0; note < 20; note++) {
			const lines: string[] = [];
			for (let n = 0; n < 200; n++) {
				lines.push(`- [1.1.${n % 9} 标题 ${note}-${n}](https://x.org/${note}/${n}/some%20long%20talk%20name.pdf) ${"说".repeat(5000)}`);
			}
			const text = `${lines.join("\n")}\n`;
			const split = text.split("\n");
			kept.push(findSessions({ path: `n${note}.md`, cache: {}, resolveLink: () => null }, split, new Uint8Array(split.length), NO_YEAR));
		}
		gc();
		const held = process.memoryUsage().heapUsed - before;
		expect(kept.flat()).toHaveLength(4000);
		expect(kept[3]?.[5]).toMatchObject({ title: "标题 3-5", target: { url: "https://x.org/3/5/some%20long%20talk%20name.pdf" } });
		// The texts came to 40 MB; the 4,000 links alone (each to a PDF of its own) to about 5 MB.
		expect(held).toBeLessThan(12 * 2 ** 20);
	});
});

describe("links made the same way", () => {
	it("are one object across notes, and another as soon as the line, year or text differs", () => {
		clearRemoteMemo();
		const a = remoteSessionRef(URL, "1.1.1 Go & Rust", 7, NO_YEAR);
		const b = remoteSessionRef(URL, "1.1.1 Go & Rust", 7, NO_YEAR);
		expect(b).toBe(a);
		expect(remoteSessionRef(URL, "1.1.1 Go & Rust", 8, NO_YEAR)).not.toBe(a);
		expect(remoteSessionRef(URL, "1.1.1 Go & Rust!", 7, NO_YEAR).title).toBe("Go & Rust!");
		const local = localSessionRef("x/1.2 Talk.pdf", null, 1, NO_YEAR);
		expect(localSessionRef("x/1.2 Talk.pdf", null, 1, NO_YEAR)).toBe(local);
		const in2020 = localSessionRef("x/1.2 Talk.pdf", null, 1, { year: 2020, edition: null });
		expect(in2020).not.toBe(local);
		expect(in2020.year).toBe(2020);
		// Only the last one made is remembered: a link made the same way again is equal, if not the same.
		expect(localSessionRef("x/1.2 Talk.pdf", null, 1, NO_YEAR)).toEqual(local);
	});
});

describe("shared links are never changed", () => {
	/** Freezes a link with all it shares, so that any write to it throws. */
	function freezeRef(ref: SessionRef): SessionRef {
		Object.freeze(ref.target);
		return Object.freeze(ref);
	}

	it("goes through a note's ties, the talks table and the program merge frozen", () => {
		clearRemoteMemo();
		const text = ["---", "pdf: https://x.org/2023/1.2%20Talk.pdf", "---", "- [1.1.1 A](https://x.org/2023/1.1.1%20A.pdf) and [[2023/1.1.1 A.pdf]]", "- [ ] 1.1.1 的例子", "- [ ] 再看一遍", "为什么 GC 这么慢?", ""].join("\n");
		const item = (line: number): ListItemCache => ({ position: { start: { line, col: 0, offset: 0 }, end: { line, col: 10, offset: 0 } }, parent: -1, task: " " });
		const cache: CachedMetadata = {
			frontmatter: { pdf: "https://x.org/2023/1.2%20Talk.pdf" },
			frontmatterPosition: { start: { line: 0, col: 0, offset: 0 }, end: { line: 2, col: 3, offset: 0 } },
			listItems: [{ ...item(3), task: undefined }, item(4), item(5)],
			links: [{ link: "2023/1.1.1 A.pdf", original: "[[2023/1.1.1 A.pdf]]", displayText: "2023/1.1.1 A.pdf", position: { start: { line: 3, col: 53, offset: 0 }, end: { line: 3, col: 73, offset: 0 } } }],
		};
		const notes = ["a.md", "b.md"].map((path) => parseNote({ path, text, cache, tags: ["#gopherchina"], trackedTags: ["#gopherchina"], resolveLink: () => null }));
		for (const note of notes) {
			note.sessions.forEach(freezeRef);
		}
		expect(notes[1]?.sessions[1]).toBe(notes[0]?.sessions[1]);
		const table = new SessionTable();
		for (const note of notes) {
			expect(note.studyItems.map((study) => study.sessionKey)).toHaveLength(2);
			expect(note.questions).toHaveLength(1);
			table.setNote(note.path, [], note.sessions);
		}
		table.addPdfFile("2023/1.1.1 A.pdf");
		const talks = table.all();
		expect(talks.map((talk) => talk.title).sort()).toEqual(["A", "Talk"]);
		expect(table.resolve("code:2023:1.1.1")).toBe(notes[0]?.sessions[1]?.key);
		expect(table.counts()).toEqual({ sessions: 2, local: 1 });
		const program = new ProgramTable();
		program.set({ talks: () => [freezeRef(remoteSessionRef("https://x.org/2023/1.1.1%20A.pdf", null, -1, NO_YEAR))], namesFile: () => true });
		expect(program.merged(1, table).list.map((talk) => [talk.title, talk.inProgram, talk.noted])).toEqual([
			["A", true, true],
			["Talk", false, true],
		]);
		table.setNote("a.md", notes[0]?.sessions ?? [], []);
		table.setNote("b.md", notes[1]?.sessions ?? [], []);
		expect(table.all()).toEqual([]);
	});
});
