import { describe, expect, it } from 'vitest';
import type { PrinterConfig } from '../../../common/printing-contract.ts';
import {
  checkDraft,
  draftFrom,
  isSaved,
  newPrinter,
  withoutPrinter,
  withPrinter,
} from '../../../renderer/cashier/settings/printers/printing-draft.ts';
import { managerSettings } from '../fixtures.ts';

const KASIR: PrinterConfig = {
  id: 'kasir',
  name: 'Kasir',
  kind: 'tcp',
  address: '10.0.0.5',
  width: 58,
  drawer: true,
};

describe('the printers section draft', () => {
  const saved = draftFrom(
    managerSettings({
      printers: [KASIR],
      receipt: { printerId: 'kasir', autoPrint: 'always', shopAddress: '', npwp: '', footer: '' },
    }),
  );

  it('sends only what changed, checked as main checks it', () => {
    expect(checkDraft(saved, saved)).toEqual({ patch: {}, problems: [] });
    const louder = { ...saved, sound: { volume: 90, muted: false } };
    expect(checkDraft(saved, louder).patch).toEqual({ sound: { volume: 90, muted: false } });
    const badNpwp = { ...saved, receipt: { ...saved.receipt, npwp: '123' } };
    expect(checkDraft(saved, badNpwp).problems.map((p) => p.code)).toEqual(['receipt-npwp']);
  });

  it('adds printers with codes no other has, up to four', () => {
    let draft = saved;
    for (let i = 0; i < 3; i += 1)
      draft = { ...draft, printers: [...draft.printers, newPrinter(draft.printers)!] };
    expect(new Set(draft.printers.map((p) => p.id)).size).toBe(4);
    expect(newPrinter(draft.printers)).toBeUndefined();
    // A new printer has no address yet: it cannot be saved until it has one.
    expect(checkDraft(saved, draft).problems.map((p) => p.code)).toContain('printer-address');
  });

  it('a printer turned into an OS or browser printer loses its drawer (and a browser its address)', () => {
    const os = withPrinter(saved, 'kasir', { kind: 'os' });
    expect(os.printers[0]).toMatchObject({ kind: 'os', drawer: false, address: '10.0.0.5' });
    expect(withPrinter(saved, 'kasir', { kind: 'browser' }).printers[0]).toMatchObject({
      address: '',
      drawer: false,
    });
    expect(isSaved(saved, os.printers[0]!)).toBe(false);
    expect(isSaved(saved, saved.printers[0]!)).toBe(true);
  });

  it('removing the receipt printer leaves receipts with none, which is a valid patch', () => {
    const removed = withoutPrinter(saved, 'kasir');
    expect(removed.receipt.printerId).toBeNull();
    expect(checkDraft(saved, removed)).toMatchObject({ problems: [] });
  });
});
