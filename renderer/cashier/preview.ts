/**
 * What the customer display should show before Charge, and the debounced sender that keeps it
 * there without a call per keystroke.
 */
import type { CartPreview } from '../../common/contract.ts';
import type { SaleDraft } from './draft.ts';

/**
 * The preview for the current screen: the cart (or typed amount) while nothing is charged, null
 * once there is nothing to show or the sale has ended, and `undefined` (leave the display alone)
 * while a sale is being started or is live, because the display then follows the order.
 */
export function desiredPreview(
  draft: SaleDraft,
  sale: 'none' | 'starting' | 'live' | 'ended',
): CartPreview | null | undefined {
  if (sale === 'starting' || sale === 'live') return undefined;
  if (sale === 'ended') return null;
  const { request } = draft;
  if (request === undefined || request.amount === undefined) return null;
  return { amount: request.amount, items: request.items ?? [] };
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
