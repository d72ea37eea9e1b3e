import type { CommandDeps } from '../commands';

/** Shows every run again. */
export function clearFilter(deps: CommandDeps): () => void {
	return () => deps.setTreeState({ ...deps.tree.viewState, filter: '' });
}
