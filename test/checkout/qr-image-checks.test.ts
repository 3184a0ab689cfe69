/**
 * The QR the customer pays is the one the gateway charged (issue 12, finding 10). The image URL
 * comes from the charge answer, so a tampered answer could name any image: it is fetched only
 * from Midtrans's hosts over https (loopback for this emulator), and where the answer also gave
 * the payload (qr_string), an image that does not decode to it is never kept or shown.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startTamperProxy, type TamperProxy } from '../support/tamper-proxy.ts';
import { finalOf, sleep, startHarness, type Harness } from './harness.ts';

let h: Harness;
let proxy: TamperProxy | undefined;
afterEach(async () => {
  await h?.close();
  await proxy?.close();
  proxy = undefined;
});

type Action = { name: string; url: string };

function rewriteQrUrl(
  to: (url: string) => string,
): (path: string, body: Record<string, unknown>) => Record<string, unknown> {
  return (path, body) => {
    if (!path.startsWith('/v2/charge') || !Array.isArray(body.actions)) return body;
    const actions = (body.actions as Action[]).map((a) =>
      a.name === 'generate-qr-code' ? { ...a, url: to(a.url) } : a,
    );
    return { ...body, actions };
  };
}

async function settle(condition: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await sleep(25);
}

it('qris: a spare image of another transaction is refused as a security event; the local QR stays', async () => {
  h = await startHarness({
    baseUrl: async (emu) => {
      proxy = await startTamperProxy(emu.url);
      return proxy.url;
    },
  });
  const first = await h.engine.startSale({ paymentType: 'qris', amount: 10_000 });
  const otherTid = first.transactionId!;
  proxy!.rewrite = rewriteQrUrl((url) =>
    url.replace(/\/v2\/qris\/[^/]+\/qr-code/, `/v2/qris/${otherTid}/qr-code`),
  );
  const order = await h.engine.startSale({ paymentType: 'qris', amount: 12_000 });
  expect(order.state).toBe('pending');
  expect(order.qr?.source).toBe('local');
  await settle(() => h.journal.events(order.orderId).some((e) => e.kind === 'security'));
  const security = h.journal.events(order.orderId).filter((e) => e.kind === 'security');
  expect(security).toHaveLength(1);
  expect(JSON.stringify(security[0]?.detail)).toMatch(/does not encode the qr_string/);
  expect(existsSync(join(h.dir, 'qr', `${order.orderId}.gateway.png`))).toBe(false);
  // The first sale's own spare copy was kept: the check refuses only a mismatch.
  await settle(() => existsSync(join(h.dir, 'qr', `${first.orderId}.gateway.png`)));
  expect(existsSync(join(h.dir, 'qr', `${first.orderId}.gateway.png`))).toBe(true);
});

it('gopay: an image URL off the gateway is never fetched; the charge is cancelled, not left payable', async () => {
  h = await startHarness({
    baseUrl: async (emu) => {
      proxy = await startTamperProxy(emu.url);
      return proxy.url;
    },
    engine: { qrDownloadAttempts: 1 },
  });
  proxy!.rewrite = rewriteQrUrl((url) => url.replace(/^http:\/\/127\.0\.0\.1:\d+/, 'http://evil.example'));
  const order = await h.engine.startSale({ paymentType: 'gopay', amount: 15_000 });
  const done = await finalOf(h, order);
  expect(done.state).toBe('cancel');
  expect(done.endReason).toBe('qr-unavailable');
  expect(h.emu.control.get(order.orderId)?.transactionStatus).toBe('cancel');
  const refused = h.journal
    .events(order.orderId)
    .filter((e) => e.kind === 'gateway' && e.detail.operation === 'qr-code');
  expect(refused.map((e) => e.detail.outcome)).toEqual(['invalid-request']);
  expect(String(refused[0]?.detail.message)).toMatch(/QR image URL refused/);
});
