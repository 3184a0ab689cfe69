/**
 * The ReceiptDocument of a paid sale: its lines and totals as the till priced them (never priced
 * again), each tender as it was taken (cash with what was handed over and the change; QRIS with
 * the issuer Midtrans reported; GoPay), the Midtrans transaction id, and the shop's header and
 * footer from the settings. An order made before sales existed (the CLI's `kiosk charge`) gets
 * the same from its own items.
 */
import type { OrderView } from '../../common/order.ts';
import type { Discount, PriceBreakdown } from '../../common/pricing/types.ts';
import type { SaleChargeView, SaleView } from '../../common/till-contract.ts';
import type {
  ReceiptDocument,
  ReceiptLanguage,
  ReceiptLine,
  ReceiptTender,
  ReceiptTotals,
  ShopHeader,
} from '../receipts/index.ts';
import { issuerName } from './issuers.ts';

export interface ReceiptContext {
  shop: ShopHeader;
  footer?: string;
  language: ReceiptLanguage;
  /** A training-mode sale: "LATIHAN / TRAINING" across the receipt. */
  training: boolean;
  utcOffsetMinutes: number;
}

/** Not paid (open or voided): there is no receipt to print. */
export class NotPaidError extends Error {
  readonly code = 'not-paid';
  constructor(what: string) {
    super(`${what} is not paid, so it has no receipt`);
    this.name = 'NotPaidError';
  }
}

const LABELS: Readonly<Record<ReceiptLanguage, { discount: string; service: string }>> = {
  id: { discount: 'Diskon', service: 'Biaya layanan' },
  en: { discount: 'Discount', service: 'Service charge' },
};

function percent(value: number, language: ReceiptLanguage): string {
  const text = String(Math.round(value * 100) / 100);
  return `${language === 'id' ? text.replace('.', ',') : text}%`;
}

function discountLabel(given: Discount | undefined, language: ReceiptLanguage): string {
  const word = LABELS[language].discount;
  return given?.kind === 'percent' ? `${word} ${percent(given.value, language)}` : word;
}

function totalsOf(b: PriceBreakdown, cashOnly: boolean, language: ReceiptLanguage): ReceiptTotals {
  const totals: ReceiptTotals = {
    // Line discounts are printed under each line, so the subtotal is after them.
    subtotal: b.subtotal - b.lineDiscounts,
    discounts:
      b.orderDiscount > 0
        ? [{ label: discountLabel(b.orderDiscountGiven, language), amount: b.orderDiscount }]
        : [],
    total: cashOnly ? b.cashTotal : b.total,
  };
  if (b.service > 0) {
    totals.serviceCharge = {
      label: `${LABELS[language].service} ${percent(b.servicePercent, language)}`,
      amount: b.service,
    };
  }
  if (b.tax.kind !== 'none' && b.tax.amount > 0) {
    const name = b.tax.kind === 'pb1' ? 'PB1' : 'PPN';
    totals.tax = {
      label: `${name} ${percent(b.tax.ratePercent, language)}`,
      amount: b.tax.amount,
      inclusive: b.tax.inclusive,
    };
  }
  if (cashOnly && b.cashRounding !== 0) totals.rounding = b.cashRounding;
  return totals;
}

/** How a settled charge was paid: scanned QRIS (with the issuer) or the GoPay app. */
function chargeTender(
  charge: Pick<SaleChargeView, 'paymentType' | 'paidWith' | 'issuer' | 'transactionId' | 'amount'>,
): ReceiptTender {
  const kind = charge.paymentType === 'gopay' && charge.paidWith !== 'qris' ? 'gopay' : 'qris';
  const tender: ReceiptTender = { kind, amount: charge.amount };
  const issuer = issuerName(charge.issuer);
  if (kind === 'qris' && issuer !== undefined) tender.issuer = issuer;
  if (charge.transactionId !== undefined && charge.transactionId !== '')
    tender.transactionId = charge.transactionId;
  return tender;
}

function header(context: ReceiptContext, time: number) {
  return {
    kind: 'sale' as const,
    shop: context.shop,
    time,
    utcOffsetMinutes: context.utcOffsetMinutes,
    language: context.language,
    training: context.training,
    copy: false,
    ...(context.footer !== undefined && context.footer.trim() !== '' ? { footer: context.footer } : {}),
  };
}

export function receiptFromSale(sale: SaleView, context: ReceiptContext): ReceiptDocument {
  if (sale.state !== 'paid') throw new NotPaidError(`sale ${sale.saleId}`);
  const b = sale.breakdown;
  const settled = sale.charges.filter((c) => c.state === 'settlement');
  const cashOnly = sale.charges.length === 0;
  const lines: ReceiptLine[] = b.lines.map((line) => ({
    name: line.name,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    amount: line.gross,
    ...(line.lineDiscount > 0 ? { discount: line.lineDiscount } : {}),
  }));
  const tenders: ReceiptTender[] = [
    ...settled.map(chargeTender),
    ...sale.cash
      .filter((c) => c.state === 'taken')
      .map((c): ReceiptTender => ({
        kind: 'cash',
        amount: c.amount,
        received: c.received,
        change: c.change,
      })),
  ];
  const orderId = settled.at(-1)?.orderId ?? sale.saleId;
  return {
    ...header(context, sale.closedAt ?? sale.updatedAt),
    orderId,
    ...(orderId === sale.saleId ? {} : { saleId: sale.saleId }),
    lines,
    totals: totalsOf(b, cashOnly, context.language),
    tenders,
  };
}

/** An order of its own (no till sale): its items, and the one QRIS/GoPay payment. */
export function receiptFromOrder(order: OrderView, context: ReceiptContext): ReceiptDocument {
  if (order.state !== 'settlement') throw new NotPaidError(`order ${order.orderId}`);
  const lines: ReceiptLine[] = order.items.map((item) => ({
    name: item.name,
    quantity: item.quantity,
    unitPrice: item.price,
    amount: item.price * item.quantity,
  }));
  const itemsSum = lines.reduce((sum, l) => sum + l.amount, 0);
  const tender = chargeTender({ ...order, amount: order.grossAmount });
  return {
    ...header(context, order.settledAt ?? order.finalAt ?? order.updatedAt),
    orderId: order.orderId,
    ...(order.saleId === undefined ? {} : { saleId: order.saleId }),
    // An amount rung up without items prints as the amount alone.
    lines: itemsSum === order.grossAmount ? lines : [],
    totals: { subtotal: order.grossAmount, discounts: [], total: order.grossAmount },
    tenders: [tender],
  };
}
