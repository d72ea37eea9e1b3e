import * as z from 'zod';
import { type Problem, problem } from '../problems';
import { describeJsonType, isPlainObject } from './describeValue';

/**
 * `experiment_info.json`, written by ExperimentManager (spec §4.1): `config` is Python's
 * `str()` of the config (opaque text, not JSON) and `metadata` a JSON-encoded string. Every
 * key is optional: `update_status` on a missing file writes only status, updated_at, metadata.
 * The `.meta({ description })` texts document the generated JSON schema; they change nothing
 * about what the schema accepts.
 */
export const infoFileSchema = z.looseObject({
	id: z.string().optional().meta({ description: 'Run id <timestamp>-<name>, also the name of the run folder.' }),
	name: z.string().optional().meta({ description: 'Experiment name given to ExperimentManager.' }),
	timestamp: z.string().optional().meta({ description: 'Compact local creation time in ExperimentManager\'s timestamp_format, by default YYYYmmdd-HHMMSS (e.g. 20261204-152927).' }),
	created_at: z.string().optional().meta({ description: 'Creation time, ISO 8601 local time without a UTC offset (e.g. 2026-12-04T15:29:29.904400).' }),
	status: z.string().optional().meta({
		description: '"created" when the run is set up; update_status then writes any string (ExperimentLogger: "completed" on close, "failed" on log_error). Runs driven by the Trainer alone stay "created".',
		examples: ['created', 'completed', 'failed'],
	}),
	config: z.string().optional().meta({ description: 'Python str() of the resolved config (single quotes, True/False/None): opaque text, not JSON. Present only when a config was given.' }),
	updated_at: z.string().optional().meta({ description: 'Time of the last update_status, ISO 8601 local time without a UTC offset.' }),
	metadata: z.string().optional().meta({ description: 'Object passed to the last update_status, as a JSON-encoded string; each call replaces it (no merge).' }),
}).meta({
	description: 'ExperimentManager\'s run info: written when the run is created, then status, updated_at and metadata are rewritten by update_status. Every key is optional and other keys are allowed.',
});

export type InfoData = z.infer<typeof infoFileSchema>;

/** The key order ExperimentManager writes a new info file in. */
export const infoKeyOrder = ['id', 'name', 'timestamp', 'created_at', 'status', 'config'] as const;

export interface DecodedInfo {
	readonly data: InfoData;
	/** `metadata` decoded from its JSON string, when it is one. */
	readonly metadata?: Record<string, unknown>;
	readonly problems: readonly Problem[];
}

/** Validates a parsed info file; a field of the wrong type is dropped and reported, never thrown. */
export function decodeInfo(value: unknown, file: string): DecodedInfo {
	if (!isPlainObject(value)) {
		return { data: {}, problems: [problem('invalidField', file, `The file holds ${describeJsonType(value)}, not the JSON object ExperimentManager writes.`)] };
	}
	const problems: Problem[] = [];
	const parsed = infoFileSchema.safeParse(value);
	let data: InfoData;
	if (parsed.success) {
		data = parsed.data;
	} else {
		const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
		for (const key of bad) {
			problems.push(problem('invalidField', file, `"${key}" should be a string but is ${describeJsonType(value[key])}; ignored.`));
		}
		data = infoFileSchema.parse(Object.fromEntries(Object.entries(value).filter(([key]) => !bad.has(key))));
	}
	return { data, metadata: decodeMetadata(data.metadata, file, problems), problems };
}

function decodeMetadata(text: string | undefined, file: string, problems: Problem[]): Record<string, unknown> | undefined {
	if (text === undefined || text === '') {
		return undefined;
	}
	try {
		const value: unknown = JSON.parse(text);
		return isPlainObject(value) ? value : { value };
	} catch {
		problems.push(problem('invalidField', file, '"metadata" is not the JSON-encoded text ExperimentManager writes; shown as text.', 'warning'));
		return { text };
	}
}
