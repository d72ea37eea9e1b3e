import * as path from 'node:path';
import type { InfoData } from '../format/infoSchema';
import { runIdIsoTime } from '../tracker/timestamps';

/** A run's id, name and creation time when its tracker file does not say. */
export interface RunIdentity {
	readonly id: string;
	readonly name: string;
	readonly createdAt: string;
}

/**
 * Identity from the info file, else from the folder name: ExperimentManager names the folder
 * `<YYYYmmdd-HHMMSS>-<name>` (names may hold `-` and `_`), ArtifactManager
 * `experiment_<YYYYmmdd_HHMMSS>`; any other folder name is an opaque id (spec §1.1).
 */
export function runIdentityFromFolder(dir: string, info: InfoData | undefined): RunIdentity {
	const folder = path.basename(dir);
	const id = info?.id || folder;
	const parsedName = /^\d{8}-\d{6}-(.+)$/.exec(id)?.[1];
	return {
		id,
		name: info?.name || parsedName || id,
		createdAt: info?.created_at || (runIdIsoTime(id) ?? ''),
	};
}
