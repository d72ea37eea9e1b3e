import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { type Problem } from '../problems';
import { isMissingFileError, unreadableProblem } from './fileErrors';
import { mergeRunMetrics, type RunMetrics } from './metricsHistory';
import { metricsFileNames, readMetricsSource } from './metricsSources';

/**
 * Reads every metrics file CrackSeg writes in `<runDir>/metrics/` (spec §5) and merges them
 * (see `mergeRunMetrics`). Files of other names are ignored. Never throws: a missing
 * `metrics/` folder gives an empty result; unreadable or corrupt files become problems and the
 * other files still count.
 */
export async function readRunMetrics(runDir: string): Promise<RunMetrics> {
	const folder = path.join(runDir, 'metrics');
	let names: string[];
	try {
		names = (await readdir(folder)).filter((name) => metricsFileNames.includes(name)).sort();
	} catch (error) {
		const problems: Problem[] = isMissingFileError(error) ? [] : [unreadableProblem(folder, error)];
		return { ...mergeRunMetrics([]), problems };
	}
	const reads = await Promise.all(names.map((name) => readMetricsSource(path.join(folder, name))));
	return mergeRunMetrics(reads.flatMap((read) => (read === undefined ? [] : [read.data])));
}
