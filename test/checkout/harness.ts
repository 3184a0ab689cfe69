/**
 * A checkout engine on a real journal in a temp folder, talking real HTTP to the emulator (or
 * to anything in front of it), with every event recorded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KioskEvent, OrderState, OrderView } from '../../common/order.ts';
import { CheckoutEngine, type EngineOptions } from '../../main/checkout/engine.ts';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../main/emulator/index.ts';
import { Journal } from '../../main/journal/journal.ts';
import { MidtransClient, type MidtransTimeouts } from '../../main/midtrans/client.ts';
import { QrStore } from '../../main/qr/qr-store.ts';

export interface Harness {
  dir: string;
  emu: RunningEmulator;
  client: MidtransClient;
  journal: Journal;
  engine: CheckoutEngine;
  events: KioskEvent[];
  states(orderId: string): OrderState[];
  /** Status requests the emulator logged for this order so far. */
  statusCalls(orderId: string): number;
  /** A second engine on the same journal (a restart), the first one stopped. */
  restart(options?: Partial<EngineOptions>): Promise<CheckoutEngine>;
  close(): Promise<void>;
}

export const FAST_POLL = { fastMs: 200, errorBaseMs: 100, errorCapMs: 400 };

export async function startHarness(
  options: {
    engine?: Partial<EngineOptions>;
    emulator?: EmulatorOptions;
    timeouts?: Partial<MidtransTimeouts>;
    /** Talk to this URL instead of the emulator (a proxy in front of it). */
    baseUrl?: (emu: RunningEmulator) => string | Promise<string>;
    /** A key other than the emulator's (to see a 401). */
    serverKey?: string;
  } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-engine-'));
  const emu = await startEmulator(options.emulator);
  const client = new MidtransClient({
    serverKey: options.serverKey ?? emu.serverKey,
    baseUrl: options.baseUrl ? await options.baseUrl(emu) : emu.url,
    ...(options.timeouts ? { timeouts: options.timeouts } : {}),
  });
  const journal = Journal.open(join(dir, 'journal.sqlite'));
  const events: KioskEvent[] = [];
  const build = (extra: Partial<EngineOptions> = {}) => {
    const engine = new CheckoutEngine(
      { journal, gateway: client, qrStore: new QrStore({ dir: join(dir, 'qr') }) },
      {
        environment: 'test',
        chargeSettleMs: 0,
        ...options.engine,
        ...extra,
        poll: { ...FAST_POLL, ...options.engine?.poll, ...extra.poll },
      },
    );
    engine.on((e) => events.push(e));
    return engine;
  };
  const harness: Harness = {
    dir,
    emu,
    client,
    journal,
    engine: build(),
    events,
    states: (orderId) =>
      events.flatMap((e) => (e.type === 'order' && e.order.orderId === orderId ? [e.order.state] : [])),
    statusCalls: (orderId) => {
      // The engine asks by transaction_id once it has one, by order_id before.
      const ids = [
        orderId,
        ...emu.control.list().flatMap((o) => (o.orderId === orderId ? [o.transactionId] : [])),
      ];
      return emu.control
        .requests()
        .filter((r) => r.target === 'status' && ids.some((id) => r.path.includes(`/${id}/`))).length;
    },
    async restart(extra) {
      await harness.engine.stop();
      harness.engine = build(extra);
      return harness.engine;
    },
    async close() {
      await harness.engine.stop();
      client.close();
      await emu.close();
      journal.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Collapses repeats: the state path an order took, as the screens saw it. */
export function path(states: OrderState[]): OrderState[] {
  return states.filter((s, i) => i === 0 || states[i - 1] !== s);
}

export async function finalOf(h: Harness, order: OrderView, timeoutMs = 8000): Promise<OrderView> {
  return h.engine.waitForFinal(order.orderId, timeoutMs);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
