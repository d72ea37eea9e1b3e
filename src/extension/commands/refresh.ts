import type { CommandDeps } from '../commands';

/** Re-reads every run from disk; progress shows in the Experiments view. */
export function refresh(deps: CommandDeps): () => Promise<void> {
	return () => deps.service.refresh();
}
