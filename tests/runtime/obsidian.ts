/**
 * What `import … from "obsidian"` means in tests: the maintained in-memory mocks of the API, with
 * the functions whose real behaviour the plugin depends on answered as the app answers them.
 */
export * from "obsidian-test-mocks/obsidian";
export { getAllTags, parseFrontMatterTags } from "./obsidian-functions";
