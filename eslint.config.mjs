import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
	globalIgnores(["node_modules/", "main.js", "demo/", "coverage/", ".cache/", "tests/fixtures/"]),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: {
					allowDefaultProject: ["eslint.config.mjs", "esbuild.config.mjs", "version-bump.mjs", "jest.config.cjs", "scripts/*.mjs", "tests/jest-setup.cjs"],
				},
				tsconfigRootDir: import.meta.dirname,
			},
		},
	},
	{
		// Build scripts, the sandbox (the in-memory Obsidian) and tests run in Node, never inside
		// Obsidian: Node modules and globals are what they are for. The plugin's own code (src/) keeps
		// every rule.
		files: ["*.mjs", "*.cjs", "scripts/**", "sandbox/**", "tests/**"],
		languageOptions: { globals: { ...globals.node, ...globals.jest } },
		rules: {
			"obsidianmd/no-nodejs-modules": "off",
			"import/no-nodejs-modules": "off",
			"no-restricted-imports": "off",
			"depend/ban-dependencies": "off",
			"obsidianmd/prefer-window-timers": "off",
			"obsidianmd/prefer-active-doc": "off",
			"obsidianmd/no-global-this": "off",
			"obsidianmd/prefer-file-manager-trash-file": "off",
			"@typescript-eslint/no-require-imports": "off",
			// Command-line scripts print their results; that is their output, not logging noise.
			"obsidianmd/rule-custom-message": "off",
			"no-console": "off",
		},
	},
	{
		// Tests call display() on purpose: it is how apps before 1.13 render the settings tab.
		files: ["tests/**"],
		rules: { "@typescript-eslint/no-deprecated": "off" },
	},
	{
		// The browser runtime loads the built main.js the way Obsidian loads a plugin: it runs the
		// bundle's text as a function with module, exports and require. That is the point of it.
		files: ["sandbox/browser/runtime-entry.ts"],
		rules: { "@typescript-eslint/no-implied-eval": "off" },
	},
	{
		// The demo installs the plugin into a vault folder on disk; with no running app there is no
		// Vault#configDir to ask, and .obsidian is the folder a new vault uses.
		files: ["scripts/demo.ts"],
		rules: { "obsidianmd/hardcoded-config-path": "off" },
	},
	{
		// Manifest validation: manifest.json is read as one object expression, the form the
		// validate-manifest rule inspects. No type information is needed for it.
		files: ["manifest.json"],
		plugins: { obsidianmd },
		languageOptions: { parser: tseslint.parser, parserOptions: { projectService: false, project: null } },
		rules: { "obsidianmd/validate-manifest": "error" },
	},
	{
		// esbuild.config.mjs is the design card's build: `builtin-modules` lists Node's modules so the
		// bundle keeps them external. The dependency-ban rule suggests `module.builtinModules`, but the
		// card names this package; the rule is bent here, for this file only.
		files: ["esbuild.config.mjs", "package.json"],
		rules: { "depend/ban-dependencies": "off" },
	},
]);
