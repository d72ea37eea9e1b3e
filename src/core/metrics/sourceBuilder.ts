import { type Problem, problem } from '../problems';
import { isPlainObject, metricNumber, nonEmptyString, type PlainObject, setOwn, wholeNumber } from './jsonText';
import { canonicalMetricKey, classifyMetricKey } from './metricNames';
import { type BestMetric, type EpochTime, type EpochValue, type MetricsSourceData, type MetricsSourceKind, type StepValue } from './metricsModel';

type PhaseHint = 'train' | 'val' | 'test' | undefined;

/**
 * Accumulates one file's {@link MetricsSourceData}. Shape problems are grouped: one
 * 'invalidField' problem per distinct message, counting how often it happened and where first.
 */
export class SourceBuilder {
	private readonly epochValues: EpochValue[] = [];
	private readonly stepValues: StepValue[] = [];
	private readonly epochTimes: EpochTime[] = [];
	private readonly bestMetrics: Record<string, BestMetric> = {};
	private readonly finalMetrics: Record<string, number> = {};
	private readonly problems: Problem[] = [];
	private readonly shapeIssues = new Map<string, { count: number; where: string }>();
	private lastCompleteEpoch?: number;
	/** Set by parsers that know these. */
	totalEpochs?: number;
	startedAt?: string;
	finished = false;

	constructor(readonly file: string, private kind: MetricsSourceKind) {}

	/** Changes the writer once the content tells it apart (metrics.jsonl, complete_summary.json). */
	setKind(kind: MetricsSourceKind): void {
		this.kind = kind;
	}

	/** Adds one metric value at an epoch; non-numbers are ignored. Returns whether it was kept. */
	epochValue(name: string, epoch: number, raw: unknown, hint?: PhaseHint): boolean {
		const value = metricNumber(raw);
		if (value === undefined) {
			return false;
		}
		const metric = classifyMetricKey(name, hint);
		this.epochValues.push({ key: canonicalMetricKey(metric), ...metric, epoch, value });
		return true;
	}

	/** Adds every numeric entry of a `{name: value}` object at an epoch, except the `skip` keys. */
	epochObject(values: unknown, epoch: number, hint?: PhaseHint, skip: ReadonlySet<string> = new Set()): void {
		if (!isPlainObject(values)) {
			return;
		}
		for (const [name, raw] of Object.entries(values)) {
			if (!skip.has(name)) {
				this.epochValue(name, epoch, raw, hint);
			}
		}
	}

	/** Adds one per-batch value at a global step; non-numbers are ignored. */
	stepValue(name: string, step: number, raw: unknown): void {
		const value = metricNumber(raw);
		if (value !== undefined) {
			const metric = classifyMetricKey(name);
			this.stepValues.push({ key: canonicalMetricKey(metric), ...metric, step, value });
		}
	}

	/** Records that `epoch` was completed, at `timestamp` when one is given. */
	completeEpoch(epoch: number, timestamp?: unknown): void {
		this.lastCompleteEpoch = Math.max(this.lastCompleteEpoch ?? epoch, epoch);
		const time = nonEmptyString(timestamp);
		if (time !== undefined) {
			this.epochTimes.push({ epoch, timestamp: time });
		}
	}

	/** Adds `{name: value}` final metrics (numbers only). */
	finalObject(values: unknown, hint?: PhaseHint, skip: ReadonlySet<string> = new Set()): void {
		for (const [name, raw] of Object.entries(isPlainObject(values) ? values : {})) {
			const value = metricNumber(raw);
			if (value !== undefined && !skip.has(name)) {
				setOwn(this.finalMetrics, canonicalMetricKey(classifyMetricKey(name, hint)), value);
			}
		}
	}

	/** Adds a recorded best value (`{value, epoch}` as MetricsManager writes, or a bare number). */
	best(name: string, raw: unknown, hint?: PhaseHint, epoch?: number): void {
		const entry: PlainObject = isPlainObject(raw) ? raw : { value: raw };
		const value = metricNumber(entry.value);
		if (value === undefined) {
			this.invalid(`A best metric has no numeric "value"`, `"${name}"`);
			return;
		}
		const at = wholeNumber(entry.epoch) ?? epoch;
		setOwn(this.bestMetrics, canonicalMetricKey(classifyMetricKey(name, hint)), at === undefined ? { value } : { value, epoch: at });
	}

	/** Notes a shape problem; identical messages are merged into one problem with a count. */
	invalid(message: string, where: string): void {
		const seen = this.shapeIssues.get(message);
		this.shapeIssues.set(message, seen ? { count: seen.count + 1, where: seen.where } : { count: 1, where });
	}

	/** Adds problems found while reading the file (corrupt lines, I/O). */
	addProblems(problems: readonly Problem[]): void {
		this.problems.push(...problems);
	}

	/** The finished source: values in file order, shape problems grouped after the read problems. */
	build(): MetricsSourceData {
		const shape = [...this.shapeIssues].map(([message, { count, where }]) =>
			problem('invalidField', this.file, count === 1 ? `${message} (${where}): ignored.` : `${message} (${count} times, first at ${where}): ignored.`, 'warning'));
		return {
			file: this.file,
			kind: this.kind,
			epochValues: this.epochValues,
			stepValues: this.stepValues,
			epochTimes: this.epochTimes,
			...(this.lastCompleteEpoch === undefined ? {} : { lastCompleteEpoch: this.lastCompleteEpoch }),
			...(this.totalEpochs === undefined ? {} : { totalEpochs: this.totalEpochs }),
			...(this.startedAt === undefined ? {} : { startedAt: this.startedAt }),
			finished: this.finished,
			bestMetrics: this.bestMetrics,
			finalMetrics: this.finalMetrics,
			problems: [...this.problems, ...shape],
		};
	}
}
