/**
 * A journal with sales and bare orders written through the product's own stores (Journal,
 * SalesBook), so the history reads exactly what a till writes: cash, QRIS/GoPay and split sales,
 * voided ones after a cancelled or expired QR, a sale charged again, held payments, bare orders in
 * every state. Times and days are chosen by the test (ties included).
 */
import { priceCart } from '../../common/pricing/index.ts';
import {
  DEFAULT_PRICING_SETTINGS,
  type PriceBreakdown,
  type PricingSettings,
} from '../../common/pricing/types.ts';
import type { OrderState } from '../../common/order.ts';
import type { Journal } from '../../main/journal/journal.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { Journal as JournalClass } from '../../main/journal/journal.ts';
import { SalesBook } from '../../main/sales/sales-book.ts';

const open: HistoryFixture[] = [];
// Fixtures are shared by the tests of a describe block: closed when the file is done.
afterAll(() => {
  for (const f of open.splice(0)) f.close();
});

export interface Place {
  createdAt: number;
  businessDate: string;
}

export interface Charge {
  paymentType: 'qris' | 'gopay';
  state: OrderState;
  issuer?: string;
  paidWith?: string;
  transactionId?: string;
}

export type SalePlan =
  | { kind: 'cash' }
  | { kind: 'gateway'; charges: Charge[] }
  | { kind: 'split'; cash: number; charges: Charge[] };

const ROUNDED: PricingSettings = {
  ...DEFAULT_PRICING_SETTINGS,
  cashRounding: { unit: 100, mode: 'half-up' },
};

export function breakdown(total: number, rounded = false): PriceBreakdown {
  const priced = priceCart({
    lines: [{ name: 'Barang', unitPrice: total, quantity: 1 }],
    settings: rounded ? ROUNDED : DEFAULT_PRICING_SETTINGS,
  });
  if (!priced.ok) throw new Error(`cannot price ${total}`);
  return priced.value;
}

export class HistoryFixture {
  readonly journal: Journal;
  readonly book: SalesBook;
  readonly dir: string;
  #n = 0;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'kiosk-history-'));
    this.journal = JournalClass.open(join(this.dir, 'journal.sqlite'));
    this.book = new SalesBook(this.journal.database);
    open.push(this);
  }

  close(): void {
    this.journal.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  #orderId(prefix: string): string {
    this.#n += 1;
    return `${prefix}${String(this.#n).padStart(5, '0')}`;
  }

  /** A gateway order, moved from created to its state in one journaled step (as the tests need). */
  order(place: Place, amount: number, charge: Charge, saleId?: string, id?: string): string {
    const orderId = id ?? this.#orderId('K');
    this.journal.createOrder({
      orderId,
      ...(saleId === undefined ? {} : { saleId }),
      environment: 'test',
      paymentType: charge.paymentType,
      grossAmount: amount,
      items: [],
      createdAt: place.createdAt,
      deadlineAt: place.createdAt + 900_000,
      businessDate: place.businessDate,
    });
    if (charge.state !== 'created') {
      const paid = charge.state === 'settlement';
      this.journal.update(
        orderId,
        'created',
        {
          state: charge.state,
          transactionId: charge.transactionId ?? `tx-${orderId.toLowerCase()}`,
          ...(paid
            ? { paidWith: charge.paidWith ?? charge.paymentType, settledAt: place.createdAt + 5_000 }
            : {}),
          ...(charge.issuer === undefined ? {} : { issuer: charge.issuer }),
        },
        { kind: 'transition', at: place.createdAt + 5_000 },
      );
    }
    return orderId;
  }

  /** A till sale; `rounded` prices it with cash rounded to Rp 100. */
  sale(
    place: Place,
    total: number,
    plan: SalePlan,
    end: 'paid' | 'open' | 'voided',
    rounded = false,
    id?: string,
  ): string {
    const saleId = id ?? this.#orderId('S');
    const priced = breakdown(total, rounded);
    const cash =
      plan.kind === 'cash'
        ? { amount: priced.cashTotal, received: priced.cashTotal + 1_000 }
        : plan.kind === 'split'
          ? { amount: plan.cash, received: plan.cash }
          : undefined;
    this.book.create({
      saleId,
      environment: 'test',
      createdAt: place.createdAt,
      businessDate: place.businessDate,
      breakdown: priced,
      ...(cash === undefined ? {} : { cash }),
      paid: plan.kind === 'cash' && end === 'paid',
    });
    if (plan.kind !== 'cash') {
      const due = total - (plan.kind === 'split' ? plan.cash : 0);
      for (const charge of plan.charges) this.order(place, due, charge, saleId);
    }
    const at = place.createdAt + 10_000;
    if (end === 'paid' && plan.kind !== 'cash') this.book.markPaid(saleId, at);
    if (end === 'voided') this.book.void(saleId, at, cash === undefined ? 'abandoned' : 'cash-returned');
    return saleId;
  }
}
