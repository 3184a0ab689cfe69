/**
 * The X/Z as a printable slip (the hook the print service will use): the receipts renderer accepts
 * it as it is, and the paper says what the screen says.
 */
import { describe, expect, it } from 'vitest';
import { toTextLines } from '../../main/receipts/index.ts';
import { periodSlip } from '../../main/reports/slip.ts';
import { line, openDayKiosk } from './helpers.ts';

describe('the Z as a slip', () => {
  it('renders at 58 and 80 mm with the label, the tenders, the drawer and the refunds note', async () => {
    const kiosk = await openDayKiosk();
    const { shifts, reports } = kiosk.services.day;
    await shifts.open({ float: 100_000 });
    await kiosk.sell([line('Kopi susu', 22_000, 2)], { kind: 'cash', received: 50_000 });
    shifts.close({ counted: 143_500 });
    const z = reports.closeZ();
    const slip = periodSlip(z, { shop: { name: 'Warung Uji' }, language: 'id' });
    expect(slip.title).toBe('LAPORAN Z Z-0001');
    for (const width of [58, 80] as const) {
      const text = toTextLines({ type: 'slip', document: slip }, width).join('\n');
      expect(text).toContain('LAPORAN Z Z-0001');
      expect(text).toContain('Warung Uji');
      expect(text).toMatch(/Tunai \(1\)\s+Rp\s?44\.000/);
      expect(text).toMatch(/Seharusnya di laci\s+Rp\s?144\.000/);
      expect(text).toMatch(/-Rp\s?500/);
      expect(text).toContain('LATIHAN');
    }
    const english = toTextLines(
      { type: 'slip', document: periodSlip(z, { shop: { name: 'Warung Uji' }, language: 'en' }) },
      80,
    );
    expect(english.join('\n')).toMatch(/REFUNDS\n\s*refunds \(0\)\s+Rp\s?0\n/);
  });
});
