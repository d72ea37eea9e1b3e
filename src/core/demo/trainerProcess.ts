import { stat } from 'node:fs/promises';
import { updateRunStatus } from './managerRun';
import { parseTrainerArguments } from './trainerArguments';
import { openTrainerRun } from './trainerRun';
import { RealClock } from './trainingClock';

/** The error a `--fail-at` epoch dies with (spec §6.4). */
export const simulatedFailure = 'RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB';

/**
 * A training process with CrackSeg's tracker attached, for the demo and the tests:
 * `node trainerProcess.js <runDir> [--interval-ms N] [--epochs N] [--start-epoch N] [--fail-at N]`.
 * One epoch per interval; the tracker metadata lives in memory and every save truncates and
 * rewrites experiment_tracker.json in place, in pieces, as Python's `open("w")` + `json.dump`
 * does. SIGTERM stops it after the write in progress (the run stays "running", as a killed Python
 * process leaves it); SIGINT does the same but first calls `abort_experiment()`, as a script
 * catching KeyboardInterrupt would. Exit code 0 when training ended, failed as asked or was
 * stopped; 2 for a bad command line or a missing run folder; 1 for an unexpected error.
 */
export async function runTrainer(argv: readonly string[]): Promise<number> {
	const args = parseTrainerArguments(argv);
	if (typeof args === 'string') {
		console.error(args);
		return 2;
	}
	if (!(await stat(args.runDir).then((info) => info.isDirectory(), () => false))) {
		console.error(`${args.runDir} is not a run folder`);
		return 2;
	}
	const clock = new RealClock();
	let stopSignal: NodeJS.Signals | undefined;
	for (const signal of ['SIGTERM', 'SIGINT'] as const) {
		process.on(signal, () => {
			stopSignal ??= signal;
			clock.interrupt();
		});
	}
	const run = await openTrainerRun(args, clock);
	if (!run.alreadyRunning) {
		await run.session.start();
	}
	for (let epoch = run.firstEpoch; epoch <= run.totalEpochs && !clock.isInterrupted; epoch++) {
		if (epoch === args.failAt) {
			if (await clock.wait(args.intervalMs / 2)) {
				await run.session.fail(simulatedFailure);
				await updateRunStatus(args.runDir, 'failed', clock.iso(), new Map([['error', simulatedFailure]]));
				console.log(`epoch ${epoch}/${run.totalEpochs}: ${simulatedFailure}`);
				return 0;
			}
			break;
		}
		if (await run.session.trainEpoch(epoch, args.intervalMs)) {
			console.log(`epoch ${epoch}/${run.totalEpochs} done`);
		}
	}
	if (stopSignal === 'SIGINT') {
		await run.session.abort();
	}
	if (stopSignal === undefined) {
		await run.session.finish();
	}
	console.log(stopSignal ? `stopped by ${stopSignal}` : 'training complete');
	return 0;
}

if (require.main === module) {
	runTrainer(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
