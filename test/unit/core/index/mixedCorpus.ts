import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { generateWorkspace } from '../../../../bench/generateRuns';
import type { RootSpec } from '../../../../src/core/runs/discover';
import { chmodStopsReads, fileSystemCases, goodCases, infoCases, metricsCases } from '../hostile/fileCases';
import { encodingCases, structureCases, truncationCases, wrongTypeCases } from '../hostile/trackerCases';

/**
 * A root in `workspace` with the bench's mix of `runs` runs (trackers of every status,
 * Trainer-only runs, NaN, metrics logs and summaries) and hostile run folders named
 * `hostile-<case>`: every file-system, info and metrics case, and a sample of the tracker ones.
 */
export async function writeMixedCorpus(workspace: string, runs: number): Promise<RootSpec> {
	const generated = generateWorkspace(workspace, runs);
	const chmodWorks = await chmodStopsReads(workspace);
	const sampled = [...truncationCases(), ...wrongTypeCases(), ...structureCases(), ...encodingCases()].filter((_, index) => index % 8 === 0);
	for (const entry of [...sampled, ...fileSystemCases(chmodWorks), ...infoCases(), ...metricsCases(), ...goodCases()]) {
		const dir = path.join(generated.root, 'experiments', `hostile-${entry.name}`);
		await mkdir(dir, { recursive: true });
		await entry.build(dir);
	}
	return { root: generated.root, workspace };
}
