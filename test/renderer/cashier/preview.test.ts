import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CartPreview } from '../../../common/contract.ts';
import { draftSale } from '../../../renderer/cashier/draft.ts';
import { desiredPreview, PreviewSender } from '../../../renderer/cashier/preview.ts';

const both = ['gopay', 'qris'] as const;

describe('desiredPreview', () => {
  it('mirrors the cart (or the typed amount) while nothing is charged', () => {
    const cart = [{ id: 'KOPI', name: 'Kopi susu', price: 18_000, quantity: 2 }];
    expect(desiredPreview(draftSale('qris', both, '', cart), 'none')).toEqual({
      amount: 36_000,
      items: cart,
    });
    expect(desiredPreview(draftSale('qris', both, '44000', []), 'none')).toEqual({
      amount: 44_000,
      items: [],
    });
  });

  it('clears the display when there is nothing valid to show or the sale has ended', () => {
    expect(desiredPreview(draftSale('qris', both, '', []), 'none')).toBeNull();
    expect(desiredPreview(draftSale('qris', both, '0', []), 'none')).toBeNull();
    expect(desiredPreview(draftSale('qris', both, '44000', []), 'ended')).toBeNull();
  });

  it('leaves the display alone while a sale starts or is live', () => {
    expect(desiredPreview(draftSale('qris', both, '44000', []), 'starting')).toBeUndefined();
    expect(desiredPreview(draftSale('qris', both, '44000', []), 'live')).toBeUndefined();
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
