/**
 * The kiosk as a till crash test runs it: like child.ts, but every sale is a split sale made
 * through the till (cash now, the rest by QRIS/GoPay), recovery is the host's (the engine's, then
 * the till's), and the crash points include the till's own writes. With exitWhenFinal it plays
 * the cashier too: a sale left open with no charge under way is charged again or voided, as the
 * spec says, and the child exits once nothing is open.
 *
 * Usage: node test/crash/till-child.ts '<TillChildSpec as JSON>'
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { isFinalState } from '../../common/order.ts';
import type { SaleView } from '../../common/till-contract.ts';
import type { KioskConfig } from '../../main/host/env-config.ts';
import { openKiosk } from '../../main/host/kiosk-services.ts';
import { SaleBusyError } from '../../main/sales/till.ts';
import { armCrashPoint } from './crash-point.ts';
import type { ChildLine, TillChildSpec } from './protocol.ts';
import { rng } from './random.ts';

function say(line: ChildLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

process.on('uncaughtException', (error) => {
  say({ t: 'error', where: 'uncaughtException', message: message(error) });
  process.exit(70);
});
process.on('unhandledRejection', (error) => {
  say({ t: 'error', where: 'unhandledRejection', message: message(error) });
  process.exit(70);
});

const argument = process.argv[2];
if (argument === undefined) throw new Error('usage: till-child.ts <TillChildSpec JSON>');
const spec = JSON.parse(argument) as TillChildSpec;
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
  engine: { chargeSettleMs: spec.chargeSettleMs, poll: spec.poll },
});
const { engine, journal, till } = kiosk;
const point = spec.crashAt;
const writes =
  point === undefined
    ? undefined
    : armCrashPoint(
        journal,
        point,
        {
          onWrite: (n, label, id) => say({ t: 'write', n, label, id }),
          onCrash: (label, id) => say({ t: 'crash-point', when: point.when, label, id }),
        },
        { sales: true },
      );

engine.on((event) => {
  if (event.type === 'health') return say({ t: 'health', health: event.health });
  say({
    t: 'order',
    id: event.order.orderId,
    state: event.order.state,
    prev: event.previousState,
    attempt: event.order.attempt,
    tid: event.order.transactionId ?? null,
  });
});
const mine = new Set<string>();
const cashOf = (sale: SaleView): number =>
  sale.cash.filter((c) => c.state === 'taken').reduce((sum, c) => sum + c.amount, 0);
till.on((sale) => {
  say({
    t: 'till',
    id: sale.saleId,
    state: sale.state,
    paid: sale.paid,
    due: sale.due,
    cash: cashOf(sale),
    live: sale.liveOrderId ?? null,
  });
});

const summary = engine.start();
till.recover();
say({ t: 'ready', pid: process.pid, resumed: summary.resumed, otherEnvironment: summary.otherEnvironment });

for (let n = 1; n <= spec.sales; n++) {
  await sleep(random.int(spec.salePauseMs[0], spec.salePauseMs[1]));
  const paymentType = random.pick(spec.paymentTypes);
  say({ t: 'sale', n, paymentType, amount: spec.split.total });
  try {
    const view = await till.start({
      lines: [{ name: 'Nasi Goreng', unitPrice: spec.split.total, quantity: 1 }],
      tender: { kind: 'split', cash: spec.split.cash, paymentType },
    });
    mine.add(view.saleId);
    say({ t: 'till-done', id: view.saleId, state: view.state });
  } catch (error) {
    say({ t: 'error', where: 'till.start', message: message(error) });
  }
}

/** Nothing of this life still moving: every sale paid, voided, or waiting for the cashier. */
const settled = (ids: Iterable<string>): boolean =>
  [...ids].every((id) => {
    const sale = till.view(id);
    return sale !== undefined && (sale.state !== 'open' || sale.liveOrderId === undefined);
  });

if (writes !== undefined) {
  while (!settled(mine)) await sleep(20);
  // Background work (the spare QR download) may still write after the sale has ended.
  await sleep(300);
  say({ t: 'no-crash', writes: writes() });
}

if (spec.exitWhenFinal) {
  for (;;) {
    const open = till.openSales();
    const orders = journal.openOrders();
    if (open.length === 0 && orders.length === 0) break;
    for (const sale of open) {
      if (sale.liveOrderId !== undefined) continue;
      say({ t: 'cashier', action: spec.cashier, id: sale.saleId });
      try {
        if (spec.cashier === 'void') till.void(sale.saleId);
        else await till.chargeAgain(sale.saleId, random.pick(spec.paymentTypes));
      } catch (error) {
        // A charge of it may have started meanwhile (recovery's own): the till refuses, rightly.
        if (!(error instanceof SaleBusyError)) say({ t: 'error', where: 'cashier', message: message(error) });
      }
    }
    await sleep(50);
  }
  const allFinal = journal.openOrders().every((row) => isFinalState(row.state));
  say({ t: 'final', orders: allFinal ? journal.countOrders() : -1 });
  await kiosk.close();
  process.exit(0);
}
setInterval(() => {}, 60_000);
