import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

/** One extension-host run: its own server, workspace and trust state. */
export interface HostSuite {
	readonly name: string;
	/** Sub-folder of test/host with the suite's tests; the top folder when omitted. */
	readonly folder?: string;
	readonly trusted: boolean;
	/** Fills the (empty, temporary) workspace folder. */
	prepare(workspace: string): Promise<void>;
}

export const hostSuites: readonly HostSuite[] = [
	{
		name: 'default',
		trusted: true,
		async prepare(workspace) {
			await mkdir(path.join(workspace, 'artifacts', 'experiments'), { recursive: true });
			await writeFile(path.join(workspace, 'README.md'), '# host test workspace\n');
		},
	},
];
