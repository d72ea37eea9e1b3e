import { readFile } from 'node:fs/promises';
import * as path from 'node:path';

/** The fields of a run's experiment_tracker.json the panel tests compare with (demo runs hold plain JSON). */
export interface TrackerOnDisk {
	readonly experiment_id: string;
	readonly experiment_name: string;
	readonly status: string;
	readonly description: string;
	readonly tags: readonly string[];
	readonly config_hash: string;
	readonly config_summary: Readonly<Record<string, unknown>>;
	readonly python_version: string;
	readonly pytorch_version: string;
	readonly platform: string;
	readonly cuda_version: string;
	readonly current_epoch: number;
	readonly total_epochs: number;
	readonly best_metrics: Readonly<Record<string, number>>;
	readonly checkpoint_paths: readonly string[];
	readonly visualization_files: readonly string[];
	readonly git_commit: string;
	readonly git_branch: string;
	readonly git_dirty: boolean;
	readonly hostname: string;
	readonly username: string;
	readonly memory_gb: number;
	readonly gpu_info: { readonly name?: string };
	readonly created_at: string;
	readonly started_at: string;
	readonly completed_at: string;
	readonly updated_at: string;
}

/** One line of metrics/validation_metrics.jsonl. */
export interface MetricsLine {
	readonly epoch: number;
	readonly metrics: Readonly<Record<string, number>>;
}

/** One entry of metrics/complete_summary.json's `epoch_summaries`. */
export interface EpochSummary {
	readonly epoch: number;
	readonly train_metrics: Readonly<Record<string, number>>;
	readonly val_metrics: Readonly<Record<string, number>>;
	readonly learning_rate?: number;
}

/** The run's experiment_tracker.json as written; throws when it is not valid JSON. */
export async function readTrackerFile(runDir: string): Promise<TrackerOnDisk> {
	return JSON.parse(await readFile(path.join(runDir, 'experiment_tracker.json'), 'utf8')) as TrackerOnDisk;
}

/** The lines of the run's metrics/validation_metrics.jsonl, in file order. */
export async function readValidationMetrics(runDir: string): Promise<MetricsLine[]> {
	const text = await readFile(path.join(runDir, 'metrics', 'validation_metrics.jsonl'), 'utf8');
	return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as MetricsLine);
}

/** The `epoch_summaries` of the run's metrics/complete_summary.json. */
export async function readEpochSummaries(runDir: string): Promise<EpochSummary[]> {
	const text = await readFile(path.join(runDir, 'metrics', 'complete_summary.json'), 'utf8');
	return (JSON.parse(text) as { epoch_summaries: EpochSummary[] }).epoch_summaries;
}

/** Width and height in pixels from a PNG file's IHDR chunk. */
export async function pngSize(file: string): Promise<{ width: number; height: number }> {
	const bytes = await readFile(file);
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A naive ISO time (`2026-11-30T09:41:18.231031`) as the panel shows it: `2026-11-30 09:41:18`. */
export function shownTime(iso: string): string {
	return iso.slice(0, 19).replace('T', ' ');
}
