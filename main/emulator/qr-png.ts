import QRCode from 'qrcode';

/**
 * PNG of a qr_string, like the gateway's generate-qr-code image (reference §8: "PNG", size not
 * documented). Medium error correction and a quiet zone keep it scannable off a kiosk screen.
 * Images are cached per payload: a kiosk may re-fetch the same QR many times while it waits.
 */
export class QrPngCache {
  readonly #cache = new Map<string, Promise<Buffer>>();

  render(qrString: string): Promise<Buffer> {
    let png = this.#cache.get(qrString);
    if (!png) {
      png = QRCode.toBuffer(qrString, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 360 });
      this.#cache.set(qrString, png);
      png.catch(() => this.#cache.delete(qrString));
    }
    return png;
  }
}
