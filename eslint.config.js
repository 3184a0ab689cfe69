// Lint enforces the layering: who may import whom is decided by where the code runs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronOnlyInShell = {
  name: 'electron',
  message:
    'Only the thin Electron shell (main/shell/) and the preloads may import electron; the main-process core takes Electron objects by injection.',
};
// electron-store imports electron when loaded, so it is as shell-only as electron itself.
const electronStoreOnlyInShell = {
  name: 'electron-store',
  message: 'electron-store loads electron: only main/shell/ may import it (settings take a DocumentStore).',
};

/**
 * A layer of the main process: no electron at run time (type-only imports are erased, so the core
 * is checked against Electron's own types without loading it), no renderer or preload code, and
 * none of the folders above it.
 */
function mainLayer(name, files, above) {
  return [
    {
      files: files.map((f) => (f.endsWith('**') ? `${f}/*.ts` : f)),
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: [{ ...electronOnlyInShell, allowTypeImports: true }, electronStoreOnlyInShell],
            patterns: [
              {
                group: ['**/renderer/**', '**/preload/**'],
                message: 'main must not import renderer or preload code.',
              },
              ...(above.length === 0
                ? []
                : [
                    {
                      group: above.map((folder) => `**/${folder}/**`),
                      message: `${name} may not import a layer above it (${above.join(', ')}).`,
                    },
                  ]),
            ],
          },
        ],
      },
    },
  ];
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'coverage/**', 'test-results/**'] },
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
  // The main process in layers, each importing only those below it (README "Layout", ARCHITECTURE.md):
  // core services → contract server and settings → host → transports (browser mode, shell logic)
  // → entries (shell, CLI). Plain Node throughout, testable without an Electron binary.
  // Any main-process folder not placed in a layer below still may not load electron (a test checks
  // that every folder is placed).
  ...mainLayer('main', ['main/**'], []).map((config) => ({ ...config, ignores: ['main/shell/**'] })),
  ...mainLayer(
    'core services: gateway client, emulator, journal, QR files, checkout engine, till, refunds, reconciliation',
    [
      'main/*.ts',
      'main/fs/**',
      'main/midtrans/**',
      'main/emulator/**',
      'main/journal/**',
      'main/qr/**',
      'main/checkout/**',
      'main/catalogue/**',
      'main/sales/**',
      'main/refunds/**',
      'main/history/**',
      'main/reconcile/**',
      'main/receipts/**',
      'main/printing/**',
    ],
    [
      'screen-api',
      'settings',
      'shifts',
      'reports',
      'host',
      'screen-pages',
      'browser-mode',
      'shell-logic',
      'shell',
      'cli',
    ],
  ),
  // The day's money: cashiers and shifts, the X, Z and range reports. Above the core (they read the
  // till's sales and orders) and beside the settings (a cashier PIN is kept as the manager PIN is).
  ...mainLayer(
    "the day's money: shifts and reports",
    ['main/shifts/**', 'main/reports/**'],
    ['screen-api', 'host', 'screen-pages', 'browser-mode', 'shell-logic', 'shell', 'cli'],
  ),
  ...mainLayer(
    'the contract server and the settings',
    ['main/screen-api/**', 'main/settings/**'],
    ['host', 'screen-pages', 'browser-mode', 'shell-logic', 'shell', 'cli'],
  ),
  ...mainLayer(
    'the host',
    ['main/host/**', 'main/screen-pages/**'],
    ['browser-mode', 'shell-logic', 'shell', 'cli'],
  ),
  ...mainLayer('browser mode', ['main/browser-mode/**'], ['shell-logic', 'shell', 'cli']),
  ...mainLayer("the shell's logic", ['main/shell-logic/**'], ['host', 'browser-mode', 'shell', 'cli']),
  ...mainLayer('the kiosk CLI', ['main/cli/**'], ['screen-api', 'browser-mode', 'shell-logic', 'shell']),
  ...mainLayer('the build and launch scripts', ['scripts/**'], []),
  {
    // The shared contract is imported by every layer, so it depends on none of them.
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell, electronStoreOnlyInShell],
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
    // Preloads are bundled into sandboxed pages: the contract and each other, nothing of main or
    // the screens, and no Node module (a sandboxed preload can require only electron).
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell, electronStoreOnlyInShell],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', 'node:*'],
              message: 'A preload sees only the contract in common/ and the bridge in preload/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The two entry files are the only preload code that touches electron (contextBridge and
    // ipcRenderer); the bridge they wrap stays plain and testable.
    files: ['preload/cashier.ts', 'preload/display.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronStoreOnlyInShell],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', 'node:*'],
              message: 'A preload sees only the contract in common/ and the bridge in preload/.',
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
          paths: [electronOnlyInShell, electronStoreOnlyInShell],
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
