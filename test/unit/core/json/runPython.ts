import * as path from 'node:path';
import { runJsonProcess } from '../../../shared/runJsonProcess';

/** The repository root, from the compiled test's folder (out/test/unit/core/json). */
export const repoRoot = path.resolve(__dirname, '../../../../..');

/** The §6.2 completed-run tracker file, verbatim from the spec (no trailing newline). */
export const completedTrackerFixture = path.join(repoRoot, 'test/fixtures/python/experiment_tracker.completed.json');

/**
 * Runs `python3 -c script` once, feeding `input` as UTF-8 on stdin, and returns its stdout as
 * parsed JSON. Scripts print `json.dumps(result)` (ASCII-escaped, so lone surrogates survive).
 */
export function runPython(script: string, input: unknown): Promise<unknown> {
	return runJsonProcess('python3', ['-c', script], input);
}

/** Python source that reads the JSON sent by {@link runPython} from stdin. */
export const pythonReadInput = 'import json, sys\ncases = json.loads(sys.stdin.buffer.read().decode("utf-8"))\n';
