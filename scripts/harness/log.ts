const started = Date.now();

/** Prints a harness progress line with the seconds since the harness started. */
export function log(message: string): void {
	console.log(`[host +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

/** Rejects with `message` when `promise` takes longer than `ms`; never leaves a timer behind. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${message} (timed out after ${Math.round(ms / 1000)} s)`)), ms);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
