/**
 * Keeps the monitors awake while the kiosk is open: a customer display that went dark would
 * show no QR, and the customer would think the till was off. Wraps Electron's powerSaveBlocker
 * (injected) so that enabling twice holds one blocker and disabling releases exactly the one
 * this object started.
 */
export interface PowerSaveBlockerLike {
  start(type: 'prevent-display-sleep'): number;
  stop(id: number): void;
  isStarted(id: number): boolean;
}

export class DisplaySleepBlocker {
  readonly #blocker: PowerSaveBlockerLike;
  #id: number | undefined;

  constructor(blocker: PowerSaveBlockerLike) {
    this.#blocker = blocker;
  }

  enable(): void {
    // Started again if something else stopped ours behind our back.
    if (this.active) return;
    this.#id = this.#blocker.start('prevent-display-sleep');
  }

  disable(): void {
    const id = this.#id;
    if (id === undefined) return;
    this.#id = undefined;
    if (this.#blocker.isStarted(id)) this.#blocker.stop(id);
  }

  get active(): boolean {
    return this.#id !== undefined && this.#blocker.isStarted(this.#id);
  }
}
