/**
 * The server key must not leak through anything the client produces: error messages, stacks,
 * inspected error objects, the exchange log, or the client object itself.
 */
import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../main/emulator/index.ts';
import type { RunningEmulator } from '../../main/emulator/types.ts';
import { MidtransClient, type GatewayExchange } from '../../main/midtrans/client.ts';
import { secretForms } from '../../main/midtrans/redact.ts';
import { startScriptedGateway, type ScriptedGateway } from '../support/scripted-gateway.ts';

/** A fresh Idempotency-Key: each call here is a new charge attempt. */
const ik = () => ({ idempotencyKey: randomUUID() });

const KEY = 'SB-Mid-server-Sup3rS3cretKeyValue';
let emulator: RunningEmulator;
let gateway: ScriptedGateway;

beforeAll(async () => {
  emulator = await startEmulator({ serverKey: KEY });
  gateway = await startScriptedGateway();
});
afterAll(async () => {
  await emulator.close();
  await gateway.close();
});

function assertNoSecret(label: string, value: unknown): void {
  const texts = [
    inspect(value, { depth: Infinity, showHidden: true, getters: true }),
    JSON.stringify(value) ?? '',
    String(value),
    value instanceof Error ? `${value.message}\n${value.stack ?? ''}` : '',
  ];
  for (const text of texts) {
    for (const secret of secretForms(KEY)) {
      expect(text.includes(secret), `${label} leaks the key (${secret.slice(0, 6)}…)`).toBe(false);
    }
  }
}

describe('the server key never leaks', () => {
  it('from any error the client can raise, nor from the exchange log', async () => {
    const exchanges: GatewayExchange[] = [];
    const client = new MidtransClient({
      serverKey: KEY,
      baseUrl: emulator.url,
      timeouts: { chargeMs: 300, statusMs: 300 },
      onExchange: (e) => exchanges.push(e),
    });
    const errors: unknown[] = [];
    const capture = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: unknown) => void errors.push(e),
      );
    const c = emulator.control;

    await capture(client.charge({ paymentType: 'gopay', orderId: 'bad id', grossAmount: 1 }, ik()));
    await capture(client.charge({ paymentType: 'gopay', orderId: 'ok', grossAmount: 0.5 }, ik()));
    for (const fault of [
      { kind: 'drop-response' },
      { kind: 'reset' },
      { kind: 'delay', ms: 600 },
      { kind: 'http-error', httpStatus: 500 },
      { kind: 'rate-limit', retryAfterSeconds: 1 },
      { kind: 'malformed', body: 'html' },
      { kind: 'body-error', statusCode: '401' },
    ] as const) {
      c.injectFault({ target: 'charge', fault });
      await capture(
        client.charge({ paymentType: 'gopay', orderId: `k-${fault.kind}`, grossAmount: 1000 }, ik()),
      );
    }
    await capture(client.status('no-such-order'));
    await capture(client.cancel('no-such-order'));
    await capture(client.refund('no-such-order', { amount: 10 }));
    await capture(client.fetchQrCode(`${emulator.url}/v2/qris/none/qr-code`));
    c.injectFault({ target: 'status', fault: { kind: 'hang' } });
    await capture(client.status('k-drop-response'));

    // A gateway that echoes the credentials back in its messages (as a misconfigured proxy might).
    const echo = new MidtransClient({ serverKey: KEY, baseUrl: gateway.url });
    const basic = Buffer.from(`${KEY}:`).toString('base64');
    gateway.answer(
      {
        status: 401,
        body: {
          status_code: '401',
          status_message: `key ${KEY} refused`,
          validation_messages: [`Basic ${basic}`],
        },
      },
      {
        status: 200,
        body: {
          status_code: '200',
          order_id: 'sig',
          transaction_id: 't',
          gross_amount: '1.00',
          payment_type: 'gopay',
          transaction_status: 'settlement',
          signature_key: 'forged',
        },
      },
    );
    await capture(echo.charge({ paymentType: 'gopay', orderId: 'echo', grossAmount: 1000 }, ik()));
    await capture(echo.status('sig'));
    const wrongKey = new MidtransClient({ serverKey: KEY, baseUrl: emulator.url.replace(/:\d+$/, ':1') });
    await capture(wrongKey.status('x'));

    expect(errors.length).toBeGreaterThanOrEqual(17);
    const codes = new Set(errors.map((e) => (e as { code: string }).code));
    for (const code of [
      'invalid-request',
      'connection-lost',
      'timeout',
      'server-error',
      'rate-limited',
      'malformed-response',
      'unauthorized',
      'not-found',
      'signature-mismatch',
      'network',
    ]) {
      expect(codes, code).toContain(code);
    }
    errors.forEach((e, i) => assertNoSecret(`error #${i} (${(e as Error).message})`, e));
    assertNoSecret('exchange log', exchanges);
    assertNoSecret('the client object', client);
    for (const x of [client, echo, wrongKey]) x.close();
  });
});
