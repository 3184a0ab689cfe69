/**
 * A refund's slip: the paper that goes in the drawer (or to the customer) when money is given
 * back at this till. Built from the refund as the journal holds it, so the slip says what the
 * journal says; the title is bilingual on every slip, like the training and copy marks, because a
 * cashier and an auditor must read it the same way.
 */
import type { RefundView } from '../../common/refund-contract.ts';
import type { SaleView } from '../../common/till-contract.ts';
import type { ReceiptLanguage, SlipDocument, SlipRow } from '../receipts/index.ts';
import { issuerName } from './issuers.ts';
import type { ReceiptContext } from './receipt-from-sale.ts';

export const REFUND_SLIP_TITLE = 'PENGEMBALIAN DANA / REFUND';

interface RefundSlipWords {
  amount: string;
  tender: string;
  cash: string;
  gateway: string;
  order: string;
  sale: string;
  reason: string;
  by: string;
  refundKey: string;
  who: Record<string, string>;
  signature: string;
}

const WORDS: Record<ReceiptLanguage, RefundSlipWords> = {
  id: {
    amount: 'Dikembalikan',
    tender: 'Lewat',
    cash: 'Tunai (dari laci)',
    gateway: 'QRIS/GoPay',
    order: 'No. pesanan asal',
    sale: 'No. penjualan asal',
    reason: 'Alasan',
    by: 'Oleh',
    refundKey: 'Kunci refund',
    who: { manager: 'Manajer', 'manager-pin': 'Manajer (PIN)', cli: 'Manajer (CLI)' },
    signature: 'Tanda tangan',
  },
  en: {
    amount: 'Refunded',
    tender: 'Through',
    cash: 'Cash (from the drawer)',
    gateway: 'QRIS/GoPay',
    order: 'Original order',
    sale: 'Original sale',
    reason: 'Reason',
    by: 'By',
    refundKey: 'Refund key',
    who: { manager: 'Manager', 'manager-pin': 'Manager (PIN)', cli: 'Manager (CLI)' },
    signature: 'Signature',
  },
};

/** How a gateway refund goes back: the wallet or bank the customer paid with, when the till knows. */
function gatewayTender(refund: RefundView, sale: SaleView | undefined, w: RefundSlipWords): string {
  const charge = sale?.charges.find((c) => c.orderId === refund.orderId);
  if (charge === undefined) return w.gateway;
  const kind = charge.paymentType === 'gopay' ? 'GoPay' : 'QRIS';
  const issuer = charge.issuer === undefined ? undefined : issuerName(charge.issuer);
  return issuer === undefined || issuer === kind ? kind : `${kind} (${issuer})`;
}

export function refundSlip(
  refund: RefundView,
  sale: SaleView | undefined,
  context: ReceiptContext,
): SlipDocument {
  const w = WORDS[context.language];
  const rows: SlipRow[] = [
    { label: w.amount, amount: refund.amount, strong: true },
    { label: w.tender, value: refund.tender === 'cash' ? w.cash : gatewayTender(refund, sale, w) },
  ];
  // Ids are wider than a 58 mm pair: each on a line of its own, under its label.
  if (refund.orderId !== undefined)
    rows.push({ label: `${w.order}:`, ruleAbove: true }, { label: refund.orderId });
  if (refund.saleId !== undefined && refund.saleId !== refund.orderId) {
    rows.push({ label: `${w.sale}:`, ...(refund.orderId === undefined ? { ruleAbove: true } : {}) });
    rows.push({ label: refund.saleId });
  }
  rows.push({ label: `${w.reason}:`, ruleAbove: true }, { label: refund.reason });
  rows.push({ label: w.by, value: w.who[refund.requestedBy] ?? refund.requestedBy });
  rows.push({ label: `${w.refundKey}:` }, { label: refund.refundKey });
  rows.push({ label: `${w.signature}:`, ruleAbove: true }, { label: '________________' });
  return {
    title: REFUND_SLIP_TITLE,
    shop: context.shop,
    time: refund.resolvedAt ?? refund.createdAt,
    utcOffsetMinutes: context.utcOffsetMinutes,
    rows,
    language: context.language,
    training: context.training,
    copy: false,
  };
}
