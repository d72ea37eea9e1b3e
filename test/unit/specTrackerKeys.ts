/**
 * `ExperimentMetadata`'s dataclass fields in order, as spec §2 lists them: the keys of every
 * tracker file Python writes. Written out here, apart from the code under test, so a test of
 * the key order cannot pass by comparing the code with itself.
 */
export const specTrackerKeys: readonly string[] = [
	'experiment_id', 'experiment_name', 'timestamp', 'status', 'description', 'tags', 'config_hash', 'config_summary',
	'python_version', 'pytorch_version', 'platform', 'cuda_available', 'cuda_version', 'total_epochs', 'current_epoch',
	'best_metrics', 'training_time_seconds', 'artifact_ids', 'checkpoint_paths', 'metric_files', 'visualization_files',
	'git_commit', 'git_branch', 'git_dirty', 'hostname', 'username', 'memory_gb', 'gpu_info', 'created_at', 'started_at',
	'completed_at', 'updated_at',
];
