/**
 * The unlocked settings screen. It ends on manager.lock, or after five minutes in which no manager
 * command arrived, so a till left on the settings screen locks itself. Kept in memory only: a
 * restarted kiosk always starts locked.
 */
import type { Clock } from '../clock.ts';

export const MANAGER_IDLE_MS = 5 * 60_000;

export class ManagerSession {
  readonly #clock: Clock;
  #lastCommandAt: number | null = null;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  get unlocked(): boolean {
    return this.#lastCommandAt !== null && this.#clock.now() - this.#lastCommandAt < MANAGER_IDLE_MS;
  }

  unlock(): void {
    this.#lastCommandAt = this.#clock.now();
  }

  lock(): void {
    this.#lastCommandAt = null;
  }

  /** Counts a command as activity; false when the session had already ended. */
  touch(): boolean {
    if (!this.unlocked) {
      this.#lastCommandAt = null;
      return false;
    }
    this.#lastCommandAt = this.#clock.now();
    return true;
  }
}
