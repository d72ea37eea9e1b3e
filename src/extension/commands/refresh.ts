import type { CommandDeps } from '../commands';

/** Re-reads every run from disk and redraws the tree. */
export function refresh(deps: CommandDeps): () => Promise<void> {
	return async () => {
		deps.tree.refresh();
	};
}
