import * as z from 'zod';

/**
 * ArtifactManager's `metadata.json` (spec §4.2): a JSON array of `ArtifactMetadata` records with
 * exactly these 9 keys (its loader raises on any other) and `experiment_name` required.
 */
export const artifactMetadataSchema = z.object({
	experiment_name: z.string(),
	timestamp: z.string().default(''),
	artifact_type: z.string().default(''),
	file_path: z.string().default(''),
	file_size: z.number().int().default(0),
	checksum: z.string().default(''),
	description: z.string().default(''),
	tags: z.array(z.string()).default([]),
	dependencies: z.array(z.string()).default([]),
});

export type ArtifactMetadata = z.infer<typeof artifactMetadataSchema>;

/** One version in `artifact_versions.json`. */
export const artifactVersionSchema = z.object({
	version_id: z.string(),
	artifact_id: z.string(),
	file_path: z.string(),
	checksum: z.string(),
	file_size: z.number().int(),
	created_at: z.string(),
	description: z.string().default(''),
	tags: z.array(z.string()).default([]),
	metadata: z.record(z.string(), z.unknown()).default({}),
});

/** `artifact_versions.json`: artifact id → its versions and current version. */
export const artifactVersionsFileSchema = z.record(z.string(), z.object({
	artifact_id: z.string(),
	current_version: z.string(),
	versions: z.record(z.string(), artifactVersionSchema),
	created_at: z.string().default(''),
	updated_at: z.string().default(''),
}));

export type ArtifactVersionsFile = z.infer<typeof artifactVersionsFileSchema>;
