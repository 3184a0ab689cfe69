import { crc32 } from 'node:zlib';

/**
 * Checks that downloaded bytes are a whole, plausible PNG before they are kept for the customer
 * display. A QR that the screen cannot draw is discovered only when a customer is waiting to pay,
 * so a truncated or corrupted download must be refused while there is still time to draw one
 * locally from the qr_string instead.
 */

export type QrImageErrorReason = 'not-png' | 'too-large' | 'bad-dimensions' | 'empty';

export class QrImageError extends Error {
  readonly reason: QrImageErrorReason;
  constructor(reason: QrImageErrorReason, message: string) {
    super(message);
    this.name = 'QrImageError';
    this.reason = reason;
  }
}

export interface PngSize {
  width: number;
  height: number;
}

/** A QR for a phone camera needs a few hundred pixels; anything past this is not a QR image. */
export const MAX_QR_DIMENSION = 4096;

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const IHDR_LENGTH = 13;
const CHUNK_OVERHEAD = 12; // length, type, CRC
const MAX_CHUNK_LENGTH = 0x7fffffff; // PNG spec: lengths above 2^31-1 are invalid
const CHUNK_TYPE = /^[A-Za-z]{4}$/;

/**
 * Walks every chunk up to IEND, verifying each CRC, so a download cut short or damaged in transit
 * is refused, not just one with a bad header. Bytes after IEND are tolerated, as decoders ignore them.
 */
export function checkQrPng(bytes: Uint8Array, maxBytes: number): PngSize {
  if (bytes.length === 0) throw new QrImageError('empty', 'QR image is empty');
  // Before parsing anything: an oversized body is refused whatever it contains.
  if (bytes.length > maxBytes) {
    throw new QrImageError('too-large', `QR image is ${bytes.length} bytes, more than ${maxBytes}`);
  }
  if (bytes.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) {
    throw new QrImageError('not-png', 'QR image does not start with the PNG signature');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = PNG_SIGNATURE.length;
  let size: PngSize | undefined;
  let sawImageData = false;
  for (;;) {
    if (offset + CHUNK_OVERHEAD > bytes.length) throw notPng('it ends before IEND');
    const length = view.getUint32(offset);
    if (length > MAX_CHUNK_LENGTH) throw notPng('a chunk length is out of range');
    const dataStart = offset + 8;
    const dataEnd = dataStart + length;
    if (dataEnd + 4 > bytes.length) throw notPng('a chunk runs past the end');
    const type = Buffer.from(bytes.buffer, bytes.byteOffset + offset + 4, 4).toString('latin1');
    if (!CHUNK_TYPE.test(type)) throw notPng('a chunk type is not four letters');
    if (crc32(bytes.subarray(offset + 4, dataEnd)) !== view.getUint32(dataEnd)) {
      throw notPng(`the ${type} chunk fails its CRC`);
    }
    if (size === undefined) {
      if (type !== 'IHDR' || length !== IHDR_LENGTH) throw notPng('the first chunk is not IHDR');
      size = { width: view.getUint32(dataStart), height: view.getUint32(dataStart + 4) };
      if (!plausible(size.width) || !plausible(size.height)) {
        throw new QrImageError(
          'bad-dimensions',
          `QR image is ${size.width}x${size.height}; each side must be 1..${MAX_QR_DIMENSION} pixels`,
        );
      }
    } else if (type === 'IDAT') {
      sawImageData = true;
    } else if (type === 'IEND') {
      break;
    }
    offset = dataEnd + 4;
  }
  if (!sawImageData) throw notPng('it has no image data');
  return size;
}

function plausible(side: number): boolean {
  return side >= 1 && side <= MAX_QR_DIMENSION;
}

function notPng(why: string): QrImageError {
  return new QrImageError('not-png', `QR image is not a valid PNG: ${why}`);
}
