import type { Problem } from '../problems';
import type { InferredStatus } from '../progress/inferStatus';
import type { EpochStamp } from '../progress/progress';
import type { EditOp } from '../edits/editOps';

/** How a run folder was laid out by its writer (spec §1.2, §8.4). */
export type RunLayout =
	/** `<root>/experiments/<id>/`: ExperimentManager, the Trainer, ExperimentTracker. */
	| 'experiment'
	/** `<root>/experiment_<ts>/` or another folder of the root with a tracker or ArtifactManager files. */
	| 'artifactManager'
	/** `<root>/experiments/metrics/`: the Trainer's shared metrics folder (spec §1.3). */
	| 'sharedMetrics';

/** Where a run was found: its folder and the root and workspace folder that hold it. */
export interface RunLocation {
	/** Absolute run folder; also the run's key, unique across roots and workspace folders. */
	readonly dir: string;
	readonly root: string;
	/** The workspace folder the root belongs to (stored relative paths resolve against it). */
	readonly workspace?: string;
	readonly layout: RunLayout;
}

/**
 * One run as the tree, the status bar and `exptrack list` see it: the tracker file ⊕ the
 * info file ⊕ a metrics summary ⊕ pending edits ⊕ problems. Compact on purpose: the index
 * holds 10,000 of these; details are read on demand.
 */
export interface RunSummary extends RunLocation {
	/** `experiment_id`, else the info file's `id`, else the folder name. */
	readonly id: string;
	readonly name: string;
	/** The status as recorded (tracker file with pending edits applied, else info file, else `""`). */
	readonly status: string;
	readonly statusSource: 'tracker' | 'info' | 'none';
	/** The status the files suggest; shown beside `status`, never replacing it. */
	readonly inferredStatus: InferredStatus;
	/** Recorded `running`, yet no file of the run changed for the stale threshold. */
	readonly stale: boolean;
	/** An end-of-training metrics summary exists (evidence for the inferred status). */
	readonly metricsFinished: boolean;
	readonly description: string;
	readonly tags: readonly string[];
	/** The tracker's `config_hash` (`""` when none): equal hashes mean identical configs. */
	readonly configHash: string;
	/** Creation time: tracker `created_at`, else info `created_at`, else from the id's timestamp ("" if unknown). */
	readonly createdAt: string;
	readonly startedAt: string;
	readonly completedAt: string;
	readonly currentEpoch?: number;
	readonly totalEpochs?: number;
	readonly bestMetrics: Readonly<Record<string, number>>;
	/** The last epoch's values from the metrics files (tracker-less runs). */
	readonly latestMetrics: Readonly<Record<string, number>>;
	readonly trainingTimeSeconds?: number;
	/** The last few epochs' completion times, for the ETA. */
	readonly epochTimes: readonly EpochStamp[];
	/** Newest modification time among the files read, ms since the epoch. */
	readonly lastActivityMs: number;
	readonly hasTrackerFile: boolean;
	/**
	 * User edits still in the run's journal, in order. They stay there until the run has ended
	 * (a writer could still erase them from the file, and a reconcile then writes them again).
	 */
	readonly pendingEdits: readonly EditOp[];
	/** True when the tracker file already holds the effect of every pending edit. */
	readonly editsInFile: boolean;
	readonly problems: readonly Problem[];
}
