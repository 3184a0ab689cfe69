/**
 * `npm run icons`: draws the app icon and writes the files electron-builder packages:
 * build/icons/<n>x<n>.png (Linux, 16–512), build/icon.png (1024, the master) and build/icon.ico
 * (Windows: 16–128 as 32-bit bitmaps, which every Windows tool and NSIS read, and 256 as PNG).
 *
 * The design is a GoPay-green tile with a white card holding a QR-like glyph; below 48 pixels the
 * glyph is a single finder square, since nine modules cannot be told apart at 16 or 24. Drawing
 * is plain code over pngjs (4×4 supersampling for the edges), so the output is the same bytes on
 * every machine: test/shell/icons.test.ts redraws them and compares with the committed files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
export const MASTER_SIZE = 1024;

type Rgba = readonly [number, number, number, number];
const GREEN: Rgba = [0, 170, 19, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const INK: Rgba = [16, 42, 35, 255];

/** A shape: whether a point of the unit square is inside it. */
type Shape = (x: number, y: number) => boolean;

function roundedRect(left: number, top: number, right: number, bottom: number, radius: number): Shape {
  return (x, y) => {
    if (x < left || x > right || y < top || y > bottom) return false;
    const cx = Math.min(Math.max(x, left + radius), right - radius);
    const cy = Math.min(Math.max(y, top + radius), bottom - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
}

/** Nine by nine modules, three finder squares at the corners: reads as a QR at a glance. */
const QR_MODULES = [
  '###.#.###',
  '#.#...#.#',
  '###.#.###',
  '...##....',
  '#.##.#.#.',
  '..#..##..',
  '###.#..#.',
  '#.#..##.#',
  '###.#.#..',
];
/** A single finder square for the small sizes. */
const SMALL_MODULES = ['###', '#.#', '###'];

function modules(rows: readonly string[], left: number, top: number, side: number): Shape {
  const count = rows.length;
  const step = side / count;
  return (x, y) => {
    const column = Math.floor((x - left) / step);
    const row = Math.floor((y - top) / step);
    if (row < 0 || row >= count || column < 0 || column >= count) return false;
    return rows[row]?.[column] === '#';
  };
}

function layers(size: number): [Shape, Rgba][] {
  const small = size < 48;
  const glyph = small ? modules(SMALL_MODULES, 0.31, 0.31, 0.38) : modules(QR_MODULES, 0.27, 0.27, 0.46);
  return [
    [roundedRect(0.03, 0.03, 0.97, 0.97, 0.2), GREEN],
    [small ? roundedRect(0.2, 0.2, 0.8, 0.8, 0.1) : roundedRect(0.19, 0.19, 0.81, 0.81, 0.08), WHITE],
    [glyph, INK],
  ];
}

/** The icon at one size, as RGBA pixels. */
export function drawIcon(size: number): PNG {
  const png = new PNG({ width: size, height: size });
  const shapes = layers(size);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          // The topmost shape that covers the sample gives its colour (premultiplied sum).
          const hit = shapes.findLast(([inside]) => inside(x, y));
          if (hit === undefined) continue;
          const [r, g, b, a] = hit[1];
          sum[0]! += (r * a) / 255;
          sum[1]! += (g * a) / 255;
          sum[2]! += (b * a) / 255;
          sum[3]! += a;
        }
      }
      const n = samples * samples;
      const alpha = sum[3]! / n;
      const at = (py * size + px) * 4;
      png.data[at] = alpha === 0 ? 0 : Math.round((sum[0]! / n) * (255 / alpha));
      png.data[at + 1] = alpha === 0 ? 0 : Math.round((sum[1]! / n) * (255 / alpha));
      png.data[at + 2] = alpha === 0 ? 0 : Math.round((sum[2]! / n) * (255 / alpha));
      png.data[at + 3] = Math.round(alpha);
    }
  }
  return png;
}

export function pngBytes(size: number): Buffer {
  return PNG.sync.write(drawIcon(size), { colorType: 6 });
}

/** One ICO image as a 32-bit BGRA bitmap (bottom-up rows) with an all-clear AND mask. */
function bitmapEntry(size: number): Buffer {
  const { data } = drawIcon(size);
  const maskRow = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  // Height counts the colour rows and the mask rows.
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskRow * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = data[from + 2]!;
      pixels[to + 1] = data[from + 1]!;
      pixels[to + 2] = data[from]!;
      pixels[to + 3] = data[from + 3]!;
    }
  }
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

export function icoBytes(): Buffer {
  const images = ICO_SIZES.map((size) => (size >= 256 ? pngBytes(size) : bitmapEntry(size)));
  const head = Buffer.alloc(6);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map((image, index) => {
    const size = ICO_SIZES[index]!;
    const entry = Buffer.alloc(16);
    // 0 stands for 256 in the one-byte width and height.
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(image.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += image.length;
    return entry;
  });
  return Buffer.concat([head, ...entries, ...images]);
}

/** Every file this writes, by path relative to the build folder. */
export function iconFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const size of LINUX_SIZES) files.set(`icons/${size}x${size}.png`, pngBytes(size));
  files.set('icon.png', pngBytes(MASTER_SIZE));
  files.set('icon.ico', icoBytes());
  return files;
}

if (import.meta.main) {
  const buildDir = fileURLToPath(new URL('./', import.meta.url));
  mkdirSync(join(buildDir, 'icons'), { recursive: true });
  for (const [path, bytes] of iconFiles()) writeFileSync(join(buildDir, path), bytes);
  console.log(`icons written to ${buildDir} (icons/*.png, icon.png, icon.ico)`);
}
