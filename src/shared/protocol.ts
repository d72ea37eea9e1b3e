import * as z from 'zod';
import type { PanelData } from './panelData';

/**
 * Messages between the detail panel's webview and the extension. Every inbound message is
 * parsed with {@link fromWebviewSchema}; anything else is dropped and logged. The webview
 * imports only the types from here (zod stays out of its bundle).
 */

/** Panel actions that run the same command as the tree's context menu, for the panel's run. */
export const panelCommands = [
	'addTags', 'markCompleted', 'markFailed', 'markAborted', 'compareConfigs', 'exportMarkdown',
	'revealInExplorer', 'openInTerminal', 'copyExperimentId', 'verifyReproducibility', 'editDescription',
] as const;
export type PanelCommand = (typeof panelCommands)[number];

/** A path inside the run folder, relative, as the panel received it. */
const runPath = z.string().min(1).max(4096);

export const fromWebviewSchema = z.discriminatedUnion('type', [
	/** The webview's script is running and listening: send it the data. */
	z.strictObject({ type: z.literal('ready') }),
	/** The description edited in place. */
	z.strictObject({ type: z.literal('editDescription'), text: z.string().max(100_000) }),
	z.strictObject({ type: z.literal('removeTag'), tag: z.string().min(1).max(1000) }),
	z.strictObject({ type: z.literal('runCommand'), command: z.enum(panelCommands) }),
	/** Open a file of the run with VS Code's own editor or image viewer. */
	z.strictObject({ type: z.literal('openFile'), path: runPath }),
	/** Show a file of the run in the Explorer view. */
	z.strictObject({ type: z.literal('revealFile'), path: runPath }),
	/** Open an http(s) link from user text in the browser. */
	z.strictObject({ type: z.literal('openExternal'), url: z.string().max(8192) }),
]);

export type FromWebview = z.infer<typeof fromWebviewSchema>;

export type ToWebview =
	/** Everything to show; sent after `ready` and whenever the run changes. */
	| { readonly type: 'setData'; readonly data: PanelData }
	/** The run's folder is gone (deleted or renamed). */
	| { readonly type: 'runRemoved' };
