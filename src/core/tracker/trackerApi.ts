import { JsonNumber, isJsonObject } from '../json/jsonValue';
import type { TrackerKey } from '../format/trackerSchema';
import type { TrackerDocument } from './trackerDocument';

/**
 * CrackSeg's `ExperimentTracker` methods (spec §3), one function each, with the same effect
 * on the fields. Each works on a lossless {@link TrackerDocument} and returns the keys it
 * had to skip because the file lacks them (a writer never adds keys).
 */
export type SkippedKeys = TrackerKey[];

function setAll(doc: TrackerDocument, values: Partial<Record<TrackerKey, Parameters<TrackerDocument['set']>[1]>>): SkippedKeys {
	const skipped: SkippedKeys = [];
	for (const [key, value] of Object.entries(values) as [TrackerKey, Parameters<TrackerDocument['set']>[1]][]) {
		if (!doc.set(key, value)) {
			skipped.push(key);
		}
	}
	return skipped;
}

/** `start_experiment()`: status running, `started_at` now (overwritten on every start). */
export function startExperiment(doc: TrackerDocument, now: string): SkippedKeys {
	return setAll(doc, { status: 'running', started_at: now });
}

export interface ProgressUpdate {
	readonly currentEpoch: number;
	readonly totalEpochs: number;
	/** Merged into best_metrics (`dict.update`), never replacing the others; values keep their int/float spelling. */
	readonly bestMetrics?: ReadonlyMap<string, JsonNumber>;
	/** Replaces training_time_seconds when given. */
	readonly trainingTimeSeconds?: JsonNumber;
}

/** `update_training_progress(...)`. */
export function updateTrainingProgress(doc: TrackerDocument, update: ProgressUpdate): SkippedKeys {
	const skipped = setAll(doc, {
		current_epoch: new JsonNumber(String(Math.trunc(update.currentEpoch))),
		total_epochs: new JsonNumber(String(Math.trunc(update.totalEpochs))),
		...(update.trainingTimeSeconds ? { training_time_seconds: update.trainingTimeSeconds } : {}),
	});
	if (update.bestMetrics && update.bestMetrics.size > 0) {
		const current = doc.get('best_metrics');
		const merged = isJsonObject(current) ? new Map(current) : new Map();
		for (const [name, value] of update.bestMetrics) {
			merged.set(name, value);
		}
		skipped.push(...setAll(doc, { best_metrics: merged }));
	}
	return skipped;
}

const listForType: Record<string, TrackerKey | undefined> = {
	checkpoint: 'checkpoint_paths',
	metrics: 'metric_files',
	visualization: 'visualization_files',
};

/**
 * `add_artifact(id, type, path)`: the id joins artifact_ids if new; checkpoint, metrics and
 * visualization paths join their list if new (exact string); any other type (the docs'
 * "model") only records the id. Description and tags are not stored, as in Python.
 */
export function addArtifact(doc: TrackerDocument, artifact: { id: string; type: string; path: string }): SkippedKeys {
	const values: Partial<Record<TrackerKey, string[]>> = {};
	const skipped: SkippedKeys = [];
	const appendUnique = (key: TrackerKey, item: string) => {
		const list = doc.getStringList(key);
		if (!list) {
			skipped.push(key);
		} else if (!list.includes(item)) {
			values[key] = [...list, item];
		}
	};
	appendUnique('artifact_ids', artifact.id);
	const listKey = listForType[artifact.type];
	if (listKey) {
		appendUnique(listKey, artifact.path);
	}
	return [...skipped, ...setAll(doc, values)];
}

/** `complete_experiment()`. */
export function completeExperiment(doc: TrackerDocument, now: string): SkippedKeys {
	return setAll(doc, { status: 'completed', completed_at: now });
}

/** `fail_experiment(message)`: also appends `"\nError: <message>"` to the description when a message is given. */
export function failExperiment(doc: TrackerDocument, now: string, message = ''): SkippedKeys {
	const description = doc.getString('description');
	const skipped: SkippedKeys = message && description === undefined ? ['description'] : [];
	return [...skipped, ...setAll(doc, {
		status: 'failed',
		completed_at: now,
		...(message && description !== undefined ? { description: `${description}\nError: ${message}` } : {}),
	})];
}

/** `abort_experiment()`. */
export function abortExperiment(doc: TrackerDocument, now: string): SkippedKeys {
	return setAll(doc, { status: 'aborted', completed_at: now });
}
