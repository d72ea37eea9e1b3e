/** The run a snippet attaches CrackSeg's tracker to. */
export interface SnippetRun {
	/** Absolute run folder. */
	readonly dir: string;
	readonly id: string;
	readonly name: string;
	/** The workspace folder holding the run; the snippet's path is relative to it when inside. */
	readonly workspace?: string;
}

/**
 * Python code that attaches CrackSeg's `ExperimentTracker` to a run created in the editor.
 * It imports from `crackseg.utils.experiment` (the documented `…experiment.tracker` module
 * path fails with ImportError, spec §3), passes the run folder relative to the workspace
 * folder when the run is inside it (the script is meant to run from there), else absolute,
 * always with forward slashes, which Python accepts on Windows too. The constructor loads the
 * tracker file the editor wrote, so the id and name given are only used if that file is gone.
 * The lifecycle calls follow as comments for the user to place in their training loop.
 */
export function trackerSnippet(run: SnippetRun): string {
	return [
		'from crackseg.utils.experiment import ExperimentTracker',
		'',
		'tracker = ExperimentTracker(',
		`    experiment_dir=${pythonStringLiteral(snippetPath(run.dir, run.workspace))},`,
		`    experiment_id=${pythonStringLiteral(run.id)},`,
		`    experiment_name=${pythonStringLiteral(run.name)},`,
		')',
		'# tracker.start_experiment()',
		'# for epoch in range(1, total_epochs + 1):',
		'#     ...',
		'#     tracker.update_training_progress(epoch, total_epochs, best_metrics={"val_iou": best_iou})',
		'# tracker.complete_experiment()  # or tracker.fail_experiment("reason") / tracker.abort_experiment()',
		'',
	].join('\n');
}

/** The run folder as the snippet writes it: relative to the workspace when inside it, forward slashes. */
function snippetPath(dir: string, workspace: string | undefined): string {
	const windows = /^(?:[A-Za-z]:[\\/]|\\\\)/.test(dir);
	const normalize = (text: string) => (windows ? text.replace(/\\/g, '/') : text).replace(/\/+$/, '');
	const target = normalize(dir);
	if (workspace) {
		const base = normalize(workspace);
		const same = (a: string, b: string) => (windows ? a.toLowerCase() === b.toLowerCase() : a === b);
		if (target.length > base.length && target[base.length] === '/' && same(target.slice(0, base.length), base)) {
			return target.slice(base.length + 1);
		}
	}
	return target;
}

const pythonEscapes: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A double-quoted Python string literal of `text`: backslashes, quotes and control or
 * line-separator characters and lone surrogates escaped, everything else (non-ASCII included)
 * as is, so the snippet is valid UTF-8 source that reads back exactly `text`.
 */
export function pythonStringLiteral(text: string): string {
	let escaped = '';
	for (const char of text) {
		escaped += pythonEscapes[char] ?? (needsEscape(char.codePointAt(0)!) ? hexEscape(char.codePointAt(0)!) : char);
	}
	return `"${escaped}"`;
}

/** C0 controls, DEL, NEL, the Unicode line and paragraph separators, and lone surrogates. */
function needsEscape(code: number): boolean {
	return code < 0x20 || code === 0x7f || code === 0x85 || code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff);
}

function hexEscape(code: number): string {
	return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
