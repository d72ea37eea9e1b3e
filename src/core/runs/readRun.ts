import * as path from 'node:path';
import { JournalCorruptError, journalFolderName, readJournal } from '../edits/journal';
import type { EditOp } from '../edits/editOps';
import { withPendingEdits } from '../edits/plainFields';
import { trackerFileName } from '../edits/reconcile';
import { decodeInfo, type DecodedInfo } from '../format/infoSchema';
import { decodeTracker } from '../format/decodeTracker';
import { trackerDefaults, trackerKeys, type TrackerData } from '../format/trackerSchema';
import { childPath, normalizedDir } from '../fs/childPath';
import { allTasks, callTask, type IoTask, listFolderTask, valueTask } from '../fs/ioTask';
import { readJsonFileTask } from '../fs/readJsonFile';
import { runIoTask } from '../fs/runIoTask';
import type { JsonlFollower } from '../metrics/jsonlFollower';
import { type MetricsProgress, readMetricsProgressTask } from '../metrics/metricsProgress';
import { trainingConfigEpochsTask } from '../metrics/trainingConfigEpochs';
import { type Problem, problem } from '../problems';
import { inferStatus } from '../progress/inferStatus';
import { isStale } from '../progress/progress';
import type { RunLocation, RunSummary } from './runModel';
import { type RunIdentity, runIdentityFromFolder } from './runIdentity';

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
	/** Keys the file has, in file order (a set is made only when pending edits need one). */
	readonly keys: readonly string[];
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
export function readRunSummary(location: RunLocation, options: ReadRunOptions): Promise<RunSummary | undefined> {
	return runIoTask(readRunSummaryTask(location, options));
}

/** {@link readRunSummary} as an I/O task, for either driver (see `IoTask`): the index's workers read runs with it. */
export function* readRunSummaryTask(location: RunLocation, options: ReadRunOptions): IoTask<RunSummary | undefined> {
	const problems: Problem[] = [];
	let names: string[] | undefined;
	try {
		names = yield* listFolderTask(location.dir);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') {
			return undefined;
		}
		problems.push(problem('unreadable', location.dir, `The run folder cannot be read (${code ?? String(error)}).`));
	}
	if (names && !runMarkers[location.layout].some((marker) => names.includes(marker))) {
		return undefined;
	}
	return yield* summarizeTask(location, normalizedDir(location.dir), names ?? [], problems, options);
}

function* summarizeTask(location: RunLocation, dir: string, names: readonly string[], problems: Problem[], options: ReadRunOptions): IoTask<RunSummary> {
	// Each file's problems are kept apart and joined in one fixed order, whichever read ends first.
	const fileProblems: [Problem[], Problem[], Problem[]] = [[], [], []];
	const [[tracker, info, pendingEdits], metrics] = yield* allTasks<[TrackerRead | undefined, InfoRead | undefined, EditOp[]], MetricsProgress | undefined>([
		allTasks<TrackerRead | undefined, InfoRead | undefined, EditOp[]>([
			names.includes(trackerFileName) ? readTrackerTask(childPath(dir, trackerFileName), fileProblems[0]) : valueTask(undefined),
			names.includes(infoFileName) ? readInfoTask(childPath(dir, infoFileName), fileProblems[1]) : valueTask(undefined),
			names.includes(journalFolderName) ? callTask(() => readPending(location.dir, fileProblems[2])) : valueTask([]),
		]),
		names.includes('metrics') ? readMetricsProgressTask(dir, options.follow) : valueTask(undefined),
	]);
	problems.push(...fileProblems[0], ...fileProblems[1], ...fileProblems[2]);
	problems.push(...(metrics?.problems ?? []));
	const nowMs = options.nowMs ?? Date.now();
	// Only needed where the tracker file does not say (most runs never need it).
	let known: RunIdentity | undefined;
	const identity = (): RunIdentity => (known ??= location.layout === 'sharedMetrics' ? sharedMetricsIdentity : runIdentityFromFolder(location.dir, info?.info.data));
	if (location.layout === 'sharedMetrics') {
		problems.push(problem('invalidField', path.join(location.dir, 'metrics'), 'The Trainer wrote these metrics into the shared experiments/metrics folder (its experiment.output_dir names no run folder), so they belong to its latest run.', 'info'));
	}
	const hasTrackerFile = tracker !== undefined;
	// A run without a tracker file gets one, seeded from its info file, when an edit is written (see reconcile).
	const base = tracker ?? (pendingEdits.length > 0 ? materialized(identity().id, identity().name, info?.info) : undefined);
	const edited = base ? withPendingEdits(base.data, pendingEdits.length === 0 ? noKeys : new Set(base.keys), pendingEdits) : undefined;
	const data = edited?.data;
	const recorded = data?.status ?? info?.info.data.status ?? '';
	const statusSource = data ? 'tracker' : info?.info.data.status !== undefined ? 'info' : 'none';
	const lastActivityMs = Math.max(tracker?.mtimeMs ?? 0, info?.mtimeMs ?? 0, metrics?.newestMtimeMs ?? 0);
	const currentEpoch = data && data.total_epochs > 0 ? data.current_epoch : metrics?.currentEpoch;
	const totalEpochs = data && data.total_epochs > 0 ? data.total_epochs : metrics?.totalEpochs ?? (!hasTrackerFile ? yield* trainingConfigEpochsTask(location.dir) : undefined);
	const finished = metrics?.finished ?? false;
	// Built field by field in one fixed order (the order JSON output and change detection see);
	// conditional spreads would make V8 copy the object once per optional field, for every run.
	const run: Partial<Writable<RunSummary>> = {
		dir: location.dir,
		root: location.root,
		workspace: location.workspace,
		layout: location.layout,
		id: data?.experiment_id || identity().id,
		name: data?.experiment_name || identity().name,
		status: recorded,
		statusSource,
		inferredStatus: inferStatus({ recorded, fromTracker: statusSource === 'tracker', currentEpoch, totalEpochs, finished, lastActivityMs, nowMs, staleMinutes: options.staleMinutes }),
		stale: isStale(recorded, lastActivityMs, nowMs, options.staleMinutes),
		metricsFinished: finished,
		description: data?.description ?? '',
		tags: data?.tags ?? [],
		configHash: data?.config_hash ?? '',
		createdAt: data?.created_at || info?.info.data.created_at || identity().createdAt,
		startedAt: data?.started_at || metrics?.startedAt || '',
		completedAt: data?.completed_at ?? '',
	};
	if (currentEpoch !== undefined) {
		run.currentEpoch = currentEpoch;
	}
	if (totalEpochs !== undefined) {
		run.totalEpochs = totalEpochs;
	}
	run.bestMetrics = data?.best_metrics ?? {};
	run.latestMetrics = metrics?.latest ?? {};
	if (data && data.training_time_seconds > 0) {
		run.trainingTimeSeconds = data.training_time_seconds;
	}
	run.epochTimes = metrics?.recentEpochTimes ?? [];
	run.lastActivityMs = lastActivityMs;
	run.hasTrackerFile = hasTrackerFile;
	run.pendingEdits = pendingEdits;
	run.editsInFile = edited?.inFile ?? pendingEdits.length === 0;
	run.problems = problems;
	return run as RunSummary;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

function* readTrackerTask(file: string, problems: Problem[]): IoTask<TrackerRead | undefined> {
	const read = yield* readJsonFileTask(file, { detectDuplicateKeys: true });
	switch (read.state) {
		case 'missing':
			return undefined;
		case 'empty':
			// CrackSeg's constructor leaves 0 bytes: "created, never saved" (spec §0.3).
			return { data: trackerDefaults(), keys: [], mtimeMs: read.mtimeMs };
		case 'problem':
			problems.push(read.problem);
			return undefined;
		case 'ok': {
			const decoded = decodeTracker(read.value, file);
			problems.push(...read.problems, ...decoded.problems);
			return { data: decoded.data, keys: decoded.keys, mtimeMs: read.mtimeMs };
		}
	}
}

interface InfoRead {
	readonly info: DecodedInfo;
	readonly mtimeMs: number;
}

function* readInfoTask(file: string, problems: Problem[]): IoTask<InfoRead | undefined> {
	const read = yield* readJsonFileTask(file, { detectDuplicateKeys: true });
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

const noKeys: ReadonlySet<string> = new Set();
const sharedMetricsIdentity = { id: 'experiments/metrics', name: 'Shared Trainer metrics', createdAt: '' };

/** What a run without a tracker file shows while edits wait to create one. */
function materialized(id: string, name: string, info: DecodedInfo | undefined): TrackerRead {
	const data: TrackerData = { ...trackerDefaults(), experiment_id: id, experiment_name: name, status: info?.data.status ?? 'created', created_at: info?.data.created_at ?? '' };
	return { data, keys: trackerKeys, mtimeMs: 0 };
}
