import * as assert from 'node:assert/strict';
import { applyEdit, describeEdit, type EditableFields } from '../../../../src/core/edits/editOps';

type Fields = { description?: string; status?: string; completed_at?: string; updated_at?: string; tags?: string[] };

function fieldsOf(values: Fields): EditableFields & { values: Fields } {
	return {
		values,
		has: (key) => key in values,
		getString: (key) => values[key],
		getStringList: () => values.tags,
		set(key, value) {
			if (!(key in values)) {
				return false;
			}
			(values as Record<string, unknown>)[key] = value;
			return true;
		},
	};
}

const full = (): Fields => ({ description: 'base', status: 'running', completed_at: '', updated_at: 'u0', tags: ['a'] });

describe('edit operations (CrackSeg tracker semantics)', () => {
	it('adds tags once each, in order, and bumps updated_at even when nothing changed', () => {
		const fields = fieldsOf(full());
		applyEdit(fields, { op: 'addTags', at: 't1', tags: ['b', 'a', 'b', 'c'] });
		assert.deepEqual(fields.values.tags, ['a', 'b', 'c']);
		applyEdit(fields, { op: 'addTags', at: 't2', tags: ['a'] });
		assert.deepEqual(fields.values.tags, ['a', 'b', 'c']);
		assert.equal(fields.values.updated_at, 't2');
	});

	it('removes tags and leaves the others in place', () => {
		const fields = fieldsOf({ ...full(), tags: ['a', 'b', 'c'] });
		applyEdit(fields, { op: 'removeTags', at: 't1', tags: ['b', 'missing'] });
		assert.deepEqual(fields.values.tags, ['a', 'c']);
	});

	it('marks failed like fail_experiment: status, completed_at and "\\nError: <reason>" appended exactly once', () => {
		const fields = fieldsOf(full());
		const op = { op: 'mark', at: 't5', status: 'failed', reason: 'OOM' } as const;
		assert.equal(applyEdit(fields, op).kind, 'applied');
		applyEdit(fields, op);
		assert.deepEqual(fields.values, { description: 'base\nError: OOM', status: 'failed', completed_at: 't5', updated_at: 'u0', tags: ['a'] });
	});

	it('lets the writer win when it ended the run after the mark was made', () => {
		const fields = fieldsOf({ ...full(), status: 'completed', completed_at: '2026-12-04T10:00:05.000000' });
		const outcome = applyEdit(fields, { op: 'mark', at: '2026-12-04T10:00:01.000000', status: 'aborted' });
		assert.equal(outcome.kind, 'superseded');
		assert.equal(fields.values.status, 'completed');
	});

	it('never adds a key: an edit the file cannot hold is blocked and changes nothing', () => {
		const values: Fields = { status: 'running', completed_at: '', tags: ['a'] };
		const fields = fieldsOf(values);
		const outcome = applyEdit(fields, { op: 'addTags', at: 't1', tags: ['b'] });
		assert.deepEqual(outcome, { kind: 'blocked', keys: ['updated_at'] });
		assert.deepEqual(values, { status: 'running', completed_at: '', tags: ['a'] });
		assert.deepEqual(applyEdit(fields, { op: 'setDescription', at: 't1', text: 'x' }), { kind: 'blocked', keys: ['description', 'updated_at'] });
	});

	it('blocks tag edits when tags is not a list, as Python would crash on it', () => {
		const fields = fieldsOf({ ...full(), tags: undefined });
		(fields.values as Record<string, unknown>).tags = undefined;
		assert.equal(applyEdit(fields, { op: 'addTags', at: 't', tags: ['x'] }).kind, 'blocked');
	});

	it('describes edits for people', () => {
		assert.equal(describeEdit({ op: 'addTags', at: 't', tags: ['a', 'b'] }), 'add tags a, b');
		assert.equal(describeEdit({ op: 'mark', at: 't', status: 'failed', reason: 'OOM' }), 'mark failed (OOM)');
	});
});
