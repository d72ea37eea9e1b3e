import { type Problem, problem } from '../problems';
import { describeJsonType, isPlainObject } from './describeValue';
import { isKnownStatus, trackerDefaults, trackerFieldSchemas, trackerFileSchema, trackerKeys, type TrackerData, type TrackerKey } from './trackerSchema';

/** The content of an `experiment_tracker.json`, read leniently. */
export interface DecodedTracker {
	/** Every field, with Python's default where the file has none or a value of the wrong type. */
	readonly data: TrackerData;
	/** Keys the file actually has, in file order (a writer keeps exactly these). */
	readonly keys: readonly string[];
	readonly problems: readonly Problem[];
}

const expectedType: Record<TrackerKey, string> = {
	experiment_id: 'a string', experiment_name: 'a string', timestamp: 'a string', status: 'a string',
	description: 'a string', tags: 'a list of strings', config_hash: 'a string', config_summary: 'an object',
	python_version: 'a string', pytorch_version: 'a string', platform: 'a string', cuda_available: 'true or false',
	cuda_version: 'a string or null', total_epochs: 'an integer', current_epoch: 'an integer',
	best_metrics: 'an object of numbers', training_time_seconds: 'a number', artifact_ids: 'a list of strings',
	checkpoint_paths: 'a list of strings', metric_files: 'a list of strings', visualization_files: 'a list of strings',
	git_commit: 'a string', git_branch: 'a string', git_dirty: 'true or false', hostname: 'a string',
	username: 'a string', memory_gb: 'a number', gpu_info: 'an object', created_at: 'a string',
	started_at: 'a string', completed_at: 'a string', updated_at: 'a string',
};

const knownKeys = new Set<string>(trackerKeys);

/**
 * Validates a parsed tracker file against the 32-field schema. Never throws: a field of the
 * wrong type is replaced by Python's default and reported; unknown keys, a missing id or
 * name, and unknown status strings are reported too (the status is kept as written).
 */
export function decodeTracker(value: unknown, file: string): DecodedTracker {
	if (!isPlainObject(value)) {
		return {
			data: trackerDefaults(),
			keys: [],
			problems: [problem('invalidField', file, `The file holds ${describeJsonType(value)}, not the JSON object CrackSeg writes; Python's tracker would discard it.`)],
		};
	}
	const keys = Object.keys(value);
	const problems: Problem[] = [];
	const unknown = keys.filter((key) => !knownKeys.has(key));
	if (unknown.length > 0) {
		problems.push(problem('unknownKey', file, `Unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => `"${key}"`).join(', ')}: CrackSeg's loader discards a file with keys it does not know and truncates it.`));
	}
	for (const key of ['experiment_id', 'experiment_name'] as const) {
		if (!(key in value)) {
			problems.push(problem('invalidField', file, `"${key}" is missing: CrackSeg's loader discards a file without it.`));
		}
	}
	const data = decodeFields(value, file, problems, unknown.length === 0 && keys.length === trackerKeys.length);
	if (!isKnownStatus(data.status)) {
		problems.push(problem('unknownStatus', file, `Status "${data.status}" is not one CrackSeg writes (created, running, completed, failed, aborted); shown as written.`, 'warning'));
	}
	return { data, keys, problems };
}

function decodeFields(value: Record<string, unknown>, file: string, problems: Problem[], complete: boolean): TrackerData {
	// A file Python wrote has all 32 keys and no other: validate it as it is (no copies to merge).
	const whole = trackerFileSchema.safeParse(complete ? value : { ...trackerDefaults(), ...pickKnown(value) });
	if (whole.success) {
		return whole.data;
	}
	// Slow path, only for files with a malformed field: keep every good field, default the bad ones.
	const data = trackerDefaults() as Record<TrackerKey, unknown>;
	for (const key of trackerKeys) {
		if (!(key in value)) {
			continue;
		}
		const field = trackerFieldSchemas[key].safeParse(value[key]);
		if (field.success) {
			data[key] = field.data;
		} else {
			problems.push(problem('invalidField', file, `"${key}" should be ${expectedType[key]} but is ${describeJsonType(value[key])}; showing the default instead.`));
		}
	}
	return data as TrackerData;
}

function pickKnown(value: Record<string, unknown>): Partial<Record<TrackerKey, unknown>> {
	const picked: Partial<Record<TrackerKey, unknown>> = {};
	for (const key of trackerKeys) {
		if (key in value) {
			picked[key] = value[key];
		}
	}
	return picked;
}
