/**
 * Puts the charge's QR on disk so the customer display never needs the network to show it.
 * QRIS answers carry qr_string: drawn locally, the QR is ready after one round trip, and the
 * gateway's own image is fetched afterwards as a spare. GoPay answers only carry the
 * generate-qr-code URL, so that download is on the critical path and is retried a little.
 */
import type { QrReady } from '../../common/order.ts';
import type { ChargeResult } from '../midtrans/responses.ts';
import { decodeQrPng } from '../qr/qr-decode.ts';
import type { EngineContext } from './context.ts';

const RETRY_PAUSES_MS = [250, 1000, 2000];

async function download(
  ctx: EngineContext,
  orderId: string,
  url: string,
  /** The charge's qr_string, when it had one: the image must encode exactly that. */
  expected: string | undefined,
): Promise<string> {
  const image = await ctx.call(
    orderId,
    'qr-code',
    () => ctx.gateway.fetchQrCode(url),
    (i) => ({
      bytes: i.png.length,
    }),
  );
  if (expected !== undefined && decodeQrPng(image.png) !== expected) {
    ctx.journal.appendEvent(orderId, {
      kind: 'security',
      at: ctx.clock.now(),
      detail: { qr: 'gateway image does not encode the qr_string of the charge answer; not used' },
    });
    throw new Error("the gateway's QR image does not encode the charge's qr_string");
  }
  const path = await ctx.qrStore.saveDownloaded(orderId, image.png);
  ctx.journal.appendEvent(orderId, { kind: 'qr', at: ctx.clock.now(), detail: { source: 'gateway', path } });
  return path;
}

function note(ctx: EngineContext, orderId: string, detail: Record<string, unknown>): void {
  ctx.journal.appendEvent(orderId, { kind: 'qr', at: ctx.clock.now(), detail });
}

export async function obtainQr(
  ctx: EngineContext,
  orderId: string,
  charge: ChargeResult,
): Promise<Omit<QrReady, 'qrString'> | undefined> {
  if (charge.qrString !== undefined) {
    try {
      const path = await ctx.qrStore.drawLocal(orderId, charge.qrString);
      note(ctx, orderId, { source: 'local', path });
      if (charge.qrCodeUrl !== undefined) {
        const url = charge.qrCodeUrl;
        // The spare copy must never hold up the sale, nor fail it.
        ctx.track(
          download(ctx, orderId, url, charge.qrString).catch((error: unknown) =>
            note(ctx, orderId, {
              source: 'gateway',
              error: error instanceof Error ? error.message : String(error),
            }),
          ),
        );
      }
      return { path, source: 'local' };
    } catch (error) {
      note(ctx, orderId, { source: 'local', error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (charge.qrCodeUrl === undefined) return undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      return { path: await download(ctx, orderId, charge.qrCodeUrl, charge.qrString), source: 'gateway' };
    } catch (error) {
      const pause = RETRY_PAUSES_MS[attempt];
      if (attempt + 1 >= ctx.settings.qrDownloadAttempts || pause === undefined) {
        note(ctx, orderId, {
          source: 'gateway',
          error: error instanceof Error ? error.message : String(error),
        });
        return undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
