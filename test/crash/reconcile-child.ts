/**
 * The kiosk as the reconciliation crash test runs it: a real process that opens the journal and
 * reconciles one day, SIGKILLing itself just before or after one exact write of the run: the run
 * row, an order's check (one transaction with its findings and adoptions), a journal event written
 * inside that transaction (a kill there is a kill mid-transaction), or the run's end.
 *
 * Usage: node test/crash/reconcile-child.ts '<ReconcileChildSpec as JSON>'
 */
import type { KioskConfig } from '../../main/host/env-config.ts';
import { openKiosk } from '../../main/host/kiosk-services.ts';
import type { Journal } from '../../main/journal/journal.ts';
import type { ReconcileStore } from '../../main/reconcile/reconcile-store.ts';
import { die } from './crash-point.ts';
import type { ChildLine, CrashPoint } from './protocol.ts';

export interface ReconcileChildSpec {
  apiUrl: string;
  serverKey: string;
  dataDir: string;
  date: string;
  crashAt: CrashPoint;
}

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

function arm(store: ReconcileStore, journal: Journal, point: CrashPoint): () => number {
  let writes = 0;
  let matching = 0;
  const around = <T>(label: string, id: string, write: () => T): T => {
    const hit = point.label === undefined || label.startsWith(point.label);
    const target = hit && ++matching === point.n;
    if (target && point.when === 'before') {
      say({ t: 'crash-point', when: 'before', label, id });
      die();
    }
    const result = write();
    writes += 1;
    say({ t: 'write', n: writes, label, id });
    if (target && point.when === 'after') {
      say({ t: 'crash-point', when: 'after', label, id });
      die();
    }
    return result;
  };
  const startRun = store.startRun.bind(store);
  store.startRun = (run) => around('start-run', '', () => startRun(run));
  const finishRun = store.finishRun.bind(store);
  store.finishRun = (...args) => around('finish-run', '', () => finishRun(...args));
  const record = store.record.bind(store);
  store.record = (...args) => around('check', args[1], () => record(...args));
  const appendEvent = journal.appendEvent.bind(journal);
  journal.appendEvent = (orderId, event) => {
    const reconciling = event.detail?.purpose === 'reconcile' || event.detail?.reconciliation !== undefined;
    if (!reconciling) return appendEvent(orderId, event);
    around(`inside ${event.kind}`, orderId, () => appendEvent(orderId, event));
  };
  return () => writes;
}

const argument = process.argv[2];
if (argument === undefined) throw new Error('usage: reconcile-child.ts <ReconcileChildSpec JSON>');
const spec = JSON.parse(argument) as ReconcileChildSpec;

const config: KioskConfig = {
  mode: 'sandbox',
  apiUrl: spec.apiUrl,
  serverKey: spec.serverKey,
  dataDir: spec.dataDir,
  kioskTimeoutMs: 60_000,
  paymentTypes: undefined,
};
const kiosk = await openKiosk(config, { reconcile: { rate: 50 } });
const writes = arm(kiosk.reconciler.store, kiosk.journal, spec.crashAt);
say({ t: 'ready', pid: process.pid, resumed: [], otherEnvironment: [] });
// As at start-up: a run left by an earlier life is resumed, else the day's run starts.
if (kiosk.reconciler.resume() === undefined) kiosk.reconciler.start(spec.date);
const halt = await kiosk.reconciler.settled();
say({ t: 'reconcile-done', halt: halt?.reason ?? null });
say({ t: 'no-crash', writes: writes() });
setInterval(() => {}, 60_000);
