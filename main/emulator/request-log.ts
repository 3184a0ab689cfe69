import type { RequestLogEntry } from './types.ts';

/** Every request the emulator saw, so client tests can assert what was (not) sent. */
export class RequestLog {
  #entries: RequestLogEntry[] = [];
  #seq = 0;

  add(entry: Omit<RequestLogEntry, 'seq'>): void {
    this.#entries.push({ seq: ++this.#seq, ...entry });
  }

  list(): RequestLogEntry[] {
    return this.#entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.#entries = [];
  }
}
