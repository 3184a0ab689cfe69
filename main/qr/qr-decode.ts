/**
 * Reads a QR image back to its payload. A gateway image is shown to the customer as the thing to
 * pay, so where the charge answer also gave the payload (qr_string), the image must say exactly
 * that: an image that decodes to anything else — a tampered link, a wrong transaction — is not
 * shown.
 */
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS whose types declare an ES default export; under Node ESM that export sits one
// level down.
const jsQR = jsQRModule.default;

/** The payload of the QR in a PNG, or undefined when none can be read. */
export function decodeQrPng(png: Uint8Array): string | undefined {
  let image: PNG;
  try {
    image = PNG.sync.read(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  } catch {
    return undefined;
  }
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return jsQR(pixels, image.width, image.height)?.data;
}
