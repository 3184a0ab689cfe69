import QRCode from 'qrcode';

/**
 * PNG of a qr_string, like the gateway's generate-qr-code image (reference §8: "PNG", size not
 * documented). Medium error correction and a quiet zone keep it scannable off a kiosk screen.
 * Images are cached per payload: a kiosk may re-fetch the same QR many times while it waits.
 */
export class QrPngCache {
  readonly #cache = new Map<string, Promise<Buffer>>();
  readonly #limit: number;

  /** Only recent orders' QRs are asked for again; a long training day must not grow without end. */
  constructor(limit = 256) {
    this.#limit = limit;
  }

  render(qrString: string): Promise<Buffer> {
    let png = this.#cache.get(qrString);
    if (png) {
      // Map keeps insertion order: re-inserting makes this the most recently used entry.
      this.#cache.delete(qrString);
    } else {
      png = QRCode.toBuffer(qrString, {
        type: 'png',
        errorCorrectionLevel: 'M',
        margin: 4,
        scale: 4,
        rendererOpts: PNG_ENCODING,
      });
      png.catch(() => this.#cache.delete(qrString));
    }
    this.#cache.set(qrString, png);
    for (const oldest of this.#cache.keys()) {
      if (this.#cache.size <= this.#limit) break;
      this.#cache.delete(oldest);
    }
    return png;
  }

  get size(): number {
    return this.#cache.size;
  }
}

/** No PNG row filters: a slightly bigger file, drawn in a third of the time. */
const PNG_ENCODING: { deflateLevel: number; filterType: number } = { deflateLevel: 9, filterType: 0 };
