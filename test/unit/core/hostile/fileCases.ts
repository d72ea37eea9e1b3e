import { chmod, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fixtureText, type HostileCase, infoFile, put, pythonLayout, trackerCase, trackerFile, withRawValue } from './hostileCase';

const deep = 100_000;

/** Sizes and depths no run file should have: a 20 MB string, 100,000 levels of nesting. */
export function sizeCases(): HostileCase[] {
	const group = 'size and depth';
	return [
		trackerCase(group, 'string-20mb', withRawValue('description', `"${'x'.repeat(20 * 1024 * 1024)}"`), [['tooLarge']], /MiB/),
		trackerCase(group, 'deep-array-top', `${'['.repeat(deep)}${']'.repeat(deep)}`, [['corrupt'], ['invalidField']], /nest|deep|list/i),
		trackerCase(group, 'deep-object-top', `${'{"a": '.repeat(deep)}1${'}'.repeat(deep)}`, [['corrupt']], /nest|deep/i),
		// Python's json.load raises RecursionError on this (its loader does not even catch it).
		trackerCase(group, 'deep-in-config-summary', withRawValue('config_summary', `{"layers": ${'['.repeat(deep)}${']'.repeat(deep)}}`), [['corrupt'], ['invalidField']], /nest|deep/i),
	];
}

/** Whether `chmod 000` stops this process from reading a file (it does not for root). */
export async function chmodStopsReads(scratch: string): Promise<boolean> {
	const probe = path.join(scratch, 'chmod-probe');
	await writeFile(probe, 'x');
	await chmod(probe, 0o000);
	try {
		const readable = await readFile(probe).then(() => true, () => false);
		await rm(probe, { force: true });
		return !readable;
	} finally {
		await chmod(probe, 0o644).catch(() => undefined);
	}
}

/**
 * What the file system can put where the tracker file should be. The unreadable case is
 * `chmod 000` where that stops reads; as root it does not, so then a path through a regular
 * file (ENOTDIR, which no permission bit lifts) stands in for it.
 */
export function fileSystemCases(chmodWorks: boolean): HostileCase[] {
	const group = 'file system';
	const at = (dir: string) => path.join(dir, trackerFile);
	return [
		{ name: 'fs-directory', group, expect: [['unreadable']], mentions: /folder/i, build: async (dir) => { await mkdir(path.join(at(dir), 'inner'), { recursive: true }); } },
		{ name: 'fs-symlink-self', group, expect: [['unreadable']], mentions: /link|loop/i, build: (dir) => symlink(trackerFile, at(dir)) },
		{
			name: 'fs-symlink-pair', group, expect: [['unreadable']], mentions: /link|loop/i,
			build: async (dir) => {
				await symlink('other.json', at(dir));
				await symlink(trackerFile, path.join(dir, 'other.json'));
			},
		},
		chmodWorks
			? { name: 'fs-chmod-000', group, expect: [['unreadable']], mentions: /permission|read/i, build: async (dir) => { await writeFile(at(dir), fixtureText); await chmod(at(dir), 0o000); } }
			: {
				name: 'fs-not-a-directory', group, expect: [['unreadable']], mentions: /read|ENOTDIR/i,
				build: async (dir) => {
					await writeFile(path.join(dir, 'plain-file'), 'x');
					await symlink('plain-file/experiment_tracker.json', at(dir));
				},
			},
		// The tracker file is a link to nothing: the user must learn why the run shows no data.
		{ name: 'fs-dangling-symlink', group, expect: [['unreadable']], mentions: /link|exist|missing/i, build: (dir) => symlink('moved-away.json', at(dir)) },
	];
}

const info = (id: string) => ({ id, name: id.slice(16), timestamp: id.slice(0, 15), created_at: '2026-12-04T15:29:27.148886', status: 'created' });

/** Runs with no tracker file and a bad `experiment_info.json`. */
export function infoCases(): HostileCase[] {
	const group = 'experiment_info.json';
	const make = (name: string, content: (id: string) => string | Uint8Array, expect: HostileCase['expect'], mentions: RegExp): HostileCase =>
		({ name, group, expect, mentions, file: infoFile, build: (dir) => put(dir, infoFile, content(name)) });
	return [
		make('20261204-152927-info-truncated', (id) => JSON.stringify(info(id)).slice(0, 40), [['corrupt']], /JSON/),
		make('20261204-152927-info-array', (id) => `[${JSON.stringify(info(id))}]`, [['invalidField']], /list/),
		make('20261204-152927-info-status-type', (id) => JSON.stringify({ ...info(id), status: 5 }), [['invalidField']], /"status"/),
		make('20261204-152927-info-bom', (id) => `\uFEFF${JSON.stringify(info(id))}`, [['encoding']], /byte-order mark/),
		make('20261204-152927-info-latin1', (id) => Buffer.from(JSON.stringify({ ...info(id), name: 'grieta_ñ' }), 'latin1'), [['encoding']], /UTF-8/),
		{ name: '20261204-152927-info-directory', group, expect: [['unreadable']], mentions: /folder/i, file: infoFile, build: (dir) => mkdir(path.join(dir, infoFile)) },
	];
}

const epochLine = (epoch: number) => JSON.stringify({ timestamp: `2026-12-04T15:29:2${epoch}.000000`, epoch, step: 0, phase: 'val', metrics: { val_loss: 0.5, val_iou: 0.4 } });

/** Runs with a good tracker file and one bad metrics file. */
export function metricsCases(): HostileCase[] {
	const group = 'metrics files';
	const make = (name: string, file: string, content: string | undefined, expect: HostileCase['expect'], mentions: RegExp): HostileCase => ({
		name, group, expect, mentions, file,
		build: async (dir) => {
			await put(dir, trackerFile, fixtureText);
			await (content === undefined ? mkdir(path.join(dir, file), { recursive: true }) : put(dir, file, content));
		},
	});
	return [
		make('metrics-summary-truncated', 'metrics/summary.json', '{"experiment_start": "2026-12-04T15:29:27", "total_epochs": 3, "best_met', [['corrupt']], /JSON/),
		make('metrics-jsonl-torn-line', 'metrics/validation_metrics.jsonl', `${epochLine(1)}\n{"epoch": 2, "metr\n${epochLine(3)}\n`, [['corrupt']], /JSON/),
		make('metrics-complete-array', 'metrics/complete_summary.json', '[1, 2, 3]', [['invalidField']], /keys|object/),
		make('metrics-jsonl-directory', 'metrics/validation_metrics.jsonl', undefined, [['unreadable']], /read/i),
	];
}

/** Files that look odd but are what Python writes or accepts: no problem allowed. */
export function goodCases(): HostileCase[] {
	const group = 'good runs';
	const good = (name: string, content: string, status: string): HostileCase => ({ ...trackerCase(group, name, content, [[]]), status });
	return [
		good('good-verbatim', fixtureText, 'completed'),
		good('good-empty-created', '', 'created'),
		good('good-non-finite', fixtureText.replace('"val_loss": 0.38', '"val_loss": NaN').replace('"val_iou": 0.66', '"val_iou": Infinity,\n    "val_f1": -Infinity'), 'completed'),
		good('good-huge-numbers', withRawValue('memory_gb', '1e400').replace('"val_iou": 0.66', `"val_iou": 0.66,\n    "pixels": 1${'0'.repeat(399)}`), 'completed'),
		good('good-escapes-crlf', withRawValue('description', '"grieta_\\u00f1 \\ud83d\\ude00 \\"q\\" \\\\"').replace(/\n/g, '\r\n'), 'completed'),
		good('good-minimal', pythonLayout({ experiment_id: 'good-minimal', experiment_name: 'minimal' }), 'created'),
		{ name: '20261204-152927-good-info-only', group, expect: [[]], status: 'created', build: (dir) => put(dir, infoFile, JSON.stringify(info('20261204-152927-good-info-only'))) },
	];
}
