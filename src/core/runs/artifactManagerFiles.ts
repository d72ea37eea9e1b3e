import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { artifactMetadataSchema, artifactVersionsFileSchema } from '../format/artifactManagerSchema';
import { readJsonFile } from '../fs/readJsonFile';
import { racyWindowMs } from '../fs/racyWindow';
import { type ResolvedArtifact, resolveArtifactPath } from './artifactPaths';

/** How a stored checksum compares with the file on disk now. */
export type ChecksumState = 'verified' | 'changed' | 'missing' | 'notChecked';

export interface ArtifactVersionView {
	readonly versionId: string;
	readonly createdAt: string;
	readonly checksum: string;
	readonly size: number;
	readonly current: boolean;
	readonly file: ResolvedArtifact;
}

/** One ArtifactManager artifact (a metadata.json record) with its versions. */
export interface ArtifactManagerRecord {
	readonly type: string;
	readonly description: string;
	readonly tags: readonly string[];
	readonly timestamp: string;
	readonly checksum: string;
	readonly size: number;
	readonly file: ResolvedArtifact;
	/** Size compared at once; the full SHA-256 only for files up to {@link checksumLimitBytes}. */
	readonly checksumState: ChecksumState;
	readonly versions: readonly ArtifactVersionView[];
}

/** Files larger than this are checksummed only on request (`exptrack verify`). */
export const checksumLimitBytes = 64 * 1024 * 1024;

/** Lowercase SHA-256 hex of a file's bytes, streamed (ArtifactManager's checksum). */
export function sha256File(file: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const hash = createHash('sha256');
		createReadStream(file).on('data', (chunk) => hash.update(chunk)).on('error', reject).on('end', () => resolve(hash.digest('hex')));
	});
}

/** Checksums already computed, by file and its stats: a live run's panel update or a verify never hashes an unchanged checkpoint again. */
const knownDigests = new Map<string, string>();
const knownDigestsMax = 512;

/** {@link sha256File}, remembered while the file's inode, size, modification and status-change times stay the same. */
async function sha256FileOnce(file: string, info: Stats): Promise<string> {
	const key = `${file}\0${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
	const known = knownDigests.get(key);
	if (known !== undefined) {
		return known;
	}
	const digest = await sha256File(file);
	// A file changed in the last seconds could change again within the same clock tick, unseen by its stats.
	if (Date.now() - Math.max(info.mtimeMs, info.ctimeMs) >= racyWindowMs) {
		knownDigests.set(key, digest);
	}
	if (knownDigests.size > knownDigestsMax) {
		knownDigests.delete(knownDigests.keys().next().value!);
	}
	return digest;
}

/** Compares a file with a stored checksum and size. */
export async function checkArtifact(file: ResolvedArtifact, checksum: string, size: number, limitBytes = checksumLimitBytes): Promise<ChecksumState> {
	if (!file.exists) {
		return 'missing';
	}
	const info = await stat(file.path).catch(() => undefined);
	if (!info) {
		return 'missing';
	}
	if (info.size !== size) {
		return 'changed';
	}
	if (!checksum || info.size > limitBytes) {
		return 'notChecked';
	}
	return (await sha256FileOnce(file.path, info).catch(() => '')) === checksum.toLowerCase() ? 'verified' : 'changed';
}

/** Reads `metadata.json` and `artifact_versions.json` of an ArtifactManager run folder (empty when absent or malformed). */
export async function readArtifactManagerRecords(dir: string, limitBytes = checksumLimitBytes): Promise<ArtifactManagerRecord[]> {
	const [metadataRead, versionsRead] = await Promise.all([readJsonFile(path.join(dir, 'metadata.json')), readJsonFile(path.join(dir, 'artifact_versions.json'))]);
	const records = metadataRead.state === 'ok' ? artifactMetadataSchema.array().safeParse(metadataRead.value) : undefined;
	const versions = versionsRead.state === 'ok' ? artifactVersionsFileSchema.safeParse(versionsRead.value) : undefined;
	if (!records?.success) {
		return [];
	}
	const context = { root: path.dirname(dir), runDir: dir, workspace: path.dirname(path.dirname(dir)) };
	return Promise.all(records.data.map(async (record) => {
		const file = await resolveArtifactPath(record.file_path, context);
		const entry = versions?.success ? Object.values(versions.data).find((item) => Object.values(item.versions).some((version) => version.file_path === record.file_path)) : undefined;
		const versionViews = entry ? await Promise.all(Object.values(entry.versions).map(async (version) => ({
			versionId: version.version_id,
			createdAt: version.created_at,
			checksum: version.checksum,
			size: version.file_size,
			current: version.version_id === entry.current_version,
			file: await resolveArtifactPath(version.file_path, context),
		}))) : [];
		return {
			type: record.artifact_type,
			description: record.description,
			tags: record.tags,
			timestamp: record.timestamp,
			checksum: record.checksum,
			size: record.file_size,
			file,
			checksumState: await checkArtifact(file, record.checksum, record.file_size, limitBytes),
			versions: versionViews,
		};
	}));
}
