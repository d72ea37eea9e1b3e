/** Something that releases a resource or a subscription when disposed. */
export interface Disposable {
	dispose(): void;
}

/** A listener subscription: call the returned function's `dispose` to stop listening. */
export type EventSubscribe<T> = (listener: (event: T) => void) => Disposable;

/**
 * A tiny typed event emitter with the shape of VS Code's `Event<T>` (so adapters can pass
 * `emitter.event` straight through) and no dependency on `vscode`.
 */
export class Emitter<T> implements Disposable {
	private listeners = new Set<(event: T) => void>();

	readonly event: EventSubscribe<T> = (listener) => {
		this.listeners.add(listener);
		return { dispose: () => this.listeners.delete(listener) };
	};

	/** Calls every listener; a throwing listener does not stop the others. */
	fire(event: T): void {
		for (const listener of [...this.listeners]) {
			try {
				listener(event);
			} catch (error) {
				console.error('event listener failed:', error);
			}
		}
	}

	dispose(): void {
		this.listeners.clear();
	}
}
