import type { CommandDeps } from '../commands';

/** Reveals the extension's log in the Output view. */
export function showLog(deps: CommandDeps): () => void {
	return () => deps.log.show(true);
}
