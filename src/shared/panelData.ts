/**
 * What the detail panel shows for one run: built by the core from the run's files, completed
 * by the extension with webview URIs, and posted to the webview as data (never as HTML). Types
 * only: the webview imports nothing else from here.
 */
export interface PanelData {
	readonly run: PanelRun;
	readonly progress: PanelProgress;
	/** Best (or, without recorded bests, latest) metrics, headline first. */
	readonly metrics: readonly PanelMetric[];
	readonly charts: readonly ChartModel[];
	readonly config: PanelConfig;
	/** Python, PyTorch, platform, CUDA, GPU. */
	readonly environment: readonly PanelField[];
	readonly git: PanelGit;
	/** Host, user, memory. */
	readonly system: readonly PanelField[];
	/** Created, started, completed, updated. */
	readonly timestamps: readonly PanelField[];
	readonly artifacts: readonly PanelArtifact[];
	readonly managedArtifacts: readonly PanelManagedArtifact[];
	readonly images: readonly PanelImage[];
	readonly problems: readonly PanelProblem[];
	/** Edits written into the tracker file, newest first: the run's audit trail. */
	readonly history: readonly PanelHistoryEntry[];
	/** Restricted Mode: no edit controls. */
	readonly readOnly: boolean;
	/** When this data was read (ms since the epoch), for "updated … ago". */
	readonly readAtMs: number;
}

export interface PanelRun {
	readonly dir: string;
	readonly id: string;
	readonly name: string;
	/** Recorded status, as written. */
	readonly status: string;
	readonly statusSource: 'tracker' | 'info' | 'none';
	/** The status the files suggest; shown beside the recorded one when it differs. */
	readonly inferredStatus: string;
	/** running | stale | completed | failed | aborted | created | problem | unknown: picks the badge's icon and colour. */
	readonly visualState: string;
	readonly stale: boolean;
	readonly description: string;
	readonly tags: readonly string[];
	/** Pending edits not yet written into the file, described for people. */
	readonly pendingEdits: readonly string[];
}

export interface PanelProgress {
	readonly currentEpoch?: number;
	readonly totalEpochs?: number;
	/** 0–100. */
	readonly percent?: number;
	readonly elapsed?: string;
	readonly eta?: string;
	readonly trainingTime?: string;
}

export interface PanelMetric {
	readonly name: string;
	readonly value: number;
	/** Formatted for display ("0.613", "NaN"). */
	readonly text: string;
	readonly epoch?: number;
	readonly lowerIsBetter: boolean;
}

/** One metric family's chart: train vs val (vs test) curves over epochs. */
export interface ChartModel {
	/** Stable id (the family), for remembered UI state such as the log-scale toggle. */
	readonly id: string;
	readonly title: string;
	readonly lowerIsBetter: boolean;
	readonly series: readonly ChartSeries[];
}

export interface ChartSeries {
	/** Merge key as in the metrics files, e.g. `val_iou`. */
	readonly key: string;
	/** Legend text, e.g. `val`. */
	readonly label: string;
	readonly phase: 'train' | 'val' | 'test' | 'other';
	/** [epoch, value] sorted by epoch; value NaN where the run diverged (drawn as a gap). */
	readonly points: ReadonlyArray<readonly [number, number]>;
}

export interface PanelField {
	readonly label: string;
	readonly value: string;
}

export interface PanelConfig {
	/** config.json relative to the run folder, when present. */
	readonly file?: string;
	readonly summary: readonly PanelField[];
	readonly hash: string;
	/** match: config.json hashes to config_hash; mismatch; unverifiable (reason); none: nothing recorded. */
	readonly verification: 'match' | 'mismatch' | 'unverifiable' | 'none';
	readonly verificationDetail?: string;
}

export interface PanelGit {
	readonly commit: string;
	readonly branch: string;
	/** undefined when no git state was recorded. */
	readonly dirty?: boolean;
}

export interface PanelArtifact {
	readonly kind: 'checkpoint' | 'metrics' | 'visualization' | 'config';
	readonly label: string;
	/** Relative to the run folder when inside it (openable from the panel), else absolute. */
	readonly path: string;
	readonly insideRun: boolean;
	readonly exists: boolean;
	/** As recorded by the tracker, when it was. */
	readonly stored?: string;
}

export interface PanelManagedArtifact {
	readonly type: string;
	readonly label: string;
	readonly path: string;
	readonly insideRun: boolean;
	readonly exists: boolean;
	readonly description: string;
	readonly checksumState: 'verified' | 'changed' | 'missing' | 'notChecked';
	readonly versions: ReadonlyArray<{ readonly id: string; readonly createdAt: string; readonly current: boolean; readonly checksumState: string }>;
}

export interface PanelImage {
	readonly label: string;
	/** Relative to the run folder. */
	readonly path: string;
	/** Set by the extension: the image as a webview resource URI. */
	readonly src?: string;
}

export interface PanelProblem {
	readonly severity: 'error' | 'warning' | 'info';
	readonly message: string;
	/** Relative to the run folder when inside it. */
	readonly file: string;
	readonly insideRun: boolean;
}

export interface PanelHistoryEntry {
	readonly at: string;
	readonly text: string;
	readonly outcome: string;
	readonly by: string;
}
