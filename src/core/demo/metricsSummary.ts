import { type JsonNode, type JsonObject, isJsonNumber, isJsonObject, JsonNumber } from '../json/jsonValue';
import { parseLenient } from '../json/lenientParse';
import { pythonNumber } from '../json/pythonFloat';
import { dumpPythonJson } from '../json/pythonJson';
import type { TrainingCurves } from './curvesChart';
import type { EpochMetrics } from './demoMetrics';
import { dumpPythonJsonLine } from './pythonJsonLine';

const float = (value: number) => pythonNumber(value, 'float');
const int = (value: number) => pythonNumber(value, 'int');

/**
 * One `metrics/validation_metrics.jsonl` line as MetricsManager appends it (with its `"\n"`):
 * `{"timestamp", "epoch", "step": 0, "phase": "val", "metrics": {"val_loss": …}}`, every value a
 * Python float (`float(value)`), NaN bare, `json.dumps(…, ensure_ascii=False)` spacing.
 */
export function validationLine(metrics: EpochMetrics, timestamp: string): string {
	const values: JsonObject = new Map([...metrics.val].map(([name, value]) => [`val_${name}`, float(value)]));
	const entry: JsonObject = new Map<string, JsonNode>([['timestamp', timestamp], ['epoch', int(metrics.epoch)], ['step', int(0)], ['phase', 'val'], ['metrics', values]]);
	return dumpPythonJsonLine(entry, false) + '\n';
}

interface BestMetric {
	readonly value: number;
	readonly entry: JsonObject;
}

/**
 * MetricsManager's in-memory `_summary` for one training process: the history of epoch summaries
 * and the best value of each validation metric (lower wins for names with "loss", higher for the
 * others; a NaN never beats an existing best but is kept when it is the first value). Renders
 * `summary.json` (rewritten whole every epoch) and the end-of-training `complete_summary.json`,
 * both `json.dump(indent=2, ensure_ascii=False)`.
 */
export class MetricsSummary {
	private totalEpochs = 0;
	private readonly best = new Map<string, BestMetric>();
	private readonly history: JsonObject[] = [];

	/** @param experimentStart naive local ISO time the MetricsManager was created. */
	constructor(readonly experimentStart: string) {}

	/**
	 * Picks up a `summary.json` as if the same process went on: its start time, best values and the
	 * history of epochs before `beforeEpoch`. Undefined when the text is not such a summary.
	 */
	static resume(text: string, beforeEpoch: number): MetricsSummary | undefined {
		const parsed = parseLenient(text);
		if (!parsed.ok || !isJsonObject(parsed.value) || typeof parsed.value.get('experiment_start') !== 'string') {
			return undefined;
		}
		const summary = new MetricsSummary(parsed.value.get('experiment_start') as string);
		const history = parsed.value.get('metric_history');
		for (const entry of Array.isArray(history) ? history : []) {
			const epoch = isJsonObject(entry) ? entry.get('epoch') : undefined;
			if (isJsonObject(entry) && isJsonNumber(epoch) && epoch.value < beforeEpoch) {
				summary.history.push(entry);
				summary.totalEpochs = Math.max(summary.totalEpochs, epoch.value);
			}
		}
		const best = parsed.value.get('best_metrics');
		for (const [name, entry] of isJsonObject(best) ? best : []) {
			const value = isJsonObject(entry) ? entry.get('value') : undefined;
			if (isJsonObject(entry) && isJsonNumber(value)) {
				summary.best.set(name, { value: value.value, entry });
			}
		}
		return summary;
	}

	/** Epoch summaries recorded so far. */
	get epochCount(): number {
		return this.history.length;
	}

	/**
	 * `log_epoch_summary(epoch, {"loss": train}, val, lr)`. `now` gives a naive ISO time on each
	 * call: once for the epoch entry, then once per improved best (Python calls `datetime.now()` there).
	 */
	addEpoch(metrics: EpochMetrics, now: () => string): void {
		const val: JsonObject = new Map([...metrics.val].map(([name, value]) => [name, float(value)]));
		this.history.push(new Map<string, JsonNode>([
			['timestamp', now()], ['epoch', int(metrics.epoch)], ['train_metrics', new Map<string, JsonNode>([['loss', float(metrics.trainLoss)]])],
			['val_metrics', val], ['learning_rate', float(metrics.learningRate)],
		]));
		this.totalEpochs = Math.max(this.totalEpochs, metrics.epoch);
		for (const [name, value] of metrics.val) {
			const current = this.best.get(name);
			const isLoss = name.toLowerCase().includes('loss');
			if (current === undefined || (isLoss && value < current.value) || (!isLoss && value > current.value)) {
				this.best.set(name, { value, entry: new Map<string, JsonNode>([['value', float(value)], ['epoch', int(metrics.epoch)], ['timestamp', now()]]) });
			}
		}
	}

	/** Validation loss and IoU per recorded epoch, for the training-curves chart. */
	curves(): TrainingCurves {
		const read = (entry: JsonObject, name: string) => {
			const val = entry.get('val_metrics');
			const value = isJsonObject(val) ? val.get(name) : undefined;
			return value instanceof JsonNumber ? value.value : Number.NaN;
		};
		return { loss: this.history.map((entry) => read(entry, 'loss')), iou: this.history.map((entry) => read(entry, 'iou')) };
	}

	private bestMetrics(): JsonObject {
		return new Map([...this.best].map(([name, best]) => [name, best.entry]));
	}

	/** `metrics/summary.json`. */
	summaryText(): string {
		return dumpPythonJson(new Map<string, JsonNode>([
			['experiment_start', this.experimentStart], ['total_epochs', int(this.totalEpochs)],
			['best_metrics', this.bestMetrics()], ['metric_history', [...this.history]],
		]), { ensureAscii: false });
	}

	/** `metrics/complete_summary.json` (`export_metrics_summary()`); `directory` is `str(experiment_dir)`. */
	completeSummaryText(directory: string): string {
		const names: string[] = [];
		for (const entry of this.history) {
			const val = entry.get('val_metrics');
			for (const name of isJsonObject(val) ? val.keys() : []) {
				if (!names.includes(`val_${name}`)) {
					names.push(`val_${name}`);
				}
			}
		}
		return dumpPythonJson(new Map<string, JsonNode>([
			['experiment_info', new Map<string, JsonNode>([['directory', directory], ['start_time', this.experimentStart], ['total_epochs', int(this.totalEpochs)]])],
			['best_metrics', this.bestMetrics()],
			['epoch_summaries', [...this.history]],
			['available_metrics', new Map<string, JsonNode>([['train', []], ['val', names], ['test', []]])],
		]), { ensureAscii: false });
	}
}
