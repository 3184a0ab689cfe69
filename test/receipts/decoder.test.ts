// The decoder is what the receipt tests trust: it must fail on bytes it does not understand.
import { describe, expect, it } from 'vitest';
import { decodeEscPos, EscPosDecodeError } from '../support/escpos-decode.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('decodeEscPos', () => {
  it('lays text out by margins, positions, alignment and size', () => {
    const paper = decodeEscPos(
      bytes(
        [0x1b, 0x40],
        'left\n',
        [0x1d, 0x4c, 24, 0],
        'margin\n',
        [0x1d, 0x4c, 0, 0, 0x1b, 0x24, 120, 0],
        'at10\n',
        [0x1b, 0x45, 1, 0x1d, 0x21, 0x11],
        'BIG',
        [0x1b, 0x45, 0, 0x1d, 0x21, 0],
        '\n',
        [0x1d, 0x42, 1],
        'inv\n',
        [0x1d, 0x56, 66, 0],
      ),
    );
    expect(paper.lines).toEqual(['left', '  margin', '          at10', 'B I G', 'inv']);
    expect(paper.rows[3]).toMatchObject({ bold: true, height: 2 });
    expect(paper.rows[4]).toMatchObject({ inverted: true });
    expect(paper.events.map((e) => e.type)).toEqual(['init', 'cut']);
  });

  it('shows a raster image as a placeholder line', () => {
    const raster = [0x1d, 0x76, 0x30, 0, 2, 0, 3, 0, ...new Array<number>(6).fill(0xff)];
    expect(decodeEscPos(bytes('a\n', raster, 'b\n')).lines).toEqual(['a', '[image 16x3]', 'b']);
  });

  it('fails on a stray control byte, an unknown command or a cut-short command', () => {
    expect(() => decodeEscPos(bytes('a', [0x07], 'b'))).toThrow(EscPosDecodeError);
    expect(() => decodeEscPos(bytes([0x1b, 0x7e, 1]))).toThrow(/unknown command ESC 0x7e/);
    expect(() => decodeEscPos(bytes([0x1b, 0x70, 0]))).toThrow(/cut short/);
  });

  it('counts bytes outside ASCII, which an ASCII-only renderer never sends', () => {
    expect(decodeEscPos(bytes([0x82], 'x\n')).highBytes).toBe(1);
  });
});
