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

const isoNote = 'ISO 8601 local time without a UTC offset (Python\'s datetime.now().isoformat(), e.g. 2026-12-04T15:29:27.148886; the fraction is left out when microseconds are 0)';
const pathListNote = 'Paths as Python\'s str(Path): OS separators, relative to the training process\'s working directory or absolute.';

/**
 * One zod schema per field, for validating a file field by field. Each carries its
 * documentation as `.meta({ description })` (spec §2), which the generated JSON schema shows
 * as hover text; the metadata does not change what a schema accepts.
 */
export const trackerFieldSchemas = {
	experiment_id: z.string().meta({ description: 'Run id, by convention the run folder\'s name <YYYYmmdd-HHMMSS>-<experiment_name> from ExperimentManager. Set by the ExperimentTracker constructor, whose arguments are ignored once a valid file exists. Required: CrackSeg discards a file without it.' }),
	experiment_name: z.string().meta({ description: 'Experiment name given to the ExperimentTracker constructor. Required: CrackSeg discards a file without it.' }),
	timestamp: isoOrEmpty.meta({ description: `Creation time, ${isoNote}. Not the compact YYYYmmdd-HHMMSS timestamp of ExperimentManager.` }),
	status: z.string().meta({
		description: 'Lifecycle state: created (new run), running (start_experiment), completed, failed or aborted (complete_experiment, fail_experiment, abort_experiment). CrackSeg does not validate it, so any string loads.',
		examples: [...knownStatuses],
	}),
	description: z.string().meta({ description: 'Free text set by update_description (which bumps updated_at). fail_experiment appends a newline and "Error: <message>".' }),
	tags: stringList.meta({ description: 'Tags, unique, in insertion order; changed by add_tags and remove_tags, which bump updated_at. Must be a list: a string loads in CrackSeg but makes the next add_tags crash.' }),
	config_hash: z.string().meta({ description: 'SHA-256 (64 lowercase hex digits) of the resolved config dumped as YAML (OmegaConf.to_yaml(config, resolve=True)). Set by the constructor when it gets a config, empty otherwise. Keep it when editing.' }),
	config_summary: z.record(z.string(), z.unknown()).meta({ description: 'Summary of the config taken by the constructor: epochs, batch_size, learning_rate, optimizer and loss from its training section, model_type, encoder and decoder from model, dataset and data_root from data. Empty without a config.' }),
	python_version: z.string().meta({ description: 'Full sys.version of the Python that created the run, e.g. "3.11.2 (main, Apr 28 2025, 14:11:48) [GCC 12.2.0]".' }),
	pytorch_version: z.string().meta({ description: 'torch.__version__ when the run was created, e.g. "2.7.1+cu128".' }),
	platform: z.string().meta({ description: 'platform.platform() of the machine that created the run, e.g. "Windows-11-10.0.26100-SP0".' }),
	cuda_available: z.boolean().meta({ description: 'torch.cuda.is_available() when the run was created.' }),
	cuda_version: z.string().nullable().meta({ description: 'torch.version.cuda, set only when CUDA is available and empty otherwise; null when CUDA is available without a CUDA version (e.g. ROCm builds).' }),
	total_epochs: z.number().int().meta({ description: 'Number of epochs planned, set by update_training_progress.' }),
	current_epoch: z.number().int().meta({ description: 'Last epoch passed to update_training_progress, counted as the caller counts (the Trainer counts from 1).' }),
	best_metrics: z.record(z.string(), anyNumber).meta({ description: 'Best value of each metric by name, merged (never replaced) by update_training_progress. Values may be NaN or ±Infinity, which Python writes as bare NaN/Infinity tokens: not valid JSON, so the editor marks them as syntax errors.' }),
	training_time_seconds: anyNumber.meta({ description: 'Training time in seconds, replaced by update_training_progress.' }),
	artifact_ids: stringList.meta({ description: 'Id of every artifact recorded by add_artifact, without duplicates.' }),
	checkpoint_paths: stringList.meta({ description: `Files added by add_artifact with type "checkpoint", without duplicates. ${pathListNote}` }),
	metric_files: stringList.meta({ description: `Files added by add_artifact with type "metrics", without duplicates. ${pathListNote}` }),
	visualization_files: stringList.meta({ description: `Files added by add_artifact with type "visualization", without duplicates. ${pathListNote}` }),
	git_commit: z.string().meta({ description: 'git rev-parse HEAD in the training process\'s working directory when the run was created; empty when that fails.' }),
	git_branch: z.string().meta({ description: 'git branch --show-current when the run was created; empty on a detached HEAD.' }),
	git_dirty: z.boolean().meta({ description: 'Whether git diff --quiet failed when the run was created: only unstaged changes to tracked files count, and it is true when the working directory is not a git repository.' }),
	hostname: z.string().meta({ description: 'platform.node() of the machine that created the run.' }),
	username: z.string().meta({ description: 'The USERNAME environment variable when the run was created, else "unknown" (usual on Linux and macOS, where only Windows sets USERNAME).' }),
	memory_gb: anyNumber.meta({ description: 'Total RAM of the machine in GiB (psutil), unrounded.' }),
	gpu_info: z.record(z.string(), z.unknown()).meta({ description: 'When CUDA is available: {"count", "current", "name"} with the name of device 0. Empty otherwise.' }),
	created_at: isoOrEmpty.meta({ description: `Creation time, ${isoNote}. Within microseconds of timestamp.` }),
	started_at: isoOrEmpty.meta({ description: `Time of the last start_experiment, ${isoNote}; empty if never started.` }),
	completed_at: isoOrEmpty.meta({ description: `Time of complete_experiment, fail_experiment or abort_experiment, ${isoNote}; empty until then, and not cleared when the run is started again.` }),
	updated_at: isoOrEmpty.meta({ description: `Time of the last description or tag edit (update_description, add_tags, remove_tags) and nothing else: lifecycle, progress and artifact calls leave it alone, so it is not a last-modified time. ${isoNote}.` }),
} satisfies Record<TrackerKey, z.ZodType>;

/**
 * The whole file, for the fast path: one parse when every field is well-formed. Its
 * description is the top-level documentation of the generated JSON schema.
 */
export const trackerFileSchema = z.object(trackerFieldSchemas).meta({
	description: 'CrackSeg\'s ExperimentTracker metadata (the ExperimentMetadata dataclass): one flat object of 32 keys, written in this order by json.dump(indent=2). CrackSeg drops the whole file and truncates it to 0 bytes when it holds an unknown key or lacks experiment_id or experiment_name; other missing keys get defaults, and types are not checked.',
});

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
