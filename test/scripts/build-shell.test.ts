/**
 * The shell's bundles as Electron will load them (vite.shell.config.ts via buildShell): sandboxed
 * preloads that require nothing but electron and expose one role's bridge, and an ESM main
 * bundle with our TypeScript inlined and every package left to node_modules.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASHIER_COMMANDS, DISPLAY_COMMANDS, MANAGER_COMMANDS } from '../../common/contract.ts';
import { buildShell } from '../../scripts/build-shell.ts';

const repo = join(import.meta.dirname, '../..');
const outRoot = mkdtempSync(join(tmpdir(), 'kiosk-shell-build-'));
const read = (path: string) => readFileSync(join(outRoot, path), 'utf8');
const dependencies = Object.keys(
  (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string> })
    .dependencies,
);

beforeAll(async () => {
  await buildShell(outRoot, { quiet: true });
}, 20_000);

afterAll(() => {
  rmSync(outRoot, { recursive: true, force: true });
});

/** Every module specifier a bundle loads, whatever the syntax. */
function loads(code: string): string[] {
  const found = [
    ...code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g),
    ...code.matchAll(/^\s*import\s[^;]*?from\s*(["'])([^"']+)\1/gm),
    ...code.matchAll(/^\s*import\s*(["'])([^"']+)\1/gm),
    ...code.matchAll(/\bimport\(\s*(["'`])([^"'`]+)\1\s*\)/g),
  ];
  return [...new Set(found.map((m) => m[2] ?? ''))].sort();
}

/** The contract commands a preload bundle sends (the bridge names each call's command literally). */
function commandsSent(code: string): string[] {
  return [...new Set([...code.matchAll(/\bcall\(\s*"([a-zA-Z.]+)"/g)].map((m) => m[1] ?? ''))].sort();
}

describe('the preloads', () => {
  it('are exactly two single CommonJS files', () => {
    expect(readdirSync(join(outRoot, 'preload')).sort()).toEqual(['cashier.cjs', 'display.cjs']);
  });

  for (const role of ['cashier', 'display'] as const) {
    it(`${role}: requires only electron, loads no other file, sends nothing generic`, () => {
      const code = read(`preload/${role}.cjs`);
      expect(loads(code)).toEqual(['electron']);
      expect(code).not.toMatch(/\bipcRenderer\.send(Sync|ToHost)?\(/);
      expect(code).not.toMatch(/\bexport\s|\bimport\s*[{*(]|\bimport\s+\w/);
      // One bridge, put where the screens look for it.
      const exposed = [...code.matchAll(/exposeInMainWorld\(\s*PRELOAD_GLOBALS\.(\w+)/g)].map((m) => m[1]);
      expect(exposed).toEqual([role]);
    });
  }

  it('the cashier sends every cashier and manager command; the display only its own', () => {
    expect(commandsSent(read('preload/cashier.cjs'))).toEqual(
      [...CASHIER_COMMANDS, ...MANAGER_COMMANDS].sort(),
    );
    const display = read('preload/display.cjs');
    expect(commandsSent(display)).toEqual([...DISPLAY_COMMANDS].sort());
    expect(display).not.toMatch(/createCashierBridge|startSale|managerBridge/);
  });
});

describe('the main bundle', () => {
  it('is one ESM file that imports packages and Node modules only, electron among them', () => {
    expect(readdirSync(join(outRoot, 'main'))).toEqual(['index.js']);
    const imported = loads(read('main/index.js'));
    expect(imported).toContain('electron');
    const allowed = (spec: string) =>
      spec.startsWith('node:') ||
      builtinModules.includes(spec) ||
      ['electron', ...dependencies].some((name) => spec === name || spec.startsWith(`${name}/`));
    expect(imported.filter((spec) => !allowed(spec))).toEqual([]);
    // Our own code is inlined: no relative import, no TypeScript file left to load.
    expect(imported.filter((spec) => spec.startsWith('.') || /\.tsx?$/.test(spec))).toEqual([]);
    expect(read('main/index.js')).not.toMatch(/\brequire\(/);
  });
});
