import type { Workbench } from './workbench';

/**
 * Registers an `afterEach` hook in the calling suite that saves the window as
 * test-results/failed-<test title>.png whenever one of its tests fails, for the reader of a red run.
 */
export function screenshotOnFailure(workbench: () => Workbench | undefined): void {
	afterEach(async function (this: Mocha.Context) {
		const test = this.currentTest;
		if (test?.state !== 'failed') {
			return;
		}
		const name = test.fullTitle().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
		await workbench()?.screenshot(`failed-${name}`).catch(() => undefined);
	});
}

/**
 * Opens a fresh workbench (its own VS Code server) for the calling suite: before its tests,
 * closed after them, with a screenshot of any failing test. Returns a getter for it.
 */
export function useWorkbench(open: () => Promise<Workbench>): () => Workbench {
	let workbench: Workbench | undefined;
	before(async () => {
		workbench = await open();
	});
	after(async () => {
		await workbench?.close();
	});
	screenshotOnFailure(() => workbench);
	return () => {
		if (!workbench) {
			throw new Error('the workbench did not open');
		}
		return workbench;
	};
}
