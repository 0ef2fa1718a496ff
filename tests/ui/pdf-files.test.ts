/** @jest-environment node */
import { downloadFolderFor, looksLikePdf, safePdfName } from "../../src/ui/pdf-files";
import { expectLinear } from "../model/linear-time-helper";

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
		expect(downloadFolderFor("a\\..\\b", 2023, null)).toBe("a/b");
	});

	it("fills in the year literally: replacement patterns in an edition or the setting stay as written", () => {
		expect(downloadFolderFor("Slides/{year}", 2023, "$&")).toBe("Slides/2023-$&");
		expect(downloadFolderFor("Slides/{year}", 2023, "$1$$$`$'")).toBe("Slides/2023-$1$$$`$'");
		expect(downloadFolderFor("$&/{year}-$$", 2019, null)).toBe("$&/2019-$$");
		expect(downloadFolderFor("{year}/{year}", 2021, "a")).toBe("2021-a/2021-a");
	});

	it("keeps an edition inside its folder name: it never adds a level", () => {
		expect(downloadFolderFor("Slides/{year}", 2023, "../../x")).toBe("Slides/2023-. . x");
		expect(downloadFolderFor("Slides/{year}", 2023, "a/b")).toBe("Slides/2023-a b");
	});

	it.each([
		[".trash/{year}", "trash/2023"],
		["GopherChina/.hidden/{year}", "GopherChina/hidden/2023"],
		["..slides/..", "slides"],
		["... /{year}", "2023"],
		["CON/{year}", "CON_/2023"],
		["a:b/c?.", "a b/c"],
	])("makes no folder start with a dot, nor break Windows: %j → %j", (setting, folder) => {
		expect(downloadFolderFor(setting, 2023, null)).toBe(folder);
	});

	it.each([
		["1.1.1 大型项目开发之 Golang 早知道.pdf", "1.1.1 大型项目开发之 Golang 早知道.pdf"],
		["../../evil.pdf", "evil.pdf"],
		["a/b\\c.pdf", "a b c.pdf"],
		['what?<>:"|*.PDF', "what.pdf"],
		["CON.pdf", "CON_.pdf"],
		["", "slides.pdf"],
		["...", "slides.pdf"],
		["tab\there\u0000.pdf", "tab here.pdf"],
	])("makes %j safe: %j", (name, safe) => {
		expect(safePdfName(name)).toBe(safe);
	});

	it("caps the name at 200 bytes of UTF-8, keeping .pdf", () => {
		const name = safePdfName(`${"长".repeat(300)}.pdf`);
		expect(name).toBe(`${"长".repeat(65)}.pdf`);
		expect(Buffer.byteLength(name, "utf8")).toBe(199);
	});

	it.each([
		[
			"a Chinese title of 92 characters (260 bytes), cut to 200 bytes between characters",
			"2.3.4 从零到一构建高可用分布式系统：基于 Go 语言的微服务治理、可观测性建设、服务网格落地、混沌工程实践以及在超大规模流量场景下的性能调优与稳定性保障经验全面分享与深度复盘总结.pdf",
			"2.3.4 从零到一构建高可用分布式系统：基于 Go 语言的微服务治理、可观测性建设、服务网格落地、混沌工程实践以及在超大规模流量场景下的性能调.pdf",
		],
		["a title of 90 Chinese characters (270 bytes)", `${"大规模微服务架构中的实践".repeat(8).slice(0, 90)}.pdf`, `${"大规模微服务架构中的实践".repeat(8).slice(0, 65)}.pdf`],
		["emoji, never split in half", `1.1.1 Go 泛型🎉🎉 实战：${"🚀".repeat(50)}.pdf`, `1.1.1 Go 泛型🎉🎉 实战：${"🚀".repeat(40)}.pdf`],
		["an NFD title, kept as written", `${"Café Gophers — résumé".normalize("NFD")}.pdf`, `${"Café Gophers — résumé".normalize("NFD")}.pdf`],
		["a reserved name with another extension", "con.txt.pdf", "con_.txt.pdf"],
		["a reserved name with a superscript digit", "COM¹.pdf", "COM¹_.pdf"],
		["a reserved name in capitals", "LPT².PDF", "LPT²_.pdf"],
		["a reserved name without .pdf", "nul", "nul_.pdf"],
		["AUX in another case", "Aux.pdf", "Aux_.pdf"],
		["PRN", "PRN", "PRN_.pdf"],
		["a name that only starts like one", "CONSOLE.pdf", "CONSOLE.pdf"],
		["a cut that would end in a dot", `${"a".repeat(195)}..b.pdf`, `${"a".repeat(195)}.pdf`],
		["a cut that would end in a space", `${"a".repeat(195)}  b.pdf`, `${"a".repeat(195)}.pdf`],
		["dots and spaces around .pdf", " talk . .pdf", "talk.pdf"],
	])("makes %s safe", (_case, name, safe) => {
		const result = safePdfName(name);
		expect(result).toBe(safe);
		expect(Buffer.byteLength(result, "utf8")).toBeLessThanOrEqual(200);
	});

	it("takes time linear in the name: x + '. ' × n + y", () => {
		const input = (length: number): string => `x${". ".repeat((length - 2) / 2)}y`;
		expectLinear("safePdfName on x + '. ' × n + y", input, safePdfName);
		const small = input(10_000);
		// The cut falls inside the run of dots and spaces, and a name ends in neither.
		expect(safePdfName(small)).toBe("x.pdf");
	});

	it("recognises PDF bytes", () => {
		const bytes = (text: string): ArrayBuffer => Uint8Array.from(Buffer.from(text)).buffer;
		expect(looksLikePdf(bytes("%PDF-1.7\n"))).toBe(true);
		expect(looksLikePdf(bytes("<!doctype html>"))).toBe(false);
		expect(looksLikePdf(bytes(""))).toBe(false);
	});
});
