import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CartPreview } from '../../../common/contract.ts';
import { DEFAULT_PRICING_SETTINGS } from '../../../common/pricing/index.ts';
import type { CartLine } from '../../../renderer/cashier/cart/cart.ts';
import { draftSale } from '../../../renderer/cashier/cart/draft.ts';
import { desiredPreview, PreviewSender } from '../../../renderer/cashier/preview.ts';
import { checkTender, type TenderKind } from '../../../renderer/cashier/tender/tender.ts';

const kopi: CartLine = {
  key: 'kopi-susu',
  sku: 'kopi-susu',
  name: 'Kopi Susu',
  unitPrice: 18_000,
  quantity: 2,
};
const draft = (lines: CartLine[], freeDigits = '') =>
  draftSale({
    lines,
    freeDigits,
    freeName: 'Jumlah bebas',
    orderDiscount: undefined,
    pricing: DEFAULT_PRICING_SETTINGS,
  });
const gateway = { kind: 'gateway' as TenderKind, check: undefined };

describe('desiredPreview', () => {
  it('mirrors the priced cart and the typed amount, with the bill, while nothing is charged', () => {
    const preview = desiredPreview(draft([kopi], '8000'), gateway, 'none');
    expect(preview?.amount).toBe(44_000);
    expect(preview?.items).toEqual([
      { id: 'kopi-susu', name: 'Kopi Susu', price: 18_000, quantity: 2 },
      { id: 'free-typed', name: 'Jumlah bebas', price: 8_000, quantity: 1 },
    ]);
    expect(preview?.bill).toMatchObject({
      subtotal: 44_000,
      total: 44_000,
      cashPaid: 0,
      change: 0,
      due: 44_000,
    });
  });

  it('shows the cash handed over and the change once a cash sale has them', () => {
    const d = draft([kopi], '8000');
    const b = d.breakdown!;
    const cash = {
      kind: 'cash' as TenderKind,
      check: checkTender(b, { kind: 'cash', paymentType: 'qris', enabled: ['qris'], cashDigits: '50000' }),
    };
    expect(desiredPreview(d, cash, 'none')?.bill).toMatchObject({ cashPaid: 44_000, change: 6_000, due: 0 });
    const split = {
      kind: 'split' as TenderKind,
      check: checkTender(b, { kind: 'split', paymentType: 'qris', enabled: ['qris'], cashDigits: '20000' }),
    };
    expect(desiredPreview(d, split, 'none')?.bill).toMatchObject({
      cashPaid: 20_000,
      change: 0,
      due: 24_000,
    });
  });

  it('clears the display when there is nothing valid to show, or the sale has ended or waits for a decision', () => {
    expect(desiredPreview(draft([]), gateway, 'none')).toBeNull();
    expect(desiredPreview(draft([], '0'), gateway, 'none')).toBeNull();
    expect(desiredPreview(draft([kopi]), gateway, 'ended')).toBeNull();
    expect(desiredPreview(draft([kopi]), gateway, 'decide')).toBeNull();
  });

  it('leaves the display alone while a sale starts or is live', () => {
    expect(desiredPreview(draft([kopi]), gateway, 'starting')).toBeUndefined();
    expect(desiredPreview(draft([kopi]), gateway, 'live')).toBeUndefined();
  });
});

describe('PreviewSender', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const cart = (amount: number): CartPreview => ({ amount, items: [] });

  it('sends only the last preview of a burst, once it has been still for the delay', () => {
    const sent: (CartPreview | null)[] = [];
    const sender = new PreviewSender((preview) => sent.push(preview), 150);
    sender.update(cart(4));
    vi.advanceTimersByTime(100);
    sender.update(cart(44));
    vi.advanceTimersByTime(100);
    sender.update(cart(440));
    vi.advanceTimersByTime(149);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([cart(440)]);
  });

  it('does not send the same preview twice in a row', () => {
    const sent: (CartPreview | null)[] = [];
    const sender = new PreviewSender((preview) => sent.push(preview), 150);
    sender.update(null);
    vi.advanceTimersByTime(150);
    sender.update(null);
    vi.advanceTimersByTime(150);
    sender.update(cart(5));
    vi.advanceTimersByTime(150);
    sender.update(null);
    vi.advanceTimersByTime(150);
    expect(sent).toEqual([null, cart(5), null]);
  });

  it('drops a waiting preview when told to hold (Charge was pressed)', () => {
    const sent: (CartPreview | null)[] = [];
    const sender = new PreviewSender((preview) => sent.push(preview), 150);
    sender.update(cart(44_000));
    vi.advanceTimersByTime(50);
    sender.update(undefined);
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual([]);
  });

  it('sends again after forget() (the main process may have restarted)', () => {
    const sent: (CartPreview | null)[] = [];
    const sender = new PreviewSender((preview) => sent.push(preview), 150);
    sender.update(cart(5));
    vi.advanceTimersByTime(150);
    sender.forget();
    sender.update(cart(5));
    vi.advanceTimersByTime(150);
    expect(sent).toEqual([cart(5), cart(5)]);
  });
});
