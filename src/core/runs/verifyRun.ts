import type { ConfigHashVerification } from '../config/configHash';
import { readGitState } from '../tracker/gitState';
import { checkArtifact, type ChecksumState } from './artifactManagerFiles';
import type { RunDetails } from './runDetails';

/** One line of a reproducibility report. */
export interface VerifyCheck {
	readonly name: string;
	readonly ok: boolean;
	/** `false` when it could not be checked (shown as a note, not a failure). */
	readonly checked: boolean;
	readonly detail: string;
}

/**
 * Can this run be reproduced from what it recorded? Checks the config (config.json hashes to
 * the recorded config_hash), git (the tree was clean when recorded; the commit still exists
 * in the repository and whether HEAD moved), and artifacts (every recorded file exists;
 * ArtifactManager checksums match, fully hashed). Starts git: not for Restricted Mode.
 */
export async function verifyRun(details: RunDetails): Promise<VerifyCheck[]> {
	const checks: VerifyCheck[] = [configCheck(details.config?.verification, details.tracker?.config_hash ?? '')];
	const tracker = details.tracker;
	if (tracker?.git_commit) {
		const now = await readGitState(details.summary.dir);
		checks.push({ name: 'git', ok: !tracker.git_dirty, checked: true, detail: tracker.git_dirty ? `recorded with uncommitted changes on ${tracker.git_commit.slice(0, 12)}` : `recorded clean at ${tracker.git_commit.slice(0, 12)} (${tracker.git_branch || 'detached'})` });
		if (now.gitCommit && now.gitCommit !== tracker.git_commit) {
			checks.push({ name: 'git HEAD', ok: true, checked: true, detail: `HEAD is now ${now.gitCommit.slice(0, 12)}; check out ${tracker.git_commit.slice(0, 12)} to reproduce` });
		}
	} else {
		checks.push({ name: 'git', ok: true, checked: false, detail: 'no git commit was recorded' });
	}
	const files = [...details.artifacts.checkpoints, ...details.artifacts.metricFiles, ...details.artifacts.visualizations];
	const missing = files.filter((file) => !file.exists);
	checks.push({ name: 'artifacts', ok: missing.length === 0, checked: files.length > 0, detail: files.length === 0 ? 'no artifact files recorded' : missing.length === 0 ? `all ${files.length} recorded files exist` : `missing: ${missing.map((file) => file.stored).join(', ')}` });
	for (const record of details.artifacts.managed) {
		const state: ChecksumState = await checkArtifact(record.file, record.checksum, record.size, Number.POSITIVE_INFINITY);
		checks.push({ name: `checksum ${record.file.stored}`, ok: state === 'verified', checked: state !== 'notChecked', detail: state });
	}
	return checks;
}

function configCheck(verification: ConfigHashVerification | undefined, recorded: string): VerifyCheck {
	if (!verification) {
		return { name: 'config', ok: true, checked: false, detail: recorded ? 'no config.json in the run folder to check config_hash against' : 'no config recorded' };
	}
	switch (verification.status) {
		case 'match':
			return { name: 'config', ok: true, checked: true, detail: `config.json hashes to the recorded config_hash ${recorded.slice(0, 12)}…` };
		case 'mismatch':
			return { name: 'config', ok: false, checked: true, detail: `config.json hashes to ${verification.computed?.slice(0, 12)}…, not the recorded ${recorded.slice(0, 12)}…: it changed after the run` };
		case 'unverifiable':
			return { name: 'config', ok: true, checked: false, detail: verification.reason ?? 'cannot be checked' };
	}
}
