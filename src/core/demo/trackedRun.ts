import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { computeConfigHash } from '../config/configHash';
import { extractConfigSummary } from '../config/configSummary';
import { newTrackerDocument } from '../tracker/newTracker';
import type { TrackerDocument } from '../tracker/trackerDocument';
import { curveProfileFor } from './demoMetrics';
import { createManagerRun, type DemoRoot, type ManagerRun, updateRunStatus } from './managerRun';
import { MetricsSummary } from './metricsSummary';
import { VirtualClock } from './trainingClock';
import { TrainingSession } from './trainingSession';
import type { UntrackedRunPlan } from './untrackedRuns';

/** How a tracked run's story ends. */
export type RunEnding =
	| { readonly kind: 'complete' }
	/** `fail_experiment(message)` while training epoch `epochs + 1`; `tags` are added just before, and experiment_info.json gets status "failed" with the error. */
	| { readonly kind: 'fail'; readonly message: string; readonly tags?: readonly string[] }
	| { readonly kind: 'abort' }
	/** Still training: the live trainer takes over. */
	| { readonly kind: 'running' }
	/** The process died in the middle of a tracker save: the file holds the first 60% of its text. */
	| { readonly kind: 'torn' };

/** A run created by ExperimentManager with an ExperimentTracker attached by the training script. */
export interface TrackedRunPlan extends UntrackedRunPlan {
	readonly description?: string;
	readonly tags?: readonly string[];
	readonly ending: RunEnding;
}

/** The tracker a script builds with `ExperimentTracker(dir, id, name, config=cfg)`, with description and tags set. */
function newTracker(run: ManagerRun, plan: TrackedRunPlan, clock: VirtualClock): TrackerDocument {
	const hash = computeConfigHash(plan.config);
	const summary = extractConfigSummary(plan.config);
	if (!hash.ok || !summary.ok) {
		throw new Error(`demo config of ${plan.name} cannot be hashed or summarized: ${hash.ok ? '' : hash.reason} ${summary.ok ? '' : summary.reason}`);
	}
	const tracker = newTrackerDocument({
		id: run.id, name: run.name, now: clock.iso(), description: plan.description, tags: plan.tags,
		configHash: hash.hash, configSummary: summary.summary, environment: plan.environment,
	});
	// The dataclass defaults run one after the other; update_description/add_tags then bump updated_at.
	tracker.set('created_at', clock.iso());
	tracker.set('updated_at', clock.iso());
	if (plan.description || plan.tags?.length) {
		tracker.set('updated_at', clock.iso());
	}
	return tracker;
}

/** Writes a whole file at once (the generator replays history; nobody reads concurrently). */
const rewrite = (file: string, data: string | Uint8Array) => writeFile(file, data);

/** Creates a tracked run and replays its training on a virtual clock, leaving the files a real run leaves. */
export async function buildTrackedRun(where: DemoRoot, plan: TrackedRunPlan): Promise<ManagerRun> {
	const clock = new VirtualClock(plan.startMs);
	const run = await createManagerRun(where, { name: plan.name, clock, config: plan.config, saveConfig: true });
	clock.advance(1200);
	const tracker = newTracker(run, plan, clock);
	clock.advance(2400);
	const session = new TrainingSession({
		runDir: run.dir, storedDir: run.storedDir, clock, profile: curveProfileFor(plan.name, plan.totalEpochs),
		totalEpochs: plan.totalEpochs, metrics: new MetricsSummary(clock.iso()), tracker, rewrite,
	});
	await session.start();
	for (let epoch = 1; epoch <= plan.epochs; epoch++) {
		await session.trainEpoch(epoch, plan.epochMs * (1 + 0.03 * Math.sin(epoch * 12.9898)));
	}
	const ending = plan.ending;
	if (ending.kind === 'complete') {
		clock.advance(900);
		await session.finish();
	} else if (ending.kind === 'fail') {
		clock.advance(plan.epochMs * 0.4);
		if (ending.tags) {
			await session.addTags(ending.tags);
		}
		await session.fail(ending.message);
		await updateRunStatus(run.dir, 'failed', clock.iso(), new Map([['error', ending.message]]));
	} else if (ending.kind === 'abort') {
		clock.advance(plan.epochMs * 0.6);
		await session.abort();
	} else if (ending.kind === 'torn') {
		const file = path.join(run.dir, 'experiment_tracker.json');
		const text = await readFile(file, 'utf8');
		await writeFile(file, text.slice(0, Math.floor(text.length * 0.6)));
	}
	return run;
}
