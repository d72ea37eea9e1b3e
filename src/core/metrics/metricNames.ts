/** The phase a metric belongs to; 'other' for run-wide values such as the learning rate. */
export type MetricPhase = 'train' | 'val' | 'test' | 'other';

/** A metric name split into what it measures (`family`, e.g. `iou`) and when (`phase`). */
export interface MetricKeyClass {
	/** What is measured, without phase prefix: `loss`, `iou`, `batch_loss`, `learning_rate`. Case kept as written. */
	readonly family: string;
	readonly phase: MetricPhase;
}

const phaseWords: Record<string, Exclude<MetricPhase, 'other'>> = {
	train: 'train', training: 'train',
	val: 'val', valid: 'val', validation: 'val',
	test: 'test', testing: 'test',
};
const learningRate = /^(?:(?:train|optim(?:izer)?)[/_])?(?:lr|learning[_-]?rate)$/i;
const batchTag = /^(train|training|val|validation|test)_batch\/(.+)$/i;
const prefixed = /^(train|training|val|valid|validation|test|testing)[_/](.+)$/i;

/**
 * Classifies a metric name as CrackSeg's writers spell them:
 * - `val_iou`, `train_loss`, `test_f1`, `val/iou` → the prefix is the phase;
 * - `train/epoch_loss` (ExperimentLogger) → family `loss`, phase train: a leading `epoch_` is dropped;
 * - `train_batch/batch_loss` → family `batch_loss`, phase train (a per-batch value on a global step);
 * - `lr`, `learning_rate` → family `learning_rate`, phase 'other';
 * - an unprefixed name (`iou` in summary.json's `val_metrics`, whose `val_` prefix the Trainer
 *   strips; `loss` in `train_metrics`) takes `phaseHint`, or 'other' without one.
 * An explicit prefix wins over the hint.
 */
export function classifyMetricKey(key: string, phaseHint?: 'train' | 'val' | 'test'): MetricKeyClass {
	// The same few names repeat on every line of every run: remember each answer.
	const cacheKey = phaseHint ? `${phaseHint}\u0000${key}` : key;
	const known = classified.get(cacheKey);
	if (known) {
		return known;
	}
	const result = classify(key, phaseHint);
	if (classified.size >= classifiedLimit) {
		classified.clear();
	}
	classified.set(cacheKey, result);
	return result;
}

const classified = new Map<string, MetricKeyClass>();
const classifiedLimit = 4096;

function classify(key: string, phaseHint: 'train' | 'val' | 'test' | undefined): MetricKeyClass {
	const name = key.trim();
	if (learningRate.test(name)) {
		return { family: 'learning_rate', phase: 'other' };
	}
	const batch = batchTag.exec(name);
	if (batch) {
		const rest = batch[2];
		return { family: /^batch_/i.test(rest) ? rest : `batch_${rest}`, phase: phaseWords[batch[1].toLowerCase()] };
	}
	const match = prefixed.exec(name);
	if (match) {
		return { family: match[2].replace(/^epoch_(?=.)/i, ''), phase: phaseWords[match[1].toLowerCase()] };
	}
	return { family: name, phase: phaseHint ?? 'other' };
}

/**
 * The name a series is merged and shown under: `<phase>_<family>` (`val_iou`, `train_loss`,
 * `train_batch_loss`), or the family alone for phase 'other' (`learning_rate`). It equals the
 * name as the per-epoch files write it for the common case, and the same quantity from
 * different writers (`train/epoch_loss`, `train_loss`, summary.json's `train_metrics.loss`)
 * lands on one key.
 */
export function canonicalMetricKey(metric: MetricKeyClass): string {
	return metric.phase === 'other' ? metric.family : `${metric.phase}_${metric.family}`;
}

/** True when lower values are better: the name contains `loss` (any case), as CrackSeg decides. */
export function isLowerBetter(name: string): boolean {
	return /loss/i.test(name);
}
