import { appendFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { JsonNode, JsonObject } from '../json/jsonValue';
import { pythonNumber } from '../json/pythonFloat';
import type { EnvironmentInfo } from '../tracker/newTracker';
import { curveProfileFor, epochMetrics } from './demoMetrics';
import { createManagerRun, type DemoRoot, type ManagerRun, updateRunStatus } from './managerRun';
import { MetricsSummary } from './metricsSummary';
import { dumpPythonJsonLine } from './pythonJsonLine';
import { saveStoredConfig } from './storedConfigs';
import { VirtualClock } from './trainingClock';
import { TrainingSession } from './trainingSession';

/** A run without an ExperimentTracker (spec §0.2: what plain CrackSeg training leaves). */
export interface UntrackedRunPlan {
	readonly name: string;
	/** When the run was created (epoch ms, local time in the id). */
	readonly startMs: number;
	readonly config: JsonObject;
	readonly totalEpochs: number;
	/** Epochs that finished before the ending. */
	readonly epochs: number;
	/** Wall time of one epoch (varies by ±3%). */
	readonly epochMs: number;
	readonly environment: EnvironmentInfo;
}

const rewrite = (file: string, data: string | Uint8Array) => writeFile(file, data);

/**
 * The Trainer path (scripts/experiments): ExperimentManager's folder with experiment_info.json left
 * at "created" (the Trainer never updates it), StandardizedConfigStorage's
 * `configurations/<id>/training_config.yaml` plus one config copy per epoch, MetricsManager's files
 * ending with complete_summary.json, and checkpoints. No tracker file, no config.json.
 */
export async function buildTrainerOnlyRun(where: DemoRoot, plan: UntrackedRunPlan): Promise<ManagerRun> {
	const clock = new VirtualClock(plan.startMs);
	const run = await createManagerRun(where, { name: plan.name, clock, config: plan.config });
	clock.advance(800);
	await saveStoredConfig(run, 'training_config', plan.config, plan.environment, clock.iso());
	clock.advance(2100);
	const session = new TrainingSession({
		runDir: run.dir, storedDir: run.storedDir, clock, profile: curveProfileFor(plan.name, plan.totalEpochs),
		totalEpochs: plan.totalEpochs, metrics: new MetricsSummary(clock.iso()), rewrite,
		afterEpoch: (epoch) => saveStoredConfig(run, `config_epoch_${String(epoch).padStart(4, '0')}`, plan.config, plan.environment, clock.iso()),
	});
	for (let epoch = 1; epoch <= plan.epochs; epoch++) {
		await session.trainEpoch(epoch, plan.epochMs * (1 + 0.03 * Math.cos(epoch * 7.31)));
	}
	clock.advance(700);
	await session.finish({ plotCurves: false });
	return run;
}

/** One ExperimentLogger scalar line of `metrics/metrics.jsonl` (`json.dumps`, ASCII). */
function scalarLine(name: string, value: number, step: number, timestamp: string): string {
	return dumpPythonJsonLine(new Map<string, JsonNode>([['name', name], ['value', pythonNumber(value, 'float')], ['step', pythonNumber(step, 'int')], ['timestamp', timestamp]])) + '\n';
}

/**
 * The main.py path that crashed mid-training (spec §1.3): two managers registered the same id,
 * ExperimentLogger wrote config.json, metrics.jsonl scalars and `<root>/<name>.log`; after the
 * crash `log_error` set "failed" and wrote error_log.txt, then `close()` set "completed". The
 * metrics stop at epoch `plan.epochs` of `plan.totalEpochs`.
 */
export async function buildCrashedMainRun(where: DemoRoot, plan: UntrackedRunPlan, error: string): Promise<ManagerRun> {
	const clock = new VirtualClock(plan.startMs);
	const run = await createManagerRun(where, { name: plan.name, clock, config: plan.config, saveConfig: true, registrations: 2 });
	const logLines: Array<readonly [string, string, string]> = [];
	const log = (message: string, level = 'INFO') => logLines.push([clock.iso(), level, message]);
	log(`Logging to file: artifacts/${plan.name}.log`);
	log(`Initialized experiment '${plan.name}' in artifacts`);
	const profile = curveProfileFor(plan.name, plan.totalEpochs);
	const scalars = path.join(run.dir, 'metrics', 'metrics.jsonl');
	const session = new TrainingSession({
		runDir: run.dir, storedDir: run.storedDir, clock, profile, totalEpochs: plan.totalEpochs,
		metrics: new MetricsSummary(clock.iso()), rewrite,
		afterEpoch: async (epoch) => {
			const result = epochMetrics(profile, epoch);
			await appendFile(scalars, scalarLine('train/epoch_loss', result.trainLoss, epoch, clock.iso()));
			for (const [name, value] of result.val) {
				await appendFile(scalars, scalarLine(`val_${name}`, value, epoch, clock.iso()));
			}
			await appendFile(scalars, scalarLine('lr', result.learningRate, epoch, clock.iso()));
			log(`Epoch ${epoch}/${plan.totalEpochs} | val_loss: ${(result.val.get('loss') ?? 0).toFixed(4)} | val_iou: ${(result.val.get('iou') ?? 0).toFixed(4)}`);
		},
	});
	for (let epoch = 1; epoch <= plan.epochs; epoch++) {
		await session.trainEpoch(epoch, plan.epochMs);
	}
	clock.advance(plan.epochMs * 0.7);
	const failedAt = clock.iso();
	await updateRunStatus(run.dir, 'failed', failedAt);
	const traceback = 'Traceback (most recent call last):\n  File "src/main.py", line 311, in main\n    trainer.train()\n'
		+ `  File "src/crackseg/training/trainer.py", line 402, in train\n    train_loss = self._train_epoch(epoch)\n${error}\n`;
	await writeFile(path.join(run.dir, 'error_log.txt'), `[${failedAt}] Error occurred: ${error}\nTraceback:\n${traceback}\n--- --- ---\n`);
	log(`Error occurred: ${error}`, 'ERROR');
	log(`Closing logger for experiment '${plan.name}'`);
	await updateRunStatus(run.dir, 'completed', clock.iso());
	await updateRunStatus(run.dir, 'completed', clock.iso());
	// logging's asctime: `2026-12-04 15:29:27,148`.
	const stamp = ([time, level, message]: readonly [string, string, string]) => `[${time.replace('T', ' ').slice(0, 23).replace('.', ',')}][${level}][experiment.${plan.name}] - ${message}`;
	await writeFile(path.join(where.root, `${plan.name}.log`), logLines.map(stamp).join('\n') + '\n');
	return run;
}
