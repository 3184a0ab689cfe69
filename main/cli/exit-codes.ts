/**
 * The CLI's exit codes, one meaning each, so a script can branch on the outcome of a sale
 * without reading the output.
 */
import type { OrderState } from '../../common/order.ts';

export const EXIT = {
  /** Settled (paid), or without --wait: QR ready. Every doctor check passed. */
  ok: 0,
  unexpected: 1,
  /** Bad input, usage or configuration; nothing was journaled or sent. */
  usage: 2,
  /** The order ended unpaid (expire, cancel, deny, failed), or the gateway does not know it. */
  endedUnpaid: 3,
  /** The outcome is still open or unknown; the journal keeps the order for `kiosk recover`. */
  stillOpen: 4,
  /** At least one doctor check failed. */
  doctorFailed: 5,
  /** No refund was made: the shop's rules or the gateway refused it, or the gateway could not be asked. */
  refundRefused: 6,
  /** `kiosk print`: the printer did not take the receipt (the message says why). */
  printFailed: 7,
  /** Reconciliation found money at risk (paid at the gateway, not here; amounts; refunds) or a security contradiction. */
  reconcileFindings: 8,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitForState(state: OrderState): ExitCode {
  switch (state) {
    case 'settlement':
      return EXIT.ok;
    case 'expire':
    case 'cancel':
    case 'deny':
    case 'failed':
      return EXIT.endedUnpaid;
    case 'created':
    case 'charging':
    case 'pending':
    case 'review':
      return EXIT.stillOpen;
  }
}
