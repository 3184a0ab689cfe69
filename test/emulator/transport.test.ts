import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpStatusFor } from '../../main/emulator/wire.ts';
import { startHarness, uniqueOrderId } from './helpers.ts';
import type { Harness } from './helpers.ts';

// jsqr is CommonJS whose types declare an ES default export; under Node ESM that export sits one level down.
const jsQR = jsQRModule.default;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('error transport', () => {
  it('maps body codes to HTTP statuses per mode', () => {
    expect(
      [200, 201, 202, 400, 401, 402, 404, 406, 407, 412, 413, 414, 429, 500, 503].map((c) =>
        httpStatusFor(c, 'openapi'),
      ),
    ).toEqual([200, 200, 200, 400, 401, 200, 200, 200, 200, 200, 200, 200, 429, 500, 503]);
    expect(
      [200, 201, 400, 401, 402, 404, 406, 407, 412, 413, 414, 429, 503].map((c) =>
        httpStatusFor(c, 'mirror'),
      ),
    ).toEqual([200, 200, 400, 401, 402, 404, 406, 200, 412, 413, 414, 429, 503]);
  });

  for (const mode of ['openapi', 'mirror'] as const) {
    describe(`mode ${mode}`, () => {
      let h: Harness;
      beforeAll(async () => {
        h = await startHarness({ errorTransport: mode });
      });
      afterAll(() => h.emu.close());
      const expectHttp = (bodyCode: number) => (mode === 'mirror' ? bodyCode : 200);

      it('carries 404/406/412/413/414 as the mode says, 400 and 401 always on the status line, 407 always HTTP 200', async () => {
        const notFound = await h.call('GET', '/v2/ghost/status');
        expect([notFound.status, notFound.json['status_code']]).toEqual([expectHttp(404), '404']);

        const orderId = uniqueOrderId(mode);
        await h.charge({
          payment_type: 'qris',
          transaction_details: { order_id: orderId, gross_amount: 1000 },
        });
        const dup = await h.charge({
          payment_type: 'qris',
          transaction_details: { order_id: orderId, gross_amount: 1000 },
        });
        expect([dup.status, dup.json['status_code']]).toEqual([expectHttp(406), '406']);

        const refundPending = await h.call('POST', `/v2/${orderId}/refund`, { amount: 1 });
        expect([refundPending.status, refundPending.json['status_code']]).toEqual([expectHttp(412), '412']);

        const malformed = await h.call('POST', '/v2/charge', '{');
        expect([malformed.status, malformed.json['status_code']]).toEqual([expectHttp(413), '413']);

        h.emu.control.pay(orderId);
        const badAmount = await h.call('POST', `/v2/${orderId}/refund`, { amount: 999_999 });
        expect([badAmount.status, badAmount.json['status_code']]).toEqual([expectHttp(414), '414']);

        const invalid = await h.charge({ payment_type: 'qris', transaction_details: { gross_amount: 1000 } });
        expect(invalid.status).toBe(400);

        const unauthorized = await h.call('GET', '/v2/ghost/status', undefined, {
          authorization: 'Basic eDo=',
        });
        expect(unauthorized.status).toBe(401);

        const other = uniqueOrderId(mode);
        await h.charge({
          payment_type: 'gopay',
          transaction_details: { order_id: other, gross_amount: 1000 },
        });
        const expired = await h.call('POST', `/v2/${other}/expire`);
        expect([expired.status, expired.json['status_code']]).toEqual([200, '407']);
        const expiredStatus = await h.call('GET', `/v2/${other}/status`);
        expect([expiredStatus.status, expiredStatus.json['status_code']]).toEqual([200, '407']);

        const empty = await h.call('POST', '/v2/charge', '');
        expect(empty.status).toBe(500);
      });
    });
  }
});

describe('QR images and unknown paths', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.emu.close());

  it.each(['gopay', 'qris'] as const)('serves a PNG for a %s order without auth', async (type) => {
    const order = await h.newOrder(type);
    const actions = order['actions'] as { name: string; url: string }[];
    const url = actions.find((a) => a.name === 'generate-qr-code')?.url ?? '';
    expect(url).toBe(`${h.emu.url}/v2/${type}/${order['transaction_id'] as string}/qr-code`);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // The image must scan: decode it and compare with the payload the order was charged with.
    const image = PNG.sync.read(png);
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    expect(decoded?.data).toBe(h.emu.control.get(order['order_id'] as string)?.qrString);
    if (type === 'qris') expect(decoded?.data).toBe(order['qr_string']);
    expect(h.emu.control.requests().at(-1)).toMatchObject({ target: 'qr-code', authValid: false });
  });

  it('answers a JSON 404 for an unknown transaction or the wrong payment type', async () => {
    const order = await h.newOrder('qris');
    for (const path of ['/v2/qris/ghost/qr-code', `/v2/gopay/${order['transaction_id'] as string}/qr-code`]) {
      const res = await fetch(`${h.emu.url}${path}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(await res.json()).toMatchObject({ status_code: '404' });
    }
  });

  it.each([
    ['GET', '/'],
    ['GET', '/v2/charge'],
    ['POST', '/v1/charge'],
    ['GET', '/v2/x/y/z/status'],
    ['DELETE', '/v2/abc/status'],
  ])('answers %s %s with the HTML "- Ups -" page', async (method, path) => {
    const res = await h.call(method, path);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('- Ups -');
    expect(h.emu.control.requests().at(-1)?.target).toBe('unknown');
  });

  it('lets the deeplink simulator page pay a GoPay order via the app', async () => {
    const order = await h.newOrder('gopay');
    const deeplink =
      (order['actions'] as { name: string; url: string }[]).find((a) => a.name === 'deeplink-redirect')
        ?.url ?? '';
    const page = await fetch(deeplink);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Pay with GoPay');
    const paid = await fetch(deeplink, { method: 'POST' });
    expect(await paid.text()).toContain('Payment successful');
    expect(h.emu.control.get(order['order_id'] as string)).toMatchObject({
      transactionStatus: 'settlement',
      reportedPaymentType: 'gopay',
    });
  });
});
