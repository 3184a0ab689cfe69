/** The settings the screens see in browser mode: defaults, the kept language, quick items. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkSale } from '../../common/sale-input.ts';
import { openScreenSettings, type ScreenSettingsOptions } from '../../main/api/screen-settings.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-settings-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function open(extra: Partial<ScreenSettingsOptions> = {}) {
  return openScreenSettings({
    file: join(dir, 'screen-settings.json'),
    mode: 'training',
    paymentTypes: ['gopay', 'qris'],
    kioskTimeoutSeconds: 900,
    ...extra,
  });
}

function quickItemsFile(content: unknown): string {
  const file = join(dir, 'quick-items.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('screen settings', () => {
  it('training defaults: Bahasa Indonesia, Toko Latihan, and sample warung items that can be sold', () => {
    const settings = open().get();
    expect(settings).toMatchObject({
      mode: 'training',
      language: 'id',
      merchantName: 'Toko Latihan',
      paymentTypes: ['gopay', 'qris'],
      kioskTimeoutSeconds: 900,
    });
    expect(settings.quickItems).toHaveLength(6);
    expect(new Set(settings.quickItems.map((i) => i.id)).size).toBe(6);
    for (const item of settings.quickItems) {
      expect(item.id).toMatch(/^[A-Za-z0-9\-_.]{1,50}$/);
      const sale = checkSale({ paymentType: 'qris', items: [{ ...item, quantity: 1 }] });
      expect(sale.ok).toBe(true);
    }
    expect(settings.quickItems).toContainEqual({ id: expect.any(String), name: 'Kopi Susu', price: 18_000 });
  });

  it('other modes: "Kiosk" and no quick items; a given merchant name is used as it is', () => {
    expect(open({ mode: 'sandbox' }).get()).toMatchObject({ merchantName: 'Kiosk', quickItems: [] });
    expect(open({ mode: 'production', merchantName: '  Warung Bu Sri ' }).get().merchantName).toBe(
      'Warung Bu Sri',
    );
    expect(open({ merchantName: '   ' }).get().merchantName).toBe('Toko Latihan');
  });

  it('keeps the language across a restart, written atomically', () => {
    const first = open();
    expect(first.setLanguage('en').language).toBe('en');
    expect(first.get().language).toBe('en');
    expect(JSON.parse(readFileSync(join(dir, 'screen-settings.json'), 'utf8'))).toEqual({ language: 'en' });
    expect(readdirSync(dir)).toEqual(['screen-settings.json']);
    expect(open().get().language).toBe('en');
  });

  it('creates the folder the file lives in', () => {
    const settings = open({ file: join(dir, 'deeper', 'still', 'screen.json') });
    settings.setLanguage('en');
    expect(existsSync(join(dir, 'deeper', 'still', 'screen.json'))).toBe(true);
  });

  it.each([
    ['not JSON', '{"language": "en"'],
    ['an unknown language', '{"language": "fr"}'],
    ['not an object', '[1, 2, 3]'],
  ])('a file holding %s is reported and replaced by the defaults', (_what, content) => {
    const file = join(dir, 'screen-settings.json');
    writeFileSync(file, content);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(open().get().language).toBe('id');
    expect(logged).toHaveBeenCalledOnce();
    expect(String(logged.mock.calls[0]?.[0])).toContain(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ language: 'id' });
  });

  it('hands out copies, so no screen can change what the next one sees', () => {
    const settings = open();
    const seen = settings.get();
    seen.quickItems[0]!.price = 1;
    seen.paymentTypes.pop();
    expect(settings.get().quickItems[0]!.price).not.toBe(1);
    expect(settings.get().paymentTypes).toEqual(['gopay', 'qris']);
  });
});

describe('quick items file', () => {
  it('is used in any mode when it exists', () => {
    const file = quickItemsFile([
      { id: 'soto', name: 'Soto Ayam', price: 22_000 },
      { id: 'kerupuk', name: ' Kerupuk ', price: 2_000 },
    ]);
    expect(open({ mode: 'sandbox', quickItemsFile: file }).get().quickItems).toEqual([
      { id: 'soto', name: 'Soto Ayam', price: 22_000 },
      { id: 'kerupuk', name: 'Kerupuk', price: 2_000 },
    ]);
  });

  it('a missing file falls back to the mode default, and says so', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const missing = join(dir, 'nope.json');
    expect(open({ quickItemsFile: missing }).get().quickItems).toHaveLength(6);
    expect(open({ mode: 'sandbox', quickItemsFile: missing }).get().quickItems).toEqual([]);
    expect(String(logged.mock.calls[0]?.[0])).toContain(missing);
  });

  it.each([
    [
      'a price with cents',
      [
        { id: 'a', name: 'A', price: 1_000 },
        { id: 'b', name: 'Es Jeruk', price: 1500.5 },
      ],
      'entry 2 ("Es Jeruk")',
    ],
    ['a bad id', [{ id: 'kopi susu', name: 'Kopi', price: 1_000 }], 'entry 1'],
    ['an empty name', [{ id: 'x', name: '  ', price: 1_000 }], 'name'],
    ['a free item', [{ id: 'x', name: 'Gratis', price: 0 }], 'price'],
    ['an unknown field', [{ id: 'x', name: 'X', price: 1_000, harga: 1_000 }], 'harga'],
    [
      'the same id twice',
      [
        { id: 'x', name: 'X', price: 1_000 },
        { id: 'x', name: 'Y', price: 2_000 },
      ],
      'used twice',
    ],
    ['an object instead of a list', { id: 'x', name: 'X', price: 1_000 }, 'array'],
    ['broken JSON', '[{"id": "x"', 'JSON'],
  ])('%s stops the start with an error naming the file and the entry', (_what, content, words) => {
    const file = quickItemsFile(content);
    expect(() => open({ quickItemsFile: file })).toThrow(file);
    expect(() => open({ quickItemsFile: file })).toThrow(words);
  });
});
