import { childPath, normalizedDir } from '../fs/childPath';
import { allTasks, callTask, type IoTask, listFolderTask, valueTask } from '../fs/ioTask';
import { runIoTask } from '../fs/runIoTask';
import { type Problem } from '../problems';
import { type DocumentHeadRead, readDocumentHeadTask } from './documentHead';
import { isMissingFileError, unreadableProblem } from './fileErrors';
import { isPlainObject, setOwn } from './jsonText';
import type { JsonlFollower } from './jsonlFollower';
import { defaultTailBytes, readJsonlTailTask } from './jsonlTail';
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
/** The log lines a cold read parses: MetricsManager writes one per epoch, so six hold the last epoch and five epoch times. */
const recentLines = 6;
/** The first window of the log's tail: twelve MetricsManager lines of seven metrics fit. */
const smallTailBytes = 4096;

/**
 * Index-time progress of a run, cheap enough for 10,000 runs: one readdir of `metrics/`; the
 * last six lines of `validation_metrics.jsonl` (or of `metrics.jsonl` when there is none),
 * from its last 4 KiB, or all lines of its last 16 KiB when those hold fewer lines or no
 * complete epoch (long lines; experiment_saver's zero-filled rows at the end); the
 * head of `summary.json` (start time, epochs logged) and, when present, of
 * `complete_summary.json` (total epochs), each parsed fully only when its head does not hold
 * those keys. No history is parsed. Never throws.
 *
 * `follow` returns a follower for the run's log (created on first use by the caller, e.g.
 * the index for runs that are changing): the log is then read incrementally, only the bytes
 * appended since the previous read.
 */
export function readMetricsProgress(runDir: string, follow?: (file: string) => JsonlFollower): Promise<MetricsProgress> {
	return runIoTask(readMetricsProgressTask(runDir, follow));
}

/** {@link readMetricsProgress} as an I/O task, for either driver (see `IoTask`). */
export function* readMetricsProgressTask(runDir: string, follow?: (file: string) => JsonlFollower): IoTask<MetricsProgress> {
	const folder = childPath(normalizedDir(runDir), 'metrics');
	let names: string[];
	try {
		names = yield* listFolderTask(folder);
	} catch (error) {
		return { finished: false, recentEpochTimes: [], latest: {}, newestMtimeMs: 0, problems: isMissingFileError(error) ? [] : [unreadableProblem(folder, error)] };
	}
	const logName = ['validation_metrics.jsonl', 'metrics.jsonl'].find((name) => names.includes(name));
	const hasSummary = names.includes('summary.json');
	const hasComplete = names.includes('complete_summary.json');
	if (logName === undefined && !hasSummary && !hasComplete) {
		return { finished: false, recentEpochTimes: [], latest: {}, newestMtimeMs: 0, problems: [] };
	}
	const [log, summary, complete] = yield* allTasks<LogRead | undefined, DocumentHeadRead | undefined, DocumentHeadRead | undefined>([
		logName === undefined ? valueTask(undefined) : readLogTask(childPath(folder, logName), logName, follow),
		hasSummary ? readDocumentHeadTask(childPath(folder, 'summary.json'), 'summary.json', (head) => 'experiment_start' in head && 'total_epochs' in head) : valueTask(undefined),
		hasComplete ? readDocumentHeadTask(childPath(folder, 'complete_summary.json'), 'complete_summary.json', holdsTotal) : valueTask(undefined),
	]);
	const logEpoch = log?.data.lastCompleteEpoch;
	const summaryEpoch = summary?.data?.lastCompleteEpoch;
	const times = recentTimes(log?.data.epochTimes ?? []);
	const startedAt = summary?.data?.startedAt ?? complete?.data?.startedAt;
	const progress: { -readonly [K in keyof MetricsProgress]: MetricsProgress[K] } = {
		finished: hasComplete,
		recentEpochTimes: times,
		latest: log === undefined ? {} : latestValues(log.data),
		newestMtimeMs: Math.max(0, log?.mtimeMs ?? 0, summary?.mtimeMs ?? 0, complete?.mtimeMs ?? 0),
		problems: [...(log?.problems ?? []), ...(summary?.problems ?? []), ...(complete?.problems ?? [])],
	};
	// Optional fields are set only when known (absent, not undefined), without object spreads.
	if (logEpoch !== undefined || summaryEpoch !== undefined) {
		progress.currentEpoch = Math.max(logEpoch ?? summaryEpoch!, summaryEpoch ?? logEpoch!);
	}
	if (complete?.data?.totalEpochs !== undefined) {
		progress.totalEpochs = complete.data.totalEpochs;
	}
	if (times.length > 0) {
		progress.lastEpochAt = times[times.length - 1]!.timestamp;
	}
	if (startedAt !== undefined) {
		progress.startedAt = startedAt;
	}
	return progress;
}

function holdsTotal(head: Record<string, unknown>): boolean {
	return 'training_epochs' in head || (isPlainObject(head.experiment_info) && 'total_epochs' in head.experiment_info);
}

interface LogRead {
	readonly data: MetricsSourceData;
	readonly mtimeMs: number;
	readonly problems: Problem[];
	/** The window held fewer lines than asked for (see `readJsonlTailTask`). */
	readonly short: boolean;
	readonly size: number;
}

function* readLogTask(file: string, name: string, follow: ((file: string) => JsonlFollower) | undefined): IoTask<LogRead> {
	if (follow) {
		return fromRecords(yield* callTask(() => follow(file).read()), name, file);
	}
	const recent = fromRecords(yield* readJsonlTailTask(file, smallTailBytes, recentLines), name, file);
	if (recent.data.lastCompleteEpoch !== undefined && !recent.short) {
		return recent;
	}
	return recent.size > smallTailBytes ? fromRecords(yield* readJsonlTailTask(file, defaultTailBytes), name, file) : recent;
}

function fromRecords(tail: { records: readonly unknown[]; mtimeMs: number; problems: readonly Problem[]; short?: boolean; size?: number }, name: string, file: string): LogRead {
	const data = parseJsonlRecords(name, tail.records, tail.records.map(() => undefined), file);
	return { data, mtimeMs: tail.mtimeMs, problems: [...tail.problems, ...data.problems], short: tail.short ?? false, size: tail.size ?? 0 };
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
