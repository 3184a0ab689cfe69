/**
 * "Journal the intent before any external call", checked at the only moment it matters: when a
 * charge leaves. The gateway here is the real client, but before each charge is handed to it the
 * order's row is read from the journal file on a connection of its own, which sees only what has
 * been committed (what a crash at that instant would leave). The row must already say charging,
 * with the very Idempotency-Key the charge carries.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentGateway } from '../../main/checkout/gateway.ts';
import { chargeIdempotencyKey } from '../../main/midtrans/client.ts';
import { startHarness, type Harness } from './harness.ts';
import { swapEngine, until } from './engine-swap.ts';

let h: Harness;
afterEach(async () => h?.close());

interface Committed {
  state: string;
  attempt: number;
  attempt_key: string | null;
}

interface SeenCharge {
  /** The key the charge carried. */
  key: string;
  /** The order's row as committed in the journal file when the charge was handed over. */
  row: Committed | undefined;
}

function committedRow(file: string, orderId: string): Committed | undefined {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[string], Committed>('SELECT state, attempt, attempt_key FROM orders WHERE order_id = ?')
      .get(orderId);
  } finally {
    db.close();
  }
}

/** The harness's client, with a look at the journal file before every charge is sent. */
async function watchCharges(): Promise<SeenCharge[]> {
  const seen: SeenCharge[] = [];
  const file = h.journal.file;
  const client = h.client;
  const gateway: PaymentGateway = {
    charge: (input, call) => {
      seen.push({ key: call.idempotencyKey, row: committedRow(file, input.orderId) });
      return client.charge(input, call);
    },
    status: (id) => client.status(id),
    findStatus: (id) => client.findStatus(id),
    cancel: (id) => client.cancel(id),
    expire: (id) => client.expire(id),
    fetchQrCode: (url, maxBytes) => client.fetchQrCode(url, maxBytes),
  };
  await swapEngine(h, { gateway });
  return seen;
}

/** The keys the gateway received on charge requests, in arrival order. */
function keysOnTheWire(): (string | null)[] {
  return h.emu.control
    .requests()
    .filter((r) => r.target === 'charge')
    .map((r) => r.idempotencyKey);
}

describe('a charge leaves only after its attempt is committed', () => {
  it('a sale: the row is charging with attempt 1 and the charge key before the charge is sent', async () => {
    h = await startHarness();
    const seen = await watchCharges();
    const order = await h.engine.startSale({ paymentType: 'qris', amount: 44_000 });
    expect(order.state).toBe('pending');
    const key = chargeIdempotencyKey(order.orderId, 1);
    expect(seen).toEqual([{ key, row: { state: 'charging', attempt: 1, attempt_key: key } }]);
    expect(keysOnTheWire()).toEqual([key]);
  });

  it('a second attempt (the first never reached the gateway) is committed before it is sent', async () => {
    h = await startHarness();
    const seen = await watchCharges();
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'http-error', httpStatus: 503 } });
    const order = await h.engine.startSale({ paymentType: 'gopay', amount: 15_000 });
    expect(order.state).toBe('pending');
    expect(order.attempt).toBe(2);
    const keys = [chargeIdempotencyKey(order.orderId, 1), chargeIdempotencyKey(order.orderId, 2)];
    expect(seen).toEqual([
      { key: keys[0], row: { state: 'charging', attempt: 1, attempt_key: keys[0] } },
      { key: keys[1], row: { state: 'charging', attempt: 2, attempt_key: keys[1] } },
    ]);
    expect(keysOnTheWire()).toEqual(keys);
  });

  it('a replay to recover a lost answer re-sends the committed key, and only that key', async () => {
    h = await startHarness();
    const seen = await watchCharges();
    h.emu.control.injectFault({ target: 'charge', fault: { kind: 'drop-response' } });
    const order = await h.engine.startSale({ paymentType: 'gopay', amount: 21_000 });
    expect(order.state).toBe('pending');
    const key = chargeIdempotencyKey(order.orderId, 1);
    const charging = { state: 'charging', attempt: 1, attempt_key: key };
    expect(seen).toEqual([
      { key, row: charging },
      { key, row: charging },
    ]);
    expect(keysOnTheWire()).toEqual([key, key]);
  });

  it('an order recovered as created (a crash before its charge) is committed as charging first', async () => {
    h = await startHarness();
    const now = Date.now();
    h.journal.createOrder({
      orderId: 'K-CREATED-1',
      environment: 'test',
      paymentType: 'qris',
      grossAmount: 9_000,
      items: [],
      createdAt: now,
      deadlineAt: now + 15 * 60_000,
      businessDate: '2026-11-24',
    });
    const seen = await watchCharges();
    expect(h.engine.start().resumed).toEqual(['K-CREATED-1']);
    await until(() => h.engine.get('K-CREATED-1')?.state === 'pending', 'the recovered order to be pending');
    const key = chargeIdempotencyKey('K-CREATED-1', 1);
    expect(seen).toEqual([{ key, row: { state: 'charging', attempt: 1, attempt_key: key } }]);
    expect(keysOnTheWire()).toEqual([key]);
  });
});
