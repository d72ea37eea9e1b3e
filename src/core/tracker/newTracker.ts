import { JsonNumber, type JsonNode, type JsonObject } from '../json/jsonValue';
import { fromPlain } from '../json/plain';
import { pythonNumber } from '../json/pythonFloat';
import { trackerKeys, type TrackerKey } from '../format/trackerSchema';
import { TrackerDocument } from './trackerDocument';

/** Machine facts a new tracker file records (spec §2 rows 9–13 and 22–28). */
export interface EnvironmentInfo {
	readonly pythonVersion: string;
	readonly pytorchVersion: string;
	readonly platform: string;
	readonly cudaAvailable: boolean;
	/** `""` without CUDA; may be null when torch reports CUDA without a version (ROCm builds). */
	readonly cudaVersion: string | null;
	readonly gitCommit: string;
	readonly gitBranch: string;
	readonly gitDirty: boolean;
	readonly hostname: string;
	readonly username: string;
	/** Total RAM in GiB, unrounded. */
	readonly memoryGb: number;
	/** `{ count, current, name }` when a GPU is known, else empty. */
	readonly gpuInfo: { readonly count: number; readonly current: number; readonly name: string } | Record<string, never>;
}

/** The environment Python records when it knows nothing (no torch, no git, no GPU). */
export const emptyEnvironment: EnvironmentInfo = {
	pythonVersion: '', pytorchVersion: '', platform: '', cudaAvailable: false, cudaVersion: '',
	gitCommit: '', gitBranch: '', gitDirty: false, hostname: '', username: '', memoryGb: 0, gpuInfo: {},
};

export interface NewTrackerFields {
	readonly id: string;
	readonly name: string;
	/** Naive local ISO time used for updated_at, and for timestamp and created_at unless `createdAt` is given. */
	readonly now: string;
	/** When the run was created, if before now (a run that had no tracker file yet). */
	readonly createdAt?: string;
	readonly description?: string;
	readonly tags?: readonly string[];
	readonly status?: string;
	readonly configHash?: string;
	readonly configSummary?: JsonObject;
	readonly environment?: EnvironmentInfo;
}

/**
 * A complete `experiment_tracker.json` with all 32 keys in Python's order, as a tracker
 * with `auto_save` would save it after its first update (Python's own constructor leaves
 * a 0-byte file; spec §0.3).
 */
export function newTrackerDocument(fields: NewTrackerFields): TrackerDocument {
	const env = fields.environment ?? emptyEnvironment;
	const values: Record<TrackerKey, JsonNode> = {
		experiment_id: fields.id,
		experiment_name: fields.name,
		timestamp: fields.createdAt || fields.now,
		status: fields.status ?? 'created',
		description: fields.description ?? '',
		tags: [...new Set(fields.tags ?? [])],
		config_hash: fields.configHash ?? '',
		config_summary: fields.configSummary ?? new Map(),
		python_version: env.pythonVersion,
		pytorch_version: env.pytorchVersion,
		platform: env.platform,
		cuda_available: env.cudaAvailable,
		cuda_version: env.cudaVersion,
		total_epochs: new JsonNumber('0'),
		current_epoch: new JsonNumber('0'),
		best_metrics: new Map(),
		training_time_seconds: new JsonNumber('0.0'),
		artifact_ids: [],
		checkpoint_paths: [],
		metric_files: [],
		visualization_files: [],
		git_commit: env.gitCommit,
		git_branch: env.gitBranch,
		git_dirty: env.gitDirty,
		hostname: env.hostname,
		username: env.username,
		memory_gb: pythonNumber(env.memoryGb, 'float'),
		gpu_info: fromPlain(env.gpuInfo),
		created_at: fields.createdAt || fields.now,
		started_at: '',
		completed_at: '',
		updated_at: fields.now,
	};
	return TrackerDocument.fromObject(new Map(trackerKeys.map((key) => [key, values[key]])));
}
