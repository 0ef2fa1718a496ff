/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: "jsdom",
	roots: ["<rootDir>/tests"],
	testMatch: ["**/*.test.ts"],
	transform: {
		"^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
	},
	moduleNameMapper: {
		"^obsidian$": "<rootDir>/sandbox/obsidian.ts",
	},
	setupFiles: ["<rootDir>/tests/jest-setup.cjs"],
};
