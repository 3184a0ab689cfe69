// The Electron shell's three bundles (the screens are vite.config.ts's job):
// - main: out/main/index.js, ESM for Electron's Node. Our TypeScript is bundled; every package
//   dependency stays an import, so native better-sqlite3 and ESM-only got/electron-store load
//   from node_modules as they are.
// - preloads: out/preload/{cashier,display}.cjs, CommonJS with everything inlined except
//   `electron`: a sandboxed preload cannot load ES modules or a second local file. One build per
//   preload, because a shared chunk would be exactly such a second file.
// scripts/build-shell.ts runs them; test/scripts/build-shell.test.ts checks what they write.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const manifest = JSON.parse(readFileSync(here('./package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
};
/** What the packaged app installs into node_modules: exactly what main may import at run time. */
const PACKAGES = ['electron', ...Object.keys(manifest.dependencies ?? {})];

function isExternalForMain(id: string): boolean {
  if (id.startsWith('node:') || builtinModules.includes(id)) return true;
  return PACKAGES.some((name) => id === name || id.startsWith(`${name}/`));
}

const shared: InlineConfig = {
  configFile: false,
  root: here('.'),
  publicDir: false,
  appType: 'custom',
  // Each bundle goes into its own folder under the chosen root; see buildShell.
  build: { emptyOutDir: false, minify: false, copyPublicDir: false, reportCompressedSize: false },
};

export function mainBuild(outDir: string): InlineConfig {
  return {
    ...shared,
    build: {
      ...shared.build,
      outDir,
      ssr: here('./main/shell/main.ts'),
      // Electron 45 bundles Node 24.
      target: 'node24',
      rolldownOptions: {
        external: isExternalForMain,
        output: { format: 'es', entryFileNames: 'index.js' },
      },
    },
  };
}

export const PRELOADS = ['cashier', 'display'] as const;

export function preloadBuild(outDir: string, role: (typeof PRELOADS)[number]): InlineConfig {
  return {
    ...shared,
    // Inline every module (the default for an SSR build would leave packages as require()s).
    ssr: { noExternal: true },
    build: {
      ...shared.build,
      outDir,
      ssr: here(`./preload/${role}.ts`),
      // The renderer's Chromium (Electron 45), not Node: a preload runs in the page's process.
      target: 'chrome140',
      rolldownOptions: {
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: `${role}.cjs` },
      },
    },
  };
}
