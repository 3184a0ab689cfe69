/** How `npm start` and the e2e suite find Electron without loading node_modules/electron (which downloads). */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary.ts';

const roots: string[] = [];
function project(options: { pathTxt?: string; binary?: string } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'kiosk-binary-'));
  roots.push(root);
  const pkg = join(root, 'node_modules', 'electron');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  if (options.pathTxt !== undefined) writeFileSync(join(pkg, 'path.txt'), options.pathTxt);
  if (options.binary !== undefined) {
    writeFileSync(join(pkg, 'dist', options.binary), '#!/bin/sh\n');
    chmodSync(join(pkg, 'dist', options.binary), 0o755);
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('findElectronBinary', () => {
  it('finds the installed binary named by path.txt', () => {
    const root = project({ pathTxt: 'electron', binary: 'electron' });
    expect(findElectronBinary(root, {})).toEqual({
      found: true,
      path: join(root, 'node_modules', 'electron', 'dist', 'electron'),
    });
  });

  it('says how to install one when there is none, or path.txt names a missing file', () => {
    for (const root of [project(), project({ pathTxt: 'electron' })]) {
      const result = findElectronBinary(root, {});
      expect(result.found).toBe(false);
      if (!result.found)
        expect(result.reason).toMatch(/npx install-electron --no.*ELECTRON_OVERRIDE_DIST_PATH/s);
    }
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH, as electron itself does', () => {
    const root = project({ pathTxt: 'electron' });
    const elsewhere = mkdtempSync(join(tmpdir(), 'kiosk-electron-dist-'));
    roots.push(elsewhere);
    writeFileSync(join(elsewhere, 'electron'), '');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: elsewhere })).toEqual({
      found: true,
      path: join(elsewhere, 'electron'),
    });
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: join(elsewhere, 'nope') }).found).toBe(
      false,
    );
  });
});
