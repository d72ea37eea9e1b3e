import * as vscode from 'vscode';

/** One choice of a view setting (grouping, order). */
export interface Choice<T extends string> {
	readonly value: T;
	readonly label: string;
	readonly detail: string;
}

/**
 * The value a command was given if it is one of `choices`, else the user's pick. From the view
 * toolbar VS Code passes the selected tree row as the argument: anything unknown means "ask".
 */
export async function pickChoice<T extends string>(choices: readonly Choice<T>[], given: unknown, current: T, placeHolder: string): Promise<T | undefined> {
	const known = choices.find((choice) => choice.value === given)?.value;
	if (known) {
		return known;
	}
	const items = choices.map((choice) => ({ ...choice, description: choice.value === current ? 'current' : undefined }));
	return (await vscode.window.showQuickPick(items, { placeHolder }))?.value;
}
