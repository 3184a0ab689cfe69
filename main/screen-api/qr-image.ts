/**
 * The QR on disk as a data: URL for the customer display, which never loads an image from
 * anywhere else. The file is checked again as a PNG here: the display cannot say why a broken
 * image will not draw, and a customer would be left staring at nothing.
 */
import { readFile } from 'node:fs/promises';
import { DEFAULT_MAX_QR_BYTES } from '../midtrans/client.ts';
import { checkQrPng } from '../qr/png-check.ts';

export type ReadBytes = (path: string) => Promise<Uint8Array>;

export async function qrDataUrl(path: string, read: ReadBytes = readFile): Promise<string> {
  const bytes = await read(path);
  checkQrPng(bytes, DEFAULT_MAX_QR_BYTES);
  return `data:image/png;base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
}
