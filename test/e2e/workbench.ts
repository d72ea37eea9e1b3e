import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/harness/browser';
import { repoRoot, resultsDir } from '../../scripts/harness/paths';
import { startServer, type RunningServer } from '../../scripts/harness/server';
import { ensureTools } from '../../scripts/harness/tools';
import type { TreeLabel } from './treeLabels';

export interface WorkbenchOptions {
	/** Fills the temporary workspace folder before VS Code opens it. */
	prepare?(workspace: string): Promise<unknown>;
	/** Extension folder to install; the repository (its dist/) by default. */
	extension?: string;
	/** A packaged .vsix to install instead, with the server's own --install-extension. */
	vsix?: string;
	settings?: Record<string, unknown>;
}

/**
 * A real VS Code 1.139 workbench in headless chromium, with the extension installed the
 * way a user's install is (linked into the server's extensions folder; no smoke-test
 * driver, so notification toasts show as they do for users).
 */
export class Workbench {
	private constructor(
		readonly page: Page,
		readonly workspace: string,
		private readonly browser: Browser,
		private readonly server: RunningServer,
	) {}

	static async open(options: WorkbenchOptions = {}): Promise<Workbench> {
		const tools = await ensureTools();
		const workspace = await mkdtemp(path.join(os.tmpdir(), 'exptrack-e2e-'));
		await options.prepare?.(workspace);
		const server = await startServer(tools, options.vsix ? { installVsix: options.vsix, settings: options.settings } : { installExtension: options.extension ?? repoRoot, settings: options.settings });
		const browser = await launchChromium(tools).catch(async (error: unknown) => {
			await server.stop();
			throw error;
		});
		const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
		const workbench = new Workbench(page, workspace, browser, server);
		try {
			await page.goto(server.folderUrl(workspace));
			await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
		} catch (error) {
			await workbench.close();
			throw error;
		}
		return workbench;
	}

	/** Runs a command from the Command Palette by its full title ("Category: Title"). */
	async runCommand(title: string): Promise<void> {
		await this.page.keyboard.press('F1');
		const input = this.page.locator('.quick-input-widget input');
		await input.waitFor();
		await input.fill(`>${title}`);
		await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
		await this.page.keyboard.press('Enter');
	}

	/**
	 * Runs the Command Palette entry titled exactly `title`. Unlike {@link runCommand}, which
	 * presses Enter on the first row, it clicks that entry: "Preferences: Color Theme" otherwise
	 * runs "Preferences: Browse Color Themes in Marketplace", listed first.
	 */
	async runExactCommand(title: string): Promise<void> {
		const input = await this.openCommandPalette();
		await input.fill(`>${title}`);
		await this.quickInputRow(title).click();
	}

	/** The rows of the open quick input whose label is exactly `label`. */
	quickInputRow(label: string): Locator {
		return this.page.locator('.quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name').getByText(label, { exact: true }) });
	}

	/**
	 * Opens the Command Palette and returns its input. F1 is pressed again when the palette does
	 * not open: a key pressed while a webview is taking the focus back can get lost.
	 */
	async openCommandPalette(): Promise<Locator> {
		const input = this.page.locator('.quick-input-widget input');
		await this.quickInput().waitFor({ state: 'hidden' });
		for (let attempt = 1; ; attempt++) {
			await this.page.keyboard.press('F1');
			const opened = await input.waitFor({ timeout: 2_000 }).then(() => true, () => false);
			if (opened) {
				return input;
			}
			if (attempt === 5) {
				throw new Error('the Command Palette did not open after 5 presses of F1');
			}
		}
	}

	/** Clicks the activity-bar icon whose label starts with `title` and returns the side bar. */
	async openContainer(title: string): Promise<Locator> {
		const icon = this.page.locator(`.activitybar [aria-label^="${title}"]`).first();
		await icon.waitFor({ timeout: 60_000 });
		await icon.click();
		const sidebar = this.page.locator('.part.sidebar');
		await sidebar.waitFor();
		return sidebar;
	}

	/** Rows of the side bar's tree whose label is exactly `label` (a run grouped by tag shows once per tag). */
	treeRows(label: string): Locator {
		return this.page.locator('.part.sidebar .monaco-list-row').filter({ has: this.page.locator('.label-name').getByText(label, { exact: true }) });
	}

	/** The rendered rows of the side bar's tree, top to bottom: nesting level (1 = top) and label. */
	async treeLabels(): Promise<TreeLabel[]> {
		return this.page.locator('.part.sidebar .monaco-list-row').evaluateAll((rows) => rows
			.map((row) => ({ index: Number(row.getAttribute('data-index')), level: Number(row.getAttribute('aria-level')), label: row.querySelector('.label-name')?.textContent ?? '' }))
			.sort((a, b) => a.index - b.index)
			.map(({ level, label }) => ({ level, label })));
	}

	/** An action of the side bar's title toolbar, by its label (e.g. "Filter"). */
	viewTitleAction(label: string): Locator {
		return this.page.locator(`.part.sidebar .composite.title .action-label[aria-label="${label}"]`);
	}

	/** Right-clicks `target` and returns the context menu that opens. */
	async openContextMenu(target: Locator): Promise<Locator> {
		await target.click({ button: 'right' });
		const menu = this.page.locator('.context-view .monaco-menu');
		await menu.waitFor();
		return menu;
	}

	/** Runs the item titled `title` of the open context menu and waits for the menu to close. */
	async pickMenuItem(title: string): Promise<void> {
		const item = this.page.locator('.context-view').getByRole('menuitem', { name: title, exact: true });
		// The menu drops a click that comes right after it opens (seen in half the tries):
		// hovering focuses the item and Enter runs it, every time.
		await item.hover();
		await this.page.locator('.context-view li.action-item.focused').getByRole('menuitem', { name: title, exact: true }).waitFor();
		await this.page.keyboard.press('Enter');
		await this.page.locator('.context-view .monaco-menu').waitFor({ state: 'hidden' });
	}

	/** The quick input (quick pick or input box); visible only while it is open. */
	quickInput(): Locator {
		return this.page.locator('.quick-input-widget');
	}

	/** Notification toasts whose text contains `text`. */
	notificationToasts(text: string | RegExp): Locator {
		return this.page.locator('.notifications-toasts .notification-toast', { hasText: text });
	}

	/**
	 * Hovers `target` and returns the text of the hover that opens (a tree item's tooltip), or
	 * undefined when none opens within `timeoutMs` (e.g. the row was re-rendered under the mouse).
	 */
	async hoverText(target: Locator, timeoutMs = 5_000): Promise<string | undefined> {
		// Start from an empty spot of the activity bar, so a hover still open from before cannot answer.
		await this.page.mouse.move(25, 600);
		const hover = this.page.locator('.monaco-hover').first();
		await hover.waitFor({ state: 'hidden' });
		await target.hover();
		const opened = await hover.waitFor({ timeout: timeoutMs }).then(() => true, () => false);
		return opened ? hover.innerText() : undefined;
	}

	/** Saves a full-window screenshot as test-results/<name>.png and returns its path. */
	async screenshot(name: string): Promise<string> {
		await mkdir(resultsDir, { recursive: true });
		const file = path.join(resultsDir, `${name}.png`);
		await this.page.screenshot({ path: file });
		return file;
	}

	/** Saves a screenshot of `target` only (e.g. the editor area) as test-results/<name>.png and returns its path. */
	async screenshotOf(target: Locator, name: string): Promise<string> {
		await mkdir(resultsDir, { recursive: true });
		const file = path.join(resultsDir, `${name}.png`);
		await target.screenshot({ path: file });
		return file;
	}

	async close(): Promise<void> {
		await this.browser.close().catch(() => undefined);
		await this.server.stop();
		await rm(this.workspace, { recursive: true, force: true });
	}
}
