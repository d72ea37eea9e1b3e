import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { buildInfoJsonSchema, buildTrackerJsonSchema, schemaFileNames, type JsonSchemaDocument } from '../../../../scripts/generateSchemas';
import { knownStatuses, trackerKeys } from '../../../../src/core/format/trackerSchema';

const repoRoot = path.resolve(__dirname, '../../../../..');
const completedFixture = path.join(repoRoot, 'test/fixtures/python/experiment_tracker.completed.json');
const generatorScript = path.join(repoRoot, 'out/scripts/generateSchemas.js');

type Schema = Record<string, unknown>;

const annotations = new Set(['$schema', '$id', 'title', 'description', 'examples']);
const assertions = new Set(['type', 'properties', 'required', 'additionalProperties', 'propertyNames', 'items', 'minimum', 'maximum']);

function jsonTypeMatches(value: unknown, type: string): boolean {
	switch (type) {
		case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value);
		case 'array': return Array.isArray(value);
		case 'integer': return Number.isInteger(value);
		case 'null': return value === null;
		default: return typeof value === type;
	}
}

/**
 * A JSON Schema checker for exactly the keywords the generated schemas use. Any other keyword
 * throws, so a schema that grows a keyword this checker ignores fails loudly instead of passing.
 */
function validate(schema: Schema, value: unknown, at = '$'): string[] {
	const unsupported = Object.keys(schema).filter((key) => !annotations.has(key) && !assertions.has(key));
	if (unsupported.length > 0) {
		throw new Error(`the test checker does not implement ${unsupported.join(', ')} (at ${at})`);
	}
	if (schema.type !== undefined) {
		const types = Array.isArray(schema.type) ? schema.type as string[] : [schema.type as string];
		if (!types.some((type) => jsonTypeMatches(value, type))) {
			return [`${at}: expected ${types.join(' or ')}`];
		}
	}
	const errors: string[] = [];
	if (typeof value === 'number') {
		if (typeof schema.minimum === 'number' && value < schema.minimum) {
			errors.push(`${at}: below ${schema.minimum}`);
		}
		if (typeof schema.maximum === 'number' && value > schema.maximum) {
			errors.push(`${at}: above ${schema.maximum}`);
		}
	}
	if (Array.isArray(value) && schema.items !== undefined) {
		value.forEach((item, index) => errors.push(...validate(schema.items as Schema, item, `${at}[${index}]`)));
	}
	if (jsonTypeMatches(value, 'object')) {
		errors.push(...validateObject(schema, value as Record<string, unknown>, at));
	}
	return errors;
}

function validateObject(schema: Schema, value: Record<string, unknown>, at: string): string[] {
	const errors: string[] = [];
	const properties = (schema.properties ?? {}) as Record<string, Schema>;
	for (const key of (schema.required ?? []) as string[]) {
		if (!(key in value)) {
			errors.push(`${at}: missing required "${key}"`);
		}
	}
	for (const [key, item] of Object.entries(value)) {
		if (schema.propertyNames !== undefined) {
			errors.push(...validate(schema.propertyNames as Schema, key, `${at} key "${key}"`));
		}
		if (Object.hasOwn(properties, key)) {
			errors.push(...validate(properties[key], item, `${at}.${key}`));
		} else if (schema.additionalProperties === false) {
			errors.push(`${at}: unknown key "${key}"`);
		} else if (typeof schema.additionalProperties === 'object') {
			errors.push(...validate(schema.additionalProperties as Schema, item, `${at}.${key}`));
		}
	}
	return errors;
}

async function readFixture(): Promise<Record<string, unknown>> {
	return JSON.parse(await readFile(completedFixture, 'utf8')) as Record<string, unknown>;
}

function propertiesOf(schema: JsonSchemaDocument): Record<string, Schema> {
	return schema.properties as Record<string, Schema>;
}

describe('JSON schema of experiment_tracker.json', () => {
	const schema = buildTrackerJsonSchema();
	const properties = propertiesOf(schema);

	it('is a draft-07 schema with an id, a title and the discard-and-truncate warning', () => {
		assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
		assert.match(String(schema.$id), /experiment_tracker\.schema\.json$/);
		assert.equal(schema.title, 'CrackSeg experiment_tracker.json');
		assert.match(String(schema.description), /unknown key/);
		assert.match(String(schema.description), /truncates it to 0 bytes/);
	});

	it('lists the 32 fields in the order Python writes them, each with a description', () => {
		assert.deepEqual(Object.keys(properties), [...trackerKeys]);
		const undocumented = trackerKeys.filter((key) => String(properties[key].description ?? '').length < 20);
		assert.deepEqual(undocumented, []);
	});

	it('allows no other key and requires only the id and the name', () => {
		assert.equal(schema.additionalProperties, false);
		assert.deepEqual(schema.required, ['experiment_id', 'experiment_name']);
	});

	it('turns the NaN-tolerant numbers into plain JSON numbers and keeps nullable and integer fields', () => {
		assert.deepEqual(properties.best_metrics.additionalProperties, { type: 'number' });
		assert.equal(properties.training_time_seconds.type, 'number');
		assert.equal(properties.memory_gb.type, 'number');
		assert.deepEqual(properties.cuda_version.type, ['string', 'null']);
		assert.equal(properties.current_epoch.type, 'integer');
		assert.deepEqual(properties.tags, { type: 'array', items: { type: 'string' }, description: properties.tags.description });
	});

	it('documents the quirks of the format in the field descriptions', () => {
		assert.match(String(properties.updated_at.description), /update_description, add_tags, remove_tags\) and nothing else/);
		assert.match(String(properties.git_dirty.description), /true when the working directory is not a git repository/);
		assert.match(String(properties.config_hash.description), /SHA-256 .* resolved config dumped as YAML/);
		assert.match(String(properties.best_metrics.description), /NaN or ±Infinity/);
		assert.deepEqual(properties.status.examples, [...knownStatuses]);
	});

	it('accepts the completed-run file of spec §6.2', async () => {
		assert.deepEqual(validate(schema, await readFixture()), []);
	});

	it('accepts what CrackSeg loads: only id and name, a null cuda_version, a status it never writes', async () => {
		assert.deepEqual(validate(schema, { experiment_id: 'x', experiment_name: 'y' }), []);
		assert.deepEqual(validate(schema, { ...(await readFixture()), cuda_version: null, status: 'paused' }), []);
	});

	it('rejects an unknown key, tags given as a string and a missing name', async () => {
		const fixture = await readFixture();
		assert.deepEqual(validate(schema, { ...fixture, learning_rate: 0.1 }), ['$: unknown key "learning_rate"']);
		assert.deepEqual(validate(schema, { ...fixture, tags: 'x' }), ['$.tags: expected array']);
		const { experiment_name: _name, ...nameless } = fixture;
		assert.deepEqual(validate(schema, nameless), ['$: missing required "experiment_name"']);
	});

	it('rejects wrong types inside fields', async () => {
		const fixture = await readFixture();
		assert.deepEqual(validate(schema, { ...fixture, best_metrics: { val_iou: '0.66' } }), ['$.best_metrics.val_iou: expected number']);
		assert.deepEqual(validate(schema, { ...fixture, current_epoch: 2.5, git_dirty: 'no' }), ['$.current_epoch: expected integer', '$.git_dirty: expected boolean']);
	});
});

describe('JSON schema of experiment_info.json', () => {
	const schema = buildInfoJsonSchema();

	it('documents every key, requires none and allows others', () => {
		const properties = propertiesOf(schema);
		assert.deepEqual(Object.keys(properties), ['id', 'name', 'timestamp', 'created_at', 'status', 'config', 'updated_at', 'metadata']);
		assert.ok(Object.values(properties).every((property) => String(property.description ?? '').length > 20));
		assert.equal(schema.required, undefined);
		assert.deepEqual(schema.additionalProperties, {});
		assert.match(String(schema.description), /other keys are allowed/);
	});

	it('accepts the ExperimentManager file of spec §4.1, an update_status-only file and extra keys', () => {
		const written = {
			id: '20261204-152929-high_lr_experiment', name: 'high_lr_experiment', timestamp: '20261204-152929',
			created_at: '2026-12-04T15:29:29.904400', status: 'failed', config: '{\'training\': {\'epochs\': 10}}',
			updated_at: '2026-12-04T15:29:30.099669', metadata: '{"error": "RuntimeError"}',
		};
		assert.deepEqual(validate(schema, written), []);
		assert.deepEqual(validate(schema, { status: 'completed', updated_at: '2026-12-04T15:29:30', metadata: '{}' }), []);
		assert.deepEqual(validate(schema, { ...written, owner: 'someone' }), []);
	});

	it('rejects a known key of the wrong type', () => {
		assert.deepEqual(validate(schema, { status: 3, metadata: { error: 'x' } }), ['$.status: expected string', '$.metadata: expected string']);
	});
});

describe('the schema checker of these tests', () => {
	it('refuses a keyword it does not implement instead of ignoring it', () => {
		assert.throws(() => validate({ type: 'string', pattern: '^a' }, 'b'), /does not implement pattern/);
	});
});

describe('scripts/generateSchemas', () => {
	let outDir: string;

	beforeEach(async () => {
		outDir = await mkdtemp(path.join(os.tmpdir(), 'exptrack-schemas-'));
	});

	afterEach(async () => {
		await rm(outDir, { recursive: true, force: true });
	});

	it('writes both schemas, 2-space indented with a final newline, as the build functions return them', async () => {
		const target = path.join(outDir, 'dist', 'schemas');
		await promisify(execFile)(process.execPath, [generatorScript, target]);
		const expected: ReadonlyArray<readonly [string, JsonSchemaDocument]> = [
			[schemaFileNames.tracker, buildTrackerJsonSchema()],
			[schemaFileNames.info, buildInfoJsonSchema()],
		];
		for (const [name, document] of expected) {
			const text = await readFile(path.join(target, name), 'utf8');
			assert.equal(text, `${JSON.stringify(document, null, 2)}\n`, name);
			assert.match(text, /^{\n {2}"\$schema"/);
		}
	});
});
