/**
 * The app icons in build/: exactly what build/make-icons.ts draws (so the committed files and the
 * drawing cannot part ways), PNGs of the sizes they are named for, and a Windows .ico that a
 * reader of the format finds whole: 32-bit bitmaps below 256, a PNG at 256.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ICO_SIZES, iconFiles, LINUX_SIZES, MASTER_SIZE } from '../../build/make-icons.ts';

const buildDir = join(import.meta.dirname, '../../build');
let drawn: Map<string, Buffer>;

beforeAll(() => {
  drawn = iconFiles();
}, 30_000);

const pixel = (png: PNG, x: number, y: number) => [
  ...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4),
];

describe('build/ icons', () => {
  it('are the committed output of npm run icons, byte for byte', () => {
    expect([...drawn.keys()].sort()).toEqual(
      [...LINUX_SIZES.map((n) => `icons/${n}x${n}.png`), 'icon.png', 'icon.ico'].sort(),
    );
    for (const [path, bytes] of drawn)
      expect(readFileSync(join(buildDir, path)).equals(bytes), path).toBe(true);
  });

  it('are square PNGs of their size: transparent corners, a green tile, a white card, dark modules', () => {
    for (const size of [...LINUX_SIZES, MASTER_SIZE]) {
      const file = size === MASTER_SIZE ? 'icon.png' : `icons/${size}x${size}.png`;
      const png = PNG.sync.read(readFileSync(join(buildDir, file)));
      expect([png.width, png.height], file).toEqual([size, size]);
      expect(pixel(png, 0, 0)[3], file).toBe(0);
      expect(pixel(png, Math.floor(size * 0.1), Math.floor(size / 2)), file).toEqual([0, 170, 19, 255]);
      expect(pixel(png, Math.floor(size * 0.255), Math.floor(size / 2)), file).toEqual([255, 255, 255, 255]);
      // The middle of the glyph's top-left module (nine modules from 48 px up, three below).
      const module = Math.floor(size * (size < 48 ? 0.3733 : 0.2956));
      expect(pixel(png, module, module), file).toEqual([16, 42, 35, 255]);
    }
  });

  it('has a whole .ico: 16 to 128 as 32-bit bitmaps, 256 as PNG, each the same drawing', () => {
    const ico = readFileSync(join(buildDir, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length]);
    ICO_SIZES.forEach((size, index) => {
      const entry = 6 + index * 16;
      expect([ico[entry], ico[entry + 1]]).toEqual([size % 256, size % 256]);
      expect(ico.readUInt16LE(entry + 6)).toBe(32);
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const image = ico.subarray(offset, offset + length);
      const reference = PNG.sync.read(drawn.get(`icons/${size}x${size}.png`)!);
      if (size >= 256) {
        expect(PNG.sync.read(image).data.equals(reference.data)).toBe(true);
        return;
      }
      // BITMAPINFOHEADER: 40 bytes, the height counting the AND mask, 32 bits, uncompressed.
      expect([
        image.readUInt32LE(0),
        image.readInt32LE(4),
        image.readInt32LE(8),
        image.readUInt16LE(14),
      ]).toEqual([40, size, size * 2, 32]);
      expect(image.readUInt32LE(16)).toBe(0);
      expect(length).toBe(40 + size * size * 4 + Math.ceil(size / 32) * 4 * size);
      // Bottom-up BGRA: the first stored row is the drawing's last.
      const x = Math.floor(size / 2);
      const stored = image.subarray(40 + x * 4, 40 + x * 4 + 4);
      const [r, g, b, a] = pixel(reference, x, size - 1);
      expect([...stored]).toEqual([b, g, r, a]);
    });
  });
});
