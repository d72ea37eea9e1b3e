import type { TrackerData } from '../format/trackerSchema';
import type { EditableFields, EditableKey } from './editOps';
import { applyEdit, type EditOp } from './editOps';

/** A tracker file's content with the journal's pending edits applied. */
export interface EditedTracker {
	readonly data: TrackerData;
	/** True when the file already holds every edit's effect (applying them changed nothing). */
	readonly inFile: boolean;
}

/**
 * Applies pending edits to a decoded copy of a tracker file, for display: the model always
 * shows the file ⊕ the edits waiting in the journal, with the same rules that will write them.
 * `present` lists the keys the file has (edits never add one).
 */
export function withPendingEdits(data: TrackerData, present: ReadonlySet<string>, edits: readonly EditOp[]): EditedTracker {
	if (edits.length === 0) {
		return { data, inFile: true };
	}
	const copy: TrackerData = { ...data, tags: [...data.tags] };
	const fields: EditableFields = {
		has: (key: EditableKey) => present.has(key),
		getString: (key) => (present.has(key) ? copy[key] : undefined),
		getStringList: () => (present.has('tags') ? copy.tags : undefined),
		set(key, value) {
			if (!present.has(key)) {
				return false;
			}
			(copy as Record<EditableKey, string | string[]>)[key] = value;
			return true;
		},
	};
	const edited = (value: TrackerData) => JSON.stringify([value.description, value.tags, value.status, value.completed_at, value.updated_at]);
	for (const edit of edits) {
		applyEdit(fields, edit);
	}
	return { data: copy, inFile: edited(copy) === edited(data) };
}
