import Mocha from 'mocha';

/**
 * Mocha's spec reporter plus one plain closing line, `N passed, N failed`, that CI and
 * humans can grep for in every test layer. The reporter option `layer` (or MOCHA_LAYER)
 * prefixes it, e.g. `unit: 12 passed, 0 failed`.
 */
class ClosingLineReporter extends Mocha.reporters.Spec {
	constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
		super(runner, options);
		runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
			const stats = runner.stats;
			const name = (options?.reporterOptions as { layer?: string } | undefined)?.layer ?? process.env.MOCHA_LAYER;
			const layer = name ? `${name}: ` : '';
			console.log(`${layer}${stats?.passes ?? 0} passed, ${stats?.failures ?? 0} failed`);
		});
	}
}

export = ClosingLineReporter;
