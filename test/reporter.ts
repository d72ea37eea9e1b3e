import Mocha from 'mocha';

/**
 * Mocha's spec reporter plus one plain closing line, `N passed, N failed`, that CI and
 * humans can grep for in every test layer. Set MOCHA_LAYER to prefix it (e.g. "host:").
 */
class ClosingLineReporter extends Mocha.reporters.Spec {
	constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
		super(runner, options);
		runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
			const stats = runner.stats;
			const layer = process.env.MOCHA_LAYER ? `${process.env.MOCHA_LAYER}: ` : '';
			console.log(`${layer}${stats?.passes ?? 0} passed, ${stats?.failures ?? 0} failed`);
		});
	}
}

export = ClosingLineReporter;
