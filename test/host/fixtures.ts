import { mkdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { createDemoWorkspace } from '../../src/core/demo/demoWorkspace';
import { createRun } from '../../src/core/tracker/createRun';
import { emptyEnvironment } from '../../src/core/tracker/newTracker';

/** The run the demo fixture adds: unet_baseline's config again, so both share a config_hash. */
export const rerunName = 'unet_baseline_rerun';

/** The demo run whose recorded `model_best.pth.tar` the demo fixture deletes. */
export const missingArtifactRun = 'swinv2_hybrid';

/** The checkpoint of {@link missingArtifactRun} that is recorded but gone. */
export const missingArtifactName = 'model_best.pth.tar';

/**
 * The runs of the edits fixture: one per mutation, so the tests do not depend on each
 * other's order. All start as CrackSeg's ExperimentManager leaves them ("created").
 */
export const editRuns = {
	tagged: { name: 'tagged_run', tags: ['keep', 'drop'] },
	described: { name: 'described_run', tags: [] },
	toComplete: { name: 'to_complete_run', tags: [] },
	toFail: { name: 'to_fail_run', tags: [] },
	toAbort: { name: 'to_abort_run', tags: [] },
	statusBar: { name: 'status_bar_run', tags: [] },
	notifyCompleted: { name: 'notify_completed_run', tags: [] },
	notifyFailed: { name: 'notify_failed_run', tags: [] },
	markedByHand: { name: 'marked_by_hand_run', tags: [] },
} as const;

/**
 * The default and Restricted Mode workspace: the demo workspace (every kind of run CrackSeg
 * leaves, one of them running), plus {@link rerunName} and a recorded checkpoint deleted.
 */
export async function prepareDemoFixture(workspace: string): Promise<void> {
	const demo = await createDemoWorkspace(workspace);
	const baseline = demo.runs.find((run) => run.name === 'unet_baseline');
	const hybrid = demo.runs.find((run) => run.name === missingArtifactRun);
	if (!baseline || !hybrid) {
		throw new Error('the demo workspace no longer has unet_baseline and swinv2_hybrid');
	}
	await createRun({
		root: demo.root, workspace, name: rerunName, description: 'unet_baseline again, same config',
		configFile: path.join(baseline.dir, 'config.json'), environment: emptyEnvironment,
	});
	await rm(path.join(hybrid.dir, 'checkpoints', missingArtifactName));
	await writeFile(path.join(workspace, 'README.md'), '# host test workspace\n');
}

/** The edits workspace: one fresh ExperimentManager run per entry of {@link editRuns}. */
export async function prepareEditsFixture(workspace: string): Promise<void> {
	const root = path.join(workspace, 'artifacts');
	await mkdir(path.join(root, 'experiments'), { recursive: true });
	for (const run of Object.values(editRuns)) {
		await createRun({ root, workspace, name: run.name, description: `fixture run ${run.name}`, tags: run.tags, environment: emptyEnvironment });
	}
	await writeFile(path.join(workspace, 'README.md'), '# host test workspace (edits)\n');
}
