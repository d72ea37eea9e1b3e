/**
 * Per-key trailing debounce with a maximum wait, and at most one task in flight per key:
 * a burst of file events for one run becomes one re-read `debounceMs` after the last event,
 * but a run that never stops changing is still re-read every `maxWaitMs`. An event during a
 * re-read schedules one more afterwards, so the last state is never missed.
 */
export class RunDebouncer<T> {
	private readonly pending = new Map<string, { timer: NodeJS.Timeout; firstAt: number; value: T | undefined; task?: () => Promise<void> }>();
	private readonly running = new Map<string, boolean>();

	constructor(private readonly task: (value: T) => Promise<void>, private readonly debounceMs: number, private readonly maxWaitMs: number) {}

	/** Schedules work for `key`; `task` overrides the default task for this key. */
	schedule(key: string, value: T | undefined, task?: () => Promise<void>): void {
		const now = Date.now();
		const existing = this.pending.get(key);
		const firstAt = existing?.firstAt ?? now;
		clearTimeout(existing?.timer);
		const delay = Math.max(0, Math.min(this.debounceMs, firstAt + this.maxWaitMs - now));
		const timer = setTimeout(() => void this.fire(key), delay);
		this.pending.set(key, { timer, firstAt, value: value ?? existing?.value, task: task ?? existing?.task });
	}

	private async fire(key: string): Promise<void> {
		if (this.running.get(key)) {
			// Re-armed after the running task ends, so a change during a read is not lost.
			this.running.set(key, true);
			const entry = this.pending.get(key)!;
			entry.timer = setTimeout(() => void this.fire(key), this.debounceMs);
			return;
		}
		const entry = this.pending.get(key);
		if (!entry) {
			return;
		}
		this.pending.delete(key);
		this.running.set(key, true);
		try {
			await (entry.task ? entry.task() : this.task(entry.value as T));
		} catch (error) {
			console.error(`refresh of ${key} failed:`, error);
		} finally {
			this.running.delete(key);
		}
	}

	dispose(): void {
		for (const entry of this.pending.values()) {
			clearTimeout(entry.timer);
		}
		this.pending.clear();
	}
}
