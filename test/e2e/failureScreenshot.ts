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
