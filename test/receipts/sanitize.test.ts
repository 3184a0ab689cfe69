import { describe, expect, it } from 'vitest';
import { COLUMNS_BY_WIDTH, PAPER_WIDTHS } from '../../common/printing.ts';
import { printable, toEscPos, toPrintPage, toSvg } from '../../main/receipts/index.ts';
import type { ReceiptDocument, ReceiptSource } from '../../main/receipts/index.ts';
import { decodeEscPos } from '../support/escpos-decode.ts';
import { saleDocument } from './fixtures.ts';

const source = (document: ReceiptDocument): ReceiptSource => ({ type: 'receipt', document });

function withItem(name: string, change: Partial<ReceiptDocument> = {}): ReceiptDocument {
  return saleDocument({ lines: [{ name, quantity: 1, unitPrice: 5_000, amount: 5_000 }], ...change });
}

/** Index of the first occurrence of `needle` in `bytes`, or -1. */
function find(bytes: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

describe('printable', () => {
  it.each([
    ['A\u0000B\u001bC\u0010D\u007fE\u0085F\u009bG', 'ABCDE FG'],
    ['Kopi\u202e susu\u202c \u2066x\u2069', 'Kopi susu x'],
    ['lone \ud800 high and \udc00 low', 'lone high and low'],
    ['Es Teh 🧋 Manis', 'Es Teh Manis'],
    ['👨‍👩‍👧 Paket Keluarga 🇮🇩', 'Paket Keluarga'],
    ['Café Crème brûlée', 'Cafe Creme brulee'],
    ['Straße – Łódź “Special” …', 'Strasse - Lodz "Special" ...'],
    ['ｆｕｌｌ ﬁsh ½', 'full fish 1/2'],
    ['Harga €5 ™', 'Harga EUR5 TM'],
    ['日本酒', '???'],
    ['tab\there\nand\r\nnewline', 'tab here and newline'],
    ['\u200b\u200d\ufeffzero\u00adwidth', 'zerowidth'],
  ])('%j → %j', (input, expected) => {
    expect(printable(input)).toBe(expected);
  });

  it('falls back when nothing printable is left', () => {
    expect(printable('🍕🍕', '?')).toBe('?');
    expect(printable('\u001b\u0000')).toBe('');
  });
});

describe.each(PAPER_WIDTHS)('hostile text at %i mm', (width) => {
  const cpl = COLUMNS_BY_WIDTH[width];
  const hostile = [
    'Teh\u001bp\u0000\u0019\u00faManis',
    'Kopi \\x1bp\\x00 {x:\\x1bp\\x00\\x19\\xfa} {command:\u001bp}',
    '\u0010\u0014\u0001\u0000\u0008 kick',
    '\u001d\u0056\u0041\u0000 cut \u001b\u0040',
  ];
  const doc = saleDocument({
    shop: { name: 'Toko \u001bp\u0000\u0019\u00fa', address: '\u202eJl. \u0000Mawar', npwp: '01\u001b.234' },
    lines: hostile.map((name) => ({ name, quantity: 1, unitPrice: 1_000, amount: 1_000 })),
    tenders: [{ kind: 'qris', amount: 63_500, issuer: 'O\u001bpVO\ud83d', transactionId: 'tx\u001bp\u0000' }],
    footer: 'Terima kasih \u001bp\u0000\u0019\u00fa\nSampai jumpa 🙏',
  });
  const bytes = toEscPos(source(doc), { width });
  const decoded = decodeEscPos(bytes);

  it('lets no control byte through as text, and prints nothing outside ASCII', () => {
    // decodeEscPos throws on a stray control byte or an unknown command.
    expect(decoded.highBytes).toBe(0);
    expect(decoded.lines.every((l) => l.length <= cpl)).toBe(true);
  });

  it('cannot open the drawer or cut from a name: no ESC p, no DLE DC4, one cut', () => {
    expect(decoded.events.filter((e) => e.type === 'drawer' || e.type === 'drawer-realtime')).toEqual([]);
    expect(find(bytes, [0x1b, 0x70])).toBe(-1);
    expect(find(bytes, [0x10, 0x14])).toBe(-1);
    expect(decoded.events.filter((e) => e.type === 'cut')).toHaveLength(1);
    expect(decoded.events.filter((e) => e.type === 'init')).toHaveLength(1);
  });

  it('prints what is legible of each name', () => {
    expect(decoded.lines).toContain('TehpuManis');
    expect(decoded.lines.join(' ')).toContain('Kopi \\x1bp\\x00 {x:\\x1bp\\x00\\x19\\xfa}');
    expect(decoded.lines.map((l) => l.trim())).toEqual(expect.arrayContaining(['Toko pu', 'Jl. Mawar']));
    expect(decoded.lines.some((l) => l.startsWith('QRIS (OpVO)'))).toBe(true);
    expect(decoded.lines.map((l) => l.trim())).toContain('Sampai jumpa');
  });
});

describe.each(PAPER_WIDTHS)('names at %i mm', (width) => {
  const cpl = COLUMNS_BY_WIDTH[width];

  it("prints receiptline's markup characters literally", () => {
    const names = ['Teh | Es {x} ~ `y`', '^^big^^ _u_ "q" \\n \\\\', '---', '===', '{code:123}'];
    const doc = saleDocument({
      lines: names.map((name) => ({ name, quantity: 1, unitPrice: 1_000, amount: 1_000 })),
    });
    const decoded = decodeEscPos(toEscPos(source(doc), { width }));
    for (const name of names) expect(decoded.lines).toContain(name);
    expect(decoded.events.filter((e) => e.type === 'cut')).toHaveLength(1);
    expect(decoded.events.some((e) => e.type === 'barcode' || e.type === 'qr')).toBe(false);
    expect(decoded.rows.filter((r) => r.underline || r.inverted)).toEqual([]);
  });

  it('wraps a 200-character name between words, every line within the paper', () => {
    const words = 'Nasi goreng spesial dengan telur mata sapi ayam suwir kerupuk udang acar sambal terasi';
    const name = `${words} ${words} ${words}`.slice(0, 200);
    expect(name).toHaveLength(200);
    const lines = decodeEscPos(toEscPos(source(withItem(name)), { width })).lines;
    const first = lines.indexOf(lines.find((l) => l.startsWith('Nasi goreng')) ?? '');
    const wrapped = lines.slice(first, first + Math.ceil(200 / (cpl - 10)) + 2);
    const nameLines = wrapped.slice(
      0,
      wrapped.findIndex((l) => l.startsWith('  1 x')),
    );
    expect(nameLines.length).toBeGreaterThan(1);
    expect(nameLines.every((l) => l.length <= cpl && l === l.trim())).toBe(true);
    expect(nameLines.join(' ')).toBe(name.trimEnd());
    // Only whole words: every printed word is a word of the name.
    const known = new Set(name.split(' '));
    expect(nameLines.flatMap((l) => l.split(' ')).filter((w) => !known.has(w))).toEqual([]);
  });

  it('cuts a 200-character word at the paper edge rather than losing it', () => {
    const name = 'X'.repeat(200);
    const lines = decodeEscPos(toEscPos(source(withItem(name)), { width })).lines;
    const parts = lines.filter((l) => /^X+$/.test(l));
    expect(parts.join('')).toBe(name);
    expect(parts.every((l) => l.length <= cpl)).toBe(true);
  });

  it('drops emoji cleanly and keeps an all-emoji name visible as "?"', () => {
    const doc = saleDocument({
      lines: [
        { name: 'Es Kopi 🧋☕ Susu', quantity: 1, unitPrice: 1_000, amount: 1_000 },
        { name: '🍕🍕', quantity: 1, unitPrice: 1_000, amount: 1_000 },
      ],
    });
    const decoded = decodeEscPos(toEscPos(source(doc), { width }));
    expect(decoded.lines).toContain('Es Kopi Susu');
    expect(decoded.lines).toContain('?');
    expect(decoded.highBytes).toBe(0);
  });
});

describe('SVG preview and print page', () => {
  const doc = withItem('<script>alert(1)</script> & "Co"', {
    shop: { name: 'Toko <b>Maju</b>' },
  });

  it('escapes text and loads nothing from the network', () => {
    const svg = toSvg(source(doc), 58);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="384px"');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;');
    expect(svg).not.toMatch(/@import|https?:\/\/fonts/);
    expect(toSvg(source(doc), 80)).toContain('width="576px"');
  });

  it('makes an HTML page sized to the roll, with no script', () => {
    const html = toPrintPage(source(doc), 80);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toMatch(/@page\{size:80mm \d+mm;margin:0\}/);
    expect(html).toContain('width:72mm');
    expect(html).toContain('<title>KIOSK-20261124-0001</title>');
    expect(html).not.toContain('<script');
    expect(toPrintPage(source(doc), 58)).toContain('width:48mm');
  });
});
