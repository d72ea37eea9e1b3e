import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as z from 'zod';
import { infoFileSchema } from '../src/core/format/infoSchema';
import { anyNumber, trackerFileSchema, type TrackerKey } from '../src/core/format/trackerSchema';

/** A generated JSON Schema (draft-07) document, as plain JSON. */
export type JsonSchemaDocument = Record<string, unknown>;

/** File names of the generated schemas, inside the output folder (dist/schemas when packaged). */
export const schemaFileNames = {
	tracker: 'experiment_tracker.schema.json',
	info: 'experiment_info.schema.json',
} as const;

/** An identifier only: VS Code loads the schemas from the extension's dist/schemas, never from here. */
const schemaIdBase = 'https://github.com/exptrack/experiment-tracker/schemas/';

/**
 * The keys CrackSeg's loader cannot do without (`ExperimentMetadata(**json)` has no default
 * for them); every other key falls back to its dataclass default, so it is not required.
 */
const trackerRequiredKeys: readonly TrackerKey[] = ['experiment_id', 'experiment_name'];

/**
 * Converts a zod schema to draft-07, the draft VS Code's JSON language service handles best.
 * `anyNumber` (a custom check that admits NaN and ±Infinity) becomes `{"type": "number"}`;
 * any other type without a JSON Schema equivalent is an error.
 */
function toDraft07(schema: z.ZodType): JsonSchemaDocument {
	return z.toJSONSchema(schema, {
		target: 'draft-07',
		unrepresentable: (ctx) => ((ctx.zodSchema._zod.def as unknown) === anyNumber._zod.def ? { type: 'number' } : 'throw'),
	}) as JsonSchemaDocument;
}

/**
 * The schema of `experiment_tracker.json`: the 32 fields in Python's order with their
 * descriptions, only `experiment_id` and `experiment_name` required, and no other key allowed
 * (CrackSeg discards and truncates a file with an unknown key).
 */
export function buildTrackerJsonSchema(): JsonSchemaDocument {
	const generated = toDraft07(trackerFileSchema);
	return {
		$schema: generated.$schema,
		$id: `${schemaIdBase}${schemaFileNames.tracker}`,
		title: 'CrackSeg experiment_tracker.json',
		description: generated.description,
		...generated,
		required: [...trackerRequiredKeys],
		additionalProperties: false,
	};
}

/** The schema of `experiment_info.json`: every key optional, other keys allowed. */
export function buildInfoJsonSchema(): JsonSchemaDocument {
	const generated = toDraft07(infoFileSchema);
	return {
		$schema: generated.$schema,
		$id: `${schemaIdBase}${schemaFileNames.info}`,
		title: 'CrackSeg experiment_info.json',
		description: generated.description,
		...generated,
	};
}

/**
 * Writes both schemas into `outDir` (created if missing), 2-space indented with a final
 * newline, and returns the paths written. Existing files are overwritten.
 */
export async function writeJsonSchemas(outDir: string): Promise<string[]> {
	await mkdir(outDir, { recursive: true });
	const documents: ReadonlyArray<readonly [string, JsonSchemaDocument]> = [
		[schemaFileNames.tracker, buildTrackerJsonSchema()],
		[schemaFileNames.info, buildInfoJsonSchema()],
	];
	const written: string[] = [];
	for (const [name, document] of documents) {
		const file = path.join(outDir, name);
		await writeFile(file, `${JSON.stringify(document, null, 2)}\n`, 'utf8');
		written.push(file);
	}
	return written;
}

// Run as `node <compiled generateSchemas.js> [outDir]`; outDir defaults to dist/schemas under
// the working directory (npm scripts run in the package root).
if (require.main === module) {
	writeJsonSchemas(path.resolve(process.argv[2] ?? path.join('dist', 'schemas'))).then((files) => {
		console.log(`JSON schemas written: ${files.map((file) => path.relative(process.cwd(), file)).join(', ')}`);
	}, (error: unknown) => {
		console.error(`could not write the JSON schemas: ${error instanceof Error ? error.message : String(error)}`);
		process.exitCode = 1;
	});
}
