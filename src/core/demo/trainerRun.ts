import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { computeConfigHash } from '../config/configHash';
import { extractConfigSummary } from '../config/configSummary';
import { type JsonObject, isJsonNumber, isJsonObject } from '../json/jsonValue';
import { parseLenient } from '../json/lenientParse';
import { newTrackerDocument } from '../tracker/newTracker';
import { TrackerDocument } from '../tracker/trackerDocument';
import { workstationEnvironment } from './demoEnvironment';
import { curveProfileFor } from './demoMetrics';
import { writeInPlace } from './inPlaceWrite';
import { MetricsSummary } from './metricsSummary';
import type { TrainerArguments } from './trainerArguments';
import type { RealClock } from './trainingClock';
import { TrainingSession } from './trainingSession';

/** A training process ready to go. */
export interface TrainerRun {
	readonly session: TrainingSession;
	readonly firstEpoch: number;
	readonly totalEpochs: number;
	/** The tracker already said "running" (the process carries on a started run, so no `start_experiment`). */
	readonly alreadyRunning: boolean;
}

const readText = (file: string) => readFile(file, 'utf8').catch(() => undefined);

async function readConfig(runDir: string): Promise<JsonObject | undefined> {
	const text = await readText(path.join(runDir, 'config.json'));
	const parsed = text === undefined ? undefined : parseLenient(text);
	return parsed?.ok && isJsonObject(parsed.value) ? parsed.value : undefined;
}

/** `str(experiment_dir)` as a Python process whose cwd is the workspace prints it: `artifacts/experiments/<id>`. */
function storedDirOf(runDir: string): string {
	const parent = path.dirname(runDir);
	const prefix = path.basename(parent) === 'experiments' ? `${path.basename(path.dirname(parent))}/experiments` : path.basename(parent);
	return `${prefix}/${path.basename(runDir)}`;
}

/**
 * Sets a training process up as `ExperimentTracker(dir, id, name, config)` would: the tracker file
 * is read ONCE and its metadata kept in memory; when it is missing, empty or unreadable, fresh
 * metadata is built from the folder name and `config.json` (and an unreadable file is truncated to
 * 0 bytes, as Python's constructor does). MetricsManager's summary carries on from `summary.json`
 * when there is one, as if the same process went on.
 */
export async function openTrainerRun(args: TrainerArguments, clock: RealClock): Promise<TrainerRun> {
	const trackerFile = path.join(args.runDir, 'experiment_tracker.json');
	const trackerText = await readText(trackerFile);
	let tracker = trackerText === undefined ? undefined : TrackerDocument.parse(trackerText);
	const config = await readConfig(args.runDir);
	if (!tracker) {
		if (trackerText !== undefined) {
			await writeFile(trackerFile, '');
		}
		const id = path.basename(args.runDir);
		const hash = config ? computeConfigHash(config) : undefined;
		const summary = config ? extractConfigSummary(config) : undefined;
		tracker = newTrackerDocument({
			id, name: /^\d{8}-\d{6}-(.+)$/.exec(id)?.[1] ?? id, now: clock.iso(), environment: workstationEnvironment,
			configHash: hash?.ok ? hash.hash : '', configSummary: summary?.ok ? summary.summary : new Map(),
		});
	}
	const name = tracker.getString('experiment_name') ?? path.basename(args.runDir);
	const trainingSection = config?.get('training');
	const epochsNode = isJsonObject(trainingSection) ? trainingSection.get('epochs') : undefined;
	const configEpochs = isJsonNumber(epochsNode) && epochsNode.isInteger && epochsNode.value > 0 ? epochsNode.value : undefined;
	const recordedTotal = tracker.getNumber('total_epochs') ?? 0;
	const totalEpochs = args.epochs ?? (recordedTotal > 0 ? recordedTotal : configEpochs ?? 10);
	const firstEpoch = args.startEpoch ?? (tracker.getNumber('current_epoch') ?? 0) + 1;
	const summaryText = await readText(path.join(args.runDir, 'metrics', 'summary.json'));
	const metrics = (summaryText === undefined ? undefined : MetricsSummary.resume(summaryText, firstEpoch)) ?? new MetricsSummary(clock.iso());
	const session = new TrainingSession({
		runDir: args.runDir, storedDir: storedDirOf(args.runDir), clock, profile: curveProfileFor(name, totalEpochs), totalEpochs, metrics, tracker,
		rewrite: (file, data) => writeInPlace(file, data, { pauseMs: args.writePauseMs }),
		trainedSeconds: firstEpoch > 1 ? tracker.getNumber('training_time_seconds') ?? 0 : 0,
	});
	return { session, firstEpoch, totalEpochs, alreadyRunning: tracker.getString('status') === 'running' };
}
