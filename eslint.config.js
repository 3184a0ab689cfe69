// Lint enforces the layering: who may import whom is decided by where the code runs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronOnlyInShell = {
  name: 'electron',
  message:
    'Only the thin Electron shell (main/shell/) and the preloads may import electron; the main-process core takes Electron objects by injection.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // The main-process core: plain Node, testable without an Electron binary.
    files: ['main/**/*.ts'],
    ignores: ['main/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            {
              group: ['**/renderer/**', '**/preload/**'],
              message: 'main must not import renderer or preload code.',
            },
          ],
        },
      ],
    },
  },
  {
    // The shared contract is imported by every layer, so it depends on none of them.
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**', 'node:*'],
              message: 'common/ is the contract shared by all layers: no imports from a layer or from Node.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            {
              group: ['**/main/**', '**/preload/**', 'node:*'],
              message: 'Renderers talk to main only through the contract in common/.',
            },
          ],
        },
      ],
    },
  },
);
