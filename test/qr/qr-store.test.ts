import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../main/clock.ts';
import { DEFAULT_MAX_QR_BYTES } from '../../main/midtrans/client.ts';
import { QrImageError, QrStore } from '../../main/qr/qr-store.ts';
import type { QrImageErrorReason } from '../../main/qr/qr-store.ts';
import {
  decodeQr,
  listDir,
  makeTempDir,
  pngSize,
  qrisPayload,
  qrPng,
  removeTempDirs,
  withIhdrSize,
  withPadding,
} from './helpers.ts';

afterEach(removeTempDirs);

const HOUR = 3_600_000;

function newStore(options: { maxBytes?: number; clock?: ManualClock } = {}): { store: QrStore; dir: string } {
  const dir = join(makeTempDir(), 'qr');
  return { store: new QrStore({ dir, ...options }), dir };
}

async function refusal(promise: Promise<unknown>): Promise<QrImageErrorReason> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(QrImageError);
  return (error as QrImageError).reason;
}

describe('QrStore.saveDownloaded', () => {
  it('keeps a real PNG byte for byte under <orderId>.gateway.png and returns its absolute path', async () => {
    const { store, dir } = newStore();
    const png = await qrPng(qrisPayload());
    const path = await store.saveDownloaded('TOKO-0001', png);
    expect(path).toBe(join(dir, 'TOKO-0001.gateway.png'));
    expect(path).toBe(store.pathFor('TOKO-0001', 'gateway'));
    expect(readFileSync(path).equals(png)).toBe(true);
    expect(listDir(dir)).toEqual(['TOKO-0001.gateway.png']);
  });

  it('creates the directory, nested, on first use, and answers absolute paths for a relative dir', async () => {
    const root = makeTempDir();
    const store = new QrStore({ dir: relative(process.cwd(), join(root, 'a', 'b')) });
    expect(existsSync(join(root, 'a'))).toBe(false);
    const path = await store.saveDownloaded('TOKO-0002', await qrPng('x'));
    expect(isAbsolute(path)).toBe(true);
    expect(path).toBe(join(root, 'a', 'b', 'TOKO-0002.gateway.png'));
  });

  it('replaces an earlier image of the same order', async () => {
    const { store } = newStore();
    await store.saveDownloaded('TOKO-0003', await qrPng('first'));
    const second = await qrPng('second');
    const path = await store.saveDownloaded('TOKO-0003', second);
    expect(readFileSync(path).equals(second)).toBe(true);
  });

  it('does not keep a reference to the caller’s buffer', async () => {
    const { store } = newStore();
    const png = await qrPng(qrisPayload());
    const copy = Buffer.from(png);
    const saving = store.saveDownloaded('TOKO-0004', png);
    png.fill(0);
    expect(readFileSync(await saving).equals(copy)).toBe(true);
  });

  it('accepts exactly maxBytes and refuses one byte more', async () => {
    const png = await qrPng('boundary');
    const { store } = newStore({ maxBytes: png.length });
    await store.saveDownloaded('TOKO-0005', png);
    const { store: smaller, dir } = newStore({ maxBytes: png.length - 1 });
    expect(await refusal(smaller.saveDownloaded('TOKO-0005', png))).toBe('too-large');
    expect(existsSync(dir)).toBe(false);
  });

  it('defaults maxBytes to the client’s QR download limit', async () => {
    const { store, dir } = newStore();
    expect(store.maxBytes).toBe(DEFAULT_MAX_QR_BYTES);
    const png = await qrPng('big');
    const atLimit = withPadding(png, DEFAULT_MAX_QR_BYTES - png.length - 12);
    expect(atLimit.length).toBe(DEFAULT_MAX_QR_BYTES);
    await store.saveDownloaded('TOKO-0006', atLimit);
    expect(await refusal(store.saveDownloaded('TOKO-0007', withPadding(png, DEFAULT_MAX_QR_BYTES)))).toBe(
      'too-large',
    );
    expect(listDir(dir)).toEqual(['TOKO-0006.gateway.png']);
  });

  describe('refuses what is not a whole, plausible PNG and writes nothing', () => {
    const cases: [string, (png: Buffer) => Uint8Array, QrImageErrorReason][] = [
      ['zero bytes', () => new Uint8Array(0), 'empty'],
      ['text', () => Buffer.from('<html>502 Bad Gateway</html>'), 'not-png'],
      [
        'a JPEG',
        () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]),
        'not-png',
      ],
      ['the signature alone', (png) => png.subarray(0, 8), 'not-png'],
      ['a signature cut short', (png) => png.subarray(0, 5), 'not-png'],
      ['cut inside IHDR', (png) => png.subarray(0, 20), 'not-png'],
      ['cut in half', (png) => png.subarray(0, Math.floor(png.length / 2)), 'not-png'],
      ['missing IEND', (png) => png.subarray(0, png.length - 12), 'not-png'],
      ['missing the last byte', (png) => png.subarray(0, png.length - 1), 'not-png'],
      ['a flipped bit in the image data', (png) => flipByte(png, png.length - 20), 'not-png'],
      [
        'a lower-case signature',
        (png) => Buffer.concat([Buffer.from('\x89png\r\n\x1a\n', 'latin1'), png.subarray(8)]),
        'not-png',
      ],
      ['a first chunk other than IHDR', (png) => withoutIhdr(png), 'not-png'],
      ['zero width', (png) => withIhdrSize(png, 0, 100), 'bad-dimensions'],
      ['zero height', (png) => withIhdrSize(png, 100, 0), 'bad-dimensions'],
      ['4097 pixels wide', (png) => withIhdrSize(png, 4097, 100), 'bad-dimensions'],
      ['2^32-1 pixels high', (png) => withIhdrSize(png, 100, 0xffffffff), 'bad-dimensions'],
      ['over the size limit', (png) => withPadding(png, 8_000), 'too-large'],
    ];

    it.each(cases)('%s', async (_name, mangle, reason) => {
      const { store, dir } = newStore({ maxBytes: 8_000 });
      await store.init();
      const png = await qrPng(qrisPayload());
      expect(png.length).toBeLessThan(8_000);
      expect(await refusal(store.saveDownloaded('TOKO-0010', mangle(png)))).toBe(reason);
      expect(listDir(dir)).toEqual([]);
    });

    it('and leaves an earlier good image as it was', async () => {
      const { store, dir } = newStore();
      const good = await qrPng(qrisPayload());
      const path = await store.saveDownloaded('TOKO-0011', good);
      expect(await refusal(store.saveDownloaded('TOKO-0011', good.subarray(0, 100)))).toBe('not-png');
      expect(readFileSync(path).equals(good)).toBe(true);
      expect(listDir(dir)).toEqual(['TOKO-0011.gateway.png']);
    });

    it('but accepts the 4096-pixel limit and trailing bytes after IEND', async () => {
      const { store } = newStore();
      const png = await qrPng('x');
      await store.saveDownloaded('TOKO-0012', withIhdrSize(png, 4096, 4096));
      await store.saveDownloaded('TOKO-0013', Buffer.concat([png, Buffer.from([0, 0, 0])]));
    });
  });
});

describe('order ids are file names', () => {
  const refused = [
    '',
    '.',
    '..',
    // Dots only is no order id anywhere (it would be a path step in the gateway's URLs).
    '...',
    '../x',
    '../../etc/passwd',
    'a/b',
    'a\\b',
    '/abs',
    'C:x',
    'a b',
    'a\0b',
    'x'.repeat(51),
    'NUL',
    'con',
    'Com1.x',
    'lpt9',
  ];
  const accepted = ['TOKO-0001', 'a.b~c_d-e', '.hidden', 'x'.repeat(50), 'CONSOLE', 'NULL-1'];

  it.each(refused)('refuses %j everywhere, writing nothing', async (orderId) => {
    const { store, dir } = newStore();
    await store.init();
    const png = await qrPng('x');
    expect(() => store.pathFor(orderId, 'gateway')).toThrow(TypeError);
    await expect(store.saveDownloaded(orderId, png)).rejects.toThrow(TypeError);
    await expect(store.drawLocal(orderId, 'x')).rejects.toThrow(TypeError);
    await expect(store.remove(orderId)).rejects.toThrow(TypeError);
    expect(listDir(dir)).toEqual([]);
  });

  it.each(accepted)('accepts %j', async (orderId) => {
    const { store, dir } = newStore();
    const path = await store.saveDownloaded(orderId, await qrPng('x'));
    expect(path).toBe(join(dir, `${orderId}.gateway.png`));
    expect(listDir(dir)).toEqual([`${orderId}.gateway.png`]);
  });

  it('refuses a source other than gateway or local', () => {
    const { store } = newStore();
    expect(() => store.pathFor('TOKO-0001', 'other' as 'local')).toThrow(TypeError);
  });

  it('refuses a bad directory or size limit at construction', () => {
    expect(() => new QrStore({ dir: '' })).toThrow(TypeError);
    expect(() => new QrStore({ dir: makeTempDir(), maxBytes: 0 })).toThrow(RangeError);
    expect(() => new QrStore({ dir: makeTempDir(), maxBytes: 1.5 })).toThrow(RangeError);
  });
});

describe('QrStore.drawLocal', () => {
  it('draws a QRIS payload that decodes back to exactly the same string', async () => {
    const { store, dir } = newStore();
    const qrString = qrisPayload(1_250_000);
    expect(qrString.length).toBeGreaterThan(200);
    const path = await store.drawLocal('TOKO-0020', qrString);
    expect(path).toBe(join(dir, 'TOKO-0020.local.png'));
    expect(path).toBe(store.pathFor('TOKO-0020', 'local'));
    const png = readFileSync(path);
    expect(decodeQr(png)).toBe(qrString);
    const { width, height } = pngSize(png);
    expect(width).toBe(height);
    // Four pixels a module, quiet zone included: the display scales it up pixel-exact.
    expect(width % 4).toBe(0);
    // A whole QR symbol (21 + 4v modules) inside a four-module quiet zone. Which version a payload
    // needs varies with its digits (the random reference Midtrans puts in tag 62 changes how it packs), so no one version.
    const modules = width / 4 - 8;
    expect(modules).toBeGreaterThanOrEqual(21);
    expect((modules - 21) % 4).toBe(0);
    expect(listDir(dir)).toEqual(['TOKO-0020.local.png']);
  });

  it('leaves a quiet zone of at least four modules of white around the symbol', async () => {
    const { store } = newStore();
    const png = readFileSync(await store.drawLocal('TOKO-0021', qrisPayload()));
    // The symbol's top-left finder pattern starts where the first dark pixel of row/column lies.
    const image = PNG.sync.read(png);
    const dark = (x: number, y: number): boolean => (image.data[(y * image.width + x) * 4] ?? 255) < 128;
    let margin = 0;
    while (!dark(margin, margin)) margin++;
    // The finder pattern is 7 modules wide: its dark run on that row gives the module size.
    let run = 0;
    while (dark(margin + run, margin)) run++;
    expect(run % 7).toBe(0);
    expect(margin / (run / 7)).toBe(4);
  });

  it('replaces an earlier local image, and keeps the gateway image beside it', async () => {
    const { store, dir } = newStore();
    const gateway = await qrPng(qrisPayload());
    await store.saveDownloaded('TOKO-0022', gateway);
    await store.drawLocal('TOKO-0022', 'first');
    const path = await store.drawLocal('TOKO-0022', 'second');
    expect(decodeQr(readFileSync(path))).toBe('second');
    expect(readFileSync(store.pathFor('TOKO-0022', 'gateway')).equals(gateway)).toBe(true);
    expect(listDir(dir)).toEqual(['TOKO-0022.gateway.png', 'TOKO-0022.local.png']);
  });

  it('refuses an empty qr_string', async () => {
    const { store } = newStore();
    await expect(store.drawLocal('TOKO-0023', '')).rejects.toThrow(TypeError);
  });
});

describe('a write that fails', () => {
  it('when the destination is a directory, leaves it, the other image, and no temp file', async () => {
    const { store, dir } = newStore();
    const gateway = await qrPng(qrisPayload());
    await store.saveDownloaded('TOKO-0030', gateway);
    mkdirSync(join(dir, 'TOKO-0030.local.png'));
    writeFileSync(join(dir, 'TOKO-0030.local.png', 'inside'), 'x');
    await expect(store.drawLocal('TOKO-0030', qrisPayload())).rejects.toThrow();
    expect(readFileSync(join(dir, 'TOKO-0030.local.png', 'inside'), 'utf8')).toBe('x');
    expect(readFileSync(store.pathFor('TOKO-0030', 'gateway')).equals(gateway)).toBe(true);
    expect(listDir(dir)).toEqual(['TOKO-0030.gateway.png', 'TOKO-0030.local.png']);
  });
});

describe('QrStore.remove', () => {
  it('removes both images of one order and nothing else; missing ones are fine', async () => {
    const { store, dir } = newStore();
    await store.saveDownloaded('TOKO-0040', await qrPng('a'));
    await store.drawLocal('TOKO-0040', 'a');
    await store.drawLocal('TOKO-0041', 'b');
    await store.remove('TOKO-0040');
    expect(listDir(dir)).toEqual(['TOKO-0041.local.png']);
    await store.remove('TOKO-0040');
    await new QrStore({ dir: join(dir, 'never-made') }).remove('TOKO-0040');
  });
});

describe('QrStore.prune', () => {
  function age(path: string, ms: number): void {
    const when = new Date(Date.now() - ms);
    utimesSync(path, when, when);
  }

  it('removes old images of orders not kept, and temp files a crash left, and nothing else', async () => {
    const clock = new ManualClock(Date.now());
    const { store, dir } = newStore({ clock });
    const png = await qrPng('x');
    const oldGone = await store.saveDownloaded('OLD-GONE', png);
    const oldGoneLocal = await store.drawLocal('OLD-GONE', 'x');
    const oldKept = await store.saveDownloaded('OLD-KEPT', png);
    await store.saveDownloaded('FRESH', png);
    for (const path of [oldGone, oldGoneLocal, oldKept]) age(path, 3 * HOUR);

    const staleTemp = join(dir, '.OLD-GONE.0123456789abcdef.tmp');
    const freshTemp = join(dir, '.FRESH.fedcba9876543210.tmp');
    writeFileSync(staleTemp, 'half a png');
    writeFileSync(freshTemp, 'a write in progress');
    age(staleTemp, 2 * 60_000);

    // Named almost like the store's own files, old, and never to be touched.
    const foreign = [
      'notes.txt',
      'OLD.gateway.jpg',
      'OLD.png',
      'OLD.remote.png',
      '.OLD.xyz.tmp',
      'a b.gateway.png',
      'OLD.gateway.png.bak',
    ];
    for (const name of foreign) {
      writeFileSync(join(dir, name), 'not mine');
      age(join(dir, name), 30 * 24 * HOUR);
    }
    mkdirSync(join(dir, 'DIR.gateway.png'));
    age(join(dir, 'DIR.gateway.png'), 30 * 24 * HOUR);

    expect(await store.prune({ keep: new Set(['OLD-KEPT']), olderThanMs: 2 * HOUR })).toEqual({ removed: 3 });
    expect(listDir(dir)).toEqual(
      [
        ...foreign,
        '.FRESH.fedcba9876543210.tmp',
        'DIR.gateway.png',
        'FRESH.gateway.png',
        'OLD-KEPT.gateway.png',
      ].sort(),
    );
  });

  it('reads age from the injected clock', async () => {
    const clock = new ManualClock(Date.now());
    const { store, dir } = newStore({ clock });
    await store.saveDownloaded('A-1', await qrPng('x'));
    writeFileSync(join(dir, '.A-1.0123456789abcdef.tmp'), 'x');
    expect(await store.prune({ keep: new Set(), olderThanMs: HOUR })).toEqual({ removed: 0 });
    clock.advance(HOUR + 1_000);
    expect(await store.prune({ keep: new Set(), olderThanMs: HOUR })).toEqual({ removed: 2 });
    expect(listDir(dir)).toEqual([]);
  });

  it('with olderThanMs 0 removes every unkept image but a temp file younger than a minute', async () => {
    const clock = new ManualClock(Date.now() + 1_000);
    const { store, dir } = newStore({ clock });
    await store.saveDownloaded('A-1', await qrPng('x'));
    await store.saveDownloaded('A-2', await qrPng('x'));
    writeFileSync(join(dir, '.A-1.0123456789abcdef.tmp'), 'x');
    expect(await store.prune({ keep: new Set(['A-2']), olderThanMs: 0 })).toEqual({ removed: 1 });
    expect(listDir(dir)).toEqual(['.A-1.0123456789abcdef.tmp', 'A-2.gateway.png']);
  });

  it('is a no-op before the directory exists, and refuses a negative age', async () => {
    const { store } = newStore();
    expect(await store.prune({ keep: new Set(), olderThanMs: 0 })).toEqual({ removed: 0 });
    await expect(store.prune({ keep: new Set(), olderThanMs: -1 })).rejects.toThrow(RangeError);
    await expect(store.prune({ keep: new Set(), olderThanMs: Number.NaN })).rejects.toThrow(RangeError);
  });
});

describe('concurrent writes', () => {
  it('of one order end with one whole image, from one of the writers, and no temp file', async () => {
    const { store, dir } = newStore();
    const texts = Array.from({ length: 12 }, (_, i) => qrisPayload(10_000 + i));
    const pngs = await Promise.all(texts.map(qrPng));
    const paths = await Promise.all(pngs.map((png) => store.saveDownloaded('TOKO-0050', png)));
    expect(new Set(paths)).toEqual(new Set([store.pathFor('TOKO-0050', 'gateway')]));
    const kept = readFileSync(store.pathFor('TOKO-0050', 'gateway'));
    const winner = pngs.findIndex((png) => png.equals(kept));
    expect(winner).toBeGreaterThanOrEqual(0);
    expect(decodeQr(kept)).toBe(texts[winner]);
    expect(listDir(dir)).toEqual(['TOKO-0050.gateway.png']);
  });

  it('of local drawings of one order end with one decodable image', async () => {
    const { store, dir } = newStore();
    const texts = Array.from({ length: 8 }, (_, i) => qrisPayload(20_000 + i));
    await Promise.all(texts.map((text) => store.drawLocal('TOKO-0051', text)));
    expect(texts).toContain(decodeQr(readFileSync(store.pathFor('TOKO-0051', 'local'))));
    expect(listDir(dir)).toEqual(['TOKO-0051.local.png']);
  });
});

function flipByte(png: Buffer, at: number): Buffer {
  const out = Buffer.from(png);
  out[at] = (out[at] ?? 0) ^ 0xff;
  return out;
}

function withoutIhdr(png: Buffer): Buffer {
  // Signature, then everything after the 25-byte IHDR chunk.
  return Buffer.concat([png.subarray(0, 8), png.subarray(8 + 25)]);
}
