import { crackSegConfig } from './demoConfigs';
import { workstationEnvironment } from './demoEnvironment';
import type { DemoRoot, ManagerRun } from './managerRun';
import { buildTrackedRun } from './trackedRun';

/** The name of the demo's running run. */
export const liveRunName = 'focal_loss_experiment';

/** When the live run starts and how far it got. */
export interface LiveRunPlan {
	/** The current time (epoch ms): the run's recorded history ends just before it. */
	readonly now: number;
	readonly totalEpochs: number;
	/** Epochs already recorded (at most `totalEpochs - 1`, so it is still running). */
	readonly epochsDone: number;
	/** Wall time of each recorded epoch, in ms: the pace the live trainer keeps. */
	readonly intervalMs: number;
}

/** Setup time before the first epoch, as buildTrackedRun replays it (manager, tracker, model), plus a margin. */
const setupMs = 4000;

/**
 * A running `focal_loss_experiment`: created moments ago under `<root>/experiments/`, tracker
 * status "running" with `started_at` set, `epochsDone` of `totalEpochs` epochs in its metrics, so
 * the live trainer can carry on from the next epoch.
 */
export function buildLiveRun(where: DemoRoot, plan: LiveRunPlan): Promise<ManagerRun> {
	const totalEpochs = Math.max(1, Math.floor(plan.totalEpochs));
	const epochsDone = Math.max(0, Math.min(totalEpochs - 1, Math.floor(plan.epochsDone)));
	return buildTrackedRun(where, {
		name: liveRunName,
		startMs: plan.now - setupMs - epochsDone * plan.intervalMs,
		config: crackSegConfig({ experimentName: liveRunName, architecture: 'unet', epochs: totalEpochs, learningRate: 0.0005, batchSize: 8, loss: 'focal_dice' }),
		totalEpochs,
		epochs: epochsDone,
		epochMs: plan.intervalMs,
		environment: workstationEnvironment,
		description: 'Focal + Dice loss against class imbalance (cracks are ~3% of pixels)',
		tags: ['focal_loss', 'unet'],
		ending: { kind: 'running' },
	});
}
