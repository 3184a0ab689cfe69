/**
 * The emulator's ledger across restarts (option ledgerFile), the way training mode uses it: the
 * kiosk restarts, the emulator restarts with it on another port, and the kiosk asks about its
 * unfinished orders through the real client.
 */
import { randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../main/clock.ts';
import { LedgerFileError, loadOrCreateTrainingKey, startEmulator } from '../../main/emulator/index.ts';
import type { OrderSnapshot, RunningEmulator } from '../../main/emulator/index.ts';
import { MidtransClient } from '../../main/midtrans/client.ts';
import type { ChargeResult, RefundResult } from '../../main/midtrans/responses.ts';
import { failure } from '../support/failure.ts';

// jsqr is CommonJS whose types declare an ES default export; under Node ESM that export sits one level down.
const jsQR = jsQRModule.default;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'emulator-ledger-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface StoredOrder {
  orderId: string;
  transactionId: string;
  status: string;
}
interface StoredLedger {
  format: string;
  version: number;
  clockAdvancedMs: number | null;
  orders: StoredOrder[];
}

const readStored = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as StoredLedger;
const storedStatus = (file: string, orderId: string) =>
  readStored(file).orders.findLast((o) => o.orderId === orderId)?.status;
const portOf = (url: string) => Number(new URL(url).port);

/** Holds a port so that the next emulator cannot be given it again by chance. */
async function occupy(port: number): Promise<() => Promise<void>> {
  const blocker = createServer();
  const listening = await new Promise<boolean>((resolve) => {
    blocker.once('error', () => resolve(false));
    blocker.listen(port, '127.0.0.1', () => resolve(true));
  });
  return () =>
    listening ? new Promise<void>((resolve) => blocker.close(() => resolve())) : Promise.resolve();
}

async function decodeQr(url: string): Promise<string | undefined> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/png');
  const image = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

async function startError(ledgerFile: string): Promise<LedgerFileError> {
  const error: unknown = await startEmulator({ ledgerFile }).then(
    async (emu) => {
      await emu.close();
      throw new Error('expected startEmulator to refuse the ledger file');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerFileError);
  return error as LedgerFileError;
}

describe('a restarted emulator on the same ledgerFile', () => {
  // One clock for both runs: the ledger's times must carry on, not restart.
  const clock = new ManualClock();
  const ids = {
    paid: 'persist-paid',
    refunded: 'persist-refunded',
    cancelled: 'persist-cancelled',
    toPay: 'persist-to-pay',
    toExpire: 'persist-to-expire',
    denied: 'persist-denied',
    lastMinute: 'persist-last-minute',
  };
  const charges = new Map<string, ChargeResult>();
  const chargeKeys = new Map<string, string>();
  /** Raw status answers before the restart, by order_id. */
  const before = new Map<string, Readonly<Record<string, unknown>>>();
  let listBefore: OrderSnapshot[];
  let refundAnswer: RefundResult;
  let ledgerFile: string;
  let serverKey: string;
  let first: RunningEmulator;
  let second: RunningEmulator;
  let client: MidtransClient;

  const charge = async (orderId: string, paymentType: 'gopay' | 'qris', grossAmount: number) => {
    const idempotencyKey = randomUUID();
    chargeKeys.set(orderId, idempotencyKey);
    const result = await client.charge({ paymentType, orderId, grossAmount }, { idempotencyKey });
    charges.set(orderId, result);
    clock.advance(1000);
    return result;
  };

  afterAll(async () => {
    client.close();
    await first.close();
    await second.close();
  });

  it('records charges, payments, a cancel and a refund in the first run', async () => {
    serverKey = loadOrCreateTrainingKey(join(dir, 'training', 'server-key'));
    ledgerFile = join(dir, 'training', 'ledger.json');
    first = await startEmulator({ clock, serverKey, ledgerFile });
    client = new MidtransClient({ serverKey, baseUrl: first.url });

    await charge(ids.paid, 'gopay', 44000);
    first.control.pay(ids.paid);
    await charge(ids.refunded, 'qris', 50000);
    first.control.pay(ids.refunded, { issuer: 'ovo' });
    refundAnswer = await client.refund(ids.refunded, {
      refundKey: 'rf-persist-1',
      amount: 20000,
      reason: 'one item returned',
    });
    await charge(ids.cancelled, 'qris', 10000);
    await client.cancel(ids.cancelled);
    await charge(ids.toPay, 'gopay', 15000);
    await charge(ids.toExpire, 'qris', 12000);

    for (const id of [ids.paid, ids.refunded, ids.cancelled, ids.toPay, ids.toExpire]) {
      before.set(id, (await client.status(id)).raw);
    }
    expect(before.get(ids.paid)).toMatchObject({ transaction_status: 'settlement', payment_type: 'qris' });
    expect(before.get(ids.refunded)).toMatchObject({ transaction_status: 'partial_refund' });
  });

  it('has each change on disk soon after it, without waiting for close', async () => {
    await charge(ids.denied, 'qris', 5000);
    const started = performance.now();
    first.control.deny(ids.denied);
    await vi.waitFor(() => expect(storedStatus(ledgerFile, ids.denied)).toBe('deny'), {
      timeout: 5000,
      interval: 2,
    });
    // The design target is one 10 ms debounce plus a write; 2 s is generous for a loaded 2-core
    // CI and still tells a background save from one left for close().
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('close() saves synchronously, even when nobody awaits it', async () => {
    await charge(ids.lastMinute, 'gopay', 9000);
    first.control.pay(ids.lastMinute, { via: 'gopay' });
    listBefore = first.control.list();
    const closed = first.close();
    expect(storedStatus(ledgerFile, ids.lastMinute)).toBe('settlement');
    await closed;
    expect(readdirSync(dirname(ledgerFile)).sort()).toEqual(['ledger.json', 'server-key']);
  });

  it('answers every status as before, signature verified, after a restart on another port', async () => {
    const release = await occupy(portOf(first.url));
    try {
      second = await startEmulator({ clock, serverKey, ledgerFile });
    } finally {
      await release();
    }
    expect(portOf(second.url)).not.toBe(portOf(first.url));
    client.close();
    client = new MidtransClient({ serverKey, baseUrl: second.url });

    expect(second.control.list()).toEqual(listBefore);
    for (const [id, raw] of before) {
      const byOrderId = await client.status(id);
      expect(byOrderId.raw).toEqual(raw);
      expect((await client.status(byOrderId.transactionId)).raw).toEqual(raw);
    }
    expect(await client.status(ids.paid)).toMatchObject({
      transactionId: charges.get(ids.paid)?.transactionId,
      transactionStatus: 'settlement',
      paymentType: 'qris',
      grossAmount: 44000,
      paid: true,
    });
    expect(await client.status(ids.refunded)).toMatchObject({
      transactionStatus: 'partial_refund',
      grossAmount: 50000,
      refundAmount: 20000,
      issuer: 'ovo',
      refunds: [{ refundKey: 'rf-persist-1', amount: 20000, reason: 'one item returned' }],
    });
    expect(await client.status(ids.cancelled)).toMatchObject({ transactionStatus: 'cancel', paid: false });
    expect(await client.status(ids.toPay)).toMatchObject({
      transactionStatus: 'pending',
      paymentType: 'gopay',
    });
    expect(await client.status(ids.toExpire)).toMatchObject({
      transactionStatus: 'pending',
      grossAmount: 12000,
    });
    expect(await client.status(ids.denied)).toMatchObject({ transactionStatus: 'deny', statusCode: '202' });
    expect(await client.status(ids.lastMinute)).toMatchObject({
      transactionStatus: 'settlement',
      paymentOptionType: 'GOPAY_WALLET',
    });
  });

  it('serves the QR images of loaded orders at their old path on the new port', async () => {
    for (const id of [ids.toPay, ids.toExpire, ids.refunded]) {
      const charged = charges.get(id);
      const old = new URL(charged?.qrCodeUrl ?? '');
      expect(old.origin).toBe(first.url);
      const decoded = await decodeQr(`${second.url}${old.pathname}`);
      expect(decoded).toBe(second.control.get(id)?.qrString);
      // GoPay charge answers carry no qr_string; QRIS ones must match the image.
      if (charged?.paymentType === 'qris') expect(decoded).toBe(charged.qrString);
    }
  });

  it('lets the pending order be paid after the restart', async () => {
    second.control.pay(ids.toPay);
    expect(await client.status(ids.toPay)).toMatchObject({
      transactionId: charges.get(ids.toPay)?.transactionId,
      transactionStatus: 'settlement',
      paymentType: 'qris',
      grossAmount: 15000,
      paid: true,
    });
  });

  it('replays a refund_key retried after the restart and keeps refund ids increasing', async () => {
    const again = await client.refund(ids.refunded, {
      refundKey: 'rf-persist-1',
      amount: 20000,
      reason: 'one item returned',
    });
    expect(again.raw).toEqual(refundAnswer.raw);
    const rest = await client.refund(ids.refunded, { refundKey: 'rf-persist-2' });
    expect(rest).toMatchObject({ refundAmount: 30000, transactionStatus: 'refund' });
    expect(rest.refundChargebackId).toBeGreaterThan(refundAnswer.refundChargebackId ?? Infinity);
    expect((await failure(client.refund(ids.paid, { refundKey: 'rf-persist-1', amount: 20000 }))).code).toBe(
      'duplicate',
    );
  });

  it('still answers 406 for an order_id that is held, and takes one freed by cancel', async () => {
    for (const id of [ids.paid, ids.refunded, ids.toExpire]) {
      const e = await failure(
        client.charge(
          { paymentType: 'qris', orderId: id, grossAmount: 1000 },
          { idempotencyKey: randomUUID() },
        ),
      );
      expect(e.code).toBe('duplicate');
    }
    // The Idempotency-Key cache lives in memory: a charge retried with its key after a restart is
    // not replayed, and the order_id it holds makes it a duplicate.
    const retried = await failure(
      client.charge(
        { paymentType: 'qris', orderId: ids.toExpire, grossAmount: 12000 },
        { idempotencyKey: chargeKeys.get(ids.toExpire) ?? '' },
      ),
    );
    expect(retried.code).toBe('duplicate');

    const oldTransactionId = charges.get(ids.cancelled)?.transactionId ?? '';
    const reused = await client.charge(
      { paymentType: 'qris', orderId: ids.cancelled, grossAmount: 10000 },
      { idempotencyKey: randomUUID() },
    );
    expect(reused).toMatchObject({ transactionStatus: 'pending', orderId: ids.cancelled });
    expect(reused.transactionId).not.toBe(oldTransactionId);
    expect((await client.status(ids.cancelled)).transactionId).toBe(reused.transactionId);
    expect((await client.status(oldTransactionId)).transactionStatus).toBe('cancel');
  });

  it('still expires a loaded pending order when the clock passes its expiry, and saves that', async () => {
    const expiry = charges.get(ids.toExpire)?.expiryTime ?? NaN;
    clock.advance(expiry - clock.now() - 1);
    expect((await client.status(ids.toExpire)).transactionStatus).toBe('pending');
    clock.advance(1);
    expect(await client.status(ids.toExpire)).toMatchObject({
      transactionStatus: 'expire',
      statusCode: '407',
    });
    expect(second.control.get(ids.toExpire)?.statusChangedAtMs).toBe(expiry);
    await vi.waitFor(() => expect(storedStatus(ledgerFile, ids.toExpire)).toBe('expire'), { timeout: 5000 });
  });

  it('keeps what happened after the first restart through the next one', async () => {
    const list = second.control.list();
    await second.close();
    second = await startEmulator({ clock, serverKey, ledgerFile });
    client.close();
    client = new MidtransClient({ serverKey, baseUrl: second.url });
    expect(second.control.list()).toEqual(list);
    expect(await client.status(ids.refunded)).toMatchObject({
      transactionStatus: 'refund',
      refundAmount: 50000,
    });
    expect(await client.status(ids.cancelled)).toMatchObject({ transactionStatus: 'pending' });
    expect(await client.status(ids.toExpire)).toMatchObject({ transactionStatus: 'expire' });
    expect(await client.status(ids.toPay)).toMatchObject({ paid: true });
  });
});

describe('the ledger file itself', () => {
  let counter = 0;
  const freshFile = () => join(dir, `case-${++counter}`, 'ledger.json');

  /** A genuine ledger with one settled order, as JSON to be damaged by a test. */
  async function validLedger(
    file: string,
  ): Promise<Record<string, unknown> & { orders: Record<string, unknown>[] }> {
    const emu = await startEmulator({ ledgerFile: file, clock: new ManualClock() });
    const client = new MidtransClient({ serverKey: emu.serverKey, baseUrl: emu.url });
    await client.charge(
      { paymentType: 'qris', orderId: 'valid-1', grossAmount: 3000 },
      { idempotencyKey: randomUUID() },
    );
    emu.control.pay('valid-1');
    await client.refund('valid-1', { refundKey: 'valid-refund', amount: 1000 });
    client.close();
    await emu.close();
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & {
      orders: Record<string, unknown>[];
    };
  }

  it('starts empty when the file is missing, creating it and its folders', async () => {
    const file = join(dir, 'new', 'deeper', 'ledger.json');
    const emu = await startEmulator({ ledgerFile: file });
    expect(emu.control.list()).toEqual([]);
    expect(readStored(file)).toMatchObject({ format: 'midtrans-emulator-ledger', version: 1, orders: [] });
    await emu.close();
  });

  it('refuses a file that is not JSON, with a clear error, and leaves it untouched', async () => {
    const file = freshFile();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '{"format": "midtrans-emulator-ledger", "version": 1, "orders": [');
    const error = await startError(file);
    expect(error.message).toContain(JSON.stringify(file));
    expect(error.message).toMatch(/is not valid JSON/);
    expect(error.message).toMatch(/move it aside to start with an empty ledger/);
    expect(error.file).toBe(file);
    expect(readFileSync(file, 'utf8')).toBe(
      '{"format": "midtrans-emulator-ledger", "version": 1, "orders": [',
    );
  });

  it('refuses an empty file and a JSON document that is not a ledger', async () => {
    const file = freshFile();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '');
    expect((await startError(file)).message).toMatch(/is not valid JSON/);
    for (const text of ['[]', 'null', '{"orders": []}']) {
      writeFileSync(file, text);
      expect((await startError(file)).message).toMatch(/is not an emulator ledger/);
    }
  });

  it('refuses a ledger of an unknown version', async () => {
    const file = freshFile();
    const ledger = await validLedger(file);
    writeFileSync(file, JSON.stringify({ ...ledger, version: 2 }));
    expect((await startError(file)).message).toMatch(/has version 2; this emulator reads only version 1/);
    const { version: _dropped, ...unversioned } = ledger;
    writeFileSync(file, JSON.stringify(unversioned));
    expect((await startError(file)).message).toMatch(/has no version/);
  });

  it('refuses a damaged record, naming the field', async () => {
    const file = freshFile();
    const ledger = await validLedger(file);
    const [order] = ledger.orders;
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...order, status: 'paid' }, /is corrupt: orders\[0\]\.status: /],
      [{ ...order, grossAmount: '3000' }, /orders\[0\]\.grossAmount: /],
      [{ ...order, refunds: [{}] }, /orders\[0\]\.refunds\[0\]\.refundChargebackId: /],
      [{ ...order, surprise: true }, /orders\[0\]: /],
    ];
    for (const [damaged, message] of cases) {
      writeFileSync(file, JSON.stringify({ ...ledger, orders: [damaged] }));
      expect((await startError(file)).message).toMatch(message);
    }
  });

  it('refuses a ledger whose indexes would be ambiguous', async () => {
    const file = freshFile();
    const ledger = await validLedger(file);
    writeFileSync(file, JSON.stringify({ ...ledger, orders: [ledger.orders[0], ledger.orders[0]] }));
    expect((await startError(file)).message).toMatch(/is corrupt: transaction_id \S+ appears twice/);
  });

  it('refuses a path it cannot read as a file', async () => {
    const file = freshFile();
    mkdirSync(file, { recursive: true });
    expect((await startError(file)).message).toMatch(/cannot be read/);
  });

  it('removes temp files that a crashed run left behind', async () => {
    const file = freshFile();
    await validLedger(file);
    const stale = `${file}.99999.7.tmp`;
    writeFileSync(stale, '{"half": ');
    const emu = await startEmulator({ ledgerFile: file });
    expect(existsSync(stale)).toBe(false);
    expect(emu.control.get('valid-1')).toMatchObject({
      transactionStatus: 'partial_refund',
      refundedAmount: 1000,
    });
    await emu.close();
  });

  it('close() rejects with a LedgerFileError when the last changes cannot be saved', async () => {
    const file = freshFile();
    const emu = await startEmulator({ ledgerFile: file, clock: new ManualClock() });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      rmSync(dirname(file), { recursive: true });
      const client = new MidtransClient({ serverKey: emu.serverKey, baseUrl: emu.url });
      await client.charge(
        { paymentType: 'qris', orderId: 'unsaved', grossAmount: 1000 },
        { idempotencyKey: randomUUID() },
      );
      client.close();
      const error: unknown = await emu.close().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LedgerFileError);
      expect((error as LedgerFileError).message).toMatch(/could not be saved: .*ENOENT/);
    } finally {
      logged.mockRestore();
    }
  });

  it('with the default clock, resumes at the time the clock had been advanced to', async () => {
    const file = freshFile();
    const hour = 3_600_000;
    const a = await startEmulator({ ledgerFile: file });
    a.control.advanceClock(2 * hour);
    await a.close();
    expect(readStored(file).clockAdvancedMs).toBe(2 * hour);

    const b = await startEmulator({ ledgerFile: file });
    const client = new MidtransClient({ serverKey: b.serverKey, baseUrl: b.url });
    const charged = await client.charge(
      { paymentType: 'qris', orderId: 'after-restart', grossAmount: 1000 },
      { idempotencyKey: randomUUID() },
    );
    // WIB times have whole seconds.
    expect(charged.transactionTime).toBeGreaterThanOrEqual(Date.now() + 2 * hour - 2000);
    client.close();
    await b.close();
  });
});

describe('loadOrCreateTrainingKey', () => {
  it('creates a key once, owner-only, and returns the same key afterwards', async () => {
    const file = join(dir, 'keys', 'nested', 'server-key');
    const key = loadOrCreateTrainingKey(file);
    expect(key).toMatch(/^SB-Mid-server-EMU[\w-]+$/);
    expect(loadOrCreateTrainingKey(file)).toBe(key);
    expect(readdirSync(dirname(file))).toEqual(['server-key']);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);

    // Usable by both sides.
    const emu = await startEmulator({ serverKey: key });
    const client = new MidtransClient({ serverKey: key, baseUrl: emu.url });
    await client.charge(
      { paymentType: 'gopay', orderId: 'key-check', grossAmount: 1000 },
      { idempotencyKey: randomUUID() },
    );
    expect(await client.status('key-check')).toMatchObject({ transactionStatus: 'pending' });
    client.close();
    await emu.close();
  });

  it('refuses a file that does not hold a usable key and leaves it alone', () => {
    const file = join(dir, 'keys', 'bad-key');
    for (const text of ['', '  \n', 'has:colon', 'has space']) {
      writeFileSync(file, text);
      expect(() => loadOrCreateTrainingKey(file)).toThrow(/does not hold a usable key/);
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
    writeFileSync(file, 'SB-Mid-server-mine\r\n');
    expect(loadOrCreateTrainingKey(file)).toBe('SB-Mid-server-mine');
  });
});
