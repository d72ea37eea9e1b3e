import * as vscode from 'vscode';

/** What a step gave: a value, a request to go back, or cancellation (undefined). */
export type StepResult<T> = { readonly value: T } | 'back' | undefined;

interface StepCommon {
	readonly title: string;
	readonly step: number;
	readonly totalSteps: number;
}

function withBack<T extends vscode.QuickInput>(input: T, step: number): T {
	(input as unknown as { buttons: readonly vscode.QuickInputButton[] }).buttons = step > 1 ? [vscode.QuickInputButtons.Back] : [];
	return input;
}

/** One text step of a multi-step input (VS Code's InputBox with a Back button). */
export function textStep(options: StepCommon & { value?: string; prompt: string; placeholder?: string; validate?: (value: string) => string | undefined }): Promise<StepResult<string>> {
	const box = withBack(vscode.window.createInputBox(), options.step);
	Object.assign(box, { title: options.title, step: options.step, totalSteps: options.totalSteps, value: options.value ?? '', prompt: options.prompt, placeholder: options.placeholder, ignoreFocusOut: true });
	return new Promise<StepResult<string>>((resolve) => {
		box.onDidChangeValue((value) => (box.validationMessage = options.validate?.(value)));
		box.onDidAccept(() => {
			const message = options.validate?.(box.value);
			if (message) {
				box.validationMessage = message;
				return;
			}
			resolve({ value: box.value });
		});
		box.onDidTriggerButton(() => resolve('back'));
		box.onDidHide(() => resolve(undefined));
		box.show();
	}).finally(() => box.dispose());
}

/** One pick step; `canPickMany` returns every selected item, `allowTyped` turns the typed text into items. */
export function pickStep<T extends vscode.QuickPickItem>(options: StepCommon & { items: readonly T[]; placeholder: string; canPickMany?: boolean; selected?: readonly T[]; typed?: (text: string) => T[] }): Promise<StepResult<readonly T[]>> {
	const pick = withBack(vscode.window.createQuickPick<T>(), options.step);
	Object.assign(pick, { title: options.title, step: options.step, totalSteps: options.totalSteps, placeholder: options.placeholder, canSelectMany: options.canPickMany ?? false, ignoreFocusOut: true, items: options.items });
	if (options.selected) {
		pick.selectedItems = options.selected;
	}
	return new Promise<StepResult<readonly T[]>>((resolve) => {
		if (options.typed) {
			pick.onDidChangeValue((text) => {
				const extra = options.typed!(text);
				const kept = pick.selectedItems;
				pick.items = [...extra, ...options.items];
				pick.selectedItems = [...kept.filter((item) => pick.items.includes(item)), ...extra];
			});
		}
		pick.onDidAccept(() => resolve({ value: options.canPickMany ? pick.selectedItems : pick.activeItems.slice(0, 1) }));
		pick.onDidTriggerButton(() => resolve('back'));
		pick.onDidHide(() => resolve(undefined));
		pick.show();
	}).finally(() => pick.dispose());
}
