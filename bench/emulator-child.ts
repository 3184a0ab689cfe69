/**
 * The emulator in its own process for the memory bench: its ledger and request log keep every
 * order by design, and that growth must not be counted against the kiosk's heap.
 */
import { startEmulator } from '../main/emulator/index.ts';
import type { FromEmulator, ToEmulator } from './emulator-protocol.ts';

const send = (message: FromEmulator): void => {
  process.send?.(message);
};

const emu = await startEmulator({ latencyMs: 0 });

process.on('message', (raw: unknown) => {
  const message = raw as ToEmulator;
  switch (message.op) {
    case 'pay':
      try {
        emu.control.pay(message.orderId, { issuer: message.issuer });
        send({ id: message.id, ok: true });
      } catch (error) {
        send({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) });
      }
      return;
    case 'memory': {
      (globalThis as { gc?: () => void }).gc?.();
      const usage = process.memoryUsage();
      send({
        id: message.id,
        ok: true,
        memory: {
          heapUsed: usage.heapUsed,
          rss: usage.rss,
          orders: emu.control.list().length,
          loggedRequests: emu.control.requests().length,
        },
      });
      return;
    }
    case 'close':
      void emu.close().finally(() => {
        send({ id: message.id, ok: true });
        process.disconnect();
      });
  }
});

send({ op: 'ready', url: emu.url, serverKey: emu.serverKey });
