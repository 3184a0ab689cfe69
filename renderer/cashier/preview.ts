/**
 * What the customer display should show before Charge, and the debounced sender that keeps it
 * there without a call per keystroke.
 */
import type { CartPreview } from '../../common/contract.ts';
import { displayBill } from '../../common/display-bill.ts';
import type { SaleStage } from './cashier-state.ts';
import type { SaleDraft } from './cart/draft.ts';
import type { TenderCheck, TenderKind } from './tender/tender.ts';

/**
 * The preview for the current screen: the priced cart (with the cash and change once typed) while
 * nothing is charged, null once there is nothing to show or the sale has ended, and `undefined`
 * (leave the display alone) while a sale is being started or is live, because the display then
 * follows the order.
 */
export function desiredPreview(
  draft: SaleDraft,
  tender: { kind: TenderKind; check: TenderCheck | undefined },
  stage: SaleStage,
): CartPreview | null | undefined {
  if (stage === 'starting' || stage === 'live') return undefined;
  const { breakdown } = draft;
  if (stage !== 'none' || breakdown === undefined) return null;
  const items = breakdown.lines.map((line, index) => ({
    id: (draft.shown[index]?.key ?? `line-${index + 1}`).slice(0, 64),
    name: line.name,
    price: line.unitPrice,
    quantity: line.quantity,
  }));
  const { check, kind } = tender;
  let cash = { paid: 0, change: 0 };
  if (kind === 'cash' && check?.change !== undefined)
    cash = { paid: breakdown.cashTotal, change: check.change };
  if (kind === 'split' && check?.remainder !== undefined && check.cash !== undefined) {
    cash = { paid: check.cash, change: 0 };
  }
  return {
    amount: kind === 'cash' ? breakdown.cashTotal : breakdown.total,
    items,
    bill: displayBill(breakdown, cash),
  };
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Sends the latest preview once it has been still for `delayMs`, and never the same one twice
 * in a row. `undefined` drops whatever was waiting, so a preview typed just before Charge is not
 * sent after the sale has started.
 */
export class PreviewSender {
  readonly #send: (preview: CartPreview | null) => void;
  readonly #delayMs: number;
  readonly #timers: Timers;
  #timer: unknown;
  #lastSent: string | undefined;

  constructor(send: (preview: CartPreview | null) => void, delayMs = 150, timers: Timers = realTimers) {
    this.#send = send;
    this.#delayMs = delayMs;
    this.#timers = timers;
  }

  update(preview: CartPreview | null | undefined): void {
    this.cancel();
    if (preview === undefined) return;
    const key = JSON.stringify(preview);
    if (key === this.#lastSent) return;
    this.#timer = this.#timers.setTimeout(() => {
      this.#timer = undefined;
      this.#lastSent = key;
      this.#send(preview);
    }, this.#delayMs);
  }

  cancel(): void {
    if (this.#timer !== undefined) this.#timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** After a reconnect the main process may have forgotten the preview: send the next one again. */
  forget(): void {
    this.#lastSent = undefined;
  }
}
