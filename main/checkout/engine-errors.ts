/** What the engine refuses, and why: the api turns these into the contract's bilingual errors. */
import { ORDER_ID_MAX_LENGTH, ORDER_ID_PATTERN } from '../../common/midtrans-limits.ts';
import type { SaleProblem } from '../../common/sale-input.ts';

/** Bad input for a sale: nothing was journaled or sent. */
export class SaleInputError extends Error {
  readonly code = 'invalid-sale';
  readonly problems: SaleProblem[];
  constructor(problems: SaleProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message.en}`).join('; '));
    this.name = 'SaleInputError';
    this.problems = problems;
  }
}

export type EngineErrorCode =
  | 'unknown-order'
  | 'order-final'
  | 'engine-stopped'
  | 'invalid-order-id'
  /** The order lives at another gateway (sandbox vs production vs training): not ours to touch. */
  | 'other-environment';

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

export function checkOrderId(orderId: unknown): asserts orderId is string {
  if (
    typeof orderId !== 'string' ||
    orderId.length > ORDER_ID_MAX_LENGTH ||
    !ORDER_ID_PATTERN.test(orderId)
  ) {
    throw new EngineError('invalid-order-id', `"${String(orderId).slice(0, 60)}" is not an order id`);
  }
}
