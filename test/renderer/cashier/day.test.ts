/** The day screen's pure logic: the count form read as typed, shop time, a difference's sign. */
import { describe, expect, it } from 'vitest';
import {
  daysBefore,
  differenceKind,
  readCount,
  shopClock,
  shopDateTime,
} from '../../../renderer/cashier/day/day-model.ts';

describe('the count form', () => {
  it('adds up the rows typed, notes and coins of Rp 1.000 apart, empty rows as none', () => {
    expect(readCount({ note100000: '2', note1000: ' 3 ', coin1000: '1', coin100: '', coin500: '0' })).toEqual(
      {
        count: { note100000: 2, note1000: 3, coin1000: 1 },
        total: 204_000,
        bad: [],
      },
    );
  });

  it('flags a row that is not a whole number of pieces instead of guessing', () => {
    const read = readCount({ note50000: '2,5', note20000: '-1', note10000: 'dua', note5000: '4' });
    expect(read.bad).toEqual(['note50000', 'note20000', 'note10000']);
    expect(read.total).toBe(20_000);
  });
});

describe('shop time and differences', () => {
  it('reads times on the shop clock, whatever the screen machine says', () => {
    const at = Date.UTC(2026, 11, 1, 17, 5);
    expect(shopClock(at, 420)).toBe('00:05');
    expect(shopDateTime(at, 480)).toBe('2026-12-02 01:05');
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
  });

  it('names a difference by its sign', () => {
    expect([differenceKind(-2_000), differenceKind(0), differenceKind(500)]).toEqual([
      'short',
      'even',
      'over',
    ]);
  });
});
