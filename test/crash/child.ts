/**
 * The kiosk as a crash test runs it: a real process that opens the journal, recovers, and sells
 * until the parent SIGKILLs it. Nothing here may soften a crash (no signal handlers, no flushing
 * on exit): the parent must see exactly what a power cut or a killed Electron main would leave.
 *
 * Usage: node test/crash/child.ts '<ChildSpec as JSON>'
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { isFinalState } from '../../common/order.ts';
import type { KioskConfig } from '../../main/host/env-config.ts';
import { openKiosk } from '../../main/host/kiosk-services.ts';
import { armCrashPoint } from './crash-point.ts';
import type { ChildLine, ChildSpec } from './protocol.ts';
import { rng } from './random.ts';

function say(line: ChildLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

// An error the engine lets escape is a finding, not noise: report it and die loudly.
process.on('uncaughtException', (error) => {
  say({ t: 'error', where: 'uncaughtException', message: message(error) });
  process.exit(70);
});
process.on('unhandledRejection', (error) => {
  say({ t: 'error', where: 'unhandledRejection', message: message(error) });
  process.exit(70);
});

const argument = process.argv[2];
if (argument === undefined) throw new Error('usage: child.ts <ChildSpec JSON>');
const spec = JSON.parse(argument) as ChildSpec;
const random = rng(spec.seed);

const config: KioskConfig = {
  mode: 'sandbox',
  apiUrl: spec.apiUrl,
  serverKey: spec.serverKey,
  dataDir: spec.dataDir,
  kioskTimeoutMs: spec.kioskTimeoutMs,
  paymentTypes: undefined,
};
const kiosk = await openKiosk(config, {
  engine: {
    chargeSettleMs: spec.chargeSettleMs,
    poll: spec.poll,
    ...(spec.qrDownloadAttempts === undefined ? {} : { qrDownloadAttempts: spec.qrDownloadAttempts }),
  },
});
const { engine, journal } = kiosk;
const point = spec.crashAt;
const writes =
  point === undefined
    ? undefined
    : armCrashPoint(journal, point, {
        onWrite: (n, label, id) => say({ t: 'write', n, label, id }),
        onCrash: (label, id) => say({ t: 'crash-point', when: point.when, label, id }),
      });
const mine = new Set<string>();

// Subscribed before start(): recovery's own moves are part of what the parent checks.
engine.on((event) => {
  if (event.type === 'health') return say({ t: 'health', health: event.health });
  if (event.previousState === null) mine.add(event.order.orderId);
  say({
    t: 'order',
    id: event.order.orderId,
    state: event.order.state,
    prev: event.previousState,
    attempt: event.order.attempt,
    tid: event.order.transactionId ?? null,
  });
});

const summary = engine.start();
say({ t: 'ready', pid: process.pid, resumed: summary.resumed, otherEnvironment: summary.otherEnvironment });

const cancels: Promise<void>[] = [];
for (let n = 1; n <= spec.sales; n++) {
  await sleep(random.int(spec.salePauseMs[0], spec.salePauseMs[1]));
  const paymentType = random.pick(spec.paymentTypes);
  const amount = random.chance(0.1) ? 1 : random.int(1, 5000) * 100;
  say({ t: 'sale', n, paymentType, amount });
  try {
    const view = await engine.startSale({ paymentType, amount });
    say({ t: 'sale-done', id: view.orderId, state: view.state });
    if (!isFinalState(view.state) && random.chance(spec.cancelRate)) {
      const wait = random.int(0, 400);
      cancels.push(
        sleep(wait).then(async () => {
          say({ t: 'cancel', id: view.orderId });
          try {
            await engine.cancel(view.orderId);
          } catch (error) {
            // The order may have ended meanwhile (paid, expired): the engine refuses, rightly.
            if (!(error instanceof Error && 'code' in error && error.code === 'order-final')) {
              say({ t: 'error', where: 'cancel', message: message(error) });
            }
          }
        }),
      );
    }
  } catch (error) {
    say({ t: 'error', where: 'startSale', message: message(error) });
  }
}
await Promise.all(cancels);

const allFinal = (ids: Iterable<string>): boolean =>
  [...ids].every((id) => {
    const row = journal.get(id);
    return row !== undefined && isFinalState(row.state);
  });

if (writes !== undefined) {
  // Background work (the spare QR download) may still write after the sale has ended.
  while (!allFinal(mine)) await sleep(20);
  await sleep(300);
  say({ t: 'no-crash', writes: writes() });
}

if (spec.exitWhenFinal) {
  // Final means final in the journal, the only truth the next start-up would see.
  while (journal.openOrders().length > 0) await sleep(50);
  say({ t: 'final', orders: journal.countOrders() });
  await kiosk.close();
  process.exit(0);
}
// Otherwise keep following the open orders until the parent kills us.
setInterval(() => {}, 60_000);
