import type { RequestLogEntry } from './types.ts';

/**
 * The requests the emulator saw, so client tests can assert what was (not) sent. Only the most
 * recent ones are kept: training mode runs the emulator inside the kiosk all day.
 */
export const REQUEST_LOG_LIMIT = 20_000;

export class RequestLog {
  #entries: RequestLogEntry[] = [];
  #seq = 0;
  readonly #limit: number;

  constructor(limit = REQUEST_LOG_LIMIT) {
    this.#limit = limit;
  }

  add(entry: Omit<RequestLogEntry, 'seq'>): void {
    this.#entries.push({ seq: ++this.#seq, ...entry });
    // Trim in chunks so a full log does not shift the array on every request.
    if (this.#entries.length > this.#limit * 1.1) this.#entries = this.#entries.slice(-this.#limit);
  }

  list(): RequestLogEntry[] {
    return this.#entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.#entries = [];
  }
}
