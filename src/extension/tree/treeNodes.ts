import type { RunFile } from '../../core/runs/runFiles';
import type { RunSummary } from '../../core/runs/runModel';

/** A workspace folder (shown only when several folders have runs). */
export interface FolderNode {
	readonly kind: 'folder';
	readonly id: string;
	readonly label: string;
	readonly children: readonly TreeNode[];
}

/** A group of runs (a status, a day, a tag). */
export interface GroupNode {
	readonly kind: 'group';
	readonly id: string;
	readonly label: string;
	readonly parent?: FolderNode;
	children: RunNode[];
}

export interface RunNode {
	readonly kind: 'run';
	/** Unique in the tree and stable across refreshes: the group and the run folder. */
	readonly id: string;
	readonly run: RunSummary;
	readonly parent?: GroupNode | FolderNode;
}

/** A checkpoint, metrics file, image or config of a run. */
export interface FileNode {
	readonly kind: 'file';
	readonly id: string;
	readonly file: RunFile;
	readonly parent: RunNode;
}

export type TreeNode = FolderNode | GroupNode | RunNode | FileNode;

/**
 * What a command can receive for "a run": a tree node (context menu, inline action), a run
 * summary (the status bar, the detail panel), or a run folder path (tests, other commands).
 */
export type RunArgument = RunNode | FileNode | RunSummary | string | { readonly dir: string };

/** The run folder an argument names, if any. */
export function runDirOf(argument: unknown): string | undefined {
	if (typeof argument === 'string') {
		return argument;
	}
	if (typeof argument !== 'object' || argument === null) {
		return undefined;
	}
	const node = argument as { kind?: string; run?: { dir: string }; parent?: { run?: { dir: string } }; dir?: unknown };
	if (node.kind === 'run' && node.run) {
		return node.run.dir;
	}
	if (node.kind === 'file' && node.parent?.run) {
		return node.parent.run.dir;
	}
	return typeof node.dir === 'string' ? node.dir : undefined;
}
