import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DevicePrinter } from '../../main/printing/device.ts';
import type { DeviceFs } from '../../main/printing/device.ts';
import { PrinterError } from '../../main/printing/errors.ts';
import { toEscPos } from '../../main/receipts/index.ts';
import { decodeEscPos } from '../support/escpos-decode.ts';
import { saleDocument } from '../receipts/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'kiosk-device-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<PrinterError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the print to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrinterError);
  return error as PrinterError;
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

const bytes = toEscPos({ type: 'receipt', document: saleDocument() }, { width: 58 });

describe('DevicePrinter', () => {
  it('writes the whole job to the device file, appending', async () => {
    const path = join(dir, 'lp0');
    writeFileSync(path, '');
    const printer = new DevicePrinter({ path });
    expect(await printer.send(bytes)).toMatchObject({ bytes: bytes.length, status: { kind: 'unknown' } });
    await printer.send(bytes);
    const written = readFileSync(path);
    expect(written.length).toBe(bytes.length * 2);
    expect(decodeEscPos(written.subarray(0, bytes.length)).lines).toContain(
      'No. pesanan: KIOSK-20261124-0001',
    );
    expect(await printer.status()).toEqual({ kind: 'unknown', reason: 'not-supported' });
  });

  it('refuses a missing path and never creates it', async () => {
    const path = join(dir, 'usb', 'lp9');
    const error = await failure(new DevicePrinter({ path }).send(bytes));
    expect(error.code).toBe('device-missing');
    expect(error.maybePrinted).toBe(false);
    expect(error.bilingual.id).toContain('tidak ditemukan');
    expect(error.bilingual.en).toContain(path);
    const sibling = join(dir, 'ttyUSB7');
    expect((await failure(new DevicePrinter({ path: sibling }).send(bytes))).code).toBe('device-missing');
    await expect(fsPromises.stat(sibling)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a directory', async () => {
    const path = join(dir, 'a-folder');
    mkdirSync(path);
    const error = await failure(new DevicePrinter({ path }).send(bytes));
    expect(error.code).toBe('device-not-a-printer');
    await expect(new DevicePrinter({ path }).status()).rejects.toMatchObject({
      code: 'device-not-a-printer',
    });
  });

  // The tests may run as root, for whom permissions do not apply: the kernel's answers are simulated.
  for (const [code, expected, words] of [
    ['EACCES', 'device-not-writable', 'izin ditolak'],
    ['EROFS', 'device-not-writable', 'not writable'],
    ['EBUSY', 'device-busy', 'program lain'],
    ['ENODEV', 'device-missing', 'does not exist'],
  ] as const) {
    it(`explains ${code} on open as ${expected}`, async () => {
      const fs: DeviceFs = {
        stat: fsPromises.stat,
        open: () => Promise.reject(errno(code)),
      };
      const path = join(dir, `lp-${code}`);
      writeFileSync(path, '');
      const error = await failure(new DevicePrinter({ path, fs }).send(bytes));
      expect(error.code).toBe(expected);
      expect(error.maybePrinted).toBe(false);
      expect(`${error.bilingual.id} ${error.bilingual.en}`).toContain(words);
    });
  }

  it('marks a write that fails part-way as maybe printed', async () => {
    const path = join(dir, 'lp-eio');
    writeFileSync(path, '');
    const fs: DeviceFs = {
      stat: fsPromises.stat,
      open: (async () => {
        let calls = 0;
        return {
          write: async (_data: Uint8Array, _offset: number, length: number) => {
            calls += 1;
            if (calls > 1) throw errno('EIO');
            return { bytesWritten: Math.min(64, length) };
          },
          close: async () => undefined,
        };
      }) as unknown as DeviceFs['open'],
    };
    const error = await failure(new DevicePrinter({ path, fs }).send(bytes));
    expect(error.code).toBe('device-write-failed');
    expect(error.maybePrinted).toBe(true);
    expect(error.bytesWritten).toBe(64);
  });

  it('gives up on a write that never finishes', async () => {
    const path = join(dir, 'lp-stuck');
    writeFileSync(path, '');
    const fs: DeviceFs = {
      stat: fsPromises.stat,
      open: (async () => ({
        write: () => new Promise(() => undefined),
        close: async () => undefined,
      })) as unknown as DeviceFs['open'],
    };
    const error = await failure(new DevicePrinter({ path, fs, writeTimeoutMs: 50 }).send(bytes));
    expect(error.code).toBe('write-timeout');
    expect(error.maybePrinted).toBe(true);
  });
});
