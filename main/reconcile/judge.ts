/**
 * What one gateway answer means for one journaled order, and what is adopted for it. Runs inside
 * the transaction that records the order's check, so an adoption and its finding are committed
 * together or not at all.
 *
 * Adopted, through the paths the rest of the kiosk already trusts:
 * - an order still open here (created, charging, pending, review) takes the gateway's outcome by
 *   the checkout's status flow (CheckoutEngine.adoptStatus): the same verification and the same
 *   contradiction rules a poll applies — a settlement is paid only if the client verified its
 *   signature_key and the flow accepts its status_code, fraud status and settlement_time;
 * - refunds and chargebacks the gateway lists that the refunds module does not know are journaled
 *   by the refund desk, once per refund_key.
 * Never adopted: a final order never moves (paid here, expired there is a security finding; paid
 * there, expired here is money at risk for a manager, since the sale may have been paid another
 * way since). Those are recorded as events on the order's own timeline.
 */
import type { FindingKind, FindingSeverity } from '../../common/reconcile-contract.ts';
import { isFinalState, type OrderState, type OrderView } from '../../common/order.ts';
import { verdictOf } from '../checkout/order-machine.ts';
import type { Journal } from '../journal/journal.ts';
import type { OrderRow } from '../journal/types.ts';
import type { StatusResult } from '../midtrans/responses.ts';
import type { NewFinding } from './reconcile-store.ts';

/** The engine's and the refund desk's doors (CheckoutEngine.adoptStatus, RefundDesk.adoptFromStatus). */
export interface AdoptionDoors {
  adoptStatus(orderId: string, status: StatusResult): { order: OrderView; changed: boolean } | undefined;
  adoptRefunds(orderId: string, status: StatusResult): { refundKey: string; amount: number }[];
  /** Refunds the journal knows for the order: made (refunded) or in doubt (requested), by key. */
  knownRefunds(orderId: string): { refundKey: string; amount: number; state: string }[];
}

/** What asking the gateway about one order gave. */
export type Answer =
  | { kind: 'status'; status: StatusResult }
  | { kind: 'not-found' }
  | { kind: 'untrusted'; why: string }
  | { kind: 'mismatch'; status: StatusResult; why: string };

const PAID_THERE = new Set(['settlement', 'refund', 'partial_refund', 'chargeback', 'partial_chargeback']);
const RETURNED_THERE = new Set(['refund', 'partial_refund', 'chargeback', 'partial_chargeback']);

function rp(amount: number): string {
  return `Rp ${amount}`;
}

function hereOf(row: OrderRow): string {
  return `${row.state} ${rp(row.grossAmount)}`;
}

function thereOf(status: StatusResult): string {
  const refunded = status.refundAmount > 0 ? `, refunded ${rp(status.refundAmount)}` : '';
  return `${status.transactionStatus} ${rp(status.grossAmount)}${refunded}`;
}

function finding(
  kind: FindingKind,
  severity: FindingSeverity,
  here: string,
  gateway: string,
  adopted: boolean,
  action: string,
): NewFinding {
  return { kind, severity, here, gateway, adopted, action };
}

export interface JudgeContext {
  journal: Journal;
  doors: AdoptionDoors;
  runId: number;
  at: number;
}

/** The findings for one order (adopting what may be adopted); each is also put on the order's timeline. */
export function judge(ctx: JudgeContext, row: OrderRow, answer: Answer): NewFinding[] {
  const found = classify(ctx, row, answer);
  for (const f of found) {
    ctx.journal.appendEvent(row.orderId, {
      kind: f.severity === 'security' ? 'security' : 'note',
      at: ctx.at,
      detail: {
        reconciliation: f.kind,
        runId: ctx.runId,
        severity: f.severity,
        here: f.here,
        gateway: f.gateway,
        adopted: f.adopted,
        action: f.action,
      },
    });
  }
  return found;
}

function classify(ctx: JudgeContext, row: OrderRow, answer: Answer): NewFinding[] {
  switch (answer.kind) {
    case 'not-found':
      // Only an order the gateway once answered about is expected there; a charge it never
      // received (the engine's own conclusion) is rightly unknown.
      if (row.transactionId === undefined) return [];
      return [
        finding(
          'unknown-at-gateway',
          row.state === 'settlement' ? 'money-at-risk' : 'notice',
          `${hereOf(row)}, transaction ${row.transactionId}`,
          '404 not found',
          false,
          'nothing adopted: check the order on the Midtrans dashboard',
        ),
      ];
    case 'untrusted':
      return [
        finding(
          'untrusted-answer',
          'security',
          hereOf(row),
          answer.why,
          false,
          'not adopted: the answer failed its checks',
        ),
      ];
    case 'mismatch':
      return [
        answer.status.orderId === row.orderId && answer.status.grossAmount !== row.grossAmount
          ? finding(
              'amount-differs',
              'money-at-risk',
              hereOf(row),
              thereOf(answer.status),
              false,
              'not adopted: an amount is never changed; check the Midtrans dashboard',
            )
          : finding(
              'untrusted-answer',
              'security',
              hereOf(row),
              answer.why,
              false,
              'not adopted: not this order',
            ),
      ];
    case 'status':
      return classifyStatus(ctx, row, answer.status);
  }
}

function classifyStatus(ctx: JudgeContext, row: OrderRow, status: StatusResult): NewFinding[] {
  const there = status.transactionStatus;
  const here = hereOf(row);
  const gateway = thereOf(status);
  const out: NewFinding[] = [];
  const paidHere = row.state === 'settlement';

  if (!paidHere && PAID_THERE.has(there)) {
    out.push(paidThere(ctx, row, status, here, gateway));
  } else if (paidHere && !PAID_THERE.has(there)) {
    out.push(
      finding(
        'state-differs',
        'security',
        here,
        gateway,
        false,
        'not adopted: a paid sale is never made unpaid; check the Midtrans dashboard and the order timeline',
      ),
    );
  } else if (!paidHere && !isFinalState(row.state) && there !== 'pending') {
    // Still open here, ended there (the kiosk was off, or lost the answer): the status flow takes it.
    const adopted = ctx.doors.adoptStatus(row.orderId, status);
    out.push(
      finding(
        'state-differs',
        'notice',
        here,
        gateway,
        adopted?.changed === true,
        adopted?.changed === true ? `now ${adopted.order.state} (status flow)` : 'no path: left as it is',
      ),
    );
  } else if (!paidHere && isFinalState(row.state) && unpaidEnd(there) !== row.state) {
    // Ended unpaid both here and there, but not the same way (or still pending there): a notice.
    if (!(there === 'failure' && row.state === 'failed')) {
      out.push(
        finding(
          'state-differs',
          there === 'pending' ? 'money-at-risk' : 'notice',
          here,
          gateway,
          false,
          there === 'pending'
            ? 'still payable at the gateway: cancel it on the Midtrans dashboard'
            : 'no path: final orders never move',
        ),
      );
    }
  }

  if (paidHere || RETURNED_THERE.has(there)) {
    const refund = refundedThere(ctx, row, status, here, gateway);
    if (refund !== undefined) out.push(refund);
  }
  return out;
}

function unpaidEnd(there: string): OrderState | undefined {
  switch (there) {
    case 'expire':
    case 'cancel':
    case 'deny':
      return there;
    case 'failure':
      return 'failed';
    default:
      return undefined;
  }
}

/** Paid at the gateway, not here: the loudest. Adopted only through the status flow. */
function paidThere(
  ctx: JudgeContext,
  row: OrderRow,
  status: StatusResult,
  here: string,
  gateway: string,
): NewFinding {
  const verdict = verdictOf(status);
  if (status.transactionStatus === 'settlement' && verdict.security !== undefined) {
    // Correctly signed, but not a settlement the status flow releases (code, fraud, settlement_time).
    if (!isFinalState(row.state)) ctx.doors.adoptStatus(row.orderId, status);
    return finding(
      'untrusted-answer',
      'security',
      here,
      `${gateway}: ${verdict.security}`,
      false,
      'not adopted',
    );
  }
  if (row.confirmedUnpaid !== undefined) {
    // The gateway confirmed this attempt ended unpaid, and now says paid: the status flow sets
    // the contradiction's alert and its security event; the order keeps its unpaid end.
    ctx.doors.adoptStatus(row.orderId, status);
    return finding(
      'paid-at-gateway',
      'money-at-risk',
      here,
      gateway,
      false,
      `contradiction: the gateway confirmed ${row.confirmedUnpaid} earlier; not released, alert set`,
    );
  }
  if (!isFinalState(row.state)) {
    const adopted = ctx.doors.adoptStatus(row.orderId, status);
    if (adopted?.changed === true) {
      return finding(
        'paid-at-gateway',
        'money-at-risk',
        here,
        gateway,
        adopted.order.state === 'settlement',
        `now ${adopted.order.state} (status flow): make sure the customer got the goods`,
      );
    }
  }
  return finding(
    'paid-at-gateway',
    'money-at-risk',
    here,
    gateway,
    false,
    'a final order never moves: hand over the goods or refund the payment (the sale may have been paid another way)',
  );
}

/** Refunds or chargebacks at the gateway that the journal does not (fully) know. */
function refundedThere(
  ctx: JudgeContext,
  row: OrderRow,
  status: StatusResult,
  here: string,
  gateway: string,
): NewFinding | undefined {
  const known = ctx.doors.knownRefunds(row.orderId);
  const knownKeys = new Set(known.map((r) => r.refundKey));
  const knownMade = known.filter((r) => r.state === 'refunded').reduce((s, r) => s + r.amount, 0);
  const unknownEntries = status.refunds.filter(
    (r) => r.refundKey === undefined || !knownKeys.has(r.refundKey),
  );
  const inDoubtListed = known
    .filter((r) => r.state === 'requested' && status.refunds.some((e) => e.refundKey === r.refundKey))
    .reduce((s, r) => s + r.amount, 0);
  if (unknownEntries.length === 0 && status.refundAmount <= knownMade + inDoubtListed) return undefined;
  const hereText = `${here}, refunds known ${rp(knownMade)}`;
  if (!paidHereOrNow(ctx, row)) {
    return finding(
      'refunded-at-gateway',
      'money-at-risk',
      hereText,
      gateway,
      false,
      'not adopted: the order is not paid in the journal',
    );
  }
  const written = ctx.doors.adoptRefunds(row.orderId, status);
  const after = ctx.doors
    .knownRefunds(row.orderId)
    .filter((r) => r.state !== 'refused')
    .reduce((s, r) => s + r.amount, 0);
  const complete = after >= status.refundAmount;
  const adopted = written.reduce((s, r) => s + r.amount, 0);
  return finding(
    'refunded-at-gateway',
    'money-at-risk',
    hereText,
    gateway,
    complete && written.length > 0,
    written.length > 0
      ? `${written.length} refund(s) of ${rp(adopted)} journaled by the refund desk${complete ? '' : '; the rest is not itemised by the gateway'}`
      : 'nothing itemised to adopt; check the Midtrans dashboard',
  );
}

function paidHereOrNow(ctx: JudgeContext, row: OrderRow): boolean {
  return ctx.journal.get(row.orderId)?.state === 'settlement';
}
