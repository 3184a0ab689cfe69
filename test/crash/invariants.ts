/**
 * What must hold between the till's journal and the gateway's ledger however the till died.
 * Each check returns readable violations rather than asserting, so one failing run reports every
 * broken promise at once, with the order ids to look up.
 */
import { isFinalState } from '../../common/order.ts';
import type { OrderSnapshot, RequestLogEntry } from '../../main/emulator/index.ts';
import type { OrderRow } from '../../main/journal/types.ts';
import { chargeIdempotencyKey } from '../../main/midtrans/client.ts';

export interface Evidence {
  rows: readonly OrderRow[];
  /** control.list(): every charge attempt the gateway accepted, oldest first. */
  ledger: readonly OrderSnapshot[];
  requests: readonly RequestLogEntry[];
  /** Order ids the children reported as created (after the journal commit). */
  created: Iterable<string>;
}

/** A transaction that holds its order_id: a new charge for it would be a second live one. */
const LIVE = new Set(['pending', 'settlement', 'refund', 'partial_refund']);

function attemptsByOrder(ledger: readonly OrderSnapshot[]): Map<string, OrderSnapshot[]> {
  const by = new Map<string, OrderSnapshot[]>();
  for (const tx of ledger) {
    const list = by.get(tx.orderId);
    if (list === undefined) by.set(tx.orderId, [tx]);
    else list.push(tx);
  }
  return by;
}

/** Promises that hold at every instant, so also right after any kill. */
export function alwaysViolations(e: Evidence): string[] {
  const out: string[] = [];
  const rows = new Map<string, OrderRow>();
  for (const row of e.rows) {
    if (rows.has(row.orderId)) out.push(`${row.orderId}: two journal rows`);
    rows.set(row.orderId, row);
  }

  // Nothing lost: a sale the engine announced was committed.
  for (const id of e.created) {
    if (!rows.has(id)) out.push(`${id}: reported created but missing from the journal`);
  }

  // The journal commits an attempt's key before sending it: a charge whose key the journal
  // does not know was sent before its order (or attempt) was safe on disk.
  const keys = new Map<string, string>();
  for (const row of e.rows) {
    for (let attempt = 1; attempt <= row.attempt; attempt++) {
      keys.set(chargeIdempotencyKey(row.orderId, attempt), `${row.orderId}#${attempt}`);
    }
  }
  for (const request of e.requests) {
    if (request.target !== 'charge') continue;
    if (request.idempotencyKey === null || !keys.has(request.idempotencyKey)) {
      out.push(
        `charge request #${request.seq} carries key ${request.idempotencyKey} that no journaled attempt has`,
      );
    }
  }

  for (const [orderId, attempts] of attemptsByOrder(e.ledger)) {
    const row = rows.get(orderId);
    if (row === undefined) {
      out.push(`${orderId}: charged at the gateway (${attempts.length}x) but not in the journal`);
      continue;
    }
    if (attempts.length > row.attempt) {
      out.push(`${orderId}: ${attempts.length} gateway transactions for ${row.attempt} journaled attempts`);
    }
    // Never charged twice while live: each earlier attempt had ended before the next one was made.
    for (let i = 1; i < attempts.length; i++) {
      const earlier = attempts[i - 1];
      const later = attempts[i];
      if (earlier === undefined || later === undefined) continue;
      if (LIVE.has(earlier.transactionStatus) || earlier.statusChangedAtMs > later.transactionTimeMs) {
        out.push(
          `${orderId}: transaction ${later.transactionId} created while ${earlier.transactionId} ` +
            `was live (now ${earlier.transactionStatus})`,
        );
      }
    }
    const live = attempts.filter((tx) => LIVE.has(tx.transactionStatus));
    if (live.length > 1) out.push(`${orderId}: ${live.length} live transactions at the gateway`);
  }
  return out;
}

/** Once every order is final: the journal and the gateway tell the same story. */
export function finalViolations(e: Evidence): string[] {
  const out = alwaysViolations(e);
  const byOrder = attemptsByOrder(e.ledger);
  let journalSettled = 0;
  let journalSettledAmount = 0;
  for (const row of e.rows) {
    if (!isFinalState(row.state)) {
      out.push(`${row.orderId}: still ${row.state} after final recovery`);
      continue;
    }
    const attempts = byOrder.get(row.orderId) ?? [];
    const latest = attempts.at(-1);
    const live = attempts.filter((tx) => LIVE.has(tx.transactionStatus));
    if (row.state === 'settlement') {
      journalSettled += 1;
      journalSettledAmount += row.grossAmount;
    }
    if (row.state === 'failed') {
      if (live.length > 0) {
        out.push(`${row.orderId}: failed in the journal but ${live[0]?.transactionStatus} at the gateway`);
      }
      continue;
    }
    if (latest === undefined) {
      out.push(`${row.orderId}: ${row.state} in the journal but never charged at the gateway`);
      continue;
    }
    if (row.state !== latest.transactionStatus) {
      out.push(`${row.orderId}: ${row.state} in the journal, ${latest.transactionStatus} at the gateway`);
    }
    if (row.transactionId !== latest.transactionId) {
      out.push(
        `${row.orderId}: journal holds transaction ${row.transactionId}, the gateway's is ${latest.transactionId}`,
      );
    }
    if (row.grossAmount !== latest.grossAmount) {
      out.push(
        `${row.orderId}: amount ${row.grossAmount} in the journal, ${latest.grossAmount} at the gateway`,
      );
    }
  }
  // Nothing paid twice (or paid and missed): settlements match one for one, and in rupiah.
  const settled = e.ledger.filter((tx) => tx.transactionStatus === 'settlement');
  const settledAmount = settled.reduce((sum, tx) => sum + tx.grossAmount, 0);
  if (settled.length !== journalSettled || settledAmount !== journalSettledAmount) {
    out.push(
      `gateway settled ${settled.length} (Rp ${settledAmount}), journal ${journalSettled} (Rp ${journalSettledAmount})`,
    );
  }
  const pending = e.ledger.filter((tx) => tx.transactionStatus === 'pending');
  for (const tx of pending)
    out.push(`${tx.orderId}: transaction ${tx.transactionId} still pending at the gateway`);
  return out;
}
