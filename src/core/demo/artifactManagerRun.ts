import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { computeConfigHash } from '../config/configHash';
import { extractConfigSummary } from '../config/configSummary';
import { dumpYaml } from '../config/yamlDump';
import type { JsonNode, JsonObject } from '../json/jsonValue';
import { pythonNumber } from '../json/pythonFloat';
import { dumpPythonJson } from '../json/pythonJson';
import { type EnvironmentInfo, newTrackerDocument } from '../tracker/newTracker';
import { addArtifact, completeExperiment, startExperiment, updateTrainingProgress } from '../tracker/trackerApi';
import { managerTimestamp, pythonIsoNow } from '../tracker/timestamps';
import { drawTrainingCurves } from './curvesChart';
import { artifactVersionsEntry } from './artifactVersions';
import { curveProfileFor, type EpochMetrics, epochMetrics } from './demoMetrics';
import { type DemoRoot, writePythonJson } from './managerRun';
import { sortKeysDeep } from './storedConfigs';
import { VirtualClock } from './trainingClock';

/** The ArtifactManager plan: when, which config, which machine, how many epochs the exported model trained. */
export interface ArtifactManagerPlan {
	readonly startMs: number;
	readonly trackerName: string;
	readonly config: JsonObject;
	readonly environment: EnvironmentInfo;
	readonly epochs: number;
}

/** A stand-in for `torch.save(model.state_dict())` after `epoch`. */
const modelBytes = (epoch: number) => Buffer.from(`CrackSeg demo state_dict: a stand-in for torch.save(model.state_dict())\nepoch: ${epoch}\n`, 'utf8');

/** How long one epoch of the exported model took. */
const epochMs = 95_000;

/**
 * An ArtifactManager experiment folder, `<root>/experiment_<YYYYmmdd_HHMMSS>/` (spec §4.2): its
 * seven sub-folders; models, metrics, config and a curves PNG saved through `storage.save_*()`;
 * `metadata.json` listing them (the 9 ArtifactMetadata keys) with their real sizes and SHA-256
 * checksums; `artifact_versions.json` with two versions of the best model; and a completed
 * tracker pointed at the folder. Returns the folder's name (also the tracker's experiment_id) and path.
 */
export async function buildArtifactManagerRun(where: DemoRoot, plan: ArtifactManagerPlan): Promise<{ id: string; dir: string }> {
	const clock = new VirtualClock(plan.startMs);
	const id = `experiment_${managerTimestamp(new Date(plan.startMs)).replace('-', '_')}`;
	const dir = path.join(where.root, id);
	const storedDir = `artifacts/${id}`;
	for (const folder of ['models', 'logs', 'metrics', 'visualizations', 'predictions', 'reports', 'configs']) {
		await mkdir(path.join(dir, folder), { recursive: true });
	}
	await writePythonJson(path.join(dir, 'metadata.json'), []);
	const history = Array.from({ length: plan.epochs }, (_, index) => epochMetrics(curveProfileFor(plan.trackerName, plan.epochs), index + 1));
	const iou = (epoch: EpochMetrics) => epoch.val.get('iou') ?? 0;
	const best = history.reduce((winner, epoch) => (iou(epoch) > iou(winner) ? epoch : winner));
	const earlier = history.slice(0, best.epoch - 1).reduce<EpochMetrics | undefined>((winner, epoch) => (!winner || iou(epoch) > iou(winner) ? epoch : winner), undefined);
	clock.advance(plan.epochs * epochMs);
	const records: JsonObject[] = [];
	const save = async (folder: string, file: string, data: string | Uint8Array, type: string, description: string, tags: string[]) => {
		await writeFile(path.join(dir, folder, file), data);
		records.push(new Map<string, JsonNode>([
			['experiment_name', id], ['timestamp', clock.iso()], ['artifact_type', type], ['file_path', `${storedDir}/${folder}/${file}`],
			['file_size', pythonNumber(Buffer.byteLength(data), 'int')], ['checksum', createHash('sha256').update(data).digest('hex')],
			['description', description], ['tags', tags], ['dependencies', []],
		]));
		clock.advance(350);
	};
	await save('models', 'best_model.pth', modelBytes(best.epoch), 'model', `Best model (epoch ${best.epoch})`, ['model', 'pytorch']);
	await save('models', 'final_model.pth', modelBytes(plan.epochs), 'model', `Final model (epoch ${plan.epochs})`, ['model', 'pytorch']);
	const finalMetrics: JsonObject = new Map<string, JsonNode>([['timestamp', clock.iso()], ['experiment_name', id]]);
	for (const [name, value] of best.val) {
		finalMetrics.set(`val_${name}`, pythonNumber(value, 'float'));
	}
	await save('metrics', 'final_metrics.json', dumpPythonJson(finalMetrics), 'metrics', 'Validation metrics of the best epoch', ['metrics', 'json']);
	await save('configs', 'training_config.yaml', dumpYaml(sortKeysDeep(plan.config)), 'config', 'Resolved training configuration', ['config', 'yaml']);
	const curves = { loss: history.map((epoch) => epoch.val.get('loss') ?? Number.NaN), iou: history.map(iou) };
	await save('visualizations', 'training_curves.png', drawTrainingCurves(curves), 'visualization', 'Validation loss and IoU per epoch', ['visualization', 'png']);
	await writePythonJson(path.join(dir, 'metadata.json'), records);
	const bestPath = `${storedDir}/models/best_model.pth`;
	const versionAt = (epoch: EpochMetrics) => ({ createdMs: plan.startMs + epoch.epoch * epochMs, filePath: bestPath, data: modelBytes(epoch.epoch), description: `Best model (epoch ${epoch.epoch})` });
	await writePythonJson(path.join(dir, 'artifact_versions.json'), new Map([['best_model', artifactVersionsEntry('best_model', [...(earlier ? [versionAt(earlier)] : []), versionAt(best)])]]));
	await writeTracker(dir, id, storedDir, plan, history, clock);
	return { id, dir };
}

/** The tracker a script pointed at the ArtifactManager folder: completed, with the saved files as artifacts. */
async function writeTracker(dir: string, id: string, storedDir: string, plan: ArtifactManagerPlan, history: EpochMetrics[], clock: VirtualClock): Promise<void> {
	const hash = computeConfigHash(plan.config);
	const summary = extractConfigSummary(plan.config);
	const created = pythonIsoNow(plan.startMs + 480.123);
	const tracker = newTrackerDocument({
		id, name: plan.trackerName, now: created, description: 'SwinV2 hybrid retrained for export; artifacts saved through ArtifactManager',
		tags: ['export', 'swinv2'], configHash: hash.ok ? hash.hash : '', configSummary: summary.ok ? summary.summary : new Map(), environment: plan.environment,
	});
	startExperiment(tracker, pythonIsoNow(plan.startMs + 1510.457));
	const losses = history.map((epoch) => epoch.val.get('loss') ?? Number.NaN);
	const ious = history.map((epoch) => epoch.val.get('iou') ?? Number.NaN);
	updateTrainingProgress(tracker, {
		currentEpoch: plan.epochs, totalEpochs: plan.epochs,
		bestMetrics: new Map([['val_loss', pythonNumber(Math.min(...losses), 'float')], ['val_iou', pythonNumber(Math.max(...ious), 'float')]]),
		trainingTimeSeconds: pythonNumber((plan.epochs * epochMs) / 1000 + 3.7182818, 'float'),
	});
	addArtifact(tracker, { id: 'best_model', type: 'model', path: `${storedDir}/models/best_model.pth` });
	addArtifact(tracker, { id: 'final_metrics', type: 'metrics', path: `${storedDir}/metrics/final_metrics.json` });
	addArtifact(tracker, { id: 'training_curves', type: 'visualization', path: `${storedDir}/visualizations/training_curves.png` });
	completeExperiment(tracker, clock.iso());
	await writeFile(path.join(dir, 'experiment_tracker.json'), tracker.serialize());
}
