import * as path from 'node:path';
import { groupRuns } from '../../core/view/grouping';
import { matchesQuery, sortRuns } from '../../core/index/runQuery';
import type { RunSummary } from '../../core/runs/runModel';
import type { FolderNode, GroupNode, RunNode, TreeNode } from './treeNodes';
import type { TreeViewState } from './treeState';

/** The tree's top level, and where each run's (first) node is, for reveal. */
export interface BuiltTree {
	readonly roots: readonly TreeNode[];
	readonly byDir: ReadonlyMap<string, RunNode>;
	readonly total: number;
	readonly shown: number;
}

/**
 * Arranges runs for the tree: filtered, sorted, grouped; with one top-level node per
 * workspace folder when runs come from several. Ids derive from the folder, group key and
 * run folder, so selection and expansion survive refreshes.
 */
export function buildTree(runs: readonly RunSummary[], state: TreeViewState, nowMs: number): BuiltTree {
	const shownRuns = sortRuns(state.filter ? runs.filter((run) => matchesQuery(run, { text: state.filter })) : runs, state.sortBy);
	const byDir = new Map<string, RunNode>();
	const folders = [...new Set(shownRuns.map((run) => run.workspace ?? ''))].sort();
	const arrange = (folderRuns: RunSummary[], prefix: string, parent?: FolderNode): TreeNode[] => {
		const groups = groupRuns(folderRuns, state.groupBy, nowMs);
		if (state.groupBy === 'none') {
			return (groups[0]?.runs ?? []).map((run) => runNode(run, `${prefix}run:${run.dir}`, parent, byDir));
		}
		return groups.map((group) => {
			const node: GroupNode = { kind: 'group', id: `${prefix}group:${group.key}`, label: group.label, parent, children: [] };
			node.children = group.runs.map((run) => runNode(run, `${node.id}/run:${run.dir}`, node, byDir));
			return node;
		});
	};
	let roots: TreeNode[];
	if (folders.length > 1) {
		roots = folders.map((folder) => {
			const node = { kind: 'folder', id: `folder:${folder}`, label: folder ? path.basename(folder) : 'Other roots', children: [] as TreeNode[] } satisfies FolderNode;
			node.children = arrange(shownRuns.filter((run) => (run.workspace ?? '') === folder), `${node.id}/`, node);
			return node;
		});
	} else {
		roots = arrange(shownRuns, '');
	}
	return { roots, byDir, total: runs.length, shown: shownRuns.length };
}

function runNode(run: RunSummary, id: string, parent: GroupNode | FolderNode | undefined, byDir: Map<string, RunNode>): RunNode {
	const node: RunNode = { kind: 'run', id, run, parent };
	if (!byDir.has(run.dir)) {
		byDir.set(run.dir, node);
	}
	return node;
}
