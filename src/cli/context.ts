import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RootSpec } from '../core/runs/discover';
import type { RunSummary } from '../core/runs/runModel';
import { scanRuns } from '../core/runs/scanRuns';
import { RunSummaryCache, summaryCacheFile } from '../core/index/summaryCache';
import { version } from '../../package.json';
import { CliError } from './cliError';

/** What every subcommand gets: where to look and how to judge staleness. */
export interface CliContext {
	readonly roots: readonly RootSpec[];
	readonly cwd: string;
	readonly staleMinutes: number;
	/** Folder of the run-summary caches; undefined with `--no-cache`. */
	readonly cacheFolder?: string;
	/** Write JSON instead of text. */
	readonly json: boolean;
	readonly out: (text: string) => void;
	readonly err: (text: string) => void;
}

/** `--root DIR` (repeatable) or `./artifacts` and `./outputs`; paths relative to the cwd, which plays the workspace folder. */
export function rootsFrom(values: readonly string[] | undefined, cwd: string): RootSpec[] {
	const roots = values && values.length > 0 ? values : ['artifacts', 'outputs'];
	return roots.map((root) => {
		const absolute = path.resolve(cwd, root);
		// A root's runs store paths relative to the Python process's cwd: usually the root's parent.
		return { root: absolute, workspace: values && values.length > 0 ? path.dirname(absolute) : cwd };
	});
}

/**
 * This build of `exptrack`: its version and a digest of its own code, so that summaries cached
 * by another build (whose reader may differ, released or not) are never reused.
 */
function buildIdentity(): string | undefined {
	try {
		return `exptrack ${version} ${createHash('sha256').update(readFileSync(__filename)).digest('hex').slice(0, 16)}`;
	} catch {
		// Its own code unreadable: no way to tell builds apart, so no cache.
		return undefined;
	}
}

/** All runs under the context's roots. */
export async function listRuns(context: CliContext): Promise<RunSummary[]> {
	// A command-line process may block while it reads: nothing waits on it, and workers would cost
	// more to start. Each start is a cold load, so the summaries of the last one are kept in a
	// cache and only the runs whose files changed are read again (see summaryCache.ts).
	const build = context.cacheFolder === undefined ? undefined : buildIdentity();
	const summaryCache = context.cacheFolder === undefined || build === undefined ? undefined : await RunSummaryCache.open(summaryCacheFile(context.cacheFolder, context.roots), build);
	const { runs } = await scanRuns(context.roots, { staleMinutes: context.staleMinutes, blockingLoad: true, summaryCache });
	await summaryCache?.save();
	return runs;
}

/**
 * Finds one run by full id, unambiguous id prefix, or name. Ambiguity and absence are errors
 * that list what matched, so the user can pick.
 */
export function findRun(runs: readonly RunSummary[], query: string): RunSummary {
	const exact = runs.filter((run) => run.id === query);
	const byName = runs.filter((run) => run.name === query);
	const byPrefix = runs.filter((run) => run.id.startsWith(query));
	const byDir = runs.filter((run) => path.basename(run.dir) === query);
	for (const matches of [exact, byDir, byName, byPrefix]) {
		if (matches.length === 1) {
			return matches[0]!;
		}
		if (matches.length > 1) {
			const listed = matches.slice(0, 5).map((run) => run.id).join(', ');
			throw new CliError(`"${query}" matches ${matches.length} runs (${listed}${matches.length > 5 ? ', …' : ''}); give more of the id.`);
		}
	}
	throw new CliError(`No run matches "${query}" under ${runsWhere(runs)}.`);
}

function runsWhere(runs: readonly RunSummary[]): string {
	return runs.length === 0 ? 'the roots searched (none has runs)' : `the ${runs.length} runs found`;
}
