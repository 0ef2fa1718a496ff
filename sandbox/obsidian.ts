/**
 * What `import … from "obsidian"` means in the tests and the scripts: the maintained in-memory
 * mocks of the API, with the functions whose real behaviour the plugin depends on answered as the
 * app answers them, and a network that only answers what a test allows.
 */
export * from "obsidian-test-mocks/obsidian";
export { getAllTags, parseFrontMatterTags } from "./obsidian-functions";
export { requestUrl } from "./network";
export { getLanguage } from "./language";
export { setTooltip } from "./tooltip";
export { Modal } from "./modal";
export { addIcon, removeIcon, setIcon } from "./icons";
