/**
 * A till sale as `kiosk charge` prints it: one JSON line a script can read without knowing the
 * till's internals (what was sold and how the total was made, each tender, the change), and one
 * line of words for support staff on stderr.
 */
import type { PriceBreakdown } from '../../common/pricing/types.ts';
import type { SaleView } from '../../common/till-contract.ts';
import { rupiah } from './format.ts';

export type SaleTender =
  | { kind: 'cash'; amount: number; received: number; change: number; state: 'taken' | 'returned' }
  | {
      kind: 'gateway';
      paymentType: string;
      orderId: string;
      amount: number;
      state: string;
      paidWith?: string;
      issuer?: string;
    };

export interface SaleLine {
  type: 'sale';
  sale: {
    saleId: string;
    state: SaleView['state'];
    /** The priced cart, with `discounts` = line discounts + order discount. */
    breakdown: PriceBreakdown & { discounts: number };
    tenders: SaleTender[];
    paid: number;
    due: number;
    /** Change handed back for the cash taken. */
    change: number;
    voidReason?: 'abandoned' | 'cash-returned';
  };
}

export function saleLine(view: SaleView): SaleLine {
  const { breakdown } = view;
  const tenders: SaleTender[] = [
    ...view.cash.map((c): SaleTender => ({
      kind: 'cash',
      amount: c.amount,
      received: c.received,
      change: c.change,
      state: c.state,
    })),
    ...view.charges.map((c): SaleTender => ({
      kind: 'gateway',
      paymentType: c.paymentType,
      orderId: c.orderId,
      amount: c.amount,
      state: c.state,
      ...(c.paidWith === undefined ? {} : { paidWith: c.paidWith }),
      ...(c.issuer === undefined ? {} : { issuer: c.issuer }),
    })),
  ];
  return {
    type: 'sale',
    sale: {
      saleId: view.saleId,
      state: view.state,
      breakdown: { ...breakdown, discounts: breakdown.lineDiscounts + breakdown.orderDiscount },
      tenders,
      paid: view.paid,
      due: view.due,
      change: view.cash.filter((c) => c.state === 'taken').reduce((sum, c) => sum + c.change, 0),
      ...(view.voidReason === undefined ? {} : { voidReason: view.voidReason }),
    },
  };
}

/** "total Rp 48.400 (subtotal Rp 44.000, discounts -Rp 0, service Rp 0, PB1 10% Rp 4.400)". */
function totalWords(b: PriceBreakdown): string {
  const parts = [`subtotal ${rupiah(b.subtotal)}`];
  const discounts = b.lineDiscounts + b.orderDiscount;
  if (discounts > 0) parts.push(`discounts ${rupiah(-discounts)}`);
  if (b.service > 0) parts.push(`service ${b.servicePercent}% ${rupiah(b.service)}`);
  if (b.tax.kind !== 'none' && b.tax.amount > 0) {
    const how = b.tax.inclusive ? 'included' : 'added';
    parts.push(`${b.tax.kind.toUpperCase()} ${b.tax.ratePercent}% ${rupiah(b.tax.amount)} ${how}`);
  }
  return `total ${rupiah(b.total)} (${parts.join(', ')})`;
}

/** One line for support staff: where the sale stands and what was taken. */
export function describeSale(view: SaleView): string {
  const line = saleLine(view).sale;
  const head = `sale ${view.saleId}: ${totalWords(view.breakdown)}`;
  const cash = line.tenders.filter((t) => t.kind === 'cash' && t.state === 'taken');
  const cashWords = cash.map((t) =>
    t.kind === 'cash'
      ? `cash ${rupiah(t.amount)} (received ${rupiah(t.received)}, change ${rupiah(t.change)})`
      : '',
  );
  if (view.state === 'paid') {
    const charged = line.tenders.flatMap((t) =>
      t.kind === 'gateway' && t.state === 'settlement' ? [`${t.paymentType} ${rupiah(t.amount)}`] : [],
    );
    return `${head} is PAID: ${[...cashWords, ...charged].join(' + ')}`;
  }
  if (view.state === 'voided') return `${head} was voided (${view.voidReason ?? 'abandoned'})`;
  const taken = cashWords.length > 0 ? `; ${cashWords.join(', ')} taken` : '';
  return `${head} is open, ${rupiah(view.due)} still due${taken}`;
}

/**
 * The QRIS/GoPay part of a split sale ended unpaid: the till keeps the sale open with the cash
 * recorded, and the cashier decides (the screen offers all three).
 */
export function unpaidRestAdvice(view: SaleView): string | undefined {
  if (view.state !== 'open' || view.liveOrderId !== undefined) return undefined;
  const cash = view.cash.filter((c) => c.state === 'taken').reduce((sum, c) => sum + c.amount, 0);
  if (cash === 0) return undefined;
  return (
    `the sale stays open with ${rupiah(cash)} in cash recorded and ${rupiah(view.due)} still due: ` +
    'on the till, charge the rest again, take it in cash, or void the sale and give the cash back'
  );
}
