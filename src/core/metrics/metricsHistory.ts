import { type Problem } from '../problems';
import { mergeBestMetrics } from './bestMetrics';
import { type MetricPhase } from './metricNames';
import { type BestMetric, type EpochTime, type MetricSeries, type MetricsSourceData, type MetricsSourceKind, type StepMetricSeries } from './metricsModel';

/** Everything a run's `metrics/` folder says, merged across writers. */
export interface RunMetrics {
	/** Per-epoch curves, ordered by family, then train, val, test, other. */
	readonly series: MetricSeries[];
	/** Per-batch curves on a global step (ExperimentLogger `train_batch/*`), kept off the epoch axis. */
	readonly stepSeries: StepMetricSeries[];
	/** The last complete epoch seen (validated or summarized). */
	readonly currentEpoch?: number;
	/** Epochs in the run: MetricsManager's complete_summary (epochs actually run), else experiment_saver's `training_epochs`; otherwise unknown (see `readTrainingConfigEpochs`). */
	readonly totalEpochs?: number;
	/** An end-of-training summary exists: MetricsManager's or experiment_saver's `complete_summary.json`. */
	readonly finished: boolean;
	/** summary.json `experiment_start`, else complete_summary `experiment_info.start_time`. */
	readonly startedAt?: string;
	/** When each epoch was completed, sorted by epoch, one per epoch (the newest record wins after a resume). */
	readonly epochTimes: EpochTime[];
	/** Best value per merge key (see `mergeBestMetrics`). */
	readonly bestMetrics: Record<string, BestMetric>;
	/** Final values without an epoch (experiment_saver, metrics_summary.json), by merge key. */
	readonly finalMetrics: Record<string, number>;
	/** The files that were read. */
	readonly sources: string[];
	readonly problems: Problem[];
}

/**
 * Precedence when two sources give the same key at the same epoch (higher wins; within one
 * file the later line wins, so a resumed run's re-done epochs replace the old ones). The
 * per-epoch phase logs rank highest: appended once per epoch, they hold every epoch even across
 * resumes, while summary.json restarts with each process; summary.json and MetricsManager's
 * complete_summary carry the same values; ExperimentLogger scalars come next; experiment_saver's
 * rows rank lowest (rewritten at the end, zero-filled). The same order settles epoch times,
 * recorded best values, start time, total epochs and final values.
 */
export const sourcePrecedence: Readonly<Record<MetricsSourceKind, number>> = {
	saverEpochRows: 0,
	saverCompleteSummary: 0,
	metricsSummary: 0,
	saverValidation: 1,
	scalarLog: 2,
	managerCompleteSummary: 3,
	summary: 4,
	phaseLog: 5,
};

const phaseOrder: Record<MetricPhase, number> = { train: 0, val: 1, test: 2, other: 3 };

/** Merges normalized sources into one {@link RunMetrics} (pure; see {@link sourcePrecedence}). */
export function mergeRunMetrics(sources: readonly MetricsSourceData[]): RunMetrics {
	const ordered = [...sources].sort((a, b) => sourcePrecedence[a.kind] - sourcePrecedence[b.kind] || a.file.localeCompare(b.file));
	const curves = new Map<string, { family: string; phase: MetricPhase; values: Map<number, number> }>();
	const steps = new Map<string, { family: string; phase: MetricPhase; values: Map<number, number> }>();
	const times = new Map<number, string>();
	let recorded: Record<string, BestMetric> = {};
	let finalMetrics: Record<string, number> = {};
	let currentEpoch: number | undefined;
	let totalEpochs: number | undefined;
	let startedAt: string | undefined;
	for (const source of ordered) {
		for (const { key, family, phase, epoch, value } of source.epochValues) {
			entry(curves, key, family, phase).set(epoch, value);
		}
		for (const { key, family, phase, step, value } of source.stepValues) {
			entry(steps, key, family, phase).set(step, value);
		}
		for (const { epoch, timestamp } of source.epochTimes) {
			times.set(epoch, timestamp);
		}
		recorded = { ...recorded, ...source.bestMetrics };
		finalMetrics = { ...finalMetrics, ...source.finalMetrics };
		currentEpoch = maxDefined(currentEpoch, source.lastCompleteEpoch);
		totalEpochs = source.totalEpochs ?? totalEpochs;
		startedAt = source.startedAt ?? startedAt;
	}
	const series = sortSeries([...curves].map(([key, { family, phase, values }]) => ({ key, family, phase, points: sortedPoints(values).map(([epoch, value]) => ({ epoch, value })) })));
	const stepSeries = sortSeries([...steps].map(([key, { family, phase, values }]) => ({ key, family, phase, points: sortedPoints(values).map(([step, value]) => ({ step, value })) })));
	return {
		series,
		stepSeries,
		...(currentEpoch === undefined ? {} : { currentEpoch }),
		...(totalEpochs === undefined ? {} : { totalEpochs }),
		finished: sources.some((source) => source.finished),
		...(startedAt === undefined ? {} : { startedAt }),
		epochTimes: sortedPoints(times).map(([epoch, timestamp]) => ({ epoch, timestamp })),
		bestMetrics: mergeBestMetrics(recorded, series),
		finalMetrics,
		sources: sources.map((source) => source.file),
		problems: sources.flatMap((source) => source.problems),
	};
}

function entry(map: Map<string, { family: string; phase: MetricPhase; values: Map<number, number> }>, key: string, family: string, phase: MetricPhase): Map<number, number> {
	let found = map.get(key);
	if (found === undefined) {
		found = { family, phase, values: new Map() };
		map.set(key, found);
	}
	return found.values;
}

function sortedPoints<T>(values: Map<number, T>): Array<[number, T]> {
	return [...values].sort(([a], [b]) => a - b);
}

function sortSeries<T extends { key: string; family: string; phase: MetricPhase }>(series: T[]): T[] {
	return series.sort((a, b) => a.family.localeCompare(b.family) || phaseOrder[a.phase] - phaseOrder[b.phase] || a.key.localeCompare(b.key));
}

function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
	return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}
