import { RunIndex } from '../index/runIndex';
import type { Problem } from '../problems';
import type { RootSpec } from './discover';
import type { RunSummary } from './runModel';
import type { RunSummaryCache } from '../index/summaryCache';

/** Every run under every root, loaded once through the same index the extension keeps live. */
export async function scanRuns(roots: readonly RootSpec[], options: { staleMinutes: number; concurrency?: number; blockingLoad?: boolean; summaryCache?: RunSummaryCache }): Promise<{ runs: RunSummary[]; problems: readonly Problem[] }> {
	const index = new RunIndex({ roots, ...options });
	try {
		await index.load();
		return { runs: index.all(), problems: index.problems };
	} finally {
		index.dispose();
	}
}
