/**
 * Which refunds the emulated gateway turns down although the payment is settled and the amount is
 * left: the issuer will not take money back, or the refund window has passed. The windows are the
 * reference's (§4.4; shop-operations §4.1); which issuers refuse is not documented (UNCONFIRMED),
 * so it is a rule the test or trainer sets.
 */
import type { OrderRecord, RefundRuling } from './ledger.ts';
import type { RefundRules } from './types.ts';

export const DEFAULT_REFUND_RULES: Readonly<RefundRules> = { deniedIssuers: [], enforceWindows: true };

const DAY_MS = 86_400_000;

/** Days after settlement in which Midtrans takes a refund of this payment. */
export function refundWindowDays(order: OrderRecord): number {
  if (order.acquirer === 'airpay shopee') return 365;
  const scanned = order.paymentType === 'qris' || order.reportedPaymentType === 'qris';
  if (!scanned) return 45;
  // On-us: paid with the acquirer's own wallet (GoPay through the GoPay acquirer).
  return order.issuer === (order.acquirer ?? 'gopay') ? 45 : 7;
}

export function ruleRefund(
  rules: Readonly<RefundRules>,
  order: OrderRecord,
  now: number,
): RefundRuling | null {
  const issuer = order.issuer?.toLowerCase();
  if (issuer !== undefined && rules.deniedIssuers.some((denied) => denied.toLowerCase() === issuer)) {
    return 'denied-by-issuer';
  }
  const settled = order.settlementTimeMs;
  if (rules.enforceWindows && settled !== null && now - settled > refundWindowDays(order) * DAY_MS) {
    return 'window-passed';
  }
  return null;
}

/** Checks rules from an untrusted source (the HTTP control surface); a message when refused. */
export function parseRefundRules(input: Record<string, unknown>): Partial<RefundRules> | string {
  const unknown = Object.keys(input).filter((k) => k !== 'deniedIssuers' && k !== 'enforceWindows');
  if (unknown.length > 0) return `unknown field(s): ${unknown.join(', ')}`;
  const rules: Partial<RefundRules> = {};
  const { deniedIssuers, enforceWindows } = input;
  if (deniedIssuers !== undefined) {
    if (!Array.isArray(deniedIssuers) || !deniedIssuers.every((i) => typeof i === 'string' && i.length <= 50))
      return 'deniedIssuers must be a list of issuer names';
    rules.deniedIssuers = [...deniedIssuers];
  }
  if (enforceWindows !== undefined) {
    if (typeof enforceWindows !== 'boolean') return 'enforceWindows must be true or false';
    rules.enforceWindows = enforceWindows;
  }
  return rules;
}
