import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { verifyConfigHash, type ConfigHashVerification } from '../config/configHash';
import { JournalCorruptError, readJournal, type ResolvedEdit } from '../edits/journal';
import { withPendingEdits } from '../edits/plainFields';
import { trackerFileName } from '../edits/reconcile';
import { decodeInfo, type InfoData } from '../format/infoSchema';
import { decodeTracker } from '../format/decodeTracker';
import type { TrackerData } from '../format/trackerSchema';
import { readJsonFile } from '../fs/readJsonFile';
import { readRunMetrics } from '../metrics/runMetrics';
import type { RunMetrics } from '../metrics/metricsHistory';
import { type ResolvedArtifact, resolveArtifactPath } from './artifactPaths';
import { readArtifactManagerRecords, type ArtifactManagerRecord } from './artifactManagerFiles';
import { infoFileName } from './readRun';
import { listRunFiles, type RunFile } from './runFiles';
import type { RunSummary } from './runModel';

/** Everything about one run, read on demand (the detail panel, `exptrack show`, verify). */
export interface RunDetails {
	readonly summary: RunSummary;
	/** The tracker file with pending edits applied; undefined without a readable tracker file. */
	readonly tracker?: TrackerData;
	readonly info?: InfoData;
	/** `experiment_info.json`'s `metadata`, decoded from its JSON string. */
	readonly infoMetadata?: Record<string, unknown>;
	readonly artifacts: {
		readonly checkpoints: readonly ResolvedArtifact[];
		readonly metricFiles: readonly ResolvedArtifact[];
		readonly visualizations: readonly ResolvedArtifact[];
		/** ArtifactManager's metadata.json records, with their versions. */
		readonly managed: readonly ArtifactManagerRecord[];
	};
	/** The run's files as the tree lists them: recorded ones (missing kept) and those in its folders. */
	readonly files: readonly RunFile[];
	/** `config.json` in the run folder, and whether it hashes to the recorded `config_hash`. */
	readonly config?: { readonly file: string; readonly verification: ConfigHashVerification };
	readonly metrics: RunMetrics;
	/** Edits already written, newest last: the run's audit trail. */
	readonly history: readonly ResolvedEdit[];
}

/** Reads a run's details. Never throws for bad files: their problems are already on the summary. */
export async function readRunDetails(summary: RunSummary): Promise<RunDetails> {
	const dir = summary.dir;
	const [trackerRead, infoRead, metrics, history, managed, files] = await Promise.all([
		readJsonFile(path.join(dir, trackerFileName)),
		readJsonFile(path.join(dir, infoFileName)),
		readRunMetrics(dir),
		readJournal(dir).then((journal) => journal.history, (error: unknown) => (error instanceof JournalCorruptError ? [] : Promise.reject(error))),
		readArtifactManagerRecords(dir),
		listRunFiles(summary),
	]);
	const decoded = trackerRead.state === 'ok' ? decodeTracker(trackerRead.value, path.join(dir, trackerFileName)) : undefined;
	const tracker = decoded ? withPendingEdits(decoded.data, new Set(decoded.keys), summary.pendingEdits).data : undefined;
	const info = infoRead.state === 'ok' ? decodeInfo(infoRead.value, path.join(dir, infoFileName)) : undefined;
	const context = { workspace: summary.workspace, root: summary.root, runDir: dir };
	const resolveAll = (paths: readonly string[] = []) => Promise.all(paths.map((stored) => resolveArtifactPath(stored, context)));
	const [checkpoints, metricFiles, visualizations] = await Promise.all([
		resolveAll(tracker?.checkpoint_paths),
		resolveAll(tracker?.metric_files),
		resolveAll(tracker?.visualization_files),
	]);
	const configFile = path.join(dir, 'config.json');
	const configText = await readFile(configFile, 'utf8').catch(() => undefined);
	return {
		summary,
		...(tracker ? { tracker } : {}),
		...(info ? { info: info.data } : {}),
		...(info?.metadata ? { infoMetadata: info.metadata } : {}),
		artifacts: { checkpoints, metricFiles, visualizations, managed },
		files,
		...(configText === undefined ? {} : { config: { file: configFile, verification: verifyConfigHash(configText, tracker?.config_hash ?? '') } }),
		metrics,
		history,
	};
}
