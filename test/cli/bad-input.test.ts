/**
 * Refusals: every one exits 2 with words in Bahasa Indonesia and English on stderr, writes
 * nothing to stdout, and leaves the journal without an order (the till's: exactly as it was).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliInProcess, journalFingerprint, journalOrderCount, tempDir } from './helpers.ts';

function expectBilingual(stderr: string): void {
  expect(stderr).toMatch(/\n {2}id: \S/);
  expect(stderr).toMatch(/\n {2}en: \S/);
}

describe('kiosk refuses bad input', () => {
  it.each([
    [['charge', '0'], 'amount-too-small', 'Jumlah minimal Rp 1.'],
    [['charge', '-1'], 'amount-too-small', 'The amount must be at least Rp 1.'],
    [['charge', '12.5'], 'amount-not-whole', 'Jumlah harus rupiah bulat, tanpa sen.'],
    [['charge', '44000.50'], 'amount-not-whole', 'with no cents'],
    [['charge', 'abc'], 'amount-not-whole', 'amount "abc"'],
    [
      ['charge', '10000001', '--type', 'qris'],
      'amount-too-large',
      'Jumlah maksimal untuk QRIS adalah Rp 10.000.000.',
    ],
    [['charge', '10.000.001'], 'amount-too-large', 'The most QRIS accepts is Rp 10.000.000.'],
    [['charge', '20000001', '--type', 'gopay'], 'amount-too-large', 'GoPay'],
    [['charge', '5000', '--type', 'card'], 'payment-type-unknown', 'Jenis pembayaran harus GoPay atau QRIS.'],
    [['charge'], 'amount-missing', 'Masukkan jumlah pembayaran.'],
    [['charge', '--item', 'A1:Kopi:0:1'], 'item-invalid', 'must be whole rupiah above 0'],
    [['charge', '9000', '--item', 'A1:Kopi:8000:1'], 'items-sum-mismatch', 'tidak sama dengan jumlah'],
    [['charge', '--item', 'A1:Kopi'], 'usage', 'harus berformat kode:nama:harga:jumlah'],
    [['charge', '5000', '--timeout', '0'], 'usage', '--timeout harus bilangan bulat'],
    [['charge', '5000', '--simulate', 'steal'], 'usage', '--simulate must be one of pay, deny, expire'],
    [['charge', '5000', '6000'], 'usage', 'kelebihan: 6000'],
    [['charge', '5000', '--colour', 'red'], 'usage', 'Opsi --colour tidak dikenal'],
    [['refund', 'K1'], 'usage', '"refund" memerlukan --reason'],
    [['refund', 'K1', '12.5', '--reason', 'rusak'], 'usage', 'Jumlah harus rupiah bulat'],
    [['refund', 'bad id!', '--reason', 'rusak'], 'usage', 'bukan nomor pesanan'],
    [['pin', 'reset'], 'usage', 'kiosk pin set'],
    [['refunds', 'K1'], 'usage', 'Perintah "refunds" tidak dikenal.'],
    [[], 'usage', 'Tidak ada perintah.'],
    [['report', '--date', '2026-02-30'], 'usage', '--date harus tanggal kalender'],
    [['report', '--date', 'yesterday'], 'usage', 'not "yesterday"'],
    [['list', '--limit', '500'], 'usage', 'from 1 to 200'],
    [['status'], 'usage', 'memerlukan <order_id>'],
    [['status', 'bad id!'], 'usage', 'bukan nomor pesanan'],
    // "." and ".." would step out of /v2/{id}/status and ask another endpoint with the key.
    [['status', '..'], 'usage', 'bukan nomor pesanan'],
    [['status', '.'], 'usage', 'bukan nomor pesanan'],
    [['cancel', '..'], 'usage', 'bukan nomor pesanan'],
    // Without --wait the command returns at QR ready, so a timeout would silently mean nothing.
    [['charge', '5000', '--timeout', '30'], 'usage', '--timeout membatasi lama --wait menunggu'],
    // Control and bidi characters in a name must never reach a receipt printer or a screen.
    [['charge', '--item', 'A1:Ko\u202epi:5000:1'], 'item-invalid', 'hidden or control characters'],
    [['charge', '--item', 'A1:Kopi\u0007:5000:1'], 'item-invalid', 'karakter tersembunyi atau kontrol'],
    [['charge', '--item', 'A1:\ud800Kopi:5000:1'], 'item-invalid', 'hidden or control characters'],
  ])('%j → %s', async (args, code, words) => {
    const dataDir = tempDir();
    const result = await cliInProcess(args, { KIOSK_DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(code === 'usage' ? 'kiosk: usage:' : `sale refused (${code}`);
    expect(result.stderr).toContain(words);
    expectBilingual(result.stderr);
    expect(journalOrderCount(dataDir)).toBe(0);
  });

  it('refuses a negative amount in a real process too, not as an unknown option', async () => {
    const dataDir = tempDir();
    const result = await cli(['charge', '-5', '--type', 'gopay'], { KIOSK_DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sale refused (amount-too-small, amount "-5")');
    expectBilingual(result.stderr);
    expect(journalOrderCount(dataDir)).toBe(0);
  });

  it('refuses a payment type this till has not enabled', async () => {
    const dataDir = tempDir();
    const result = await cliInProcess(['charge', '5000', '--type', 'qris'], {
      KIOSK_DATA_DIR: dataDir,
      KIOSK_PAYMENT_TYPES: 'gopay',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('QRIS tidak diaktifkan di kasir ini.');
    expect(journalOrderCount(dataDir)).toBe(0);
  });
});

describe('kiosk refuses bad till input, leaving the journal as it was', () => {
  const sku = ['--sku', 'kopi-susu'];
  it.each([
    [
      ['charge', '--sku', 'no-such-sku', '--cash', '50000'],
      'sku-unknown',
      'SKU no-such-sku tidak ada di katalog.',
    ],
    [['charge', '0', '--cash', '5000'], 'price-too-small', 'Harga "Jumlah" harus lebih dari Rp 0.'],
    [['charge', '-500', ...sku, '--cash', '50000'], 'price-too-small', 'must be above Rp 0'],
    [['charge', '12.5', '--cash', '50000'], 'price-not-whole', 'harus rupiah bulat, tanpa sen'],
    [['charge', '--item', 'A1:Kopi:1500.5:1', '--cash', '5000'], 'price-not-whole', 'with no cents'],
    [[...['charge', ...sku], '--discount', '150%', '--cash', '50000'], 'discount-above-100-percent', '100 %'],
    [
      ['charge', ...sku, '--discount', '20000', '--cash', '50000'],
      'discount-above-subtotal',
      'subtotal Rp 18.000',
    ],
    [['charge', ...sku, '--discount', '-10%', '--cash', '50000'], 'discount-negative', 'tidak boleh negatif'],
    [['charge', ...sku, '--discount', '12.5', '--cash', '50000'], 'discount-not-whole', 'whole rupiah'],
    [['charge', ...sku, '--discount', 'lots', '--cash', '50000'], 'usage', '--discount harus persen (10%)'],
    [['charge', ...sku, '--discount', '100%', '--cash', '0'], 'nothing-to-pay', 'nothing to pay'],
    [['charge', ...sku, '--cash', '10000'], 'cash-below-total', 'kurang dari total Rp 18.000'],
    [['charge', ...sku, '--cash', '-5'], 'usage', '--cash adalah uang yang diterima'],
    [['charge', ...sku, '--cash', '18000.50'], 'cash-not-whole', 'Uang tunai harus rupiah bulat'],
    [
      ['charge', ...sku, '--cash', '18000', '--type', 'qris'],
      'split-cash-covers-total',
      'cash sale with change',
    ],
    [['charge', ...sku, '--cash', '0', '--type', 'qris'], 'split-cash-missing', 'bagian yang dibayar tunai'],
    [
      ['charge', ...sku, '--cash', '5000', '--type', 'card'],
      'usage',
      '--type harus salah satu dari gopay, qris',
    ],
    [['charge', '--sku', 'kopi-susu:0'], 'usage', 'jumlah harus bilangan bulat 1 sampai 999'],
    [['charge', '--sku', 'kopi-susu:1000'], 'usage', 'not "1000"'],
    [['charge', '--sku', ':2'], 'usage', 'tidak menyebut SKU'],
    [['charge', ...sku, '--cash', '50000', '--simulate', 'pay'], 'usage', 'penjualan tunai tidak punya QR'],
    [['charge', '5000', '--item', 'A1:Kopi:5000:1', '--cash', '5000'], 'usage', 'jangan keduanya'],
    [['charge', '--cash', '5000'], 'cart-empty', 'Keranjang masih kosong.'],
    [['charge', '--item', 'A 1:Kopi:5000:1', '--cash', '5000'], 'usage', 'kode harus 1–50 huruf'],
    [['charge', ...sku, '--cash'], 'usage', 'Nilai untuk opsi --cash <value> tidak valid'],
    [['catalogue'], 'usage', 'memerlukan salah satu dari import, export, list'],
    [['catalogue', 'remove', 'x'], 'usage', 'bukan "remove"'],
    [['catalogue', 'import'], 'usage', 'memerlukan berkas CSV'],
    [['catalogue', 'list', '--csv'], 'usage', 'Opsi --csv tidak dikenal untuk "catalogue list".'],
    [['catalogue', 'export', 'a.csv', 'b.csv'], 'usage', 'kelebihan: b.csv'],
  ])('%j → %s', async (args, code, words) => {
    const dataDir = tempDir();
    // Opened once first: training mode's first start seeds the catalogue.
    expect((await cliInProcess(['catalogue', 'list'], { KIOSK_DATA_DIR: dataDir })).code).toBe(0);
    const before = journalFingerprint(dataDir);
    const result = await cliInProcess(args, { KIOSK_DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(code === 'usage' ? 'kiosk: usage:' : `sale refused (${code}`);
    expect(result.stderr).toContain(words);
    expectBilingual(result.stderr);
    expect(journalFingerprint(dataDir)).toEqual(before);
  });

  it('refuses an inactive item by its SKU, and every unknown SKU at once', async () => {
    const dataDir = tempDir();
    const csv = path.join(dataDir, 'deactivate.csv');
    fs.writeFileSync(csv, 'sku;name;price;active\nkopi-susu;Kopi Susu;18000;0\n');
    expect((await cliInProcess(['catalogue', 'import', csv], { KIOSK_DATA_DIR: dataDir })).code).toBe(0);
    const before = journalFingerprint(dataDir);
    const result = await cliInProcess(
      ['charge', '--sku', 'kopi-susu', '--sku', 'nope-1', '--sku', 'nope-2:3', '--cash', '100000'],
      { KIOSK_DATA_DIR: dataDir },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sale refused (item-inactive, --sku "kopi-susu")');
    expect(result.stderr).toContain('Barang "Kopi Susu" tidak aktif dan tidak bisa dijual.');
    expect(result.stderr).toContain('sale refused (sku-unknown, --sku "nope-1")');
    expect(result.stderr).toContain('sale refused (sku-unknown, --sku "nope-2:3")');
    expectBilingual(result.stderr);
    expect(journalFingerprint(dataDir)).toEqual(before);
  });
});

describe('kiosk refuses a bad configuration, naming the variable', () => {
  it.each([
    [{ KIOSK_MODE: 'bogus' }, 'KIOSK_MODE'],
    [{ KIOSK_MODE: 'sandbox' }, 'MIDTRANS_SERVER_KEY'],
    [{ KIOSK_MODE: 'production' }, 'MIDTRANS_SERVER_KEY'],
    [{ MIDTRANS_API_URL: 'http://127.0.0.1:9' }, 'MIDTRANS_API_URL'],
    [{ KIOSK_TIMEOUT_SECONDS: '1.5' }, 'KIOSK_TIMEOUT_SECONDS'],
    [{ KIOSK_PAYMENT_TYPES: 'cash' }, 'KIOSK_PAYMENT_TYPES'],
  ])('%j', async (vars, variable) => {
    const dataDir = tempDir();
    const result = await cliInProcess(['charge', '5000'], { KIOSK_DATA_DIR: dataDir, ...vars });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`kiosk: configuration: ${variable}`);
    expect(result.stderr).toContain(`periksa variabel ${variable}`);
  });

  it('refuses an unusable key without printing it', async () => {
    const key = 'SB-Mid-server-has spaces in it';
    const result = await cliInProcess(['list'], {
      KIOSK_DATA_DIR: tempDir(),
      KIOSK_MODE: 'sandbox',
      MIDTRANS_SERVER_KEY: key,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('MIDTRANS_SERVER_KEY');
    expect(result.stderr).not.toContain('has spaces');
  });
});

describe('kiosk help', () => {
  it.each([[['help']], [['--help']], [['charge', '--help']]])(
    '%j lists every command, variable and exit code',
    async (args) => {
      const result = await cliInProcess(args, {});
      expect(result.code).toBe(0);
      for (const word of [
        'charge',
        'status',
        'cancel',
        'recover',
        'list',
        'report',
        'doctor',
        'catalogue import FILE.csv',
        'catalogue export [FILE.csv]',
        'catalogue list [--json]',
      ]) {
        expect(result.stdout).toContain(`\n  ${word}`);
      }
      for (const option of ['[--sku SKU[:QTY] ...]', '[--discount 10%|5000]', '[--cash AMOUNT]']) {
        expect(result.stdout).toContain(option);
      }
      for (const option of ['--sku', '--discount', '--cash']) {
        expect(result.stdout).toMatch(new RegExp(`\\n {6}${option} +\\S`));
      }
      for (const variable of [
        'KIOSK_MODE',
        'MIDTRANS_SERVER_KEY',
        'MIDTRANS_API_URL',
        'KIOSK_DATA_DIR',
        'KIOSK_TIMEOUT_SECONDS',
        'KIOSK_PAYMENT_TYPES',
      ]) {
        expect(result.stdout).toContain(variable);
      }
      for (const code of [0, 1, 2, 3, 4, 5])
        expect(result.stdout).toMatch(new RegExp(`\\n {2}${code} {2}\\S`));
    },
  );
});
