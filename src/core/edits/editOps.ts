import * as z from 'zod';

/**
 * A user's edit of a run, as recorded in the run's journal. Each carries the time it was
 * made (naive local ISO, as Python writes times), which is also the `updated_at` /
 * `completed_at` it writes, so applying an edit twice gives the same file.
 */
export const editOpSchema = z.discriminatedUnion('op', [
	z.object({ op: z.literal('setDescription'), at: z.string(), text: z.string() }),
	z.object({ op: z.literal('addTags'), at: z.string(), tags: z.array(z.string()).min(1) }),
	z.object({ op: z.literal('removeTags'), at: z.string(), tags: z.array(z.string()).min(1) }),
	z.object({ op: z.literal('mark'), at: z.string(), status: z.enum(['completed', 'failed', 'aborted']), reason: z.string().optional() }),
]);

export type EditOp = z.infer<typeof editOpSchema>;
export type MarkStatus = Extract<EditOp, { op: 'mark' }>['status'];

/** The tracker fields edits touch, over either a lossless document or a plain copy for display. */
export interface EditableFields {
	has(key: EditableKey): boolean;
	getString(key: 'description' | 'status' | 'completed_at' | 'updated_at'): string | undefined;
	getStringList(key: 'tags'): string[] | undefined;
	/** Sets an existing field; false when the file lacks it (edits never add keys). */
	set(key: EditableKey, value: string | string[]): boolean;
}

export type EditableKey = 'description' | 'status' | 'completed_at' | 'updated_at' | 'tags';

/** What applying one edit to a file's fields did. */
export type EditOutcome =
	/** The fields now hold the edit (or already did). */
	| { readonly kind: 'applied' }
	/** A mark the writer overrode by ending the run itself after the mark was made. */
	| { readonly kind: 'superseded' }
	/** The file lacks a field the edit needs (or holds it with the wrong type). */
	| { readonly kind: 'blocked'; readonly keys: readonly string[] };

const terminal = new Set(['completed', 'failed', 'aborted']);

/** Applies one edit with the effect CrackSeg's tracker method of the same meaning has (spec §3). */
export function applyEdit(fields: EditableFields, op: EditOp): EditOutcome {
	switch (op.op) {
		case 'setDescription':
			return setFields(fields, { description: op.text, updated_at: op.at });
		case 'addTags':
		case 'removeTags': {
			const tags = fields.getStringList('tags');
			if (!tags) {
				return { kind: 'blocked', keys: ['tags'] };
			}
			const next = op.op === 'addTags'
				? [...tags, ...unique(op.tags).filter((tag) => !tags.includes(tag))]
				: tags.filter((tag) => !op.tags.includes(tag));
			// Python bumps updated_at even when the list did not change.
			return setFields(fields, { tags: next, updated_at: op.at });
		}
		case 'mark':
			return applyMark(fields, op);
	}
}

function applyMark(fields: EditableFields, op: Extract<EditOp, { op: 'mark' }>): EditOutcome {
	const status = fields.getString('status');
	const completedAt = fields.getString('completed_at') ?? '';
	if (status !== undefined && terminal.has(status) && completedAt > op.at) {
		return { kind: 'superseded' };
	}
	const suffix = op.reason ? `\nError: ${op.reason}` : '';
	const description = fields.getString('description');
	// The failure reason is appended, as fail_experiment does; never append it twice.
	if (status === op.status && completedAt === op.at && (!suffix || description?.includes(suffix))) {
		return { kind: 'applied' };
	}
	if (suffix && description === undefined) {
		return { kind: 'blocked', keys: ['description'] };
	}
	return setFields(fields, { status: op.status, completed_at: op.at, ...(suffix ? { description: `${description}${suffix}` } : {}) });
}

/** Sets all of `values` or, when the file lacks one of the keys, none of them. */
function setFields(fields: EditableFields, values: Partial<Record<EditableKey, string | string[]>>): EditOutcome {
	const entries = Object.entries(values) as [EditableKey, string | string[]][];
	const missing = entries.filter(([key]) => !fields.has(key)).map(([key]) => key);
	if (missing.length > 0) {
		return { kind: 'blocked', keys: missing };
	}
	for (const [key, value] of entries) {
		fields.set(key, value);
	}
	return { kind: 'applied' };
}

function unique(items: readonly string[]): string[] {
	return [...new Set(items)];
}

/** A short description of an edit for logs, journals and the UI ("add tags a, b"). */
export function describeEdit(op: EditOp): string {
	switch (op.op) {
		case 'setDescription': return 'edit description';
		case 'addTags': return `add tag${op.tags.length > 1 ? 's' : ''} ${op.tags.join(', ')}`;
		case 'removeTags': return `remove tag${op.tags.length > 1 ? 's' : ''} ${op.tags.join(', ')}`;
		case 'mark': return `mark ${op.status}${op.reason ? ` (${op.reason})` : ''}`;
	}
}
