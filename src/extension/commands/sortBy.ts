import type { RunSortKey } from '../../core/index/runQuery';
import type { CommandDeps } from '../commands';
import { type Choice, pickChoice } from '../pickChoice';

const choices: ReadonlyArray<Choice<RunSortKey>> = [
	{ value: 'newest', label: 'Newest First', detail: 'By creation time' },
	{ value: 'oldest', label: 'Oldest First', detail: 'By creation time' },
	{ value: 'name', label: 'Name', detail: 'Alphabetically, numbers in order' },
	{ value: 'metric', label: 'Best Metric', detail: 'Best headline metric first (validation IoU, …; lower is better for losses)' },
];

/** Sorts runs within their groups. */
export function sortBy(deps: CommandDeps): (value?: unknown) => Promise<boolean> {
	return async (value) => {
		const picked = await pickChoice(choices, value, deps.tree.viewState.sortBy, 'Sort experiments by');
		if (!picked) {
			return false;
		}
		deps.setTreeState({ ...deps.tree.viewState, sortBy: picked });
		return true;
	};
}
