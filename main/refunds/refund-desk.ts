/**
 * The refund desk: the one place money is given back. A manager asks for a refund of a paid order
 * (a QRIS/GoPay payment) or a paid sale, in full or in part; the desk checks it (nothing is written
 * for a refund it refuses), asks the gateway what it already knows (a dashboard refund, a
 * chargeback), journals the request with its refund_key, and only then asks the gateway. Cash
 * goes back from the drawer: journaled as made, never sent anywhere.
 *
 * A sale's refund takes its cash first (what the drawer can give back at once), then its QRIS/GoPay
 * payments; the gateway is asked before the drawer opens, so a refund the gateway refuses leaves
 * the cash untouched too.
 */
import { randomInt } from 'node:crypto';
import type {
  RefundEvent,
  RefundOutcome,
  RefundRequest,
  RefundSummary,
  RefundView,
} from '../../common/refund-contract.ts';
import { refundInputProblems, refundReason } from '../../common/refund-input.ts';
import { systemClock, type Clock } from '../clock.ts';
import { WIB_OFFSET_MINUTES } from '../journal/business-date.ts';
import type { Journal } from '../journal/journal.ts';
import type { OrderRow } from '../journal/types.ts';
import type { StatusResult } from '../midtrans/responses.ts';
import type { SaleRecord, SalesBook } from '../sales/sales-book.ts';
import { adoptFound, settleByLookup, statusOf } from './gateway-refund.ts';
import { RefundError } from './refund-errors.ts';
import { RefundFollower } from './refund-follower.ts';
import {
  DEFAULT_REFUND_SETTINGS,
  RefundContext,
  type RefundGateway,
  type RefundSettings,
} from './refund-context.ts';
import { assertPolicy, cashLeg, leftOf, prepareLeg, sendLeg, type Leg } from './refund-legs.ts';
import { policyOf, type RefundPolicy } from './refund-policy.ts';
import { RefundStore, type RefundRecord } from './refund-store.ts';
import { assertOwn, orderOf, saleOf } from './refund-targets.ts';
import { cashTaken, orderSummary, refundView, saleSummary } from './refund-views.ts';
import {
  BUSY_WORDS,
  REFUSAL_WORDS,
  cashWords,
  inDoubtWords,
  notPaidWords,
  tooLargeWords,
  type Bilingual,
} from './refund-words.ts';

/** A cash refund was journaled: the drawer should open. The printing side pulses it. */
export interface DrawerPulse {
  refundKey: string;
  saleId: string;
  amount: number;
  at: number;
}

export interface RefundDeskDeps {
  journal: Journal;
  book: SalesBook;
  gateway: RefundGateway;
  clock?: Clock;
  random?: () => number;
  openDrawer?: (pulse: DrawerPulse) => void;
}

export interface RefundDeskOptions {
  /** The gateway this desk talks to; refunds journaled under another are left alone. */
  environment: string;
  utcOffsetMinutes?: number;
  /** The business day's cut-off hour (default 0: midnight). */
  businessDayCutoffHour?: number;
  policy?: Partial<RefundPolicy>;
  settings?: Partial<RefundSettings>;
}

export interface RefundRecovery {
  /** Refunds of this environment whose answer was not known: being looked up again. */
  resumed: string[];
  /** Unresolved refunds journaled under another gateway environment: left alone. */
  otherEnvironment: string[];
}

/** A refund request as the desk takes it: the manager's PIN has been checked by then. */
export type RefundAsk = Omit<RefundRequest, 'managerPin'>;

export class RefundDesk {
  readonly #ctx: RefundContext;
  readonly #follower: RefundFollower;
  readonly #listeners = new Set<(event: RefundEvent) => void>();
  readonly #openDrawer: ((pulse: DrawerPulse) => void) | undefined;
  #tail: Promise<unknown> = Promise.resolve();
  #stopped = false;

  constructor(deps: RefundDeskDeps, options: RefundDeskOptions) {
    const clock = deps.clock ?? systemClock;
    const random = deps.random ?? (() => randomInt(1_000_000) / 1_000_000);
    this.#ctx = new RefundContext({
      journal: deps.journal,
      book: deps.book,
      store: new RefundStore(deps.journal.database),
      gateway: deps.gateway,
      clock,
      environment: options.environment,
      utcOffsetMinutes: options.utcOffsetMinutes ?? WIB_OFFSET_MINUTES,
      cutoffHour: options.businessDayCutoffHour ?? 0,
      policy: policyOf(options.policy),
      settings: { ...DEFAULT_REFUND_SETTINGS, ...options.settings },
      random,
      changed: (record) => this.#emit(record, false),
    });
    this.#openDrawer = deps.openDrawer;
    this.#follower = new RefundFollower((key) => this.#look(key), clock, this.#ctx.settings, random);
  }

  get store(): RefundStore {
    return this.#ctx.store;
  }

  /** One refund as the screens see it (the printing side builds its slip from it). */
  view(refundKey: string): RefundView | undefined {
    const record = this.#ctx.store.get(refundKey);
    return record === undefined ? undefined : refundView(record);
  }

  /** Refunds in doubt being looked up right now. */
  get following(): number {
    return this.#follower.size;
  }

  on(listener: (event: RefundEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Start-up: every refund journaled but unresolved is settled by a status lookup (its refund_key). */
  start(): RefundRecovery {
    const resumed: string[] = [];
    const otherEnvironment: string[] = [];
    const now = this.#ctx.clock.now();
    for (const record of this.#ctx.store.open()) {
      if (record.environment !== this.#ctx.environment) {
        otherEnvironment.push(record.refundKey);
        continue;
      }
      resumed.push(record.refundKey);
      this.#ctx.store.note(record.refundKey, now, 'recovery', { sends: record.sends });
      this.#follower.schedule(record.refundKey, now);
    }
    return { resumed, otherEnvironment };
  }

  /**
   * Gives money back. Resolves with what was done — a QRIS/GoPay part whose answer is in doubt is
   * left `requested` and followed (a 'refund' event tells the outcome); throws RefundError, having
   * written nothing, for a refund it refuses, and for one the gateway refused (journaled as such).
   */
  create(request: RefundAsk, requestedBy: string): Promise<RefundOutcome> {
    const problems = refundInputProblems(request);
    if (problems.length > 0) {
      return Promise.reject(
        new RefundError(
          'refund-invalid',
          {
            id: 'Pengembalian dana belum dapat dibuat. Periksa isian yang ditandai.',
            en: 'The refund cannot be made yet. Check the marked fields.',
          },
          problems,
        ),
      );
    }
    if (this.#stopped) return Promise.reject(new Error('the refund desk has stopped'));
    const reason = refundReason(request.reason);
    const run = () =>
      request.orderId !== undefined
        ? this.#refundOrder(request.orderId, request.amount, reason, requestedBy)
        : this.#refundSale(request.saleId ?? '', request.amount, reason, requestedBy);
    // One request at a time: each reads what is left, and a refund in doubt blocks the next.
    const result = this.#tail.then(run, run);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** What an order or a sale has been paid and given back, and what is left. */
  summary(target: { orderId?: string; saleId?: string }): RefundSummary {
    if (target.orderId !== undefined)
      return orderSummary(orderOf(this.#ctx, target.orderId), this.#ctx.store.ofOrder(target.orderId));
    const sale = saleOf(this.#ctx, target.saleId ?? '');
    return saleSummary(
      sale,
      this.#ctx.journal.ordersOfSale(sale.saleId),
      this.#ctx.store.ofSale(sale.saleId),
    );
  }

  /** Asks the gateway about a paid order and journals the refunds made there (reconciliation's door). */
  async refresh(orderId: string): Promise<RefundSummary> {
    const order = orderOf(this.#ctx, orderId);
    const status = await statusOf(this.#ctx, order);
    adoptFound(this.#ctx, order, status);
    return this.summary({ orderId });
  }

  /**
   * Reconciliation's door, with an answer it has already asked for and verified: journals the
   * refunds (and chargebacks) the gateway lists that this till does not know, each once — a
   * refund_key already journaled is never written again. Returns the ones written now.
   */
  adoptFromStatus(orderId: string, status: StatusResult): RefundRecord[] {
    return adoptFound(this.#ctx, orderOf(this.#ctx, orderId), status);
  }

  /** Resolves once none of these refunds is in doubt any more, or at the timeout; their views. */
  waitForOutcome(refundKeys: readonly string[], timeoutMs: number): Promise<RefundView[]> {
    const views = () =>
      refundKeys.flatMap((key) => {
        const record = this.#ctx.store.get(key);
        return record === undefined ? [] : [refundView(record)];
      });
    const settled = () => views().every((v) => v.state !== 'requested');
    if (settled()) return Promise.resolve(views());
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        off();
        resolve(views());
      };
      const timer = setTimeout(finish, timeoutMs);
      const off = this.on(() => {
        if (settled()) finish();
      });
    });
  }

  /** Stops every lookup and waits for what is under way; the journal keeps the rest. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#follower.stop();
    await this.#tail;
  }

  async #refundOrder(
    orderId: string,
    amount: number | undefined,
    reason: string,
    by: string,
  ): Promise<RefundOutcome> {
    const order = orderOf(this.#ctx, orderId);
    assertOwn(this.#ctx, order.environment);
    if (order.state !== 'settlement') throw new RefundError('refund-not-allowed', notPaidWords(order.state));
    const leg = await prepareLeg(this.#ctx, order, amount);
    const record = await sendLeg(this.#ctx, leg, reason, by, this.#follow);
    if (record.state === 'refused') throw this.#refused(record, 0);
    return this.#outcome(
      [record],
      record.state === 'refunded',
      record.state === 'requested' ? inDoubtWords(record.amount, 0) : undefined,
      record,
    );
  }

  async #refundSale(
    saleId: string,
    amount: number | undefined,
    reason: string,
    by: string,
  ): Promise<RefundOutcome> {
    const sale = saleOf(this.#ctx, saleId);
    assertOwn(this.#ctx, sale.environment);
    if (sale.state !== 'paid') throw new RefundError('refund-not-allowed', notPaidWords(sale.state));
    const refunds = this.#ctx.store.ofSale(saleId);
    if (refunds.some((r) => r.state === 'requested')) throw new RefundError('refund-pending', BUSY_WORDS);
    const cashLeft =
      cashTaken(sale) - refunds.filter((r) => r.tender === 'cash').reduce((s, r) => s + r.amount, 0);
    // A part the drawer can give back alone needs no gateway at all (it may even be unreachable).
    if (amount !== undefined && amount <= cashLeft) {
      const record = this.#cashOut(sale, amount, reason, by);
      return this.#outcome([record], true, cashWords(amount), record);
    }
    const paidOrders = this.#ctx.journal.ordersOfSale(saleId).filter((o) => o.state === 'settlement');
    // What each QRIS/GoPay payment has left, as the gateway sees it too.
    const lefts: { order: OrderRow; left: number; elsewhere: number }[] = [];
    for (const order of paidOrders) lefts.push({ order, ...(await leftOf(this.#ctx, order)) });
    const total = Math.max(0, cashLeft) + lefts.reduce((s, l) => s + l.left, 0);
    const want = amount ?? total;
    if (total === 0 || want > total) {
      throw new RefundError(
        'refund-too-large',
        tooLargeWords(
          total,
          want,
          lefts.reduce((s, l) => s + l.elsewhere, 0),
        ),
      );
    }
    // Cash first: the drawer gives it back at once, and a partial refund rarely needs the gateway.
    const cash = Math.min(want, Math.max(0, cashLeft));
    let rest = want - cash;
    const legs: Leg[] = [];
    for (const { order, left } of lefts) {
      const part = Math.min(rest, left);
      if (part <= 0) continue;
      assertPolicy(this.#ctx, order, part, left);
      legs.push({ order, amount: part });
      rest -= part;
    }
    const made: RefundRecord[] = [];
    for (const leg of legs) {
      const record = await sendLeg(this.#ctx, leg, reason, by, this.#follow);
      made.push(record);
      if (record.state === 'refused') {
        if (made.length === 1) throw this.#refused(record, cash);
        return this.#outcome(made, false, this.#refusalWithCash(record, cash), record);
      }
      if (record.state === 'requested')
        return this.#outcome(made, false, inDoubtWords(record.amount, cash), record);
    }
    if (cash > 0) made.push(this.#cashOut(sale, cash, reason, by));
    const last = made.at(-1);
    if (last === undefined) throw new Error('a sale refund that made nothing');
    return this.#outcome(made, true, cash > 0 ? cashWords(cash) : undefined, last);
  }

  /** Checks one payment's refund and learns what the gateway already knows; nothing is written but found refunds. */
  /** A cash leg, then the drawer's pulse and the event that says the drawer should open. */
  #cashOut(sale: SaleRecord, amount: number, reason: string, by: string): RefundRecord {
    const record = cashLeg(this.#ctx, sale, amount, reason, by);
    try {
      this.#openDrawer?.({ refundKey: record.refundKey, saleId: sale.saleId, amount, at: record.createdAt });
    } catch {
      // The refund is journaled; a drawer that did not open is the printing side's to report.
    }
    this.#emit(record, true);
    return record;
  }

  readonly #follow = (refundKey: string, at: number): void => this.#follower.schedule(refundKey, at);

  /** The follower's look at one refund in doubt. */
  async #look(refundKey: string): Promise<boolean> {
    const record = this.#ctx.store.get(refundKey);
    if (record === undefined || record.state !== 'requested' || record.orderId === undefined) return true;
    const order = this.#ctx.journal.get(record.orderId);
    if (order === undefined) return true;
    const after = await settleByLookup(this.#ctx, record, order);
    return after.state !== 'requested';
  }

  #outcome(
    made: RefundRecord[],
    complete: boolean,
    message: Bilingual | undefined,
    about: RefundRecord,
  ): RefundOutcome {
    const views = made.map((r) => refundView(this.#ctx.store.get(r.refundKey) ?? r));
    return { refunds: views, complete, message, summary: this.#summaryOf(about) };
  }

  #refused(record: RefundRecord, cashNotPaid: number): RefundError {
    return new RefundError('refund-refused', this.#refusalWithCash(record, cashNotPaid));
  }

  #refusalWithCash(record: RefundRecord, cash: number): Bilingual {
    const words = REFUSAL_WORDS[record.refusal ?? 'rejected'];
    if (cash <= 0) return words;
    return {
      id: `${words.id} Bagian tunai juga belum dibayarkan.`,
      en: `${words.en} The cash part was not paid out either.`,
    };
  }

  #summaryOf(record: RefundRecord): RefundSummary {
    const saleId = record.saleId;
    if (saleId !== undefined && this.#ctx.book.get(saleId) !== undefined) return this.summary({ saleId });
    return this.summary({ orderId: record.orderId ?? '' });
  }

  #emit(record: RefundRecord, drawer: boolean): void {
    if (this.#listeners.size === 0) return;
    const event: RefundEvent = {
      refund: refundView(record),
      summary: this.#summaryOf(record),
      drawer,
      at: this.#ctx.clock.now(),
    };
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // A screen's bug must not stop a refund.
      }
    }
  }
}
