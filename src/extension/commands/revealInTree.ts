import type { CommandDeps } from '../commands';
import { resolveRun } from '../pickers';

/** Selects a run in the Experiments view (the status bar and notifications use it). */
export function revealInTree(deps: CommandDeps): (argument?: unknown) => Promise<boolean> {
	return async (argument) => {
		const run = await resolveRun(deps.service, argument, 'Reveal which run?');
		if (!run) {
			return false;
		}
		if (!deps.tree.nodeOf(run.dir) && deps.tree.viewState.filter) {
			// The filter hides it: clear the filter rather than fail to show the run.
			deps.setTreeState({ ...deps.tree.viewState, filter: '' });
		}
		return deps.tree.reveal(run.dir);
	};
}
