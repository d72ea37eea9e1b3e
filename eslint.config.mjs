// ESLint flat config: typescript-eslint's recommended rules plus the project's layering rule:
// src/core and src/shared never import `vscode` (they also back the CLI and the webview).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noVscode = {
	'no-restricted-imports': ['error', {
		paths: [{ name: 'vscode', message: 'src/core and src/shared must stay free of vscode: put VS Code code in src/extension.' }],
	}],
};

export default tseslint.config(
	{ ignores: ['out/**', 'dist/**', 'node_modules/**', '.tools/**', '.demo/**', 'test-results/**', 'bench/results/**', '*.vsix'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
			'eqeqeq': ['error', 'always', { null: 'ignore' }],
			'curly': ['error', 'all'],
			'no-console': 'off',
		},
	},
	{ files: ['src/core/**/*.ts', 'src/shared/**/*.ts'], rules: noVscode },
	{ files: ['src/webview/**/*.ts'], languageOptions: { globals: { ...globals.browser } }, rules: noVscode },
);
