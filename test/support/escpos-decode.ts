/**
 * Reads ESC/POS bytes back as the paper would show them: text lines laid out by the print
 * positions and margins the bytes set, plus the events that print nothing (cut, drawer pulse,
 * status requests, images). Tests assert on these lines at both widths.
 *
 * It knows the commands our renderer (receiptline's generic and Epson sets) and our own raw
 * builders write. Anything else — an unknown command or a stray control byte — is an error with
 * its offset, so a byte that should never reach a printer fails the test instead of vanishing.
 */

export type EscPosEvent =
  | { type: 'init'; offset: number }
  | { type: 'cut'; offset: number; partial: boolean }
  | { type: 'drawer'; offset: number; pin: 2 | 5; onMs: number; offMs: number }
  | { type: 'drawer-realtime'; offset: number; pin: 2 | 5; units: number }
  | { type: 'status-request'; offset: number; n: number }
  | { type: 'transmit-status'; offset: number; n: number }
  | { type: 'codepage'; offset: number; n: number }
  | { type: 'image'; offset: number; width: number; height: number }
  | { type: 'qr'; offset: number }
  | { type: 'barcode'; offset: number };

export interface DecodedRow {
  text: string;
  bold: boolean;
  inverted: boolean;
  underline: boolean;
  /** 2 for a double-height line. */
  height: number;
}

export interface DecodedPaper {
  lines: string[];
  rows: DecodedRow[];
  events: EscPosEvent[];
  /** Bytes 0x80–0xFF met as text: with an ASCII-only renderer these mean garbage on paper. */
  highBytes: number;
}

export class EscPosDecodeError extends Error {
  readonly offset: number;
  constructor(offset: number, what: string) {
    super(`${what} at byte ${offset}`);
    this.name = 'EscPosDecodeError';
    this.offset = offset;
  }
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const LF = 0x0a;

// Commands with a fixed number of parameter bytes after the command letter.
const ESC_FIXED: Readonly<Record<string, number>> = {
  '@': 0,
  a: 1,
  M: 1,
  ' ': 1,
  '3': 1,
  '2': 0,
  '{': 1,
  '-': 1,
  E: 1,
  G: 1,
  t: 1,
  $: 2,
  '\\': 2,
  p: 3,
  d: 1,
  J: 1,
  '!': 1,
  R: 1,
  V: 1,
  U: 1,
  c: 2,
};
const GS_FIXED: Readonly<Record<string, number>> = {
  a: 1,
  '!': 1,
  B: 1,
  L: 2,
  W: 2,
  r: 1,
  w: 1,
  h: 1,
  H: 1,
  f: 1,
  P: 2,
  b: 1,
};
const FS_FIXED: Readonly<Record<string, number>> = { C: 1, '.': 0, '&': 0, '-': 1, S: 2 };

interface Cell {
  ch: string;
  bold: boolean;
  inverted: boolean;
  underline: boolean;
  tall: boolean;
}

export function decodeEscPos(input: Uint8Array | Buffer): DecodedPaper {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const rows: DecodedRow[] = [];
  const events: EscPosEvent[] = [];
  let highBytes = 0;

  let codepage = 0;
  let charDots = 12;
  let left = 0;
  let x = 0;
  let align = 0;
  let positioned = false;
  let bold = false;
  let inverted = false;
  let underline = false;
  let scaleW = 1;
  let scaleH = 1;
  let cells: (Cell | undefined)[] = [];

  const flush = () => {
    let used = cells.length;
    while (used > 0 && (cells[used - 1] === undefined || cells[used - 1]?.ch === ' ')) used--;
    // Array.from fills the holes left by print positions, which map() and some() would skip.
    let lineCells = Array.from(cells.slice(0, used));
    if (!positioned && align !== 0) {
      const shift = Math.max(0, Math.floor(((48 * 12) / charDots - used) / (align === 1 ? 2 : 1)));
      lineCells = [...Array<undefined>(shift).fill(undefined), ...lineCells];
    }
    const present = lineCells.filter((c): c is Cell => c !== undefined && c.ch !== ' ');
    rows.push({
      text: lineCells.map((c) => c?.ch ?? ' ').join(''),
      bold: present.some((c) => c.bold),
      inverted: lineCells.some((c) => c?.inverted === true),
      underline: present.some((c) => c.underline),
      height: lineCells.some((c) => c?.tall === true) ? 2 : 1,
    });
    cells = [];
    x = 0;
    positioned = false;
  };

  const put = (ch: string) => {
    const col = Math.round((left + x) / charDots);
    const style = { bold, inverted, underline, tall: scaleH > 1 };
    cells[col] = { ch, ...style };
    for (let k = 1; k < scaleW; k++) cells[col + k] = { ch: ' ', ...style };
    x += charDots * scaleW;
  };

  const u16 = (at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
  const need = (at: number, count: number, what: string) => {
    if (at + count > bytes.length) throw new EscPosDecodeError(at, `${what} is cut short`);
  };

  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const at = i;
    if (b === LF) {
      flush();
      i++;
    } else if (b === 0x0d) {
      i++;
    } else if (b >= 0x20 && b < 0x7f) {
      put(String.fromCharCode(b));
      i++;
    } else if (b >= 0x80) {
      highBytes++;
      put('\ufffd');
      i++;
    } else if (b === ESC) {
      const letter = String.fromCharCode(bytes[i + 1] ?? 0);
      const n = ESC_FIXED[letter];
      if (n === undefined)
        throw new EscPosDecodeError(at, `unknown command ESC 0x${(bytes[i + 1] ?? 0).toString(16)}`);
      need(i, 2 + n, `ESC ${letter}`);
      const p = bytes.subarray(i + 2, i + 2 + n);
      switch (letter) {
        case '@':
          events.push({ type: 'init', offset: at });
          bold = inverted = underline = false;
          scaleW = scaleH = 1;
          align = 0;
          left = 0;
          charDots = 12;
          codepage = 0;
          break;
        case 'a':
          align = (p[0] ?? 0) % 48;
          break;
        case 'M':
          charDots = (p[0] ?? 0) % 48 === 1 ? 9 : 12;
          break;
        case 'E':
        case 'G':
          bold = ((p[0] ?? 0) & 1) === 1;
          break;
        case '-':
          underline = ((p[0] ?? 0) & 3) !== 0 && p[0] !== 48;
          break;
        case 't':
          // Recorded when it changes: receiptline selects the page again before every text run.
          if (p[0] !== codepage) events.push({ type: 'codepage', offset: at, n: p[0] ?? 0 });
          codepage = p[0] ?? 0;
          break;
        case '$':
          x = u16(i + 2);
          positioned = true;
          break;
        case '\\': {
          const rel = u16(i + 2);
          x += rel >= 0x8000 ? rel - 0x10000 : rel;
          positioned = true;
          break;
        }
        case 'p':
          events.push({
            type: 'drawer',
            offset: at,
            pin: (p[0] ?? 0) % 48 === 1 ? 5 : 2,
            onMs: (p[1] ?? 0) * 2,
            offMs: (p[2] ?? 0) * 2,
          });
          break;
        case 'd':
          flush();
          for (let k = 1; k < (p[0] ?? 0); k++) flush();
          break;
        case '!': {
          const mode = p[0] ?? 0;
          charDots = (mode & 1) === 1 ? 9 : 12;
          bold = (mode & 8) !== 0;
          scaleH = (mode & 16) !== 0 ? 2 : 1;
          scaleW = (mode & 32) !== 0 ? 2 : 1;
          underline = (mode & 128) !== 0;
          break;
        }
        default:
          break;
      }
      i += 2 + n;
    } else if (b === GS) {
      const code = bytes[i + 1] ?? 0;
      const letter = String.fromCharCode(code);
      if (letter === 'V') {
        const m = bytes[i + 2] ?? 0;
        const withFeed = m === 65 || m === 66 || m === 97 || m === 98 || m === 103 || m === 104;
        need(i, withFeed ? 4 : 3, 'GS V');
        flush();
        rows.pop(); // the cut feeds; it prints no line of its own
        events.push({ type: 'cut', offset: at, partial: m % 2 === 0 ? false : true });
        i += withFeed ? 4 : 3;
        continue;
      }
      if (letter === 'v' && bytes[i + 2] === 0x30) {
        need(i, 8, 'GS v 0');
        const w = u16(i + 4);
        const h = u16(i + 6);
        need(i, 8 + w * h, 'GS v 0 raster data');
        events.push({ type: 'image', offset: at, width: w * 8, height: h });
        rows.push({
          text: `[image ${w * 8}x${h}]`,
          bold: false,
          inverted: false,
          underline: false,
          height: 1,
        });
        i += 8 + w * h;
        continue;
      }
      if (letter === '8' && bytes[i + 2] === 0x4c) {
        need(i, 7, 'GS 8 L');
        const len = (u16(i + 3) | (u16(i + 5) << 16)) >>> 0;
        need(i, 7 + len, 'GS 8 L data');
        const w = u16(i + 7 + 6);
        const h = u16(i + 7 + 8);
        events.push({ type: 'image', offset: at, width: w, height: h });
        i += 7 + len;
        continue;
      }
      if (letter === '(') {
        need(i, 5, 'GS (');
        const fn = String.fromCharCode(bytes[i + 2] ?? 0);
        const len = u16(i + 3);
        need(i, 5 + len, `GS ( ${fn}`);
        const body = bytes.subarray(i + 5, i + 5 + len);
        if (fn === 'L' && body[1] === 50) {
          const last = events.findLast((e) => e.type === 'image');
          rows.push({
            text: `[image ${last?.type === 'image' ? `${last.width}x${last.height}` : ''}]`,
            bold: false,
            inverted: false,
            underline: false,
            height: 1,
          });
        }
        if (fn === 'k' && body[1] === 81) {
          events.push({ type: 'qr', offset: at });
          rows.push({ text: '[qr]', bold: false, inverted: false, underline: false, height: 1 });
        }
        i += 5 + len;
        continue;
      }
      if (letter === 'k') {
        const m = bytes[i + 2] ?? 0;
        let end: number;
        if (m <= 6) {
          end = bytes.indexOf(0, i + 3);
          if (end < 0) throw new EscPosDecodeError(at, 'GS k data has no NUL');
          end += 1;
        } else {
          end = i + 4 + (bytes[i + 3] ?? 0);
        }
        need(at, end - at, 'GS k');
        events.push({ type: 'barcode', offset: at });
        rows.push({ text: '[barcode]', bold: false, inverted: false, underline: false, height: 1 });
        i = end;
        continue;
      }
      const n = GS_FIXED[letter];
      if (n === undefined) throw new EscPosDecodeError(at, `unknown command GS 0x${code.toString(16)}`);
      need(i, 2 + n, `GS ${letter}`);
      const p = bytes.subarray(i + 2, i + 2 + n);
      switch (letter) {
        case '!':
          scaleW = ((p[0] ?? 0) >> 4) + 1;
          scaleH = ((p[0] ?? 0) & 15) + 1;
          break;
        case 'B':
          inverted = ((p[0] ?? 0) & 1) === 1;
          break;
        case 'L':
          left = u16(i + 2);
          break;
        case 'r':
          events.push({ type: 'transmit-status', offset: at, n: (p[0] ?? 0) % 48 });
          break;
        default:
          break;
      }
      i += 2 + n;
    } else if (b === FS) {
      const code = bytes[i + 1] ?? 0;
      const letter = String.fromCharCode(code);
      if (letter === '(') {
        need(i, 5, 'FS (');
        i += 5 + u16(i + 3);
        continue;
      }
      const n = FS_FIXED[letter];
      if (n === undefined) throw new EscPosDecodeError(at, `unknown command FS 0x${code.toString(16)}`);
      need(i, 2 + n, `FS ${letter}`);
      i += 2 + n;
    } else if (b === DLE) {
      const code = bytes[i + 1];
      if (code === 0x04) {
        need(i, 3, 'DLE EOT');
        events.push({ type: 'status-request', offset: at, n: bytes[i + 2] ?? 0 });
        i += 3;
      } else if (code === 0x14) {
        need(i, 5, 'DLE DC4');
        events.push({
          type: 'drawer-realtime',
          offset: at,
          pin: bytes[i + 3] === 1 ? 5 : 2,
          units: bytes[i + 4] ?? 0,
        });
        i += 5;
      } else {
        throw new EscPosDecodeError(at, `unknown command DLE 0x${(code ?? 0).toString(16)}`);
      }
    } else {
      throw new EscPosDecodeError(at, `stray control byte 0x${b.toString(16).padStart(2, '0')}`);
    }
  }
  if (cells.length > 0) flush();
  return { lines: rows.map((r) => r.text.trimEnd()), rows, events, highBytes };
}
