import type { Workbench } from './workbench';

/** A built-in colour theme as the "Preferences: Color Theme" picker lists it. */
export interface ColorTheme {
	/** The picker's label (VS Code 1.139 names). */
	readonly label: string;
	/** The `workbench.colorTheme` setting value for the same theme. */
	readonly settingId: string;
	/** The class VS Code puts on a webview's body under this theme. */
	readonly bodyClass: string;
}

/** VS Code's Light Modern theme. */
export const lightModern: ColorTheme = { label: 'Light Modern', settingId: 'Default Light Modern', bodyClass: 'vscode-light' };
/** VS Code's Dark Modern theme. */
export const darkModern: ColorTheme = { label: 'Dark Modern', settingId: 'Default Dark Modern', bodyClass: 'vscode-dark' };
/** VS Code's dark high-contrast theme (setting id "Default High Contrast"). */
export const darkHighContrast: ColorTheme = { label: 'Dark High Contrast', settingId: 'Default High Contrast', bodyClass: 'vscode-high-contrast' };

/**
 * Switches the window's colour theme through "Preferences: Color Theme", as a user does, and
 * waits for the picker to close (the theme applies to webviews a moment later).
 */
export async function pickColorTheme(workbench: Workbench, theme: ColorTheme): Promise<void> {
	await workbench.runExactCommand('Preferences: Color Theme');
	const input = workbench.quickInput().locator('input');
	// The picker fills its list after it opens; typing before that filters nothing.
	await workbench.quickInputRow(lightModern.label).waitFor();
	await input.fill(theme.label);
	await workbench.quickInputRow(theme.label).click();
	await workbench.quickInput().waitFor({ state: 'hidden' });
}
