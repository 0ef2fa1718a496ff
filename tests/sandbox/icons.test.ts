import { addIcon, removeIcon, setIcon } from "obsidian";

/** The sandbox's icons: parsed once, copied on each use, and drawn as the mocks draw them. */
describe("the sandbox's setIcon", () => {
	it("draws a registered icon afresh in each element, and follows a new or removed registration", () => {
		addIcon("test-dot", '<circle cx="50" cy="50" r="40"/>');
		const first = createDiv();
		const second = createDiv();
		setIcon(first, "test-dot");
		setIcon(second, "test-dot");
		expect(first.innerHTML).toBe(second.innerHTML);
		expect(first.querySelector("circle")).not.toBeNull();
		expect(first.firstChild).not.toBe(second.firstChild);
		addIcon("test-dot", '<rect width="10" height="10"/>');
		setIcon(first, "test-dot");
		expect(first.querySelector("rect")).not.toBeNull();
		expect(first.querySelector("circle")).toBeNull();
		removeIcon("test-dot");
		const kept = createDiv({ text: "kept" });
		setIcon(kept, "test-dot");
		expect(kept.textContent).toBe("kept");
	});

	it("leaves an element as it is for an icon no one registered", () => {
		const el = createDiv({ text: "as it was" });
		setIcon(el, "no-such-icon");
		expect(el.textContent).toBe("as it was");
	});
});
