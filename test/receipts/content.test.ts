import { describe, expect, it } from 'vitest';
import { COLUMNS_BY_WIDTH, PAPER_WIDTHS } from '../../common/printing.ts';
import {
  COPY_MARK,
  ReceiptError,
  toEscPos,
  toMarkup,
  toTextLines,
  TRAINING_MARK,
} from '../../main/receipts/index.ts';
import type { ReceiptDocument, ReceiptSource } from '../../main/receipts/index.ts';
import { decodeEscPos } from '../support/escpos-decode.ts';
import { PAID_AT as PAID_AT_FOR_SLIP, saleDocument, TRANSACTION_ID } from './fixtures.ts';

const source = (document: ReceiptDocument): ReceiptSource => ({ type: 'receipt', document });

/** What the paper says: the ESC/POS bytes decoded back to lines. */
function paper(document: ReceiptDocument, width: 58 | 80) {
  return decodeEscPos(toEscPos(source(document), { width }));
}

/** A label on the left and an amount flush right, filling the line exactly. */
function pairLine(label: string, value: string, width: 58 | 80): string {
  const cpl = COLUMNS_BY_WIDTH[width];
  return `${label}${' '.repeat(cpl - label.length - value.length)}${value}`;
}

describe.each(PAPER_WIDTHS)('a sale receipt at %i mm', (width) => {
  const cpl = COLUMNS_BY_WIDTH[width];
  const { lines, rows, events, highBytes } = paper(saleDocument(), width);

  it('keeps every line within the paper and prints no byte outside ASCII', () => {
    expect(lines.every((l) => l.length <= cpl)).toBe(true);
    expect(lines.some((l) => l.length === cpl)).toBe(true);
    expect(highBytes).toBe(0);
  });

  it('heads with the shop name (bold, tall), address and NPWP, centred', () => {
    const name = rows.find((r) => r.text.trim() === 'Warung Kopi Nusantara');
    expect(name).toMatchObject({ bold: true, height: 2 });
    expect(name?.text.startsWith(' '.repeat(Math.floor((cpl - 21) / 2)))).toBe(true);
    expect(lines.join(' ')).toContain('Jl. Sudirman No. 12, Jakarta');
    expect(lines.map((l) => l.trim())).toContain('NPWP 01.234.567.8-901.000');
  });

  it('gives the order id, the sale id and the time in the shop zone', () => {
    expect(lines).toContain('No. pesanan: KIOSK-20261124-0001');
    expect(lines).toContain('No. penjualan: S-42');
    expect(lines).toContain('Waktu: 24/11/2026 10:05 WIB');
  });

  it('lists each line with quantity, price, amount and its discount', () => {
    const at = lines.indexOf('Kopi Susu Gula Aren');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe(pairLine('  2 x Rp 22.000', 'Rp 44.000', width));
    expect(lines[at + 2]).toBe(pairLine('  Diskon', '-Rp 4.000', width));
    expect(lines).toContain(pairLine('  1 x Rp 18.000', 'Rp 18.000', width));
  });

  it('adds up in the struk order: subtotal, discount, service, tax, rounding, total', () => {
    const expected = [
      pairLine('Subtotal', 'Rp 58.000', width),
      pairLine('Diskon member', '-Rp 3.000', width),
      pairLine('Service 5%', 'Rp 2.750', width),
      pairLine('PB1 10%', 'Rp 5.775', width),
      pairLine('Pembulatan', '-Rp 25', width),
      pairLine('TOTAL', 'Rp 63.500', width),
    ];
    const at = lines.indexOf(expected[0] ?? '');
    expect(lines.slice(at, at + expected.length)).toEqual(expected);
    expect(rows[at + 5]).toMatchObject({ bold: true, height: 2 });
  });

  it('names each tender: QRIS with its issuer and transaction id, cash with change', () => {
    expect(lines).toContain(pairLine('QRIS (OVO)', 'Rp 43.500', width));
    expect(lines).toContain('  ID transaksi:');
    // The 36-character id fits 80 mm whole; at 58 mm it wraps and reads whole when joined.
    const idLines = lines.slice(lines.indexOf('  ID transaksi:') + 1, lines.indexOf('  ID transaksi:') + 3);
    expect(
      idLines
        .map((l) => l.trim())
        .join('')
        .startsWith(TRANSACTION_ID),
    ).toBe(true);
    expect(lines).toContain(pairLine('Tunai diterima', 'Rp 50.000', width));
    expect(lines).toContain(pairLine('Kembalian', 'Rp 30.000', width));
  });

  it("ends with the manager's footer and a cut", () => {
    expect(lines.map((l) => l.trim())).toEqual(expect.arrayContaining(['Terima kasih!', 'WiFi: kopi123']));
    expect(events.filter((e) => e.type === 'cut')).toHaveLength(1);
    expect(events.some((e) => e.type === 'drawer')).toBe(false);
    expect(lines.join('\n')).not.toContain(COPY_MARK);
    expect(lines.join('\n')).not.toContain(TRAINING_MARK);
  });

  it('says exactly what the text output says', () => {
    expect(lines).toEqual(toTextLines(source(saleDocument()), width));
  });

  it('prints a training receipt with an inverted LATIHAN / TRAINING bar at top and bottom', () => {
    const training = paper(saleDocument({ training: true }), width);
    const bars = training.rows.filter((r) => r.text.includes(TRAINING_MARK));
    expect(bars).toHaveLength(2);
    expect(bars.every((r) => r.inverted && r.bold)).toBe(true);
    expect(training.rows[0]?.text.trim()).toBe(TRAINING_MARK);
    expect(training.lines.map((l) => l.trim())).toContain('Bukan bukti pembayaran');
  });

  it('prints a reprint with SALINAN / COPY under the header and at the end', () => {
    const copy = paper(saleDocument({ copy: true }), width).lines.map((l) => l.trim());
    expect(copy.filter((l) => l === `*** ${COPY_MARK} ***`)).toHaveLength(2);
    expect(copy.indexOf(`*** ${COPY_MARK} ***`)).toBeLessThan(
      copy.indexOf('No. pesanan: KIOSK-20261124-0001'),
    );
  });

  it('switches to English words when the till speaks English', () => {
    const en = paper(saleDocument({ language: 'en', training: true }), width).lines;
    expect(en).toContain('Order no.: KIOSK-20261124-0001');
    expect(en).toContain('Time: 24/11/2026 10:05 WIB');
    expect(en).toContain(pairLine('  Discount', '-Rp 4.000', width));
    expect(en).toContain(pairLine('Cash received', 'Rp 50.000', width));
    expect(en).toContain(pairLine('Change', 'Rp 30.000', width));
    expect(en).toContain('  Transaction ID:');
    expect(en.map((l) => l.trim())).toContain('Not a proof of payment');
    expect(en.join('\n')).not.toMatch(/Kembalian|Tunai|pesanan/);
  });

  it('adds the drawer pulse before the receipt when asked', () => {
    const bytes = toEscPos(source(saleDocument()), { width, drawer: { pin: 2, onMs: 100, offMs: 500 } });
    const decoded = decodeEscPos(bytes);
    expect(decoded.events.filter((e) => e.type === 'drawer')).toEqual([
      { type: 'drawer', offset: 2, pin: 2, onMs: 100, offMs: 500 },
    ]);
    expect(decoded.lines).toEqual(lines);
  });
});

describe('receipt variants', () => {
  it('prints an inclusive tax as a note under the total, not as an added line', () => {
    const doc = saleDocument({
      totals: {
        subtotal: 44_400,
        discounts: [],
        tax: { label: 'PPN 11%', amount: 4_400, inclusive: true },
        total: 44_400,
      },
      tenders: [{ kind: 'gopay', amount: 44_400, transactionId: TRANSACTION_ID }],
    });
    const lines = paper(doc, 80).lines;
    const total = lines.indexOf(pairLine('TOTAL', 'Rp 44.400', 80));
    expect(lines[total + 1]).toBe(pairLine('Harga sudah termasuk PPN 11%', 'Rp 4.400', 80));
    expect(lines).toContain(pairLine('GoPay', 'Rp 44.400', 80));
    expect(lines).not.toContain(pairLine('PPN 11%', 'Rp 4.400', 80));
  });

  it('shows the zone of the shop: WITA and WIT', () => {
    expect(paper(saleDocument({ utcOffsetMinutes: 480 }), 58).lines).toContain(
      'Waktu: 24/11/2026 11:05 WITA',
    );
    expect(paper(saleDocument({ utcOffsetMinutes: 540 }), 58).lines).toContain('Waktu: 24/11/2026 12:05 WIT');
  });

  it('titles a refund and says where the money went', () => {
    const lines = paper(saleDocument({ kind: 'refund' }), 58).lines.map((l) => l.trim());
    expect(lines).toContain('PENGEMBALIAN DANA');
    expect(lines).toContain('Dikembalikan ke');
  });

  it('refuses amounts a receipt cannot print truthfully, naming the field in both languages', () => {
    const bad = saleDocument({ lines: [{ name: 'Kopi', quantity: 1, unitPrice: 22_000.5, amount: 22_000 }] });
    expect(() => toMarkup(source(bad), 58)).toThrow(ReceiptError);
    try {
      toMarkup(source(bad), 58);
    } catch (error) {
      expect((error as ReceiptError).bilingual).toEqual({
        id: 'lines[0].unitPrice: harus rupiah bulat.',
        en: 'lines[0].unitPrice: must be whole rupiah.',
      });
    }
    expect(() => toMarkup(source(saleDocument({ utcOffsetMinutes: 7 * 60 + 0.5 })), 58)).toThrow(
      /utcOffsetMinutes/,
    );
  });
});

describe('slips and the test page', () => {
  it('prints a titled list of rows for a report, with a strong total', () => {
    const lines = decodeEscPos(
      toEscPos(
        {
          type: 'slip',
          document: {
            title: 'Laporan X',
            subtitle: 'Shift pagi',
            shop: { name: 'Warung Kopi Nusantara' },
            time: PAID_AT_FOR_SLIP,
            utcOffsetMinutes: 420,
            rows: [
              { label: 'Penjualan', value: '12' },
              { label: 'QRIS', amount: 420_000 },
              { label: 'Tunai', amount: 180_000 },
              { label: 'Total', amount: 600_000, ruleAbove: true, strong: true },
            ],
            language: 'id',
            training: false,
            copy: true,
          },
        },
        { width: 58 },
      ),
    );
    const text = lines.lines.map((l) => l.trim());
    expect(text).toEqual(expect.arrayContaining(['Laporan X', 'Shift pagi', '24/11/2026 10:05 WIB']));
    expect(lines.lines).toContain(pairLine('Penjualan', '12', 58));
    expect(lines.lines).toContain(pairLine('QRIS', 'Rp 420.000', 58));
    const total = lines.rows.find((r) => r.text === pairLine('Total', 'Rp 600.000', 58));
    expect(total).toMatchObject({ bold: true, height: 2 });
    expect(text.filter((l) => l === `*** ${COPY_MARK} ***`)).toHaveLength(2);
  });

  it.each(PAPER_WIDTHS)('prints a %i mm test page with a ruler exactly one line wide', (width) => {
    const cpl = COLUMNS_BY_WIDTH[width];
    const page = {
      shop: { name: 'Warung Kopi Nusantara' },
      printerName: 'tcp://192.168.1.50:9100',
      time: PAID_AT_FOR_SLIP,
      utcOffsetMinutes: 420,
      language: 'en' as const,
    };
    const lines = decodeEscPos(toEscPos({ type: 'test-page', page }, { width })).lines;
    expect(lines.map((l) => l.trim())).toContain('TEST PRINT');
    expect(lines).toContain('1234567890'.repeat(5).slice(0, cpl));
    expect(lines).toContain(pairLine('Paper', `${width} mm`, width));
    expect(lines).toEqual(expect.arrayContaining(['Printer:', '  tcp://192.168.1.50:9100']));
    expect(lines).toContain(pairLine('Columns', String(cpl), width));
  });
});
