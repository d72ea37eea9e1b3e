import * as z from 'zod';
import { type Problem, problem } from '../problems';
import { describeJsonType, isPlainObject } from './describeValue';

/**
 * `experiment_info.json`, written by ExperimentManager (spec §4.1): `config` is Python's
 * `str()` of the config (opaque text, not JSON) and `metadata` a JSON-encoded string. Every
 * key is optional: `update_status` on a missing file writes only status, updated_at, metadata.
 */
export const infoFileSchema = z.looseObject({
	id: z.string().optional(),
	name: z.string().optional(),
	timestamp: z.string().optional(),
	created_at: z.string().optional(),
	status: z.string().optional(),
	config: z.string().optional(),
	updated_at: z.string().optional(),
	metadata: z.string().optional(),
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
