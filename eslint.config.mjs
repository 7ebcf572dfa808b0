import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.vscode-test/', 'media/**/*.js', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core runs outside VS Code: pass what it needs in.' },
            { name: 'fs', message: 'src/core does no I/O; the editor and the CLI read and write files.' },
            { name: 'fs/promises', message: 'src/core does no I/O.' },
            { name: 'path', message: 'src/core runs in browsers too: no Node modules.' },
            { name: 'crypto', message: 'src/core runs in browsers too: no Node modules.' },
            { name: 'os', message: 'src/core runs in browsers too: no Node modules.' },
            { name: 'child_process', message: 'src/core runs in browsers too: no Node modules.' },
            { name: 'worker_threads', message: 'src/core runs in browsers too: no Node modules.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'src/core runs in browsers too: no Node modules.' },
            { group: ['**/editor', '**/editor/**'], message: 'src/core is below src/editor: the editor imports core, never the reverse.' },
            { group: ['**/cli', '**/cli/**'], message: 'src/core is below src/cli: the command line imports core, never the reverse.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/editor/readingView/page/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: "The reading view's page runs in its webview: it talks to the extension through messages only." }],
          patterns: [
            { group: ['node:*'], message: "The reading view's page runs in a browser frame." },
            { group: ['../[a-z]*', '../../[a-z]*'], message: 'The page imports core and its own modules only: the extension side is reached by messages.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/node holds Node file primitives shared by the command line and the Node extension host; no VS Code API.' }],
          patterns: [{ group: ['**/editor', '**/editor/**', '**/cli', '**/cli/**'], message: 'src/node is below src/editor and src/cli.' }],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The command line runs without VS Code.' }],
          patterns: [{ group: ['**/editor', '**/editor/**'], message: 'The command line does not depend on the editor layer; move shared code to src/core.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
