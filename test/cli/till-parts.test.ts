/** The CLI's till pieces on their own: reading --sku, --discount, --type and the kiosk's pricing. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICING_SETTINGS } from '../../common/pricing/types.ts';
import { readChargeForm } from '../../main/cli/charge-request.ts';
import { readDiscount, readPaymentType, readSku, rupiahOrNaN } from '../../main/cli/sale-options.ts';
import { readTillSettings } from '../../main/cli/till-settings.ts';
import { UsageError } from '../../main/cli/usage.ts';
import type { KioskConfig } from '../../main/host/env-config.ts';
import { defaultDocument } from '../../main/settings/settings-document.ts';
import { tempDir } from './helpers.ts';

describe('readSku', () => {
  it.each([
    ['kopi-susu', { sku: 'kopi-susu', quantity: 1 }],
    ['kopi-susu:3', { sku: 'kopi-susu', quantity: 3 }],
    [' teh-botol : 12 ', { sku: 'teh-botol', quantity: 12 }],
    ['A.1_b:999', { sku: 'A.1_b', quantity: 999 }],
  ])('reads %j', (text, wanted) => {
    expect(readSku(text)).toEqual({ ...wanted, text });
  });

  it.each(['kopi:0', 'kopi:1000', 'kopi:1.5', 'kopi:-1', 'kopi:', ':2', ''])('refuses %j', (text) => {
    expect(() => readSku(text)).toThrow(UsageError);
  });
});

describe('readDiscount', () => {
  it.each([
    ['10%', { kind: 'percent', value: 10 }],
    ['12,5%', { kind: 'percent', value: 12.5 }],
    ['12.5 %', { kind: 'percent', value: 12.5 }],
    ['150%', { kind: 'percent', value: 150 }],
    ['-5%', { kind: 'percent', value: -5 }],
    ['5000', { kind: 'amount', value: 5000 }],
    ['5.000', { kind: 'amount', value: 5000 }],
    ['5,000', { kind: 'amount', value: 5000 }],
    ['12.5', { kind: 'amount', value: 12.5 }],
    ['-2000', { kind: 'amount', value: -2000 }],
  ])('reads %j for the pricing to judge', (text, discount) => {
    expect(readDiscount(text)).toEqual(discount);
  });

  it.each(['lots', '10%%', '%', '', '1e3', 'Rp 5000'])('refuses %j as not a discount', (text) => {
    expect(() => readDiscount(text)).toThrow(UsageError);
  });
});

describe('readPaymentType and rupiahOrNaN', () => {
  it('knows the two gateway types, and points cash at --cash', () => {
    expect(readPaymentType('gopay')).toBe('gopay');
    expect(readPaymentType('qris')).toBe('qris');
    expect(() => readPaymentType('cash')).toThrow(/cash: --cash without --type/);
  });

  it('reads whole rupiah and hands anything else on as NaN', () => {
    expect([rupiahOrNaN('44.000'), rupiahOrNaN('-5'), rupiahOrNaN('0')]).toEqual([44_000, -5, 0]);
    expect([rupiahOrNaN('12.5'), rupiahOrNaN('abc')].every(Number.isNaN)).toBe(true);
  });
});

describe('readChargeForm', () => {
  const config: KioskConfig = {
    mode: 'training',
    serverKey: undefined,
    apiUrl: undefined,
    dataDir: '/nowhere',
    kioskTimeoutMs: undefined,
    paymentTypes: undefined,
  };

  it('makes the old form the cart the cashier screen makes of it', () => {
    expect(readChargeForm({}, '44.000', config)).toMatchObject({
      lines: [{ name: 'Jumlah', unitPrice: 44_000, quantity: 1 }],
      tender: { kind: 'gateway', paymentType: 'qris' },
    });
    expect(readChargeForm({ item: ['K1:Kopi:18000:2'], type: 'gopay' }, '36000', config)).toMatchObject({
      lines: [{ sku: 'K1', name: 'Kopi', unitPrice: 18_000, quantity: 2 }],
      tender: { kind: 'gateway', paymentType: 'gopay' },
    });
  });

  it('picks the tender from --cash and --type', () => {
    expect(readChargeForm({ sku: ['a'], cash: '50000' }, undefined, config).tender).toEqual({
      kind: 'cash',
      received: 50_000,
    });
    expect(readChargeForm({ sku: ['a'], cash: '20000', type: 'gopay' }, undefined, config).tender).toEqual({
      kind: 'split',
      cash: 20_000,
      paymentType: 'gopay',
    });
    expect(readChargeForm({ sku: ['a'] }, undefined, { ...config, paymentTypes: ['gopay'] }).tender).toEqual({
      kind: 'gateway',
      paymentType: 'gopay',
    });
  });

  it('puts the catalogue lines first and remembers what was typed for each field', () => {
    const form = readChargeForm(
      { sku: ['a:2', 'b'], item: ['X:Roti:5000:1'], discount: '10%', cash: '9.000' },
      undefined,
      config,
    );
    expect(form.skus.map((s) => s.sku)).toEqual(['a', 'b']);
    expect(form.lines).toEqual([{ sku: 'X', name: 'Roti', unitPrice: 5000, quantity: 1 }]);
    expect(form.typed).toEqual({
      'lines.0': 'a:2',
      'lines.1': 'b',
      'lines.2': 'X:Roti:5000:1',
      orderDiscount: '10%',
      cashReceived: '9.000',
    });
  });
});

describe('readTillSettings', () => {
  it('prices with the first-start defaults when the data folder has no settings', () => {
    expect(readTillSettings(tempDir())).toEqual({
      settings: { pricing: DEFAULT_PRICING_SETTINGS, approval: null },
      notes: [],
    });
  });

  it('reads the pricing and the discount threshold the kiosk stored', () => {
    const dir = tempDir();
    const pricing = { ...DEFAULT_PRICING_SETTINGS, servicePercent: 7.5 };
    fs.writeFileSync(
      path.join(dir, 'settings.json'),
      JSON.stringify({ ...defaultDocument(), pricing, discountApproval: { percent: 15, amount: 50_000 } }),
    );
    expect(readTillSettings(dir)).toEqual({
      settings: { pricing, approval: { percent: 15, amount: 50_000 } },
      notes: [],
    });
  });

  it('reads an older document as the kiosk would migrate it, and never writes it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'settings.json');
    const older = JSON.stringify({ language: 'en' });
    fs.writeFileSync(file, older);
    expect(readTillSettings(dir).settings.pricing).toEqual(DEFAULT_PRICING_SETTINGS);
    expect(fs.readFileSync(file, 'utf8')).toBe(older);
  });

  it('uses the default for a damaged pricing, as the kiosk repairs it, and says so', () => {
    const dir = tempDir();
    const document = { ...defaultDocument(), pricing: { tax: { kind: 'vat', ratePercent: 300 } } };
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(document));
    const read = readTillSettings(dir);
    expect(read.settings.pricing).toEqual(DEFAULT_PRICING_SETTINGS);
    expect(read.notes).toEqual([expect.stringContaining('the stored pricing is damaged')]);
  });
});
