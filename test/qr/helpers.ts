import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { buildQrisString } from '../../main/emulator/qris-payload.ts';

// jsqr is CommonJS whose types declare an ES default export; under Node ESM that export sits one level down.
const jsQR = jsQRModule.default;

const made: string[] = [];

/** A fresh directory under the OS temp dir; removeTempDirs() deletes every one made. */
export function makeTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qr-store-'));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function listDir(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** A dynamic QRIS payload like the gateway's, with a valid CRC. */
export function qrisPayload(amount = 44_000): string {
  return buildQrisString(
    {
      merchantId: 'G123456789',
      merchantName: 'Toko Maju Jaya',
      city: 'BANDUNG',
      postalCode: '40284',
      mcc: '5411',
    },
    amount,
  );
}

export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 4 });
}

export function decodeQr(png: Uint8Array): string | undefined {
  const image = PNG.sync.read(Buffer.from(png));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

export function pngSize(png: Uint8Array): { width: number; height: number } {
  const image = PNG.sync.read(Buffer.from(png));
  return { width: image.width, height: image.height };
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** The PNG with its IHDR width and height replaced, CRC recomputed so only the size is wrong. */
export function withIhdrSize(png: Uint8Array, width: number, height: number): Buffer {
  const out = Buffer.from(png);
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return out;
}

/** The PNG with a valid ancillary chunk of `size` bytes inserted before IEND. */
export function withPadding(png: Uint8Array, size: number): Buffer {
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), chunk('prVt', Buffer.alloc(size, 0x41)), png.subarray(iend)]);
}
