import esbuild from "esbuild";
import process from "process";
import builtins from "builtin-modules";

const banner = `/*
GopherChina Dashboard: a dashboard of conference talks, slide PDFs and study items.
Bundled with esbuild; the source is in src/.
*/`;

const production = process.argv[2] === "production";

const context = await esbuild.context({
	banner: { js: banner },
	entryPoints: ["src/main.ts"],
	bundle: true,
	// Obsidian and its CodeMirror and Lezer packages are provided by the app at run time;
	// Node built-ins are listed so a stray import fails loudly instead of being bundled.
	external: [
		"obsidian",
		"electron",
		"@codemirror/autocomplete",
		"@codemirror/collab",
		"@codemirror/commands",
		"@codemirror/language",
		"@codemirror/lint",
		"@codemirror/search",
		"@codemirror/state",
		"@codemirror/view",
		"@lezer/common",
		"@lezer/highlight",
		"@lezer/lr",
		...builtins,
	],
	format: "cjs",
	target: "es2021",
	logLevel: "info",
	sourcemap: production ? false : "inline",
	treeShaking: true,
	minify: production,
	outfile: "main.js",
});

if (production) {
	await context.rebuild();
	await context.dispose();
} else {
	await context.watch();
}
