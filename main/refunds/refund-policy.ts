/**
 * The shop's refund rules that the till checks before asking the gateway, so a refund the gateway
 * would refuse is refused here with a plain reason and nothing journaled. The numbers are the
 * reference's (midtrans-core-api.md §4.4, shop-operations.md §4.1); which issuers refuse refunds
 * is UNCONFIRMED there, so every one is a setting, and the gateway's own answer is still the last
 * word.
 */
import { formatRupiah } from '../../common/rupiah.ts';
import type { OrderRow } from '../journal/types.ts';
import type { Bilingual } from './refund-words.ts';

export interface RefundPolicy {
  /** Days after payment the gateway takes a refund back, by how the customer paid. */
  windowDays: {
    /** QRIS paid with the acquirer's own wallet (GoPay through GoPay). */
    qrisOnUs: number;
    /** QRIS paid with another wallet or bank app. */
    qrisOffUs: number;
    /** The GoPay app (deeplink or its own QR). */
    gopayApp: number;
    /** QRIS with the ShopeePay (airpay shopee) acquirer. */
    shopeepay: number;
  };
  /** Issuers that take no refunds back at all (lower case). */
  issuersWithoutRefunds: string[];
  /** Issuers that take only a full refund (lower case): the docs name ShopeePay and OVO. */
  issuersWithoutPartialRefunds: string[];
  /** false: this merchant has no online refunds (Midtrans keeps them off for POS until asked). */
  gatewayRefunds: boolean;
}

export const DEFAULT_REFUND_POLICY: Readonly<RefundPolicy> = {
  windowDays: { qrisOnUs: 45, qrisOffUs: 7, gopayApp: 45, shopeepay: 365 },
  issuersWithoutRefunds: [],
  issuersWithoutPartialRefunds: ['shopeepay', 'ovo'],
  gatewayRefunds: true,
};

const DAY_MS = 86_400_000;

export function policyOf(given: Partial<RefundPolicy> | undefined): RefundPolicy {
  return {
    windowDays: { ...DEFAULT_REFUND_POLICY.windowDays, ...given?.windowDays },
    issuersWithoutRefunds: (given?.issuersWithoutRefunds ?? DEFAULT_REFUND_POLICY.issuersWithoutRefunds).map(
      (i) => i.toLowerCase(),
    ),
    issuersWithoutPartialRefunds: (
      given?.issuersWithoutPartialRefunds ?? DEFAULT_REFUND_POLICY.issuersWithoutPartialRefunds
    ).map((i) => i.toLowerCase()),
    gatewayRefunds: given?.gatewayRefunds ?? DEFAULT_REFUND_POLICY.gatewayRefunds,
  };
}

/** How the window is named to the manager, and how long it is; undefined when it cannot be told. */
function windowOf(policy: RefundPolicy, order: OrderRow): { days: number; how: Bilingual } | undefined {
  const issuer = order.issuer?.toLowerCase();
  if (order.acquirer === 'airpay shopee')
    return { days: policy.windowDays.shopeepay, how: { id: 'QRIS ShopeePay', en: 'ShopeePay QRIS' } };
  const scanned = (order.paidWith ?? order.paymentType) === 'qris';
  if (!scanned)
    return { days: policy.windowDays.gopayApp, how: { id: 'aplikasi GoPay', en: 'the GoPay app' } };
  // Without the issuer the gateway alone can tell which window applies.
  if (issuer === undefined) return undefined;
  const onUs = issuer === (order.acquirer ?? 'gopay').toLowerCase();
  return onUs
    ? { days: policy.windowDays.qrisOnUs, how: { id: `QRIS dengan ${issuer}`, en: `QRIS with ${issuer}` } }
    : { days: policy.windowDays.qrisOffUs, how: { id: `QRIS dengan ${issuer}`, en: `QRIS with ${issuer}` } };
}

/**
 * Why the gateway would refuse this refund of a paid order, in plain words; null when the
 * rules allow it (the gateway may still say no).
 */
export function policyRefusal(
  policy: RefundPolicy,
  order: OrderRow,
  amount: number,
  left: number,
  now: number,
): Bilingual | null {
  if (!policy.gatewayRefunds) {
    return {
      id: 'Pengembalian dana lewat Midtrans tidak diaktifkan untuk toko ini (Midtrans mematikannya untuk kasir sampai diminta). Tidak ada uang yang dikembalikan.',
      en: 'Refunds through Midtrans are not enabled for this shop (Midtrans keeps them off for tills until asked). Nothing was refunded.',
    };
  }
  const issuer = order.issuer?.toLowerCase();
  if (issuer !== undefined && policy.issuersWithoutRefunds.includes(issuer)) {
    return {
      id: `Penerbit ${issuer} tidak menerima pengembalian dana lewat Midtrans. Tidak ada uang yang dikembalikan.`,
      en: `The issuer ${issuer} does not accept refunds through Midtrans. Nothing was refunded.`,
    };
  }
  if (issuer !== undefined && amount < left && policy.issuersWithoutPartialRefunds.includes(issuer)) {
    return {
      id: `Penerbit ${issuer} hanya menerima pengembalian penuh (${formatRupiah(left, ' ')}), bukan sebagian.`,
      en: `The issuer ${issuer} takes only a full refund (${formatRupiah(left, ' ')}), not part of it.`,
    };
  }
  const window = windowOf(policy, order);
  const paidAt = order.settledAt;
  if (window !== undefined && paidAt !== undefined && now - paidAt > window.days * DAY_MS) {
    return {
      id: `Batas waktu pengembalian dana sudah lewat: ${window.days} hari setelah pembayaran untuk ${window.how.id}. Tidak ada uang yang dikembalikan.`,
      en: `The refund window has passed: ${window.days} days after payment for ${window.how.en}. Nothing was refunded.`,
    };
  }
  return null;
}
