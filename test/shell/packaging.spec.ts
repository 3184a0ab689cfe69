/**
 * `npm run dist` as far as it goes offline: scripts/dist.ts with electron-builder.yml as it
 * is, for the unpacked Linux target (`--dir`), with `electronDist` pointing at a stand-in Electron
 * folder (an executable placeholder carrying Electron's fuse wire, so the fuse step has something
 * to flip). Then the layout is checked: app.asar with the built app and production dependencies
 * only, better-sqlite3's binary for this platform unpacked beside it, no source maps, sources or
 * tests inside, the fuses flipped. An afterPack hook (packaging-after-pack.ts) asks
 * electron-builder's own .deb target and icon code what they would use.
 *
 * Run by Playwright's `packaging` project, after `npm run build` (npm test's order): it packages
 * the real out/ and dist/renderer/. It needs no browser.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ICO_SIZES, LINUX_SIZES } from '../../build/make-icons.ts';

const REPO = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
// electron-builder's own dependencies: the asar reader it writes with, the fuse library it flips with.
const asar = require('@electron/asar') as {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  statFile(archive: string, filename: string): { unpacked?: boolean };
  extractFile(archive: string, filename: string): Buffer;
};
const fuses = require('@electron/fuses') as {
  getCurrentFuseWire(path: string): Promise<Record<string, unknown>>;
  FuseV1Options: Record<string, number>;
};

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults, in wire order (@electron/fuses FuseV1Options): what the build must flip. */
const ELECTRON_DEFAULT_WIRE = '10110001';

interface Manifest {
  name: string;
  main: string;
  dependencies: Record<string, string>;
}
const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Manifest;
const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; devOptional?: boolean }>;
};

/** name@version of every package npm installs for production (package-lock.json's view). */
function productionPackages(): Set<string> {
  const found = new Set<string>();
  for (const [key, entry] of Object.entries(lock.packages)) {
    const at = key.lastIndexOf('node_modules/');
    if (at === -1 || entry.dev === true || entry.devOptional === true) continue;
    found.add(`${key.slice(at + 'node_modules/'.length)}@${entry.version ?? ''}`);
  }
  return found;
}

function fakeElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(
    join(dir, 'electron'),
    `#!/bin/sh\necho "a stand-in for Electron: packaging test only"\nexit 1\n# ${SENTINEL}\x01\x08${ELECTRON_DEFAULT_WIRE}\n`,
  );
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), '45.4.1');
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n');
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', ...args], {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** name@version of every package in the asar (electron-builder hoists them as it likes). */
function packagedPackages(files: string[]): Set<string> {
  const found = new Set<string>();
  for (const path of files) {
    if (!/\/node_modules\/(@[^/]+\/)?[^/@][^/]*\/package\.json$/.test(path)) continue;
    const meta = JSON.parse(
      asar.extractFile(archive, path.slice(1)).toString('utf8'),
    ) as Partial<Manifest> & {
      version?: string;
    };
    // Some packages keep a stub package.json in a sub-folder (zod/v4); only real packages count.
    if (meta.name !== undefined && path.endsWith(`/node_modules/${meta.name}/package.json`)) {
      found.add(`${meta.name}@${meta.version ?? ''}`);
    }
  }
  return found;
}

const work = mkdtempSync(join(tmpdir(), 'kiosk-packaging-'));
const unpacked = join(work, 'release', 'linux-unpacked');
const archive = join(unpacked, 'resources', 'app.asar');
// The Linux package takes the Linux binaries (glibc and musl) of its architecture, nothing else.
const bindings = [`linux-${process.arch}.node`, `linuxmusl-${process.arch}.node`];
let files: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  fakeElectron(join(work, 'electron'));
  const built = await run(
    [
      'scripts/dist.ts',
      '--linux',
      '--dir',
      `-c.electronDist=${join(work, 'electron')}`,
      `-c.directories.output=${join(work, 'release')}`,
      '-c.afterPack=./test/shell/packaging-after-pack.ts',
    ],
    { KIOSK_PACKAGING_REPORT: join(work, 'report.json') },
  );
  expect(built.code, built.output).toBe(0);
  files = asar.listPackage(archive, { isPack: false });
});

test.afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

test('the app is one app.asar holding the built app, its package.json and the production packages', () => {
  expect(existsSync(archive)).toBe(true);
  const own = files.filter((path) => !path.startsWith('/node_modules'));
  const tops = [...new Set(own.map((path) => path.split('/')[1]))].sort();
  expect(tops).toEqual(['dist', 'out', 'package.json']);
  for (const path of [
    '/out/main/index.js',
    '/out/preload/cashier.cjs',
    '/out/preload/display.cjs',
    '/dist/renderer/cashier/index.html',
    '/dist/renderer/display/index.html',
  ]) {
    expect(files).toContain(path);
  }
  const app = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as Manifest;
  expect(app.main).toBe(manifest.main);
  expect(existsSync(join(unpacked, manifest.name))).toBe(true);

  const packaged = packagedPackages(files);
  const names = new Set([...packaged].map((id) => id.slice(0, id.lastIndexOf('@'))));
  for (const name of Object.keys(manifest.dependencies)) expect(names, name).toContain(name);
  const production = productionPackages();
  expect([...packaged].filter((id) => !production.has(id))).toEqual([]);
  // What is only ever a devDependency here, spelled out.
  for (const name of [
    'electron',
    'electron-builder',
    'vite',
    'vitest',
    'react',
    '@playwright/test',
    'typescript',
  ]) {
    expect(names, name).not.toContain(name);
  }
});

test('better-sqlite3’s binaries for the target are unpacked beside the asar, and no other binary ships', () => {
  const native = files.filter((path) => path.endsWith('.node')).sort();
  expect(native).toEqual(bindings.map((name) => `/node_modules/better-sqlite3/prebuilds/${name}`).sort());
  for (const name of bindings) {
    expect(asar.statFile(archive, `node_modules/better-sqlite3/prebuilds/${name}`).unpacked).toBe(true);
    const onDisk = join(`${archive}.unpacked`, 'node_modules', 'better-sqlite3', 'prebuilds', name);
    expect(readFileSync(onDisk).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
  }
});

test('no source maps, TypeScript sources, C sources or tests inside the asar', () => {
  const unwanted = files.filter(
    (path) =>
      /\.map$/.test(path) ||
      /\.(ts|mts|cts)$/.test(path) ||
      /\.(c|cc|cpp|h|hpp|gyp|gypi)$/.test(path) ||
      /\/(test|tests|spec|__tests__|benchmarks?)(\/|$)/.test(path) ||
      /\.(test|spec)\.[cm]?js$/.test(path),
  );
  expect(unwanted).toEqual([]);
  // The app's own files are the built ones only: no main/, renderer/, test/ sources.
  expect(files.filter((path) => /^\/(main|renderer|common|preload|test|bench)\//.test(path))).toEqual([]);
});

test('the fuses are flipped as electron-builder.yml says', async () => {
  const wire = await fuses.getCurrentFuseWire(join(unpacked, manifest.name));
  const state = (name: string) => String.fromCharCode(Number(wire[String(fuses.FuseV1Options[name])]));
  expect({
    RunAsNode: state('RunAsNode'),
    EnableCookieEncryption: state('EnableCookieEncryption'),
    EnableNodeOptionsEnvironmentVariable: state('EnableNodeOptionsEnvironmentVariable'),
    EnableNodeCliInspectArguments: state('EnableNodeCliInspectArguments'),
    EnableEmbeddedAsarIntegrityValidation: state('EnableEmbeddedAsarIntegrityValidation'),
    OnlyLoadAppFromAsar: state('OnlyLoadAppFromAsar'),
    LoadBrowserProcessSpecificV8Snapshot: state('LoadBrowserProcessSpecificV8Snapshot'),
    GrantFileProtocolExtraPrivileges: state('GrantFileProtocolExtraPrivileges'),
  }).toEqual({
    RunAsNode: '0',
    EnableCookieEncryption: '1',
    EnableNodeOptionsEnvironmentVariable: '0',
    EnableNodeCliInspectArguments: '0',
    EnableEmbeddedAsarIntegrityValidation: '1',
    OnlyLoadAppFromAsar: '1',
    LoadBrowserProcessSpecificV8Snapshot: '0',
    GrantFileProtocolExtraPrivileges: '0',
  });
});

test('the .deb has a maintainer and a homepage; the icons are found for Linux and Windows', () => {
  const report = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')) as {
    deb: { name: string; maintainer: string; url: string };
    linuxIcons: { file: string; size: number }[];
    windowsIcon: { file: string; size: number }[];
  };
  expect(report.deb.name).toBe('gopay-qris-kiosk');
  expect(report.deb.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
  expect(report.deb.url).toMatch(/^https:\/\//);
  expect(report.linuxIcons.map((icon) => icon.size)).toEqual([...LINUX_SIZES]);
  expect(report.windowsIcon).toEqual([
    { file: join(REPO, 'build', 'icon.ico'), size: Math.max(...ICO_SIZES) },
  ]);
});
