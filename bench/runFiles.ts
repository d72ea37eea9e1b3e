import { computeConfigHash } from '../src/core/config/configHash';
import { extractConfigSummary } from '../src/core/config/configSummary';
import { crackSegConfig, type ConfigVariant } from '../src/core/demo/demoConfigs';
import { workstationEnvironment } from '../src/core/demo/demoEnvironment';
import { curveProfileFor, epochMetrics, type EpochMetrics } from '../src/core/demo/demoMetrics';
import { MetricsSummary, validationLine } from '../src/core/demo/metricsSummary';
import type { JsonNode, JsonObject, JsonNumber } from '../src/core/json/jsonValue';
import { pythonNumber } from '../src/core/json/pythonFloat';
import { dumpPythonJson } from '../src/core/json/pythonJson';
import { newTrackerDocument } from '../src/core/tracker/newTracker';
import { pythonRepr } from '../src/core/tracker/pythonRepr';
import { managerTimestamp, pythonIsoNow } from '../src/core/tracker/timestamps';
import { abortExperiment, addArtifact, completeExperiment, failExperiment, startExperiment, updateTrainingProgress } from '../src/core/tracker/trackerApi';
import type { RunPlan } from './runPlan';

/** A config the generated runs share, with what the tracker and the info file record of it. */
interface PreparedConfig {
	readonly hash: string;
	readonly summary: JsonObject;
	/** Python `str()` of the config, as experiment_info.json stores it. */
	readonly repr: string;
	/** config.json as `save_config` writes it. */
	readonly jsonText: string;
}

const variants: readonly ConfigVariant[] = [
	{ experimentName: 'unet_baseline', architecture: 'unet', epochs: 20, learningRate: 0.001, batchSize: 8, loss: 'bce_dice' },
	{ experimentName: 'swinv2_hybrid', architecture: 'swinv2', epochs: 30, learningRate: 0.0001, batchSize: 4, loss: 'focal_dice' },
	{ experimentName: 'focal_loss_experiment', architecture: 'unet', epochs: 50, learningRate: 0.0005, batchSize: 8, loss: 'focal_dice' },
	{ experimentName: 'lr_sweep', architecture: 'swinv2', epochs: 10, learningRate: 0.01, batchSize: 16, loss: 'bce_dice', imageSize: 384 },
];

/** Hashing a config costs a YAML dump, so the four configs are prepared once. */
const preparedConfigs: readonly PreparedConfig[] = variants.map((variant) => {
	const config = crackSegConfig(variant);
	const hash = computeConfigHash(config);
	const summary = extractConfigSummary(config);
	return { hash: hash.ok ? hash.hash : '', summary: summary.ok ? summary.summary : new Map(), repr: pythonRepr(config), jsonText: dumpPythonJson(config) };
});

/** Naive local ISO time of `ms`, with microseconds that differ from run to run. */
function iso(plan: RunPlan, ms: number): string {
	return pythonIsoNow(ms + ((plan.index * 7919) % 1000) / 1000);
}

/** ExperimentManager's run id: `<YYYYmmdd-HHMMSS>-<name>`. */
export function runId(plan: RunPlan): string {
	return `${managerTimestamp(new Date(plan.createdMs))}-${plan.name}`;
}

const startedMs = (plan: RunPlan) => plan.createdMs + 20_000;
/** When epoch `epoch` (1-based) was validated: 90 s per epoch. */
export const epochEndMs = (plan: RunPlan, epoch: number) => startedMs(plan) + epoch * 90_000;
const endedMs = (plan: RunPlan) => epochEndMs(plan, plan.epochsDone) + 5_000;

/** The epochs a run has logged, on its name's curve (NaN from epoch 4 on for a diverged run). */
export function plannedEpochs(plan: RunPlan): EpochMetrics[] {
	const profile = curveProfileFor(plan.name, plan.totalEpochs);
	return Array.from({ length: plan.epochsDone }, (_, offset) => epochMetrics(profile, offset + 1));
}

/** One validation_metrics.jsonl line of `metrics`, timestamped when the epoch ended. */
export function validationLineOf(plan: RunPlan, metrics: EpochMetrics): string {
	return validationLine(metrics, iso(plan, epochEndMs(plan, metrics.epoch)));
}

function bestOf(epochs: readonly EpochMetrics[], name: 'loss' | 'iou'): JsonNumber {
	const values = epochs.map((epoch) => epoch.val.get(name)!);
	const finite = values.filter((value) => !Number.isNaN(value));
	const best = finite.length === 0 ? Number.NaN : name === 'loss' ? Math.min(...finite) : Math.max(...finite);
	// A diverged run's tracker ends with NaN for IoU, as in spec §6.4.
	return pythonNumber(name === 'iou' && values.some(Number.isNaN) ? Number.NaN : best, 'float');
}

/** `experiment_tracker.json` after the run's lifecycle calls, through the tracker API (32 keys, Python's json.dump). */
export function trackerText(plan: RunPlan, epochs: readonly EpochMetrics[], storedDir: string): string {
	const config = preparedConfigs[plan.variant]!;
	const doc = newTrackerDocument({
		id: runId(plan), name: plan.name, now: iso(plan, plan.createdMs), description: `${plan.name} on the unified crack dataset`,
		tags: [plan.name.split('_')[0]!, plan.variant % 2 === 0 ? 'unet' : 'swinv2'], configHash: config.hash, configSummary: config.summary, environment: workstationEnvironment,
	});
	if (plan.status === 'created') {
		return doc.serialize();
	}
	startExperiment(doc, iso(plan, startedMs(plan)));
	if (epochs.length > 0) {
		const bestMetrics = new Map([['val_loss', bestOf(epochs, 'loss')], ['val_iou', bestOf(epochs, 'iou')]]);
		updateTrainingProgress(doc, { currentEpoch: plan.epochsDone, totalEpochs: plan.totalEpochs, bestMetrics, trainingTimeSeconds: pythonNumber(plan.epochsDone * 89.731, 'float') });
	}
	const end = iso(plan, endedMs(plan));
	if (plan.status === 'completed') {
		addArtifact(doc, { id: 'checkpoint_last', type: 'checkpoint', path: `${storedDir}/checkpoints/checkpoint_last.pth` });
		addArtifact(doc, { id: 'model_best', type: 'checkpoint', path: `${storedDir}/checkpoints/model_best.pth.tar` });
		completeExperiment(doc, end);
	} else if (plan.status === 'failed') {
		failExperiment(doc, end, plan.diverged ? 'ValueError: loss is NaN' : 'RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB');
	} else if (plan.status === 'aborted') {
		abortExperiment(doc, end);
	}
	return doc.serialize();
}

/** `experiment_info.json` as ExperimentManager writes it (and updates it when ExperimentLogger closes or logs an error). */
export function infoText(plan: RunPlan): string {
	const info = new Map<string, JsonNode>([
		['id', runId(plan)], ['name', plan.name], ['timestamp', managerTimestamp(new Date(plan.createdMs))],
		['created_at', iso(plan, plan.createdMs)], ['status', 'created'], ['config', preparedConfigs[plan.variant]!.repr],
	]);
	if (plan.status === 'completed' || plan.status === 'failed') {
		info.set('status', plan.status);
		info.set('updated_at', iso(plan, endedMs(plan)));
	}
	return dumpPythonJson(info);
}

/** config.json (`save_config`), which Trainer-only runs have. */
export function configJsonText(plan: RunPlan): string {
	return preparedConfigs[plan.variant]!.jsonText;
}

/** `metrics/summary.json` and, once finished, `metrics/complete_summary.json` (MetricsManager's). */
export function summaryTexts(plan: RunPlan, epochs: readonly EpochMetrics[], storedDir: string): { summary: string; complete?: string } {
	const summary = new MetricsSummary(iso(plan, startedMs(plan)));
	for (const epoch of epochs) {
		summary.addEpoch(epoch, () => iso(plan, epochEndMs(plan, epoch.epoch)));
	}
	return { summary: summary.summaryText(), ...(plan.status === 'completed' ? { complete: summary.completeSummaryText(storedDir) } : {}) };
}
