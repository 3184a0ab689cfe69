import { describe, expect, it } from 'vitest';
import {
  entryAmount,
  entryReducer,
  MAX_AMOUNT_DIGITS,
  type EntryAction,
} from '../../../renderer/cashier/keypad/amount-entry.ts';

const run = (actions: EntryAction[], from = ''): string => actions.reduce(entryReducer, from);
const keys = (text: string): EntryAction[] =>
  [...text].map((digit) => ({ type: 'digits', digits: digit }) as EntryAction);

describe('amount entry', () => {
  it('appends typed digits and 000', () => {
    expect(run([...keys('44'), { type: 'digits', digits: '000' }])).toBe('44000');
    expect(entryAmount('44000')).toBe(44_000);
  });

  it('has no amount when nothing is typed', () => {
    expect(entryAmount('')).toBeUndefined();
  });

  it('deletes one digit at a time, and clears', () => {
    expect(run([{ type: 'back' }], '4400')).toBe('440');
    expect(run([{ type: 'back' }], '')).toBe('');
    expect(run([{ type: 'clear' }], '4400')).toBe('');
  });

  it('allows a lone zero (refused later with a reason) but no leading zeros', () => {
    expect(run(keys('0'))).toBe('0');
    expect(run([{ type: 'digits', digits: '000' }])).toBe('0');
    expect(run(keys('05'))).toBe('5');
    expect(run(keys('0005'))).toBe('5');
  });

  it('ignores a key that would overflow the field, including half of a 000', () => {
    const full = '9'.repeat(MAX_AMOUNT_DIGITS);
    expect(run(keys('1'), full)).toBe(full);
    const almost = '9'.repeat(MAX_AMOUNT_DIGITS - 1);
    expect(run([{ type: 'digits', digits: '000' }], almost)).toBe(almost);
    expect(run(keys('0'), almost)).toBe(`${almost}0`);
  });

  it('reduces pasted or filled text to its whole-rupiah digits', () => {
    expect(run([{ type: 'set', text: '44000' }])).toBe('44000');
    expect(run([{ type: 'set', text: 'Rp\u00a044.000' }])).toBe('44000');
    expect(run([{ type: 'set', text: 'Rp 44.000,00' }])).toBe('44000');
    expect(run([{ type: 'set', text: 'Rp 1.500,5' }])).toBe('1500');
    expect(run([{ type: 'set', text: 'abc' }])).toBe('');
    expect(run([{ type: 'set', text: '' }], '123')).toBe('');
    expect(run([{ type: 'set', text: '1'.repeat(20) }])).toBe('1'.repeat(MAX_AMOUNT_DIGITS));
  });

  it('keeps editing at the end when the formatted field gets one more digit', () => {
    // What the browser reports when a digit is typed after "Rp 44.000" without our key handler.
    expect(run([{ type: 'set', text: 'Rp\u00a044.0005' }], '44000')).toBe('440005');
  });
});
