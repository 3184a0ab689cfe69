/**
 * The kiosk as the refund crash test runs it: a real process that opens the journal, asks for one
 * refund, and waits until none is in doubt. It SIGKILLs itself just before or after one exact write
 * of the refund: a refunds-table write, or a gateway exchange the desk journals in the order's log.
 *
 * Usage: node test/crash/refund-child.ts '<RefundChildSpec as JSON>'
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { KioskConfig } from '../../main/host/env-config.ts';
import { openKiosk } from '../../main/host/kiosk-services.ts';
import type { Journal } from '../../main/journal/journal.ts';
import type { RefundStore } from '../../main/refunds/refund-store.ts';
import { die } from './crash-point.ts';
import type { ChildLine, CrashPoint } from './protocol.ts';

export interface RefundChildSpec {
  apiUrl: string;
  serverKey: string;
  dataDir: string;
  /** The paid order to refund (all of it). */
  refund: { orderId: string };
  settleMs: number;
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

/** Counts the refund's writes and kills the process at the chosen one. */
function arm(store: RefundStore, journal: Journal, point: CrashPoint): () => number {
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
  const wrap = <K extends 'request' | 'resent' | 'resolve' | 'adopt' | 'cashOut' | 'note'>(
    name: K,
    label: (...args: Parameters<RefundStore[K]>) => string,
  ) => {
    const original = (store[name] as (...args: unknown[]) => unknown).bind(store);
    (store as unknown as Record<string, unknown>)[name] = (...args: Parameters<RefundStore[K]>) =>
      around(label(...args), '', () => original(...args));
  };
  wrap('request', () => 'request');
  wrap('resent', () => 'resent');
  wrap('resolve', (_key, outcome) => `resolve ${outcome.state}`);
  wrap('adopt', () => 'adopt');
  wrap('cashOut', () => 'cash-out');
  wrap('note', (_key, _at, kind) => `note ${kind}`);
  const appendEvent = journal.appendEvent.bind(journal);
  journal.appendEvent = (orderId, event) => {
    if (event.detail?.purpose !== 'refund') return appendEvent(orderId, event);
    const label = `gateway ${String(event.detail.operation)} ${String(event.detail.outcome)}`;
    around(label, orderId, () => appendEvent(orderId, event));
  };
  return () => writes;
}

const argument = process.argv[2];
if (argument === undefined) throw new Error('usage: refund-child.ts <RefundChildSpec JSON>');
const spec = JSON.parse(argument) as RefundChildSpec;

const config: KioskConfig = {
  mode: 'sandbox',
  apiUrl: spec.apiUrl,
  serverKey: spec.serverKey,
  dataDir: spec.dataDir,
  kioskTimeoutMs: 60_000,
  paymentTypes: undefined,
};
const kiosk = await openKiosk(config, {
  engine: { chargeSettleMs: 300, poll: { fastMs: 250, errorBaseMs: 200, errorCapMs: 1000 } },
  refunds: { settings: { settleMs: spec.settleMs, retryBaseMs: 50, retryCapMs: 300 } },
});
const writes = arm(kiosk.refunds.store, kiosk.journal, spec.crashAt);
kiosk.refunds.on((event) => say({ t: 'refund', key: event.refund.refundKey, state: event.refund.state }));

say({ t: 'ready', pid: process.pid, resumed: [], otherEnvironment: [] });

try {
  const outcome = await kiosk.refunds.create(
    { orderId: spec.refund.orderId, reason: 'crash test' },
    'crash-test',
  );
  say({ t: 'refund-outcome', complete: outcome.complete, keys: outcome.refunds.map((r) => r.refundKey) });
} catch (error) {
  const code = error instanceof Error && 'code' in error ? String(error.code) : message(error);
  say({ t: 'refund-refused', code });
}

// An answer in doubt is settled by the desk's follower: the crash point may lie among its writes.
while (kiosk.refunds.store.open().length > 0) await sleep(20);
say({ t: 'no-crash', writes: writes() });
setInterval(() => {}, 60_000);
