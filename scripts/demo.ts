/**
 * `npm run demo -- [--vault DIR] [--out DIR]`: the main job. Builds the plugin, installs it into the
 * vault (so the vault opens in Obsidian with the plugin on), renders the dashboard over the vault in
 * headless Chromium and writes dashboard.png, dashboard-dark.png and dashboard.html to the out folder.
 * Without a browser it still writes dashboard.html, rendered on a DOM without one.
 */
import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { readVaultFolder } from "../tests/runtime/harness";
import { CHROMIUM_MISSING, findChromium, launchChromium, openDashboardPage, pageStyles, ROOT, startOptions } from "../tests/browser/page";

interface Args {
	vault: string;
	out: string;
}

function parseArgs(argv: string[]): Args {
	const args: Args = { vault: join(ROOT, "tests", "fixtures", "example-vault"), out: join(ROOT, "demo") };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = argv[i + 1];
		if ((flag === "--vault" || flag === "--out") && value !== undefined) {
			args[flag === "--vault" ? "vault" : "out"] = resolve(value);
			i++;
		} else {
			throw new Error(`unexpected argument ${flag ?? ""}; usage: npm run demo -- [--vault DIR] [--out DIR]`);
		}
	}
	return args;
}

function build(): void {
	const result = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
	if (result.status !== 0) {
		throw new Error("the build failed");
	}
}

/** Copies the plugin into <vault>/.obsidian/plugins/<id>/ and turns it on. */
function install(vault: string): string {
	const manifest = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")) as { id: string };
	const config = join(vault, ".obsidian");
	const folder = join(config, "plugins", manifest.id);
	mkdirSync(folder, { recursive: true });
	for (const file of ["main.js", "manifest.json", "styles.css"]) {
		copyFileSync(join(ROOT, file), join(folder, file));
	}
	const enabledFile = join(config, "community-plugins.json");
	const enabled = existsSync(enabledFile) ? (JSON.parse(readFileSync(enabledFile, "utf8")) as string[]) : [];
	if (!enabled.includes(manifest.id)) {
		enabled.push(manifest.id);
	}
	writeFileSync(enabledFile, `${JSON.stringify(enabled, null, 2)}\n`);
	return folder;
}

function standalone(body: string, theme: "light" | "dark"): string {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>GopherChina Dashboard</title>
<style>${pageStyles()}</style>
</head><body class="theme-${theme}">${body}</body></html>
`;
}

/** Renders the dashboard on a DOM without a browser (jsdom), for machines without Chromium. */
async function renderWithoutBrowser(files: Record<string, string>): Promise<string> {
	await import("../tests/runtime/node-dom");
	const { setup } = await import("obsidian-test-mocks/setup");
	setup();
	const { start } = await import("../tests/browser/runtime-entry");
	document.body.createDiv({ cls: "sidebar workspace-leaf-content", attr: { "data-type": "gopherchina-dashboard" } });
	await start(startOptions({ files, theme: "light" }));
	return document.querySelector(".sidebar")?.outerHTML ?? "";
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	if (!existsSync(args.vault) || !statSync(args.vault).isDirectory()) {
		throw new Error(`${args.vault} is not a folder`);
	}
	build();
	const installed = install(args.vault);
	const files = readVaultFolder(args.vault, (path, reason) => console.error(`demo: skipped ${path}: ${reason}`));
	mkdirSync(args.out, { recursive: true });
	const written: string[] = [];
	const executable = findChromium();
	let summary = "";
	if (executable !== null) {
		const browser = await launchChromium(executable);
		try {
			for (const theme of ["light", "dark"] as const) {
				const page = await openDashboardPage(browser, { files, theme }, { width: 380, height: 760 });
				const shot = join(args.out, theme === "light" ? "dashboard.png" : "dashboard-dark.png");
				await page.locator(".sidebar").screenshot({ path: shot });
				written.push(shot);
				if (theme === "light") {
					const html = await page.evaluate(() => document.querySelector(".sidebar")?.outerHTML ?? "");
					writeFileSync(join(args.out, "dashboard.html"), standalone(html, "light"));
					written.push(join(args.out, "dashboard.html"));
					summary = await page.evaluate(() => `${document.querySelector(".gopherchina-progress-text")?.textContent ?? ""}; ${document.querySelector(".gopherchina-counts")?.textContent ?? ""}`);
				}
				await page.close();
			}
		} finally {
			await browser.close();
		}
	} else {
		const html = await renderWithoutBrowser(files);
		writeFileSync(join(args.out, "dashboard.html"), standalone(html, "light"));
		written.push(join(args.out, "dashboard.html"));
		summary = `${document.querySelector(".gopherchina-progress-text")?.textContent ?? ""}; ${document.querySelector(".gopherchina-counts")?.textContent ?? ""}`;
		console.log(`${CHROMIUM_MISSING}\nThen run npm run demo again for dashboard.png and dashboard-dark.png; dashboard.html opens in any browser now.`);
	}
	console.log(`\nGopherChina Dashboard over ${args.vault}`);
	console.log(`  ${summary}`);
	console.log(`  plugin installed in ${installed} (open the vault in Obsidian: the plugin is on)`);
	for (const file of written) {
		console.log(`  wrote ${file}`);
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	},
);
