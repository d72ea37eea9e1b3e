/**
 * Plausible, reproducible training curves for the demo runs: validation loss falling with noise,
 * IoU/Dice/F1 rising, accuracy near 1 (cracks are few pixels), the learning rate on a cosine
 * schedule. Values pass through float32, as `tensor.item()` returns them, so they print like real
 * ones (`0.6123577952384949`). The same run name and epoch always give the same numbers, so a
 * trainer process can continue a curve that the workspace generator began.
 */

/** The validation metric names MetricsManager logs by default (cfg.evaluation.metrics plus loss), in its order. */
export const validationMetricNames = ['loss', 'iou', 'dice', 'precision', 'recall', 'f1', 'accuracy'] as const;

/** One of {@link validationMetricNames}. */
export type ValidationMetricName = (typeof validationMetricNames)[number];

/** The shape of one run's curves. */
export interface CurveProfile {
	readonly seed: number;
	/** Epochs of the schedule: the curves reach their final values and the learning rate its minimum here. */
	readonly totalEpochs: number;
	/** Initial learning rate; it decays to 1% of this (CosineAnnealingLR with eta_min). */
	readonly learningRate: number;
	readonly startLoss: number;
	readonly finalLoss: number;
	readonly startIou: number;
	readonly finalIou: number;
	/** After this epoch the run has diverged: every metric is NaN. */
	readonly divergeAfter?: number;
}

/** What one epoch of training reports. */
export interface EpochMetrics {
	readonly epoch: number;
	readonly trainLoss: number;
	/** Validation metrics by unprefixed name, in {@link validationMetricNames} order. */
	readonly val: ReadonlyMap<ValidationMetricName, number>;
	readonly learningRate: number;
}

type ProfileShape = Omit<CurveProfile, 'seed' | 'totalEpochs'>;

const knownShapes: Record<string, ProfileShape> = {
	unet_baseline: { learningRate: 0.001, startLoss: 0.69, finalLoss: 0.31, startIou: 0.21, finalIou: 0.64 },
	swinv2_hybrid: { learningRate: 0.0001, startLoss: 0.61, finalLoss: 0.22, startIou: 0.27, finalIou: 0.73 },
	high_lr_experiment: { learningRate: 0.1, startLoss: 0.72, finalLoss: 0.45, startIou: 0.18, finalIou: 0.5, divergeAfter: 3 },
	low_lr_experiment: { learningRate: 0.00001, startLoss: 0.7, finalLoss: 0.5, startIou: 0.12, finalIou: 0.35 },
	focal_loss_experiment: { learningRate: 0.0005, startLoss: 0.21, finalLoss: 0.058, startIou: 0.24, finalIou: 0.69 },
};

/** FNV-1a of a string, as a seed. */
function hashSeed(text: string): number {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
	}
	return hash;
}

/** The curve for a run name: the demo's named runs have fixed shapes, any other name gets one seeded by the name. */
export function curveProfileFor(name: string, totalEpochs: number): CurveProfile {
	const seed = hashSeed(name);
	const shape = knownShapes[name] ?? {
		learningRate: 0.001, startLoss: 0.65 + (seed % 10) / 100, finalLoss: 0.25 + (seed % 7) / 100,
		startIou: 0.2, finalIou: 0.55 + (seed % 15) / 100,
	};
	return { ...shape, seed, totalEpochs: Math.max(1, totalEpochs) };
}

/** mulberry32: a small deterministic generator of floats in [0, 1). */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let mixed = Math.imul(state ^ (state >>> 15), state | 1);
		mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
		return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
	};
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** The metrics of `epoch` (1-based) on a profile's curves. */
export function epochMetrics(profile: CurveProfile, epoch: number): EpochMetrics {
	const next = random(profile.seed ^ Math.imul(epoch, 0x9e3779b1));
	const noise = (scale: number) => (next() - 0.5) * 2 * scale;
	const total = profile.totalEpochs;
	const progress = (1 - Math.exp((-3 * epoch) / total)) / (1 - Math.exp(-3));
	const minRate = profile.learningRate / 100;
	const learningRate = minRate + ((profile.learningRate - minRate) * (1 + Math.cos((Math.PI * (epoch - 1)) / total))) / 2;
	if (profile.divergeAfter !== undefined && epoch > profile.divergeAfter) {
		return { epoch, trainLoss: Number.NaN, val: new Map(validationMetricNames.map((name) => [name, Number.NaN])), learningRate };
	}
	const loss = Math.max(0.01, profile.finalLoss + (profile.startLoss - profile.finalLoss) * (1 - progress) + noise(0.018));
	const iou = clamp(profile.startIou + (profile.finalIou - profile.startIou) * progress + noise(0.015), 0.01, 0.99);
	const dice = (2 * iou) / (1 + iou);
	const values: Record<ValidationMetricName, number> = {
		loss,
		iou,
		dice,
		precision: clamp(dice + 0.045 + noise(0.02), 0, 1),
		recall: clamp(dice - 0.035 + noise(0.02), 0, 1),
		// Binary segmentation: F1 over pixels is the Dice score.
		f1: dice,
		accuracy: clamp(0.952 + 0.035 * progress + noise(0.003), 0, 1),
	};
	return {
		epoch,
		trainLoss: Math.fround(loss * (0.9 + noise(0.03))),
		val: new Map(validationMetricNames.map((name) => [name, Math.fround(values[name])])),
		learningRate,
	};
}
