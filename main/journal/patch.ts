/**
 * Applies an OrderPatch to a row in memory, so the journal can write the whole new row with one
 * prepared UPDATE and hand it back without reading it again.
 */
import type { OrderPatch, OrderRow } from './types.ts';

// A Record, so the compiler insists every patchable field is listed here.
const PATCHABLE: Record<keyof OrderPatch, 'required' | 'optional'> = {
  state: 'required',
  deadlineAt: 'required',
  attempt: 'required',
  attemptKey: 'optional',
  attemptSentAt: 'optional',
  transactionId: 'optional',
  gatewayStatus: 'optional',
  fraudStatus: 'optional',
  paidWith: 'optional',
  issuer: 'optional',
  acquirer: 'optional',
  qrPath: 'optional',
  qrSource: 'optional',
  qrString: 'optional',
  qrUrl: 'optional',
  deeplinkUrl: 'optional',
  gatewayExpiryAt: 'optional',
  settledAt: 'optional',
  finalAt: 'optional',
  cancelRequestedAt: 'optional',
  confirmedUnpaid: 'optional',
  endReason: 'optional',
  alert: 'optional',
  detail: 'optional',
};

function isPatchable(key: string): key is keyof OrderPatch {
  return Object.hasOwn(PATCHABLE, key);
}

/**
 * Throws TypeError, before anything is written, for a field a patch may not touch (an object
 * typed loosely elsewhere could carry grossAmount) or a required field set to null.
 */
export function applyPatch(row: OrderRow, patch: OrderPatch, updatedAt: number): OrderRow {
  const next: Record<string, unknown> = { ...row, updatedAt };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (!isPatchable(key)) throw new TypeError(`order field ${key} cannot be changed by an update`);
    if (value === null && PATCHABLE[key] === 'required') {
      throw new TypeError(`order field ${key} cannot be cleared`);
    }
    next[key] = value ?? undefined;
  }
  return next as unknown as OrderRow;
}
