import * as z from 'zod';
import { type Problem, problem } from '../problems';
import { describeJsonType } from './describeValue';

/**
 * One entry of `<root>/experiment_registry.json`, the JSON array ExperimentManager appends
 * to on every creation (spec §4.1). `path` is `str(experiment_dir)` as the Python process
 * saw it: relative to its working directory or absolute, with `/` or `\`. Entries can repeat.
 */
export const registryEntrySchema = z.looseObject({
	id: z.string(),
	name: z.string().optional(),
	timestamp: z.string().optional(),
	path: z.string().optional(),
	created_at: z.string().optional(),
});

export type RegistryEntry = z.infer<typeof registryEntrySchema>;

/** The key order ExperimentManager writes an entry in. */
export const registryEntryKeys = ['id', 'name', 'timestamp', 'path', 'created_at'] as const;

/** Reads the registry's entries; malformed entries are skipped and reported. */
export function decodeRegistry(value: unknown, file: string): { entries: RegistryEntry[]; problems: Problem[] } {
	if (!Array.isArray(value)) {
		return { entries: [], problems: [problem('invalidField', file, `The registry holds ${describeJsonType(value)}, not the JSON list ExperimentManager writes.`)] };
	}
	const entries: RegistryEntry[] = [];
	let skipped = 0;
	for (const item of value) {
		const parsed = registryEntrySchema.safeParse(item);
		if (parsed.success) {
			entries.push(parsed.data);
		} else {
			skipped += 1;
		}
	}
	const problems = skipped > 0 ? [problem('invalidField', file, `${skipped} registry entr${skipped === 1 ? 'y is' : 'ies are'} malformed and ignored.`, 'warning')] : [];
	return { entries, problems };
}
