/** @jest-environment node */
import { downloadFolderFor, looksLikePdf, safePdfName } from "../../src/ui/pdf-files";

describe("where downloaded PDFs go", () => {
	it("fills in the year and edition, and drops it when unknown", () => {
		expect(downloadFolderFor("GopherChina/{year}", 2023, null)).toBe("GopherChina/2023");
		expect(downloadFolderFor("GopherChina/{year}", 2023, "shanghai")).toBe("GopherChina/2023-shanghai");
		expect(downloadFolderFor("GopherChina/{year}", null, null)).toBe("GopherChina");
		expect(downloadFolderFor("Slides", 2019, null)).toBe("Slides");
	});

	it("never leaves the configured folder", () => {
		expect(downloadFolderFor("../../etc/{year}", 2023, null)).toBe("etc/2023");
		expect(downloadFolderFor("a/./b//c", 2023, null)).toBe("a/b/c");
	});

	it.each([
		["1.1.1 大型项目开发之 Golang 早知道.pdf", "1.1.1 大型项目开发之 Golang 早知道.pdf"],
		["../../evil.pdf", "evil.pdf"],
		["a/b\\c.pdf", "a b c.pdf"],
		['what?<>:"|*.PDF', "what.pdf"],
		["CON.pdf", "CON slides.pdf"],
		["", "slides.pdf"],
		["...", "slides.pdf"],
		["tab\there\u0000.pdf", "tab here.pdf"],
	])("makes %j safe: %j", (name, safe) => {
		expect(safePdfName(name)).toBe(safe);
	});

	it("caps the length at 120 characters, keeping .pdf", () => {
		const name = safePdfName(`${"长".repeat(300)}.pdf`);
		expect([...name]).toHaveLength(120);
		expect(name.endsWith(".pdf")).toBe(true);
	});

	it("recognises PDF bytes", () => {
		const bytes = (text: string): ArrayBuffer => Uint8Array.from(Buffer.from(text)).buffer;
		expect(looksLikePdf(bytes("%PDF-1.7\n"))).toBe(true);
		expect(looksLikePdf(bytes("<!doctype html>"))).toBe(false);
		expect(looksLikePdf(bytes(""))).toBe(false);
	});
});
