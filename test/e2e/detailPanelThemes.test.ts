import * as assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { createDemoWorkspace } from '../../src/core/demo/demoWorkspace';
import { useWorkbench } from './failureScreenshot';
import { pollUntil } from '../shared/poll';
import { darkHighContrast, darkModern, lightModern, pickColorTheme, type ColorTheme } from './themes';
import { openDetailPanel, textColor, webviewTheme, type WebviewTheme } from './webviewFrame';
import { Workbench } from './workbench';

/** The themes to show the panel in, and the screenshot each one is saved as. */
const shots: ReadonlyArray<[ColorTheme, string]> = [
	[lightModern, 'panel-light'],
	[darkModern, 'panel-dark'],
	[darkHighContrast, 'panel-high-contrast'],
];

describe('the detail panel in light, dark and high-contrast themes', () => {
	const opened = useWorkbench(() => Workbench.open({ prepare: (workspace) => createDemoWorkspace(workspace) }));

	it('follows each theme picked from the Command Palette, with the theme\'s own text colour', async () => {
		const workbench = opened();
		await workbench.openContainer('Experiment Tracker');
		await workbench.treeRows('unet_baseline').first().waitFor({ timeout: 60_000 });
		const panel = await openDetailPanel(workbench, 'unet_baseline');
		await panel.locator('.chart-card svg.chart-svg path').first().waitFor();

		const seen = new Map<string, WebviewTheme>();
		for (const [theme, name] of shots) {
			await pickColorTheme(workbench, theme);
			const applied = await pollUntil(() => webviewTheme(panel), (current) => current.kind === theme.bodyClass && current.name === theme.label, `the panel to switch to ${theme.label}`);
			// The stylesheet maps body text to --vscode-foreground: it must follow the theme.
			assert.equal(await textColor(panel.locator('h1.run-name')), applied.color);
			const file = await workbench.screenshotOf(workbench.page.locator('.part.editor'), name);
			assert.ok((await stat(file)).size > 10_000, `${file} looks empty`);
			seen.set(theme.label, applied);
		}

		const light = seen.get(lightModern.label)!;
		const dark = seen.get(darkModern.label)!;
		const highContrast = seen.get(darkHighContrast.label)!;
		assert.notEqual(light.color, dark.color, 'the body text colour is the same in light and dark themes');
		assert.notEqual(dark.color, highContrast.color, 'the body text colour is the same in dark and high-contrast themes');
		assert.equal(highContrast.color, 'rgb(255, 255, 255)', 'high contrast text is not white');
	});
});
