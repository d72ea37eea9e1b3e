/**
 * Maps `items` through `task` with at most `limit` tasks in flight, keeping order. File I/O
 * over thousands of runs goes through this: unbounded `Promise.all` floods libuv's
 * thread pool and is several times slower than a bounded pool.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await task(items[index]!, index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
	return results;
}
