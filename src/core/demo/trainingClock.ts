import { pythonIsoNow } from '../tracker/timestamps';

/** The time a simulated training process lives in. */
export interface TrainingClock {
	/** Now, in epoch milliseconds (the fraction carries microseconds). */
	now(): number;
	/** Now as `datetime.now().isoformat()` prints it; successive calls never return the same time. */
	iso(): string;
	/** Lets `ms` of training time pass. Resolves true when it did, false when the wait was cut short (the process is stopping). */
	wait(ms: number): Promise<boolean>;
}

/**
 * A clock that only moves when told: the workspace generator replays days of training in
 * milliseconds. Each {@link iso} call moves it on by a fraction of a millisecond, as the
 * successive `datetime.now()` calls of a Python process would.
 */
export class VirtualClock implements TrainingClock {
	private calls = 0;

	constructor(private ms: number) {}

	now(): number {
		return this.ms;
	}

	iso(): string {
		this.calls++;
		// A golden-ratio walk gives varied, reproducible microsecond gaps (13–700 µs).
		this.ms += 0.013 + ((this.calls * 0.6180339887) % 1) * 0.687;
		return pythonIsoNow(this.ms);
	}

	/** Jumps ahead without waiting. */
	advance(ms: number): void {
		this.ms += ms;
	}

	wait(ms: number): Promise<boolean> {
		this.ms += ms;
		return Promise.resolve(true);
	}
}

/** Wall-clock time for the live trainer; {@link interrupt} ends the current wait and every later one at once. */
export class RealClock implements TrainingClock {
	private interrupted = false;
	private readonly wakers = new Set<() => void>();

	now(): number {
		return performance.timeOrigin + performance.now();
	}

	iso(): string {
		return pythonIsoNow(this.now());
	}

	wait(ms: number): Promise<boolean> {
		if (this.interrupted) {
			return Promise.resolve(false);
		}
		return new Promise((resolve) => {
			const wake = () => {
				clearTimeout(timer);
				this.wakers.delete(wake);
				resolve(false);
			};
			const timer = setTimeout(() => {
				this.wakers.delete(wake);
				resolve(true);
			}, Math.max(0, ms));
			this.wakers.add(wake);
		});
	}

	/** True once {@link interrupt} was called. */
	get isInterrupted(): boolean {
		return this.interrupted;
	}

	interrupt(): void {
		this.interrupted = true;
		for (const wake of [...this.wakers]) {
			wake();
		}
	}
}
