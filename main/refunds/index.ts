/**
 * Refunds: money given back for a paid order or sale, through the gateway (QRIS/GoPay, journaled
 * with its refund_key before it is asked, an answer in doubt looked up by that key) or from the
 * drawer (cash). One face: the RefundDesk (refund-desk.ts). The rest of this folder is its parts.
 */
export { RefundDesk } from './refund-desk.ts';
export type {
  DrawerPulse,
  RefundAsk,
  RefundDeskDeps,
  RefundDeskOptions,
  RefundRecovery,
} from './refund-desk.ts';
export { RefundError, type RefundFailureCode } from './refund-errors.ts';
export { DEFAULT_REFUND_SETTINGS, type RefundGateway, type RefundSettings } from './refund-context.ts';
export { DEFAULT_REFUND_POLICY, type RefundPolicy } from './refund-policy.ts';
export type { RefundEventRecord, RefundRecord } from './refund-store.ts';
