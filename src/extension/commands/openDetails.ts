import type { CommandDeps } from '../commands';
import { resolveRun } from '../pickers';

/** Opens the run's detail panel (one per run; revealed when already open). */
export function openDetails(deps: CommandDeps): (argument?: unknown) => Promise<string | undefined> {
	return async (argument) => {
		const run = await resolveRun(deps.service, argument, 'Open the details of which run?');
		if (!run) {
			return undefined;
		}
		deps.panels.show(run.dir);
		return run.dir;
	};
}
