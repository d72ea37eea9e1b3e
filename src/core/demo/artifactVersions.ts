import { createHash } from 'node:crypto';
import type { JsonNode, JsonObject } from '../json/jsonValue';
import { pythonNumber } from '../json/pythonFloat';
import { managerTimestamp, pythonIsoNow } from '../tracker/timestamps';

/** One saved state of an artifact's file. */
export interface ArtifactVersionInput {
	/** When `create_version` ran (epoch ms). */
	readonly createdMs: number;
	/** The path string ArtifactManager stored. */
	readonly filePath: string;
	/** The file's bytes at that moment (the checksum and size are taken from them). */
	readonly data: Uint8Array;
	readonly description: string;
}

/**
 * One artifact's entry of `artifact_versions.json` (spec §4.2): `{artifact_id, current_version,
 * versions: {<id>_v<%Y%m%d_%H%M%S>: {version_id, artifact_id, file_path, checksum, file_size,
 * created_at, description, tags, metadata}}, created_at, updated_at}`; the last input is current.
 * Inputs in the same second share a version id, and the later one replaces the earlier, as in Python.
 */
export function artifactVersionsEntry(artifactId: string, inputs: readonly ArtifactVersionInput[]): JsonObject {
	const versions: JsonObject = new Map();
	let currentVersion = '';
	for (const input of inputs) {
		const versionId = `${artifactId}_v${managerTimestamp(new Date(input.createdMs)).replace('-', '_')}`;
		versions.set(versionId, new Map<string, JsonNode>([
			['version_id', versionId], ['artifact_id', artifactId], ['file_path', input.filePath],
			['checksum', createHash('sha256').update(input.data).digest('hex')], ['file_size', pythonNumber(input.data.length, 'int')],
			['created_at', pythonIsoNow(input.createdMs)], ['description', input.description], ['tags', []], ['metadata', new Map()],
		]));
		currentVersion = versionId;
	}
	const first = inputs[0]?.createdMs ?? 0;
	const last = inputs[inputs.length - 1]?.createdMs ?? 0;
	return new Map<string, JsonNode>([
		['artifact_id', artifactId], ['current_version', currentVersion], ['versions', versions],
		['created_at', pythonIsoNow(first)], ['updated_at', pythonIsoNow(last)],
	]);
}
