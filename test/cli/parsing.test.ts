/** The CLI's own small pieces: reading amounts and items, options, formatting, redaction. */
import { describe, expect, it } from 'vitest';
import { readAmount } from '../../main/cli/amount-text.ts';
import { parseCommand } from '../../main/cli/args.ts';
import { rupiah, shopTime, table, zoneName } from '../../main/cli/format.ts';
import { Output } from '../../main/cli/io.ts';
import { readItem } from '../../main/cli/item-text.ts';
import { describeKey } from '../../main/cli/commands/doctor-checks.ts';
import { UsageError } from '../../main/cli/usage.ts';

describe('readAmount', () => {
  it.each([
    ['44000', 44000],
    ['44.000', 44000],
    ['44,000', 44000],
    ['1.250.000', 1250000],
    ['12.500', 12500],
    ['-5', -5],
    ['0', 0],
  ])('reads %s as %d', (text, amount) => {
    expect(readAmount(text)).toBe(amount);
  });

  it.each(['12.5', '44000.50', '44000.00', '4.4000', '1.000,000', '44.000,5', 'abc', '', '1e6', '0x10'])(
    'hands %j on as text for the sale check to refuse',
    (text) => {
      expect(readAmount(text)).toBe(text);
    },
  );
});

describe('readItem', () => {
  it('splits off id, price and quantity; the name keeps its colons', () => {
    expect(readItem('KOPI-1:Kopi: susu:18.000:2')).toEqual({
      id: 'KOPI-1',
      name: 'Kopi: susu',
      price: 18000,
      quantity: 2,
    });
  });

  it('leaves bad numbers for the sale check', () => {
    expect(readItem('A:B:1,5:x')).toMatchObject({ price: '1,5', quantity: 'x' });
  });

  it('refuses fewer than four parts', () => {
    expect(() => readItem('A:B:100')).toThrow(UsageError);
  });
});

describe('parseCommand', () => {
  const options = { timeout: { type: 'string' }, wait: { type: 'boolean' } } as const;

  it('takes a negative number as the positional it was meant to be', () => {
    expect(parseCommand('charge', ['-5', '--wait'], options, ['amount'])).toMatchObject({
      positionals: ['-5'],
      values: { wait: true },
    });
  });

  it('does not steal an option value that looks negative, and hands it on to be judged', () => {
    for (const args of [
      ['100', '--timeout', '-5'],
      ['100', '--timeout=-5'],
      ['--timeout', '-5', '100'],
    ]) {
      expect(parseCommand('charge', args, options, ['amount'])).toMatchObject({
        positionals: ['100'],
        values: { timeout: '-5' },
      });
    }
  });

  it('words parse errors in both languages', () => {
    try {
      parseCommand('list', ['--jsn'], options, []);
      expect.unreachable();
    } catch (error) {
      expect((error as UsageError).words).toEqual({
        en: expect.stringContaining("Unknown option '--jsn'"),
        id: 'Opsi --jsn tidak dikenal untuk "list".',
      });
    }
  });
});

describe('formatting', () => {
  it('writes rupiah the Indonesian way', () => {
    expect([rupiah(0), rupiah(1000), rupiah(44000), rupiah(1_250_000), rupiah(-5000)]).toEqual([
      'Rp 0',
      'Rp 1.000',
      'Rp 44.000',
      'Rp 1.250.000',
      '-Rp 5.000',
    ]);
  });

  it('shows shop-local time from the configured offset', () => {
    const ms = Date.UTC(2026, 10, 24, 20, 15, 0);
    expect(shopTime(ms, 420)).toBe('2026-11-25 03:15:00');
    expect([zoneName(420), zoneName(480), zoneName(540), zoneName(330)]).toEqual([
      'WIB',
      'WITA',
      'WIT',
      'UTC+5:30',
    ]);
  });

  it('pads table columns', () => {
    expect(table(['A', 'BB'], [['xyz', '1']])).toEqual(['A    BB', 'xyz  1']);
  });
});

describe('secrets', () => {
  it('redacts the server key, and its Basic-auth form, from everything written', () => {
    const key = 'SB-Mid-server-SuperSecret123';
    let written = '';
    const sink = { write: (chunk: string) => (written += chunk) };
    const out = new Output({ env: {}, stdout: sink, stderr: sink }, [key]);
    out.json({ echoed: key });
    out.note(`auth ${Buffer.from(`${key}:`).toString('base64')}`);
    out.line(`x${key}x`);
    expect(written).not.toContain(key);
    expect(written).not.toContain(Buffer.from(`${key}:`).toString('base64'));
    expect(written.match(/\[redacted\]/g)).toHaveLength(3);
  });

  it('describes a key by at most six characters and its length', () => {
    expect(describeKey('SB-Mid-server-abcdefghijklmnopqrstu')).toBe('starts "SB-Mid…", 35 characters');
    expect(describeKey('short12')).toBe('starts "s…", 7 characters');
    expect(describeKey('abc')).toBe('3 characters');
  });
});
