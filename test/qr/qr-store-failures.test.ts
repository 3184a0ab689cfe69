import { readFileSync } from 'node:fs';
import type * as FsPromises from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QrStore } from '../../main/qr/qr-store.ts';
import { listDir, makeTempDir, qrisPayload, qrPng, removeTempDirs } from './helpers.ts';

// Faults the real filesystem cannot be made to produce on demand (the tests may run as root, so
// permissions cannot be used): each step of an atomic write can be told to fail once.
const faults = vi.hoisted(() => ({
  write: undefined as NodeJS.ErrnoException | undefined,
  fileSync: undefined as NodeJS.ErrnoException | undefined,
  rename: undefined as NodeJS.ErrnoException | undefined,
  openDirectory: undefined as NodeJS.ErrnoException | undefined,
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const { statSync } = await import('node:fs');
  const open: typeof actual.open = async (path, flags, mode) => {
    if (faults.openDirectory && statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
      throw take('openDirectory');
    }
    const handle = await actual.open(path, flags, mode);
    if (String(path).endsWith('.tmp')) {
      const { writeFile, sync } = handle;
      handle.writeFile = (...args) =>
        faults.write ? Promise.reject(take('write')) : writeFile.apply(handle, args);
      handle.sync = () => (faults.fileSync ? Promise.reject(take('fileSync')) : sync.apply(handle));
    }
    return handle;
  };
  const rename: typeof actual.rename = (from, to) =>
    faults.rename ? Promise.reject(take('rename')) : actual.rename(from, to);
  return { ...actual, open, rename, default: { ...actual, open, rename } };
});

function take(step: keyof typeof faults): NodeJS.ErrnoException {
  const error = faults[step];
  faults[step] = undefined;
  if (!error) throw new Error(`no fault armed for ${step}`);
  return error;
}

function fault(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

afterEach(() => {
  faults.write = faults.fileSync = faults.rename = faults.openDirectory = undefined;
  removeTempDirs();
});

describe('a save that fails part-way', () => {
  it.each([
    ['writing', 'write', 'ENOSPC'],
    ['syncing the file', 'fileSync', 'EIO'],
    ['renaming', 'rename', 'EXDEV'],
  ] as const)('while %s leaves the previous good image and no temp file', async (_when, step, code) => {
    const dir = join(makeTempDir(), 'qr');
    const store = new QrStore({ dir });
    const good = await qrPng(qrisPayload(44_000));
    const path = await store.saveDownloaded('TOKO-0001', good);
    const localPath = await store.drawLocal('TOKO-0001', qrisPayload(44_000));
    const local = readFileSync(localPath);

    faults[step] = fault(code);
    await expect(store.saveDownloaded('TOKO-0001', await qrPng(qrisPayload(55_000)))).rejects.toMatchObject({
      code,
    });
    faults[step] = fault(code);
    await expect(store.drawLocal('TOKO-0001', qrisPayload(55_000))).rejects.toMatchObject({ code });

    expect(readFileSync(path).equals(good)).toBe(true);
    expect(readFileSync(localPath).equals(local)).toBe(true);
    expect(listDir(dir)).toEqual(['TOKO-0001.gateway.png', 'TOKO-0001.local.png']);

    // Nothing is left broken: the next save goes through.
    const next = await qrPng('next');
    await store.saveDownloaded('TOKO-0001', next);
    expect(readFileSync(path).equals(next)).toBe(true);
  });
});

describe('syncing the directory', () => {
  it.each(['EISDIR', 'EPERM'])(
    'is skipped where the platform refuses it (%s, as on Windows)',
    async (code) => {
      const dir = join(makeTempDir(), 'qr');
      const store = new QrStore({ dir });
      await store.init();
      const png = await qrPng('x');
      faults.openDirectory = fault(code);
      const path = await store.saveDownloaded('TOKO-0002', png);
      expect(faults.openDirectory).toBeUndefined();
      expect(readFileSync(path).equals(png)).toBe(true);
    },
  );

  it('reports any other failure, with the new image already in place', async () => {
    const dir = join(makeTempDir(), 'qr');
    const store = new QrStore({ dir });
    await store.init();
    const png = await qrPng('x');
    faults.openDirectory = fault('EIO');
    await expect(store.saveDownloaded('TOKO-0003', png)).rejects.toMatchObject({ code: 'EIO' });
    expect(listDir(dir)).toEqual(['TOKO-0003.gateway.png']);
  });
});
