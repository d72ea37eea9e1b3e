import { appendFile, mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { JsonNumber } from '../json/jsonValue';
import { pythonFloatRepr, pythonNumber } from '../json/pythonFloat';
import { abortExperiment, addArtifact, completeExperiment, failExperiment, startExperiment, updateTrainingProgress } from '../tracker/trackerApi';
import type { TrackerDocument } from '../tracker/trackerDocument';
import { drawTrainingCurves } from './curvesChart';
import { type CurveProfile, epochMetrics } from './demoMetrics';
import { type MetricsSummary, validationLine } from './metricsSummary';
import type { TrainingClock } from './trainingClock';

/** Everything a simulated training process needs. */
export interface TrainingSessionOptions {
	readonly runDir: string;
	/** The run folder as the Python process writes it in paths: relative to its cwd, e.g. `artifacts/experiments/<id>`. */
	readonly storedDir: string;
	readonly clock: TrainingClock;
	readonly profile: CurveProfile;
	readonly totalEpochs: number;
	/** MetricsManager's in-memory summary. */
	readonly metrics: MetricsSummary;
	/** The tracker metadata, held in memory and saved whole after every change; absent for a run without a tracker (the plain Trainer). */
	readonly tracker?: TrackerDocument;
	/** Rewrites a whole file as Python's `open(path, "w")` does. */
	readonly rewrite: (file: string, data: string | Uint8Array) => Promise<void>;
	/** Training seconds already recorded before this process (a resumed run). */
	readonly trainedSeconds?: number;
	/** Called after each epoch's files are written (e.g. to save that epoch's config copy). */
	readonly afterEpoch?: (epoch: number) => Promise<void>;
}

/**
 * One training process with CrackSeg's writers attached: each epoch appends to
 * `validation_metrics.jsonl`, rewrites `summary.json` and `checkpoint_last.pth` (and
 * `model_best.pth.tar` when val IoU improves), and reports progress to the tracker, whose file is
 * rewritten whole from memory after every call, as ExperimentTracker's auto-save does.
 */
export class TrainingSession {
	private readonly startMs: number;
	private bestLoss: number | undefined;
	private bestIou: number | undefined;
	private bestCheckpointIou = Number.NEGATIVE_INFINITY;
	private savedBest = false;

	constructor(private readonly options: TrainingSessionOptions) {
		this.startMs = options.clock.now();
		const best = options.tracker?.get('best_metrics');
		if (best instanceof Map) {
			const read = (name: string) => (best.get(name) instanceof JsonNumber ? (best.get(name) as JsonNumber).value : undefined);
			this.bestLoss = read('val_loss');
			this.bestIou = read('val_iou');
		}
		if (this.bestIou !== undefined && Number.isFinite(this.bestIou)) {
			// A resumed run saved model_best.pth.tar when it reached this IoU.
			this.bestCheckpointIou = this.bestIou;
			this.savedBest = true;
		}
	}

	private file(...parts: string[]): string {
		return path.join(this.options.runDir, ...parts);
	}

	private async write(file: string, data: string | Uint8Array): Promise<void> {
		await mkdir(path.dirname(file), { recursive: true });
		await this.options.rewrite(file, data);
	}

	/** Saves the tracker metadata (nothing without a tracker). */
	async saveTracker(): Promise<void> {
		if (this.options.tracker) {
			await this.write(this.file('experiment_tracker.json'), this.options.tracker.serialize());
		}
	}

	/** `start_experiment()`. */
	async start(): Promise<void> {
		if (this.options.tracker) {
			startExperiment(this.options.tracker, this.options.clock.iso());
			await this.saveTracker();
		}
	}

	/** `add_tags(tags)`: appends new tags and bumps `updated_at` (even when nothing changed). */
	async addTags(tags: readonly string[]): Promise<void> {
		const tracker = this.options.tracker;
		if (tracker) {
			const current = tracker.getStringList('tags') ?? [];
			tracker.set('tags', [...current, ...tags.filter((tag, index) => !current.includes(tag) && tags.indexOf(tag) === index)]);
			tracker.set('updated_at', this.options.clock.iso());
			await this.saveTracker();
		}
	}

	/** Trains `epoch` for `durationMs`, then writes its files. False, writing nothing, when the wait was cut short. */
	async trainEpoch(epoch: number, durationMs: number): Promise<boolean> {
		const { clock, metrics, tracker } = this.options;
		if (!(await clock.wait(durationMs))) {
			return false;
		}
		const result = epochMetrics(this.options.profile, epoch);
		await mkdir(this.file('metrics'), { recursive: true });
		await appendFile(this.file('metrics', 'validation_metrics.jsonl'), validationLine(result, clock.iso()));
		metrics.addEpoch(result, () => clock.iso());
		await this.write(this.file('metrics', 'summary.json'), metrics.summaryText());
		const loss = result.val.get('loss') ?? Number.NaN;
		const iou = result.val.get('iou') ?? Number.NaN;
		await this.write(this.file('checkpoints', 'checkpoint_last.pth'), checkpointBytes(epoch, iou));
		if (iou > this.bestCheckpointIou) {
			this.bestCheckpointIou = iou;
			this.savedBest = true;
			await this.write(this.file('checkpoints', 'model_best.pth.tar'), checkpointBytes(epoch, iou));
		}
		if (this.bestLoss === undefined || loss < this.bestLoss) {
			this.bestLoss = loss;
		}
		// The script's check is `if not iou < best`, which a NaN passes: that is how NaN reaches best_metrics.
		if (this.bestIou === undefined || !(iou < this.bestIou)) {
			this.bestIou = iou;
		}
		if (tracker) {
			updateTrainingProgress(tracker, {
				currentEpoch: epoch,
				totalEpochs: this.options.totalEpochs,
				bestMetrics: new Map([['val_loss', pythonNumber(this.bestLoss, 'float')], ['val_iou', pythonNumber(this.bestIou, 'float')]]),
				trainingTimeSeconds: pythonNumber((clock.now() - this.startMs) / 1000 + (this.options.trainedSeconds ?? 0), 'float'),
			});
			await this.saveTracker();
		}
		await this.options.afterEpoch?.(epoch);
		return true;
	}

	/**
	 * The end of a successful training: MetricsManager's `complete_summary.json`, the
	 * training-curves PNG (unless `plotCurves` is false: the plain Trainer draws none), the tracker's
	 * artifacts (one save per `add_artifact`) and `complete_experiment()`.
	 */
	async finish(options: { readonly plotCurves?: boolean } = {}): Promise<void> {
		const { clock, metrics, storedDir, tracker } = this.options;
		const plotCurves = options.plotCurves ?? true;
		await this.write(this.file('metrics', 'complete_summary.json'), metrics.completeSummaryText(storedDir));
		if (plotCurves) {
			await this.write(this.file('results', 'visualizations', 'training_curves.png'), drawTrainingCurves(metrics.curves()));
		}
		if (tracker) {
			const artifacts = [
				{ id: 'checkpoint_last', type: 'checkpoint', path: `${storedDir}/checkpoints/checkpoint_last.pth` },
				...(this.savedBest ? [{ id: 'model_best', type: 'checkpoint', path: `${storedDir}/checkpoints/model_best.pth.tar` }] : []),
				{ id: 'complete_summary', type: 'metrics', path: `${storedDir}/metrics/complete_summary.json` },
				...(plotCurves ? [{ id: 'training_curves', type: 'visualization', path: `${storedDir}/results/visualizations/training_curves.png` }] : []),
			];
			for (const artifact of artifacts) {
				addArtifact(tracker, artifact);
				await this.saveTracker();
			}
			completeExperiment(tracker, clock.iso());
			await this.saveTracker();
		}
	}

	/** `fail_experiment(message)`. */
	async fail(message: string): Promise<void> {
		if (this.options.tracker) {
			failExperiment(this.options.tracker, this.options.clock.iso(), message);
			await this.saveTracker();
		}
	}

	/** `abort_experiment()`. */
	async abort(): Promise<void> {
		if (this.options.tracker) {
			abortExperiment(this.options.tracker, this.options.clock.iso());
			await this.saveTracker();
		}
	}
}

/** Stand-in bytes for a torch checkpoint (the extension never reads inside one). */
function checkpointBytes(epoch: number, iou: number): Buffer {
	return Buffer.from(`CrackSeg demo checkpoint: a stand-in for a torch.save() file\nepoch: ${epoch}\nval_iou: ${pythonFloatRepr(iou)}\n`, 'utf8');
}
