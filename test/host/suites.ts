import { prepareDemoFixture, prepareEditsFixture } from './fixtures';

/** One extension-host run: its own server, workspace and trust state. */
export interface HostSuite {
	readonly name: string;
	/** Sub-folder of test/host with the suite's tests; the top folder when omitted. */
	readonly folder?: string;
	readonly trusted: boolean;
	/** Fills the (empty, temporary) workspace folder. */
	prepare(workspace: string): Promise<void>;
}

/**
 * The suites: the default one reads the demo workspace (tree, view and read-only commands),
 * `edits` writes to runs of its own (edits, create, a live trainer for the status bar and
 * notifications), `restricted` opens the demo workspace in Restricted Mode.
 */
export const hostSuites: readonly HostSuite[] = [
	{ name: 'default', trusted: true, prepare: prepareDemoFixture },
	{ name: 'edits', folder: 'edits', trusted: true, prepare: prepareEditsFixture },
	{ name: 'restricted', folder: 'restricted', trusted: false, prepare: prepareDemoFixture },
];
