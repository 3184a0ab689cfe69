/**
 * The order state machine: which moves are legal, and what a gateway status means for the sale.
 * Pure functions, so the rules can be read (and tested) apart from the I/O that drives them.
 */
import type { EndReason, OrderState } from '../../common/order.ts';
import { isFinalState } from '../../common/order.ts';
import type { StatusResult } from '../midtrans/responses.ts';

const FINAL_TARGETS: readonly OrderState[] = ['settlement', 'expire', 'cancel', 'deny', 'failed'];

const ALLOWED: Readonly<Record<OrderState, readonly OrderState[]>> = {
  created: ['charging', 'failed'],
  // charging → charging is the next attempt after the gateway said it never saw the last one.
  // A charge whose answer was lost may be adopted already final (paid or expired meanwhile), or
  // already held for review.
  charging: ['charging', 'pending', 'review', ...FINAL_TARGETS],
  pending: ['review', ...FINAL_TARGETS],
  // Held: the gateway decides (accept → paid, deny), or it ends otherwise.
  review: FINAL_TARGETS,
  settlement: [],
  expire: [],
  cancel: [],
  deny: [],
  failed: [],
};

export function canMove(from: OrderState, to: OrderState): boolean {
  return ALLOWED[from].includes(to);
}

export class IllegalTransitionError extends Error {
  readonly from: OrderState;
  readonly to: OrderState;
  constructor(from: OrderState, to: OrderState) {
    super(`an order cannot move from ${from} to ${to}`);
    this.name = 'IllegalTransitionError';
    this.from = from;
    this.to = to;
  }
}

export function assertMove(from: OrderState, to: OrderState): void {
  if (!canMove(from, to)) throw new IllegalTransitionError(from, to);
}

export interface GatewayVerdict {
  /** The order state this answer supports; undefined = still open, keep asking. */
  state: OrderState | undefined;
  endReason?: EndReason;
  detail?: string;
  /** The answer looks tampered with: journaled as a security event, never released. */
  security?: string;
}

/**
 * What a verified status answer means. Only `settlement` with `paid` (verified signature,
 * settlement's own "200", fraud accept, a settlement_time not before the transaction) releases
 * goods; a challenge holds the sale for review; anything doubtful keeps it open, never paid.
 */
export function verdictOf(status: StatusResult): GatewayVerdict {
  switch (status.transactionStatus) {
    case 'pending':
    case 'capture':
    case 'authorize':
      return { state: undefined };
    case 'settlement':
      return settlementVerdict(status);
    case 'deny':
    case 'cancel':
    case 'expire':
      return { state: status.transactionStatus };
    case 'failure':
      return { state: 'failed', endReason: 'gateway-failure', detail: 'the gateway reported failure' };
    case 'refund':
    case 'partial_refund':
    case 'chargeback':
    case 'partial_chargeback':
      // Paid and already (partly) returned before this till saw the payment: do not release goods.
      return {
        state: 'failed',
        endReason: 'gateway-failure',
        detail: `the gateway reports ${status.transactionStatus} before the kiosk saw the payment`,
      };
  }
}

function settlementVerdict(status: StatusResult): GatewayVerdict {
  if (status.paid) return { state: 'settlement' };
  const fraud = status.fraudStatus ?? '?';
  if (status.statusCode === '200' && status.fraudStatus === 'challenge') {
    return {
      state: 'review',
      detail:
        'payment held for review (fraud_status challenge): do not hand over goods yet; a manager decides',
    };
  }
  if (status.fraudStatus === 'deny') {
    return { state: 'deny', detail: 'the gateway settled the payment but its fraud check denied it' };
  }
  // The signature covers status_code, not transaction_status: "settlement" with another code,
  // or without a settlement_time after the transaction time, is another answer relabelled.
  const why =
    status.statusCode !== '200'
      ? `status_code ${status.statusCode}, not settlement's own "200"`
      : fraud !== 'accept'
        ? `fraud_status ${fraud}`
        : status.settlementTime === undefined
          ? 'no settlement_time'
          : 'a settlement_time before the transaction time';
  const words = `a "settlement" answer with ${why}: not released`;
  return { state: undefined, detail: words, security: words };
}

export { isFinalState };
