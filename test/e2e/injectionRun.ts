import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { createRun } from '../../src/core/tracker/createRun';
import { emptyEnvironment } from '../../src/core/tracker/newTracker';

/**
 * Markup, script and template payloads that each set `window.__pwned` if the panel ever turned
 * run data into HTML, a URL or code. None holds `/` where it names a file (a folder separator).
 */
export const payloads = {
	imgOnError: '<img src=x onerror="window.__pwned=1">',
	closeScript: '</script><script>window.__pwned=2</script>',
	javascriptUrl: 'javascript:window.__pwned=3',
	template: '{{constructor.constructor(\'window.__pwned=4\')()}}',
	svgOnLoad: '"><svg onload=window.__pwned=5>',
} as const;

/** Every payload, in a fixed order. */
export const allPayloads: readonly string[] = Object.values(payloads);

/** The link the injection run's description holds, for the openExternal path. */
export const descriptionLink = 'https://example.com/crackseg/report?run=1';

/** What {@link writeInjectionRun} wrote, as the panel should show it. */
export interface InjectionRun {
	readonly dir: string;
	readonly name: string;
	readonly id: string;
	readonly description: string;
	readonly bestMetricNames: readonly string[];
	readonly configSummary: Readonly<Record<string, string>>;
	/** File names of the recorded artifacts (all exist). */
	readonly artifactNames: readonly string[];
}

/** A 1×1 PNG, so the payload-named visualization is a real image. */
const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/**
 * Creates a completed run under `<workspace>/artifacts/experiments/` whose name, id, tags,
 * description, metric names (best_metrics and validation_metrics.jsonl), config_summary and
 * artifact file names all hold {@link payloads}.
 */
export async function writeInjectionRun(workspace: string): Promise<InjectionRun> {
	const created = await createRun({ root: path.join(workspace, 'artifacts'), workspace, name: 'injection_run', environment: emptyEnvironment });
	const dir = created.dir;
	const stored = (...segments: string[]) => path.relative(workspace, path.join(dir, ...segments));
	const { imgOnError, closeScript, javascriptUrl, template, svgOnLoad } = payloads;
	const files = {
		checkpoints: [path.join('checkpoints', `${imgOnError}.pth`), path.join('checkpoints', `${svgOnLoad}.pth`)],
		visualizations: [path.join('results', 'visualizations', `${javascriptUrl}.png`)],
		metrics: [path.join('metrics', `${template}.json`)],
	};
	await Promise.all([
		...files.checkpoints.map((file) => writeFile(path.join(dir, file), 'not a real checkpoint')),
		...files.visualizations.map((file) => writeFile(path.join(dir, file), onePixelPng)),
		...files.metrics.map((file) => writeFile(path.join(dir, file), '{}\n')),
	]);
	const lines = [1, 2, 3].map((epoch) => JSON.stringify({
		timestamp: `2026-12-01T10:0${epoch}:00.000000`, epoch, step: 0, phase: 'val',
		metrics: { val_loss: 1 / (epoch + 1), [`val_${template}`]: epoch / 10, [`val_${svgOnLoad}`]: epoch / 5 },
	}));
	await writeFile(path.join(dir, 'metrics', 'validation_metrics.jsonl'), `${lines.join('\n')}\n`);

	const run = {
		dir, name: imgOnError, id: svgOnLoad,
		description: `Payloads: ${allPayloads.join(' | ')}\nReport: ${descriptionLink}`,
		bestMetricNames: [imgOnError, `val_${closeScript}`],
		configSummary: { [javascriptUrl]: closeScript, model: imgOnError, note: template, [svgOnLoad]: svgOnLoad },
		artifactNames: [...files.checkpoints, ...files.visualizations, ...files.metrics].map((file) => path.basename(file)),
	};
	const trackerFile = path.join(dir, 'experiment_tracker.json');
	const tracker = JSON.parse(await readFile(trackerFile, 'utf8')) as Record<string, unknown>;
	Object.assign(tracker, {
		experiment_id: run.id, experiment_name: run.name, status: 'completed', description: run.description, tags: allPayloads,
		config_summary: run.configSummary, current_epoch: 3, total_epochs: 3,
		best_metrics: { [run.bestMetricNames[0]!]: 0.5, [run.bestMetricNames[1]!]: 0.25 },
		checkpoint_paths: files.checkpoints.map((file) => stored(file)),
		visualization_files: files.visualizations.map((file) => stored(file)),
		metric_files: files.metrics.map((file) => stored(file)),
		started_at: '2026-12-01T10:00:00.000000', completed_at: '2026-12-01T10:04:00.000000',
	});
	await writeFile(trackerFile, JSON.stringify(tracker, null, 2));
	return run;
}
