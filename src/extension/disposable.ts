import * as vscode from 'vscode';

/**
 * Base class for features that own VS Code registrations: children registered with
 * `_register` are disposed together, in reverse order, when the feature is disposed.
 */
export abstract class Disposable implements vscode.Disposable {
	private readonly children: vscode.Disposable[] = [];
	private disposed = false;

	protected _register<T extends vscode.Disposable>(child: T): T {
		if (this.disposed) {
			child.dispose();
		} else {
			this.children.push(child);
		}
		return child;
	}

	protected get isDisposed(): boolean {
		return this.disposed;
	}

	dispose(): void {
		if (this.disposed) {
			return;
		}
		this.disposed = true;
		for (const child of this.children.splice(0).reverse()) {
			child.dispose();
		}
	}
}

/** Adapts a plain close function (for example a core watcher's) to a VS Code disposable. */
export function toDisposable(close: () => unknown): vscode.Disposable {
	return new vscode.Disposable(() => {
		void close();
	});
}
