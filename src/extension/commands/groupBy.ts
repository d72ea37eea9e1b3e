import type { CommandDeps } from '../commands';
import { type Choice, pickChoice } from '../pickChoice';
import type { RunGrouping } from '../tree/treeState';

const choices: ReadonlyArray<Choice<RunGrouping>> = [
	{ value: 'status', label: 'Status', detail: 'Running, stale, failed, aborted, completed, created' },
	{ value: 'day', label: 'Day', detail: 'Today, yesterday, then by date' },
	{ value: 'tag', label: 'Tag', detail: 'One group per tag; a run shows under each of its tags' },
	{ value: 'none', label: 'None', detail: 'One flat list' },
];

/** Groups the tree by status, day, tag or not at all. */
export function groupBy(deps: CommandDeps): (value?: unknown) => Promise<boolean> {
	return async (value) => {
		const picked = await pickChoice(choices, value, deps.tree.viewState.groupBy, 'Group experiments by');
		if (!picked) {
			return false;
		}
		deps.setTreeState({ ...deps.tree.viewState, groupBy: picked });
		return true;
	};
}
