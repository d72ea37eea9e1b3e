/**
 * Re-reads `read` until `accept` holds or `timeoutMs` passes, and returns the accepted value;
 * the timeout error says what was awaited and what was last seen. For tests in every layer.
 */
export async function pollUntil<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 20_000, intervalMs = 150): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let last: T | undefined;
	while (Date.now() < deadline) {
		last = await read();
		if (accept(last)) {
			return last;
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
	throw new Error(`timed out waiting for ${what} (last seen: ${JSON.stringify(last)})`);
}
