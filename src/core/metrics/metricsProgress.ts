import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { type Problem } from '../problems';
import { readDocumentHead } from './documentHead';
import { isMissingFileError, unreadableProblem } from './fileErrors';
import { isPlainObject, setOwn } from './jsonText';
import type { JsonlFollower } from './jsonlFollower';
import { readJsonlTailWithStat } from './jsonlTail';
import { type EpochTime, type MetricsSourceData } from './metricsModel';
import { parseJsonlRecords } from './metricsSources';

/** A cheap progress summary of a run, from its `metrics/` folder (see {@link readMetricsProgress}). */
export interface MetricsProgress {
	/** The last complete epoch: validation log tail, or summary.json's `total_epochs` (MetricsManager's count of epochs logged). */
	readonly currentEpoch?: number;
	/** Known only once finished (complete_summary.json); otherwise see `readTrainingConfigEpochs`. */
	readonly totalEpochs?: number;
	/** `metrics/complete_summary.json` exists (either writer). */
	readonly finished: boolean;
	/** Timestamp of the newest epoch in `recentEpochTimes`. */
	readonly lastEpochAt?: string;
	readonly startedAt?: string;
	/** The last (at most 5) epoch completion times, sorted by epoch: enough for an ETA. */
	readonly recentEpochTimes: EpochTime[];
	/** The last complete epoch's values by merge key (`val_iou`, `val_loss`, …). */
	readonly latest: Record<string, number>;
	/** Newest modification time among the metrics files read, in ms since the epoch (0 if none). */
	readonly newestMtimeMs: number;
	readonly problems: Problem[];
}

const recentEpochs = 5;

/**
 * Index-time progress of a run, cheap enough for 10,000 runs: one readdir of `metrics/`; the
 * tail (16 KiB) of `validation_metrics.jsonl` (or of `metrics.jsonl` when there is none); the
 * head of `summary.json` (start time, epochs logged) and, when present, of
 * `complete_summary.json` (total epochs), each parsed fully only when its head does not hold
 * those keys. No history is parsed. Never throws.
 *
 * `follow` returns a follower for the run's log (created on first use by the caller, e.g.
 * the index for runs that are changing): the log is then read incrementally, only the bytes
 * appended since the previous read.
 */
export async function readMetricsProgress(runDir: string, follow?: (file: string) => JsonlFollower): Promise<MetricsProgress> {
	const folder = path.join(runDir, 'metrics');
	let names: Set<string>;
	try {
		names = new Set(await readdir(folder));
	} catch (error) {
		return { finished: false, recentEpochTimes: [], latest: {}, newestMtimeMs: 0, problems: isMissingFileError(error) ? [] : [unreadableProblem(folder, error)] };
	}
	const logName = ['validation_metrics.jsonl', 'metrics.jsonl'].find((name) => names.has(name));
	const [log, summary, complete] = await Promise.all([
		logName === undefined ? undefined : readLog(path.join(folder, logName), logName, follow),
		names.has('summary.json') ? readDocumentHead(path.join(folder, 'summary.json'), 'summary.json', (head) => 'experiment_start' in head && 'total_epochs' in head) : undefined,
		names.has('complete_summary.json') ? readDocumentHead(path.join(folder, 'complete_summary.json'), 'complete_summary.json', holdsTotal) : undefined,
	]);
	const epochs = [log?.data.lastCompleteEpoch, summary?.data?.lastCompleteEpoch].filter((epoch) => epoch !== undefined);
	const times = recentTimes(log?.data.epochTimes ?? []);
	const startedAt = summary?.data?.startedAt ?? complete?.data?.startedAt;
	return {
		...(epochs.length === 0 ? {} : { currentEpoch: Math.max(...epochs) }),
		...(complete?.data?.totalEpochs === undefined ? {} : { totalEpochs: complete.data.totalEpochs }),
		finished: names.has('complete_summary.json'),
		...(times.length === 0 ? {} : { lastEpochAt: times[times.length - 1].timestamp }),
		...(startedAt === undefined ? {} : { startedAt }),
		recentEpochTimes: times,
		latest: log === undefined ? {} : latestValues(log.data),
		newestMtimeMs: Math.max(0, log?.mtimeMs ?? 0, summary?.mtimeMs ?? 0, complete?.mtimeMs ?? 0),
		problems: [...(log?.problems ?? []), ...(summary?.problems ?? []), ...(complete?.problems ?? [])],
	};
}

function holdsTotal(head: Record<string, unknown>): boolean {
	return 'training_epochs' in head || (isPlainObject(head.experiment_info) && 'total_epochs' in head.experiment_info);
}

async function readLog(file: string, name: string, follow: ((file: string) => JsonlFollower) | undefined): Promise<{ data: MetricsSourceData; mtimeMs: number; problems: Problem[] }> {
	const tail = follow ? await follow(file).read() : await readJsonlTailWithStat(file);
	const data = parseJsonlRecords(name, tail.records, tail.records.map(() => undefined), file);
	return { data, mtimeMs: tail.mtimeMs, problems: [...tail.problems, ...data.problems] };
}

function recentTimes(times: readonly EpochTime[]): EpochTime[] {
	const byEpoch = new Map<number, string>();
	for (const { epoch, timestamp } of times) {
		byEpoch.set(epoch, timestamp);
	}
	return [...byEpoch].sort(([a], [b]) => a - b).slice(-recentEpochs).map(([epoch, timestamp]) => ({ epoch, timestamp }));
}

function latestValues(data: MetricsSourceData): Record<string, number> {
	const latest: Record<string, number> = {};
	for (const value of data.epochValues) {
		if (value.epoch === data.lastCompleteEpoch) {
			setOwn(latest, value.key, value.value);
		}
	}
	return latest;
}
