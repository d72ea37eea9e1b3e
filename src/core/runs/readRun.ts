import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { JournalCorruptError, journalFolderName, readJournal } from '../edits/journal';
import type { EditOp } from '../edits/editOps';
import { withPendingEdits } from '../edits/plainFields';
import { trackerFileName } from '../edits/reconcile';
import { decodeInfo, type DecodedInfo } from '../format/infoSchema';
import { decodeTracker } from '../format/decodeTracker';
import { trackerDefaults, trackerKeys, type TrackerData } from '../format/trackerSchema';
import { readJsonFile } from '../fs/readJsonFile';
import type { JsonlFollower } from '../metrics/jsonlFollower';
import { readMetricsProgress } from '../metrics/metricsProgress';
import { readTrainingConfigEpochs } from '../metrics/trainingConfigEpochs';
import { type Problem, problem } from '../problems';
import { inferStatus } from '../progress/inferStatus';
import { isStale } from '../progress/progress';
import type { RunLocation, RunSummary } from './runModel';
import { runIdentityFromFolder } from './runIdentity';

export const infoFileName = 'experiment_info.json';

/** Settings that shape a run's derived fields. */
export interface ReadRunOptions {
	readonly staleMinutes: number;
	readonly nowMs?: number;
	/** Hands out a follower per metrics log so changing runs are read incrementally (see the index). */
	readonly follow?: (file: string) => JsonlFollower;
}

interface TrackerRead {
	readonly data: TrackerData;
	readonly keys: ReadonlySet<string>;
	readonly mtimeMs: number;
}

/** Files whose presence makes a folder a run, by layout (spec §8.4). */
const runMarkers: Record<RunLocation['layout'], readonly string[]> = {
	experiment: [trackerFileName, infoFileName, 'metrics', journalFolderName],
	artifactManager: [trackerFileName, 'metadata.json', 'artifact_versions.json'],
	sharedMetrics: ['metrics'],
};

/**
 * Reads one run folder into its summary; undefined when the folder holds none of the files
 * that make a run. Never throws: whatever is wrong with a file becomes a problem on the run,
 * and the run is still listed with what could be read.
 */
export async function readRunSummary(location: RunLocation, options: ReadRunOptions): Promise<RunSummary | undefined> {
	const problems: Problem[] = [];
	let names: Set<string> | undefined;
	try {
		names = new Set(await readdir(location.dir));
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') {
			return undefined;
		}
		problems.push(problem('unreadable', location.dir, `The run folder cannot be read (${code ?? String(error)}).`));
	}
	if (names && !runMarkers[location.layout].some((marker) => names.has(marker))) {
		return undefined;
	}
	return summarize(location, names ?? new Set(), problems, options);
}

async function summarize(location: RunLocation, names: ReadonlySet<string>, problems: Problem[], options: ReadRunOptions): Promise<RunSummary> {
	const [tracker, info, pendingEdits, metrics] = await Promise.all([
		names.has(trackerFileName) ? readTracker(path.join(location.dir, trackerFileName), problems) : undefined,
		names.has(infoFileName) ? readInfo(path.join(location.dir, infoFileName), problems) : undefined,
		names.has(journalFolderName) ? readPending(location.dir, problems) : [],
		names.has('metrics') ? readMetricsProgress(location.dir, options.follow) : undefined,
	]);
	problems.push(...(metrics?.problems ?? []));
	const nowMs = options.nowMs ?? Date.now();
	const identity = location.layout === 'sharedMetrics' ? sharedMetricsIdentity : runIdentityFromFolder(location.dir, info?.info.data);
	if (location.layout === 'sharedMetrics') {
		problems.push(problem('invalidField', path.join(location.dir, 'metrics'), 'The Trainer wrote these metrics into the shared experiments/metrics folder (its experiment.output_dir names no run folder), so they belong to its latest run.', 'info'));
	}
	const hasTrackerFile = tracker !== undefined;
	// A run without a tracker file gets one, seeded from its info file, when an edit is written (see reconcile).
	const base = tracker ?? (pendingEdits.length > 0 ? materialized(identity.id, identity.name, info?.info) : undefined);
	const edited = base ? withPendingEdits(base.data, base.keys, pendingEdits) : undefined;
	const data = edited?.data;
	const recorded = data?.status ?? info?.info.data.status ?? '';
	const statusSource = data ? 'tracker' : info?.info.data.status !== undefined ? 'info' : 'none';
	const lastActivityMs = Math.max(tracker?.mtimeMs ?? 0, info?.mtimeMs ?? 0, metrics?.newestMtimeMs ?? 0);
	const currentEpoch = data && data.total_epochs > 0 ? data.current_epoch : metrics?.currentEpoch;
	const totalEpochs = data && data.total_epochs > 0 ? data.total_epochs : metrics?.totalEpochs ?? (!hasTrackerFile ? await readTrainingConfigEpochs(location.dir) : undefined);
	const finished = metrics?.finished ?? false;
	return {
		...location,
		id: data?.experiment_id || identity.id,
		name: data?.experiment_name || identity.name,
		status: recorded,
		statusSource,
		inferredStatus: inferStatus({ recorded, fromTracker: statusSource === 'tracker', currentEpoch, totalEpochs, finished, lastActivityMs, nowMs, staleMinutes: options.staleMinutes }),
		stale: isStale(recorded, lastActivityMs, nowMs, options.staleMinutes),
		metricsFinished: finished,
		description: data?.description ?? '',
		tags: data?.tags ?? [],
		configHash: data?.config_hash ?? '',
		createdAt: data?.created_at || info?.info.data.created_at || identity.createdAt,
		startedAt: data?.started_at || metrics?.startedAt || '',
		completedAt: data?.completed_at ?? '',
		...(currentEpoch === undefined ? {} : { currentEpoch }),
		...(totalEpochs === undefined ? {} : { totalEpochs }),
		bestMetrics: data?.best_metrics ?? {},
		latestMetrics: metrics?.latest ?? {},
		...(data && data.training_time_seconds > 0 ? { trainingTimeSeconds: data.training_time_seconds } : {}),
		epochTimes: metrics?.recentEpochTimes ?? [],
		lastActivityMs,
		hasTrackerFile,
		pendingEdits,
		editsInFile: edited?.inFile ?? pendingEdits.length === 0,
		problems,
	};
}

async function readTracker(file: string, problems: Problem[]): Promise<TrackerRead | undefined> {
	const read = await readJsonFile(file, { detectDuplicateKeys: true });
	switch (read.state) {
		case 'missing':
			return undefined;
		case 'empty':
			// CrackSeg's constructor leaves 0 bytes: "created, never saved" (spec §0.3).
			return { data: trackerDefaults(), keys: new Set(), mtimeMs: read.mtimeMs };
		case 'problem':
			problems.push(read.problem);
			return undefined;
		case 'ok': {
			const decoded = decodeTracker(read.value, file);
			problems.push(...read.problems, ...decoded.problems);
			return { data: decoded.data, keys: new Set(decoded.keys), mtimeMs: read.mtimeMs };
		}
	}
}

async function readInfo(file: string, problems: Problem[]): Promise<{ info: DecodedInfo; mtimeMs: number } | undefined> {
	const read = await readJsonFile(file, { detectDuplicateKeys: true });
	if (read.state === 'problem') {
		problems.push(read.problem);
		return undefined;
	}
	if (read.state !== 'ok') {
		return undefined;
	}
	const info = decodeInfo(read.value, file);
	problems.push(...read.problems, ...info.problems);
	return { info, mtimeMs: read.mtimeMs };
}

async function readPending(dir: string, problems: Problem[]): Promise<EditOp[]> {
	try {
		return (await readJournal(dir)).pending.map((entry) => entry.op);
	} catch (error) {
		if (error instanceof JournalCorruptError) {
			problems.push(problem('pendingEdit', path.join(dir, journalFolderName), error.message));
			return [];
		}
		throw error;
	}
}

const sharedMetricsIdentity = { id: 'experiments/metrics', name: 'Shared Trainer metrics', createdAt: '' };

/** What a run without a tracker file shows while edits wait to create one. */
function materialized(id: string, name: string, info: DecodedInfo | undefined): TrackerRead {
	const data: TrackerData = { ...trackerDefaults(), experiment_id: id, experiment_name: name, status: info?.data.status ?? 'created', created_at: info?.data.created_at ?? '' };
	return { data, keys: new Set(trackerKeys), mtimeMs: 0 };
}
