/**
 * The Electronegativity gate (scripts/scan-electron.ts) on small built-app fixtures: it must
 * fail on an insecure window, read modern bundles (class fields, #private, .cjs preloads) rather
 * than skip them, and stay offline.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanBuild } from '../../scripts/scan-electron.ts';

const roots: string[] = [];
function app(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kiosk-scan-fixture-'));
  roots.push(root);
  const all = { 'package.json': '{"name":"fixture","devDependencies":{"electron":"^45.4.1"}}', ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  for (const dir of ['out/main', 'out/preload', 'dist/renderer'])
    mkdirSync(join(root, dir), { recursive: true });
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('scanBuild', () => {
  it('fails on a finding justified only for another file, naming the built file', async () => {
    const root = app({
      'out/main/index.js': 'export const ok = 1;\n',
      'out/preload/cashier.cjs':
        'const { BrowserWindow } = require("electron");\n' +
        'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n',
    });
    const report = await scanBuild(root, '45.4.1');
    expect(report.failed).toBe(true);
    const unjustified = report.findings.filter((f) => f.justified === undefined);
    // Justified for the main bundle's windowOptions() call, not for a literal insecure window elsewhere.
    expect(unjustified).toContainEqual(
      expect.objectContaining({ id: 'CONTEXT_ISOLATION_JS_CHECK', file: 'out/preload/cashier.cjs' }),
    );
  });

  it('reads a bundle with class fields and #private members instead of skipping it', async () => {
    const root = app({
      'out/main/index.js':
        'import { BrowserWindow } from "electron";\n' +
        'class Holder { #secret = 1; field = 2; get value() { return this.#secret + this.field; } }\n' +
        'new Holder();\n' +
        'new BrowserWindow({ webPreferences: { nodeIntegration: true } });\n',
    });
    const report = await scanBuild(root, '45.4.1');
    expect(report.unread).toEqual([]);
    expect(report.findings.map((f) => f.id)).toContain('NODE_INTEGRATION_JS_CHECK');
  });
});
