import * as z from 'zod';

/**
 * `experiment_tracker.json`: CrackSeg's `ExperimentMetadata` dataclass, one flat object of
 * exactly these 32 keys in this order (spec §2). Python's loader discards (and truncates)
 * a file with any other key, so a writer must never add one.
 */
export const trackerKeys = [
	'experiment_id', 'experiment_name', 'timestamp', 'status', 'description', 'tags',
	'config_hash', 'config_summary', 'python_version', 'pytorch_version', 'platform',
	'cuda_available', 'cuda_version', 'total_epochs', 'current_epoch', 'best_metrics',
	'training_time_seconds', 'artifact_ids', 'checkpoint_paths', 'metric_files',
	'visualization_files', 'git_commit', 'git_branch', 'git_dirty', 'hostname', 'username',
	'memory_gb', 'gpu_info', 'created_at', 'started_at', 'completed_at', 'updated_at',
] as const;

export type TrackerKey = (typeof trackerKeys)[number];

/** The statuses CrackSeg's code writes; the field is not validated, so any string can appear. */
export const knownStatuses = ['created', 'running', 'completed', 'failed', 'aborted'] as const;
export type KnownStatus = (typeof knownStatuses)[number];

export function isKnownStatus(status: string): status is KnownStatus {
	return (knownStatuses as readonly string[]).includes(status);
}

/** Any number, NaN and ±Infinity included (Python writes them bare into best_metrics). */
export const anyNumber = z.custom<number>((value) => typeof value === 'number', { message: 'Expected a number' });
const stringList = z.array(z.string());
const isoOrEmpty = z.string();

/** One zod schema per field, for validating a file field by field. */
export const trackerFieldSchemas = {
	experiment_id: z.string(),
	experiment_name: z.string(),
	timestamp: isoOrEmpty,
	status: z.string(),
	description: z.string(),
	tags: stringList,
	config_hash: z.string(),
	config_summary: z.record(z.string(), z.unknown()),
	python_version: z.string(),
	pytorch_version: z.string(),
	platform: z.string(),
	cuda_available: z.boolean(),
	cuda_version: z.string().nullable(),
	total_epochs: z.number().int(),
	current_epoch: z.number().int(),
	best_metrics: z.record(z.string(), anyNumber),
	training_time_seconds: anyNumber,
	artifact_ids: stringList,
	checkpoint_paths: stringList,
	metric_files: stringList,
	visualization_files: stringList,
	git_commit: z.string(),
	git_branch: z.string(),
	git_dirty: z.boolean(),
	hostname: z.string(),
	username: z.string(),
	memory_gb: anyNumber,
	gpu_info: z.record(z.string(), z.unknown()),
	created_at: isoOrEmpty,
	started_at: isoOrEmpty,
	completed_at: isoOrEmpty,
	updated_at: isoOrEmpty,
} satisfies Record<TrackerKey, z.ZodType>;

/** The whole file, for the fast path: one parse when every field is well-formed. */
export const trackerFileSchema = z.object(trackerFieldSchemas);

/** A tracker file's content as the extension reads it (Python defaults filled in). */
export type TrackerData = z.infer<typeof trackerFileSchema>;

/**
 * Python's defaults for fields missing from a file (spec §2). `experiment_id` and
 * `experiment_name` have none in Python (the loader drops the file); here they default to
 * `""` and the reader reports the problem. Timestamps default to `""` here rather than to
 * "now", so that a missing time shows as unknown instead of as a made-up time.
 */
export function trackerDefaults(): TrackerData {
	return {
		experiment_id: '', experiment_name: '', timestamp: '', status: 'created', description: '', tags: [],
		config_hash: '', config_summary: {}, python_version: '', pytorch_version: '', platform: '',
		cuda_available: false, cuda_version: '', total_epochs: 0, current_epoch: 0, best_metrics: {},
		training_time_seconds: 0, artifact_ids: [], checkpoint_paths: [], metric_files: [],
		visualization_files: [], git_commit: '', git_branch: '', git_dirty: false, hostname: '',
		username: '', memory_gb: 0, gpu_info: {}, created_at: '', started_at: '', completed_at: '', updated_at: '',
	};
}
