/**
 * Refusals: every one exits 2 with words in Bahasa Indonesia and English on stderr, writes
 * nothing to stdout, and leaves the journal without an order.
 */
import { describe, expect, it } from 'vitest';
import { cli, cliInProcess, journalOrderCount, tempDir } from './helpers.ts';

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
      for (const word of ['charge', 'status', 'cancel', 'recover', 'list', 'report', 'doctor']) {
        expect(result.stdout).toContain(`  ${word}`);
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
