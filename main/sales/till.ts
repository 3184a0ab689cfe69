/**
 * The till: a sale from the priced cart to "paid", in cash, by QRIS/GoPay, or both. It journals
 * the sale with its lines and any cash in one commit before a charge is sent or a drawer opens;
 * each QRIS/GoPay payment is a charge of the checkout engine linked to the sale, and the sale is
 * paid only once the engine has seen those charges settle (signed, verified, for this order).
 *
 * What it leaves to the cashier, when a charge of a sale ends unpaid: charge the rest again (a new
 * order for the same sale), take the rest in cash, or void the sale and give back any cash taken.
 */
import type { PaymentType } from '../../common/midtrans-limits.ts';
import { buildItemDetails, cashChange } from '../../common/pricing/index.ts';
import type { PricingSettings } from '../../common/pricing/types.ts';
import type { DiscountApproval, SaleView, TillSaleRequest } from '../../common/till-contract.ts';
import type { CheckoutEngine } from '../checkout/engine.ts';
import { newOrderId } from '../checkout/order-id.ts';
import type { Clock } from '../clock.ts';
import { businessDateOf } from '../journal/business-date.ts';
import type { Journal } from '../journal/journal.ts';
import { paymentTypeProblems, planSale, TillInputError } from './sale-request.ts';
import { saleMoney, saleView } from './sale-view.ts';
import { SaleNotOpenError, type SaleRecord, type SalesBook } from './sales-book.ts';

export { TillInputError } from './sale-request.ts';
export { SaleNotOpenError } from './sales-book.ts';

export type ApprovalOutcome = 'ok' | 'wrong' | 'locked' | 'no-pin';

/** A discount above the manager's threshold without the manager's PIN (or with a wrong one). */
export class ApprovalError extends Error {
  readonly code = 'discount-needs-approval';
  readonly outcome: Exclude<ApprovalOutcome, 'ok'> | 'missing';
  constructor(outcome: Exclude<ApprovalOutcome, 'ok'> | 'missing', discounts: string[]) {
    super(
      `discounts above the manager's threshold (${discounts.join(', ')}) need the manager PIN (${outcome})`,
    );
    this.name = 'ApprovalError';
    this.outcome = outcome;
  }
}

/** The sale still has a charge open at the gateway: that charge must end first. */
export class SaleBusyError extends Error {
  readonly code = 'sale-not-open';
  constructor(saleId: string, orderId: string) {
    super(`sale ${saleId} still has charge ${orderId} open at the gateway`);
    this.name = 'SaleBusyError';
  }
}

export interface TillSettings {
  pricing: PricingSettings;
  approval: DiscountApproval | null;
}

/** Which shift (and cashier) a new sale belongs to: main/shifts/ answers, the till only asks. */
export interface ShiftGate {
  /**
   * The open shift, or null when none is open and sales without one are allowed. Throws (writing
   * nothing) when the shop's policy asks for an open shift and there is none.
   */
  forNewSale(): { shiftId: number; cashierId: number | null } | null;
}

export interface TillDeps {
  book: SalesBook;
  /** Absent: sales belong to no shift (a till without the day's services). */
  shifts?: ShiftGate;
  journal: Journal;
  engine: CheckoutEngine;
  clock: Clock;
  /** Read at every sale, so a change in the settings applies to the next one. */
  settings(): TillSettings;
  /** Checks the manager PIN for a discount above the threshold (wrong PINs count towards the lockout). */
  approve(pin: string): Promise<ApprovalOutcome>;
}

export class Till {
  readonly #deps: TillDeps;
  readonly #listeners = new Set<(sale: SaleView) => void>();
  readonly #offEngine: () => void;

  constructor(deps: TillDeps) {
    this.#deps = deps;
    // A charge of a sale moved: the sale may be paid now, and its screens must hear of it.
    this.#offEngine = deps.engine.on((event) => {
      if (event.type !== 'order' || event.order.saleId === undefined) return;
      this.#settle(event.order.saleId);
    });
  }

  get #environment(): string {
    return this.#deps.engine.settings.environment;
  }

  on(listener: (sale: SaleView) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** At start-up: a sale whose last charge settled just before a crash is closed as paid now. */
  recover(): SaleView[] {
    return this.#deps.book.open(this.#environment).map((sale) => this.#settle(sale.saleId));
  }

  close(): void {
    this.#offEngine();
    this.#listeners.clear();
  }

  view(saleId: string): SaleView | undefined {
    const sale = this.#deps.book.get(saleId);
    return sale === undefined ? undefined : this.#viewOf(sale);
  }

  /** Sales of this environment with money still due, newest first. */
  openSales(): SaleView[] {
    return this.#deps.book.open(this.#environment).map((sale) => this.#viewOf(sale));
  }

  async start(request: TillSaleRequest): Promise<SaleView> {
    const { engine, book, clock } = this.#deps;
    const settings = this.#deps.settings();
    const plan = planSale(request, { ...settings, paymentTypes: engine.settings.enabledPaymentTypes });
    const events: { kind: 'approval'; detail: Record<string, unknown> }[] = [];
    // Refused before the manager's PIN is spent on a sale that could not be made anyway.
    this.#deps.shifts?.forNewSale();
    if (plan.discountsNeedingApproval.length > 0) {
      const pin = request.managerPin;
      if (pin === undefined || pin === '') throw new ApprovalError('missing', plan.discountsNeedingApproval);
      const outcome = await this.#deps.approve(pin);
      if (outcome !== 'ok') throw new ApprovalError(outcome, plan.discountsNeedingApproval);
      events.push({
        kind: 'approval',
        detail: { discounts: plan.discountsNeedingApproval, by: 'manager-pin' },
      });
    }
    // Asked again after the PIN's wait: the shift may have closed meanwhile.
    const shift = this.#deps.shifts?.forNewSale() ?? null;
    const now = clock.now();
    const { utcOffsetMinutes, businessDayCutoffHour } = engine.settings;
    const tender = plan.tender;
    const sale = book.create({
      ...(shift === null ? {} : { shiftId: shift.shiftId, cashierId: shift.cashierId }),
      saleId: newOrderId('S', now, utcOffsetMinutes),
      environment: this.#environment,
      createdAt: now,
      businessDate: businessDateOf(now, utcOffsetMinutes, businessDayCutoffHour),
      breakdown: plan.breakdown,
      ...(tender.kind === 'cash'
        ? { cash: { amount: plan.breakdown.cashTotal, received: tender.received } }
        : tender.kind === 'split'
          ? { cash: { amount: tender.cash, received: tender.cash } }
          : {}),
      paid: tender.kind === 'cash',
      events,
    });
    this.#emit(sale);
    if (tender.kind === 'cash') return this.#viewOf(sale);
    await this.#charge(sale, tender.paymentType, tender.amount);
    return this.#mustFind(sale.saleId);
  }

  /** The rest of an open sale in cash: the charge that was to pay it ended unpaid. */
  payRestInCash(saleId: string, received: number): SaleView {
    const { book, journal, clock } = this.#deps;
    const sale = this.#openSale(saleId);
    const orders = journal.ordersOfSale(saleId);
    const money = saleMoney(sale, orders);
    if (money.live !== undefined) throw new SaleBusyError(saleId, money.live.orderId);
    // What the screens show as due (sale-view.ts): once a part has gone to the gateway the rest
    // is exact, never re-rounded to the cash unit (which could even round it to nothing).
    const due = money.due;
    // Already covered (its last settlement not applied yet): close it, taking no cash.
    if (due === 0) return this.#settle(saleId);
    const change = cashChange(due, received);
    if (!change.ok) throw new TillInputError(change.problems);
    const after = book.takeCash(saleId, clock.now(), { amount: due, received }, true);
    return this.#emit(after);
  }

  /** A new QR for what is still due: a new order at the gateway, linked to the same sale. */
  async chargeAgain(saleId: string, paymentType: PaymentType): Promise<SaleView> {
    const { journal, engine } = this.#deps;
    const sale = this.#openSale(saleId);
    const money = saleMoney(sale, journal.ordersOfSale(saleId));
    if (money.live !== undefined) throw new SaleBusyError(saleId, money.live.orderId);
    const due = sale.breakdown.total - money.cashTaken - money.settled;
    // Already covered (its last settlement not applied yet): close it, charging nothing.
    if (due <= 0) return this.#settle(saleId);
    const problems = paymentTypeProblems(paymentType, due, engine.settings.enabledPaymentTypes);
    if (problems.length > 0) throw new TillInputError(problems);
    await this.#charge(sale, paymentType, due);
    return this.#mustFind(saleId);
  }

  /** Ends an open sale unpaid; any cash taken is recorded as given back to the customer. */
  void(saleId: string): SaleView {
    const { book, journal, clock } = this.#deps;
    const sale = this.#openSale(saleId);
    const money = saleMoney(sale, journal.ordersOfSale(saleId));
    if (money.live !== undefined) throw new SaleBusyError(saleId, money.live.orderId);
    if (money.settled > 0) throw new SaleNotOpenError(saleId);
    const after = book.void(saleId, clock.now(), money.cashTaken > 0 ? 'cash-returned' : 'abandoned');
    return this.#emit(after);
  }

  async #charge(sale: SaleRecord, paymentType: PaymentType, amount: number): Promise<void> {
    const cashPaid = sale.breakdown.total - amount;
    const items = buildItemDetails(sale.breakdown, cashPaid > 0 ? { cashPaid } : {});
    // A refusal here (a stopped engine) leaves the sale open with what is due; the caller says why.
    await this.#deps.engine.startSale({ paymentType, amount, items }, { saleId: sale.saleId });
  }

  #openSale(saleId: string): SaleRecord {
    const sale = this.#deps.book.get(saleId);
    if (sale === undefined || sale.state !== 'open' || sale.environment !== this.#environment) {
      throw new SaleNotOpenError(saleId);
    }
    return sale;
  }

  /** Closes the sale as paid once its cash and settled charges cover it; tells the screens. */
  #settle(saleId: string): SaleView {
    const { book, journal, clock } = this.#deps;
    let sale = book.get(saleId);
    if (sale === undefined) throw new Error(`an order names sale ${saleId}, which is not in the journal`);
    const orders = journal.ordersOfSale(saleId);
    const money = saleMoney(sale, orders);
    if (sale.state === 'open' && money.live === undefined && money.cashTaken + money.settled >= money.owed) {
      if (book.markPaid(saleId, clock.now())) sale = book.get(saleId) ?? sale;
    }
    return this.#emit(sale, orders);
  }

  #mustFind(saleId: string): SaleView {
    const view = this.view(saleId);
    if (view === undefined) throw new Error(`sale ${saleId} is not in the journal`);
    return view;
  }

  #viewOf(sale: SaleRecord): SaleView {
    return saleView(
      sale,
      this.#deps.journal.ordersOfSale(sale.saleId),
      this.#deps.book.refundTotals(sale.saleId),
    );
  }

  #emit(sale: SaleRecord, orders = this.#deps.journal.ordersOfSale(sale.saleId)): SaleView {
    const view = saleView(sale, orders, this.#deps.book.refundTotals(sale.saleId));
    for (const listener of this.#listeners) {
      try {
        listener(view);
      } catch {
        // A screen's bug must not stop the sale.
      }
    }
    return view;
  }
}
