/** How many DOM nodes (elements and text) a subtree holds: the figure the render budget counts. */
export function countNodes(root: Node | null): number {
	if (!root) {
		return 0;
	}
	let count = 0;
	const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
	while (walker.nextNode()) {
		count++;
	}
	return count;
}
