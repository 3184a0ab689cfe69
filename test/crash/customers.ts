/**
 * Customers (and the gateway's own clock) acting on pending transactions while the till lives,
 * dies and recovers: paying, being denied, letting the QR expire. They act at the emulator, not
 * through the till, which is exactly what the till cannot see while it is down.
 */
import type { EmulatorControl, OrderSnapshot } from '../../main/emulator/index.ts';
import { EmulatorControlError } from '../../main/emulator/index.ts';
import type { Rng } from './random.ts';

export type CustomerAction = 'pay' | 'deny' | 'expire';

export class Customers {
  readonly counts: Record<CustomerAction, number> = { pay: 0, deny: 0, expire: 0 };
  readonly #control: EmulatorControl;
  readonly #random: Rng;
  readonly #listeners = new Set<(action: CustomerAction, tx: OrderSnapshot) => void>();
  #timer: NodeJS.Timeout | undefined;

  constructor(control: EmulatorControl, random: Rng) {
    this.#control = control;
    this.#random = random;
  }

  onAction(listener: (action: CustomerAction, tx: OrderSnapshot) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Acts on one pending transaction now and then (always with `only`, if given), until stop(). */
  start(everyMs: readonly [number, number], share: number, only?: CustomerAction): void {
    this.stop();
    const tick = (): void => {
      if (this.#random.chance(share)) this.actOnce(only);
      this.#timer = setTimeout(tick, this.#random.int(everyMs[0], everyMs[1]));
    };
    this.#timer = setTimeout(tick, this.#random.int(everyMs[0], everyMs[1]));
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  actOnce(action?: CustomerAction): boolean {
    const pending = this.#control.list().filter((tx) => tx.transactionStatus === 'pending');
    if (pending.length === 0) return false;
    const tx = this.#random.pick(pending);
    return this.act(tx.transactionId, action ?? this.#pickAction());
  }

  /** false when the transaction had already ended (the till's own cancel or expire won). */
  act(transactionId: string, action: CustomerAction): boolean {
    let after: OrderSnapshot;
    try {
      after = this.#control[action](transactionId);
    } catch (error) {
      if (error instanceof EmulatorControlError && error.reason === 'invalid-state') return false;
      throw error;
    }
    this.counts[action] += 1;
    for (const listener of this.#listeners) listener(action, after);
    return true;
  }

  #pickAction(): CustomerAction {
    const roll = this.#random.next();
    if (roll < 0.55) return 'pay';
    if (roll < 0.75) return 'deny';
    return 'expire';
  }
}
