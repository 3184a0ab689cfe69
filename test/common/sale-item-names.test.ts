/**
 * Item names travel to the screens, Midtrans' item_details and (next) a receipt printer: a
 * control byte there is a printer command, a bidi control makes a line read otherwise than it is
 * charged, and a lone surrogate cannot be written as UTF-8. All refused, with words in both
 * languages; anything else is kept as typed, in NFC.
 */
import { describe, expect, it } from 'vitest';
import { checkSale } from '../../common/sale-input.ts';

const sale = (name: string) =>
  checkSale({ paymentType: 'qris', items: [{ id: 'A1', name, price: 5000, quantity: 1 }] }, ['qris']);

describe('item names in a sale', () => {
  it.each([
    ['NUL', 'Kopi\u0000Susu'],
    ['ESC (the start of an ESC/POS command)', 'Kopi\u001bp\u0000\u0019\u00fa'],
    ['a C1 control', 'Kopi\u0085'],
    ['DEL', 'Kopi\u007f'],
    ['right-to-left override', 'Kopi \u202eSusu'],
    ['right-to-left isolate', 'Kopi \u2067Susu\u2069'],
    ['a lone high surrogate', 'Kopi \ud83d'],
    ['a lone low surrogate', '\udc00Kopi'],
  ])('%s is refused, in both languages', (_what, name) => {
    const checked = sale(name);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toHaveLength(1);
    expect(checked.problems[0]?.code).toBe('item-invalid');
    expect(checked.problems[0]?.message.id).toMatch(/karakter tersembunyi atau kontrol/);
    expect(checked.problems[0]?.message.en).toMatch(/hidden or control characters/);
  });

  it('keeps emoji and accents, and stores the name in NFC', () => {
    const decomposed = 'Cafe\u0301 Latte ☕';
    const checked = sale(decomposed);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.sale.items[0]?.name).toBe('Café Latte ☕');
    expect(checked.sale.items[0]?.name.normalize('NFC')).toBe(checked.sale.items[0]?.name);
  });
});
