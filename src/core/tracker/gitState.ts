import { simpleGit } from 'simple-git';

/** The git fields of a tracker file. */
export interface GitState {
	readonly gitCommit: string;
	readonly gitBranch: string;
	readonly gitDirty: boolean;
}

/**
 * Commit, branch and "dirty" of the repository holding `dir`, through simple-git.
 * "Dirty" here means any change to a tracked file, staged or not (CrackSeg's
 * `git diff --quiet` misses staged changes, and reports dirty outside a repository;
 * see docs/file-format-decisions.md). Outside a repository or without git: empty and clean.
 */
export async function readGitState(dir: string): Promise<GitState> {
	const none: GitState = { gitCommit: '', gitBranch: '', gitDirty: false };
	try {
		const git = simpleGit({ baseDir: dir, timeout: { block: 5000 } });
		if (!(await git.checkIsRepo())) {
			return none;
		}
		const [commit, branch, status] = await Promise.all([
			git.revparse(['HEAD']).catch(() => ''),
			git.raw(['branch', '--show-current']).catch(() => ''),
			git.status(['--untracked-files=no']).catch(() => undefined),
		]);
		return { gitCommit: commit.trim(), gitBranch: branch.trim(), gitDirty: status ? !status.isClean() : false };
	} catch {
		return none;
	}
}
