import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TRAINING_QUICK_ITEMS, QuickItemsFileError } from '../../main/catalogue/quick-items-file.ts';
import { ean13CheckDigit, isValidEan13 } from '../../main/catalogue/barcode.ts';
import { importLegacyQuickItemsOnce, LEGACY_IMPORT_KEY } from '../../main/catalogue/legacy-quick-items.ts';
import { seedWarungIfEmpty } from '../../main/catalogue/warung.ts';
import { freshStore, ok } from './helpers.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'legacy-items-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('EAN-13', () => {
  it('computes GS1 check digits', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1); // 4006381333931, a textbook example
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidEan13('400638133393')).toBe(false);
  });
});

describe('the warung training list', () => {
  it('seeds an empty catalogue with ~20 items in 4 categories, once', () => {
    const store = freshStore();
    expect(seedWarungIfEmpty(store)).toBe(20);
    expect(store.categories().map((c) => c.name)).toEqual(['Makanan', 'Minuman', 'Camilan', 'Kebutuhan']);
    const items = store.list();
    expect(items).toHaveLength(20);
    const barcodes = items.flatMap((i) => (i.barcode ? [i.barcode] : []));
    expect(barcodes.length).toBeGreaterThanOrEqual(5);
    for (const code of barcodes) {
      expect(code.startsWith('899')).toBe(true);
      expect(isValidEan13(code)).toBe(true);
    }
    expect(seedWarungIfEmpty(store)).toBe(0);
    expect(store.count()).toBe(20);
  });

  it('keeps the six old quick items, with their ids as SKUs', () => {
    const store = freshStore();
    seedWarungIfEmpty(store);
    for (const quick of TRAINING_QUICK_ITEMS) {
      expect(ok(store.bySku(quick.id))).toMatchObject({ name: quick.name, price: quick.price });
    }
  });

  it('leaves a catalogue that already has items alone', () => {
    const store = freshStore();
    ok(store.add({ name: 'Bakso', price: 15000 }));
    expect(seedWarungIfEmpty(store)).toBe(0);
    expect(store.list().map((i) => i.name)).toEqual(['Bakso']);
  });
});

describe('the one-time import of KIOSK_QUICK_ITEMS_FILE', () => {
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  it('imports the file once, ids as SKUs, and records that it did', () => {
    const store = freshStore();
    ok(store.add({ name: 'Kopi (lama)', price: 15000, sku: 'kopi' }));
    const file = write('items.json', [
      { id: 'kopi', name: 'Kopi Tubruk', price: 7000 },
      { id: 'roti', name: 'Roti Bakar', price: 15000 },
    ]);
    expect(importLegacyQuickItemsOnce(store, file)).toEqual({ kind: 'imported', file, added: 1, updated: 1 });
    expect(ok(store.bySku('kopi'))).toMatchObject({ name: 'Kopi Tubruk', price: 7000 });
    expect(ok(store.bySku('roti')).name).toBe('Roti Bakar');
    expect(JSON.parse(store.meta(LEGACY_IMPORT_KEY) ?? '{}')).toMatchObject({ file, added: 1, updated: 1 });
    // Edited after the import: a restart must not bring the file's values back.
    ok(store.update(ok(store.bySku('roti')).id, { price: 16000 }));
    expect(importLegacyQuickItemsOnce(store, file).kind).toBe('already-imported');
    expect(ok(store.bySku('roti')).price).toBe(16000);
  });

  it('does nothing without a file setting; a missing file is not marked done', () => {
    const store = freshStore();
    expect(importLegacyQuickItemsOnce(store, undefined)).toEqual({ kind: 'not-set' });
    const missing = path.join(dir, 'nope.json');
    expect(importLegacyQuickItemsOnce(store, missing)).toEqual({ kind: 'file-missing', file: missing });
    expect(store.meta(LEGACY_IMPORT_KEY)).toBeUndefined();
  });

  it('a bad file throws as it did at start-up, and writes nothing', () => {
    const store = freshStore();
    const file = write('bad.json', [
      { id: 'a', name: 'A', price: 1000 },
      { id: 'b', name: 'B', price: 10.5 },
    ]);
    expect(() => importLegacyQuickItemsOnce(store, file)).toThrow(QuickItemsFileError);
    expect(store.count()).toBe(0);
    expect(store.meta(LEGACY_IMPORT_KEY)).toBeUndefined();
  });
});
