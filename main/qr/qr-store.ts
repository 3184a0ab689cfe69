import { lstat, mkdir, readdir, rm, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import QRCode from 'qrcode';
import { ORDER_ID_MAX_LENGTH, ORDER_ID_PATTERN } from '../../common/midtrans-limits.ts';
import { systemClock } from '../clock.ts';
import type { Clock } from '../clock.ts';
import { DEFAULT_MAX_QR_BYTES } from '../midtrans/client.ts';
import { errorCode, TEMP_FILE_PATTERN, writeFileAtomic } from '../fs/atomic-file.ts';
import { checkQrPng } from './png-check.ts';

export { QrImageError, MAX_QR_DIMENSION } from './png-check.ts';
export type { QrImageErrorReason } from './png-check.ts';

export type QrSource = 'gateway' | 'local';

export interface QrStoreOptions {
  dir: string;
  /** Largest gateway image accepted; defaults to the client's download limit. */
  maxBytes?: number;
  clock?: Clock;
}

export interface PruneOptions {
  /** Orders whose images must stay whatever their age (those still open or on screen). */
  keep: ReadonlySet<string>;
  olderThanMs: number;
}

/** Long enough that no write still in progress is mistaken for one abandoned by a crash. */
const STALE_TEMP_MS = 60_000;

const FILE_PATTERN = /^([A-Za-z0-9\-_~.]+)\.(gateway|local)\.png$/;

// Windows opens these device names whatever the extension ("NUL.gateway.png" is the null device).
// Refused everywhere so that an order id behaves the same on every till.
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

// ISO/IEC 18004 requires a light border of at least 4 modules: without it a phone camera cannot
// find the finder patterns against the dark bezel of a customer display.
const QUIET_ZONE_MODULES = 4;
// Level M restores about 15% of damaged modules, enough for glare, a smudged screen and moiré
// between the display's pixels and the camera's. A higher level would make a ~250-character QRIS
// payload a denser symbol with smaller modules, harder to scan from across the counter.
const ERROR_CORRECTION = 'M';
// Four pixels a module: the display scales the image up nearest-neighbour (CSS
// image-rendering: pixelated), so modules stay crisp squares at any size, and every extra pixel
// drawn here is time on the path to "QR ready" (a 512 px image took three times as long).
const PIXELS_PER_MODULE = 4;

/**
 * The QR images of this till's orders, kept on disk so the customer display can show the code
 * with no network once the charge has answered, and again after a restart mid-sale.
 *
 * Files are `<orderId>.gateway.png` (the gateway's own image, checked before it is kept) and
 * `<orderId>.local.png` (drawn here from the qr_string). Every write is atomic: a reader sees the
 * previous image or the new one, never half of one.
 *
 * Order ids are used as file names as they are. On a case-insensitive filesystem (Windows, macOS)
 * ids that differ only in case share files, so the till must not issue such ids.
 */
export class QrStore {
  readonly dir: string;
  readonly maxBytes: number;
  readonly #clock: Clock;

  constructor(options: QrStoreOptions) {
    if (typeof options.dir !== 'string' || options.dir === '') {
      throw new TypeError('QrStore needs a directory');
    }
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_QR_BYTES;
    if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
      throw new RangeError('QrStore maxBytes must be a positive integer');
    }
    this.dir = resolve(options.dir);
    this.maxBytes = maxBytes;
    this.#clock = options.clock ?? systemClock;
  }

  /** Creates the directory. Optional: every write does it first. */
  async init(): Promise<void> {
    // Not memoised: a directory removed while the till runs (a cleanup tool) is simply made again.
    await mkdir(this.dir, { recursive: true });
  }

  pathFor(orderId: string, source: QrSource): string {
    return join(this.dir, imageName(orderId, source));
  }

  /**
   * Keeps the gateway's QR image. Throws QrImageError, writing nothing, for anything that is not
   * a complete PNG of plausible size; the caller then draws one locally from the qr_string.
   */
  async saveDownloaded(orderId: string, png: Uint8Array): Promise<string> {
    const name = imageName(orderId, 'gateway');
    // A private copy, so the bytes written are the bytes checked even if the caller reuses its buffer.
    const bytes = Uint8Array.from(png);
    checkQrPng(bytes, this.maxBytes);
    await this.init();
    return writeFileAtomic(join(this.dir, name), bytes, { tempStem: orderId });
  }

  /** Draws the qr_string (an EMVCo payload) as a PNG and keeps it. */
  async drawLocal(orderId: string, qrString: string): Promise<string> {
    const name = imageName(orderId, 'local');
    if (typeof qrString !== 'string' || qrString === '') {
      throw new TypeError('qrString must be a non-empty string');
    }
    const png = await renderQrPng(qrString);
    await this.init();
    return writeFileAtomic(join(this.dir, name), png, { tempStem: orderId });
  }

  /** Removes both images of an order; missing ones are fine. A save still in flight lands afterwards. */
  async remove(orderId: string): Promise<void> {
    const paths = [this.pathFor(orderId, 'gateway'), this.pathFor(orderId, 'local')];
    await Promise.all(paths.map((path) => rm(path, { force: true })));
  }

  /**
   * Deletes images of orders not in `keep` last written before now - olderThanMs, and temp files
   * a crash left behind. Anything not named like this store's files is left alone, so a
   * misconfigured directory costs nothing but disk space.
   */
  async prune(options: PruneOptions): Promise<{ removed: number }> {
    const { keep, olderThanMs } = options;
    if (!Number.isFinite(olderThanMs) || olderThanMs < 0) {
      throw new RangeError('olderThanMs must be a finite, non-negative number of milliseconds');
    }
    const now = this.#clock.now();
    let entries;
    try {
      entries = await readdir(this.dir, { withFileTypes: true });
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { removed: 0 };
      throw error;
    }
    let removed = 0;
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      let cutoff: number;
      const image = FILE_PATTERN.exec(entry.name);
      if (image) {
        const orderId = image[1] ?? '';
        if (keep.has(orderId) || !isOrderId(orderId)) continue;
        cutoff = now - olderThanMs;
      } else if (TEMP_FILE_PATTERN.test(entry.name)) {
        cutoff = now - STALE_TEMP_MS;
      } else {
        continue;
      }
      if (await this.#removeIfOlder(join(this.dir, entry.name), cutoff)) removed++;
    }
    return { removed };
  }

  async #removeIfOlder(path: string, cutoff: number): Promise<boolean> {
    try {
      const stats = await lstat(path);
      if (!stats.isFile() || stats.mtimeMs >= cutoff) return false;
      await unlink(path);
      return true;
    } catch (error) {
      // Gone already (removed or replaced meanwhile), or held open on Windows: the next prune retries.
      if (PRUNE_SKIP_CODES.has(errorCode(error) ?? '')) return false;
      throw error;
    }
  }
}

const PRUNE_SKIP_CODES = new Set(['ENOENT', 'EBUSY', 'EPERM', 'EACCES']);

function isOrderId(orderId: string): boolean {
  return (
    orderId.length <= ORDER_ID_MAX_LENGTH &&
    ORDER_ID_PATTERN.test(orderId) &&
    orderId !== '.' &&
    orderId !== '..' &&
    !WINDOWS_DEVICE_NAME.test(orderId)
  );
}

function checkOrderId(orderId: string): void {
  if (typeof orderId !== 'string' || !isOrderId(orderId)) {
    throw new TypeError(
      `orderId must be 1..${ORDER_ID_MAX_LENGTH} characters of A-Z a-z 0-9 - _ ~ . and usable as a file name`,
    );
  }
}

function imageName(orderId: string, source: QrSource): string {
  checkOrderId(orderId);
  if (source !== 'gateway' && source !== 'local') {
    throw new TypeError(`QR source must be 'gateway' or 'local'`);
  }
  return `${orderId}.${source}.png`;
}

/**
 * qrcode hands these to pngjs. PNG row filters shrink the file (5 KB instead of some tens of KB,
 * which a local disk does not notice), but trying all five on every row was most of the drawing
 * time, and the QR sits on the path to "QR ready". Declared apart because @types/qrcode lists
 * only the deflate options.
 */
const PNG_ENCODING: { deflateLevel: number; filterType: number } = { deflateLevel: 9, filterType: 0 };

async function renderQrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: QUIET_ZONE_MODULES,
    scale: PIXELS_PER_MODULE,
    rendererOpts: PNG_ENCODING,
  });
}
