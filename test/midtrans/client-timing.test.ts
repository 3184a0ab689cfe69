/**
 * Timing the client reports to its callers: a 429's Retry-After in its HTTP-date form (the
 * engine pauses every poll until then), and a connection that never completes, which must be
 * reported as "nothing was sent" (a definite failure) rather than as an answer in doubt.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../main/midtrans/answer-errors.ts';
import { MidtransClient, type GatewayExchange } from '../../main/midtrans/client.ts';
import { MidtransRateLimitError } from '../../main/midtrans/errors.ts';
import { startBlackhole, type Blackhole } from '../support/blackhole.ts';
import { failure } from '../support/failure.ts';
import { startScriptedGateway, type ScriptedGateway } from '../support/scripted-gateway.ts';

const KEY = 'SB-Mid-server-timing-test';
let gateway: ScriptedGateway | undefined;
let blackhole: Blackhole | undefined;
let client: MidtransClient | undefined;
afterEach(async () => {
  client?.close();
  client = undefined;
  await gateway?.close();
  gateway = undefined;
  await blackhole?.close();
  blackhole = undefined;
});

const tooMany = (retryAfter: string) => ({
  status: 429,
  headers: { 'retry-after': retryAfter },
  body: { status_code: '429', status_message: 'Too many requests' },
});

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates, and ignores what it cannot read', () => {
    const now = Date.UTC(2026, 10, 24, 3, 0, 0);
    expect(retryAfterMs('Tue, 24 Nov 2026 03:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(['2', '9'], now)).toBe(2_000);
    // A date already past means "now", never a negative wait.
    expect(retryAfterMs('Tue, 24 Nov 2026 02:59:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it('an HTTP date on a 429 from the wire becomes the wait until that moment', async () => {
    gateway = await startScriptedGateway();
    client = new MidtransClient({ serverKey: KEY, baseUrl: gateway.url });
    // HTTP dates have whole seconds: a whole second 30 s ahead.
    const until = Math.ceil(Date.now() / 1000) * 1000 + 30_000;
    gateway.answer(tooMany(new Date(until).toUTCString()));
    const before = Date.now();
    const error = await failure(client.status('K-RATE-1'));
    const after = Date.now();
    expect(error).toBeInstanceOf(MidtransRateLimitError);
    expect(error).toMatchObject({ code: 'rate-limited', ambiguous: false, httpStatus: 429 });
    const wait = (error as MidtransRateLimitError).retryAfterMs;
    expect(wait).toBeGreaterThanOrEqual(until - after);
    expect(wait).toBeLessThanOrEqual(until - before);
  });

  it('an HTTP date already past: ask again at once', async () => {
    gateway = await startScriptedGateway();
    client = new MidtransClient({ serverKey: KEY, baseUrl: gateway.url });
    gateway.answer(tooMany(new Date(Date.now() - 60_000).toUTCString()));
    expect(await failure(client.status('K-RATE-2'))).toMatchObject({ code: 'rate-limited', retryAfterMs: 0 });
  });
});

describe('the connect stage', () => {
  it('a connection that never completes: a network error, nothing sent, not in doubt', async () => {
    blackhole = await startBlackhole();
    const exchanges: GatewayExchange[] = [];
    client = new MidtransClient({
      serverKey: KEY,
      baseUrl: blackhole.url,
      // The whole-call timeout is far away: only the connect timeout can end this call.
      timeouts: { connectMs: 300, chargeMs: 60_000 },
      onExchange: (e) => exchanges.push(e),
    });
    const started = Date.now();
    const error = await failure(
      client.charge(
        { paymentType: 'gopay', orderId: 'K-CONNECT-1', grossAmount: 10_000 },
        { idempotencyKey: 'connect-stage-test-key' },
      ),
    );
    expect(error).toMatchObject({ code: 'network', ambiguous: false, operation: 'charge' });
    expect(error.message).toMatch(/timed out after \d+ ms\); nothing was sent/);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(exchanges).toMatchObject([{ operation: 'charge', httpStatus: undefined, errorCode: 'network' }]);
  });
});
