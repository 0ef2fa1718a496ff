/**
 * The runtime has no network: `requestUrl` answers from the handler a test installs, and with a
 * refusal when none is installed. Every request is recorded.
 */
import type { RequestUrlParam, RequestUrlResponse, RequestUrlResponsePromise } from "obsidian";

export type Handler = (request: RequestUrlParam) => Promise<Partial<RequestUrlResponse>> | Partial<RequestUrlResponse>;

export const requests: RequestUrlParam[] = [];
let handler: Handler | null = null;

export function setNetwork(next: Handler | null): void {
	handler = next;
	requests.length = 0;
}

/** UTF-8 bytes of a text (jsdom has no TextEncoder). */
export function bytesOf(text: string): ArrayBuffer {
	const buffer = Buffer.from(text, "utf8");
	return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
}

export function pdfBytes(text = "%PDF-1.4\n%%EOF\n"): ArrayBuffer {
	return bytesOf(text);
}

export function requestUrl(request: RequestUrlParam | string): RequestUrlResponsePromise {
	const param = typeof request === "string" ? { url: request } : request;
	requests.push(param);
	const promise = (async (): Promise<RequestUrlResponse> => {
		if (!handler) {
			throw new Error(`no network in tests: ${param.url}`);
		}
		const answer = await handler(param);
		const arrayBuffer = answer.arrayBuffer ?? new ArrayBuffer(0);
		const response: RequestUrlResponse = {
			status: answer.status ?? 200,
			headers: answer.headers ?? {},
			arrayBuffer,
			text: answer.text ?? Buffer.from(arrayBuffer).toString("utf8"),
			json: (answer.json as unknown) ?? null,
		};
		if (param.throw !== false && response.status >= 400) {
			throw new Error(`status ${response.status}`);
		}
		return response;
	})();
	return promise as RequestUrlResponsePromise;
}
