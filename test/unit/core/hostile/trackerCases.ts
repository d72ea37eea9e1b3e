import { trackerKeys } from '../../../../src/core/format/trackerSchema';
import { fixtureBytes, fixtureObject, fixtureText, type HostileCase, pythonLayout, trackerCase, withRawValue } from './hostileCase';

/** The §6.2 file cut at every byte offset: what a reader sees mid-save (a 0-byte cut is the good "created" case). */
export function truncationCases(): HostileCase[] {
	const cases: HostileCase[] = [];
	for (let offset = 1; offset < fixtureBytes.length; offset += 1) {
		cases.push(trackerCase('truncated', `trunc-${offset}`, fixtureBytes.subarray(0, offset), [['corrupt']], /JSON/));
	}
	return cases;
}

/** Raw JSON values of the wrong type for a field, by the field's JSON type. */
function wrongValues(key: string, value: unknown): string[] {
	if (key === 'cuda_version') {
		return ['12.8', '{}'];
	}
	if (key === 'best_metrics') {
		return ['[]', 'null', '{"val_iou": "high"}'];
	}
	if (key === 'total_epochs' || key === 'current_epoch') {
		return ['"3"', 'null', '2.5'];
	}
	if (key === 'tags') {
		return ['"baseline"', 'null', '["ok", 7]'];
	}
	switch (typeof value) {
		case 'string': return ['42', 'null'];
		case 'boolean': return ['"yes"', 'null'];
		case 'number': return ['"fast"', 'null'];
		default: return Array.isArray(value) ? ['"x"', 'null'] : ['[]', 'null'];
	}
}

/** Each of the 32 fields holding a value of the wrong type (Python loads them; the core must say so). */
export function wrongTypeCases(): HostileCase[] {
	const base = fixtureObject();
	return trackerKeys.flatMap((key) => wrongValues(key, base[key]).map((raw, index) =>
		trackerCase('wrong type', `type-${key}-${index}`, withRawValue(key, raw), [['invalidField']], new RegExp(`"${key}"`))));
}

const withUnknownKey = (extra: Record<string, unknown>) => pythonLayout({ ...fixtureObject(), ...extra });
const without = (key: string) => pythonLayout(Object.fromEntries(Object.entries(fixtureObject()).filter(([name]) => name !== key)));

/** Valid JSON of the wrong shape, duplicate keys, unknown keys and statuses, and JSON-but-not-quite. */
export function structureCases(): HostileCase[] {
	const group = 'structure';
	return [
		trackerCase(group, 'top-array-empty', '[]', [['invalidField']], /list/),
		trackerCase(group, 'top-array-of-object', `[${fixtureText}]`, [['invalidField']], /list/),
		trackerCase(group, 'top-string', '"experiment_tracker"', [['invalidField']], /string/),
		trackerCase(group, 'top-number', '3', [['invalidField']], /integer|number/),
		trackerCase(group, 'top-float', '-0.25e1', [['invalidField']], /number/),
		trackerCase(group, 'top-null', 'null', [['invalidField']], /null/),
		trackerCase(group, 'top-true', 'true', [['invalidField']], /boolean/),
		trackerCase(group, 'top-nan', 'NaN', [['invalidField']], /number/),
		trackerCase(group, 'unknown-key', withUnknownKey({ learning_rate: 0.001 }), [['unknownKey']], /"learning_rate"/),
		trackerCase(group, 'unknown-keys-two', withUnknownKey({ notes: 'x', owner: 'me' }), [['unknownKey']], /"notes".*"owner"/),
		trackerCase(group, 'unknown-key-proto', withUnknownKey({ ['__proto__']: { polluted: true } }), [['unknownKey']], /__proto__/),
		trackerCase(group, 'unknown-status', withRawValue('status', '"paused"'), [['unknownStatus']], /paused/),
		trackerCase(group, 'unknown-status-empty', withRawValue('status', '""'), [['unknownStatus']], /""/),
		trackerCase(group, 'missing-id', without('experiment_id'), [['invalidField']], /"experiment_id"/),
		trackerCase(group, 'missing-name', without('experiment_name'), [['invalidField']], /"experiment_name"/),
		trackerCase(group, 'dup-status', fixtureText.replace('"status": "completed"', '"status": "running",\n  "status": "completed"'), [['duplicateKey']], /status/),
		trackerCase(group, 'dup-same-value', fixtureText.replace('"git_dirty": false', '"git_dirty": false,\n  "git_dirty": false'), [['duplicateKey']], /git_dirty/),
		trackerCase(group, 'dup-nested', fixtureText.replace('"val_iou": 0.66', '"val_iou": 0.5,\n    "val_iou": 0.66'), [['duplicateKey']], /val_iou/),
		trackerCase(group, 'whitespace-only', '  \n\t\n', [['corrupt']], /JSON|empty/),
		trackerCase(group, 'nul-byte', Buffer.from([0]), [['encoding']], /NUL/),
		trackerCase(group, 'trailing-garbage', `${fixtureText}\n}`, [['corrupt']], /JSON/),
		trackerCase(group, 'two-documents', `${fixtureText}${fixtureText}`, [['corrupt']], /JSON/),
		trackerCase(group, 'trailing-comma', fixtureText.replace('"updated_at": "2026-12-04T15:29:27.395598"', '"updated_at": "2026-12-04T15:29:27.395598",'), [['corrupt']], /comma/),
		trackerCase(group, 'single-quotes', fixtureText.replace('"status": "completed"', '\'status\': \'completed\''), [['corrupt']], /JSON/),
		trackerCase(group, 'python-true', fixtureText.replace('"git_dirty": false', '"git_dirty": False'), [['corrupt']], /JSON/),
		trackerCase(group, 'comment', fixtureText.replace('{\n', '{\n  // tracker\n'), [['corrupt']], /JSON/),
		trackerCase(group, 'raw-newline-in-string', fixtureText.replace('U-Net baseline', 'U-Net\nbaseline'), [['corrupt']], /control character/),
		trackerCase(group, 'bad-escape', fixtureText.replace('U-Net baseline', 'U-Net \\q baseline'), [['corrupt']], /escape/),
		trackerCase(group, 'leading-zero', fixtureText.replace('"total_epochs": 3', '"total_epochs": 03'), [['corrupt']], /zero/),
		trackerCase(group, 'nan-lowercase', fixtureText.replace('"val_iou": 0.66', '"val_iou": nan'), [['corrupt']], /JSON/),
		// Python reads 1e400 as float inf: not an int, so the wrong type for an epoch count.
		trackerCase(group, 'huge-float-epochs', withRawValue('total_epochs', '1e400'), [['invalidField']], /"total_epochs"/),
		trackerCase(group, 'huge-int-epoch', withRawValue('current_epoch', `1${'0'.repeat(399)}`), [['invalidField']], /"current_epoch"/),
		// Bad in two independent ways: a field of the wrong type and a key Python does not know; both must be said.
		trackerCase(group, 'two-defects', pythonLayout({ ...fixtureObject(), tags: 'x', extra: 1 }), [['invalidField', 'unknownKey']], /"tags"|"extra"/),
	];
}

/** Byte-level encodings CrackSeg's `open(..., encoding="utf-8")` + `json.load` cannot read (or rejects). */
export function encodingCases(): HostileCase[] {
	const group = 'encoding';
	const utf16le = Buffer.from(fixtureText, 'utf16le');
	const utf16be = Buffer.from(utf16le).swap16();
	const spliced = (bytes: number[]) => Buffer.concat([fixtureBytes.subarray(0, 150), Buffer.from(bytes), fixtureBytes.subarray(150)]);
	const latin1 = Buffer.from(fixtureText.replace('U-Net baseline', 'U-Net baseline ñ'), 'latin1');
	return [
		trackerCase(group, 'bom-utf8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixtureBytes]), [['encoding']], /byte-order mark/),
		trackerCase(group, 'utf16le-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]), [['encoding']], /UTF-16/),
		trackerCase(group, 'utf16be-bom', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), [['encoding']], /UTF-16/),
		trackerCase(group, 'utf16le-no-bom', utf16le, [['encoding']], /UTF-16|encoding|UTF-8/),
		trackerCase(group, 'utf16be-no-bom', utf16be, [['encoding']], /UTF-16|encoding|UTF-8/),
		trackerCase(group, 'utf8-lone-continuation', spliced([0x80]), [['encoding']], /UTF-8/),
		trackerCase(group, 'utf8-overlong', spliced([0xc0, 0xaf]), [['encoding']], /UTF-8/),
		trackerCase(group, 'utf8-surrogate', spliced([0xed, 0xa0, 0x80]), [['encoding']], /UTF-8/),
		trackerCase(group, 'utf8-cut-sequence', spliced([0xe2, 0x82]), [['encoding']], /UTF-8/),
		trackerCase(group, 'latin1-text', latin1, [['encoding']], /UTF-8/),
		trackerCase(group, 'binary-noise', Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 131 + 7) % 256)), [['encoding'], ['corrupt']], /UTF-8|JSON/),
	];
}
