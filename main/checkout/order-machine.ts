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
  // A charge whose answer was lost may be adopted already final (paid or expired meanwhile).
  charging: ['charging', 'pending', ...FINAL_TARGETS],
  pending: FINAL_TARGETS,
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
}

/**
 * What a verified status answer means. Only `settlement` with `paid` (verified signature, fraud
 * accept) releases goods; anything doubtful keeps the order open and asking, never paid.
 */
export function verdictOf(status: StatusResult): GatewayVerdict {
  switch (status.transactionStatus) {
    case 'pending':
    case 'capture':
    case 'authorize':
      return { state: undefined };
    case 'settlement':
      return status.paid
        ? { state: 'settlement' }
        : {
            state: undefined,
            detail: `settlement with fraud_status ${status.fraudStatus ?? '?'}: not released`,
          };
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

export { isFinalState };
