import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { ManualClock } from '../../main/clock.ts';
import { Journal } from '../../main/journal/journal.ts';
import type { JournalOptions } from '../../main/journal/journal.ts';
import type { NewOrderRecord } from '../../main/journal/types.ts';

const dirs: string[] = [];
const closers: (() => void)[] = [];

afterEach(() => {
  // Close first: Windows will not delete an open SQLite file.
  for (const close of closers.splice(0)) close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-'));
  dirs.push(dir);
  return dir;
}

/** Runs `close` after the test, whatever happens; closing twice is harmless. */
export function closeLater(close: () => void): void {
  closers.push(close);
}

export interface Fixture {
  dir: string;
  file: string;
  clock: ManualClock;
  journal: Journal;
  /** Closes the journal and opens the same file again. */
  reopen(options?: JournalOptions): Journal;
}

export function openFixture(options: JournalOptions = {}): Fixture {
  const dir = tempDir();
  const file = path.join(dir, 'journal.sqlite');
  const clock = new ManualClock();
  const fixture: Fixture = {
    dir,
    file,
    clock,
    journal: Journal.open(file, { clock, ...options }),
    reopen(again = {}) {
      fixture.journal.close();
      fixture.journal = Journal.open(file, { clock, ...again });
      closeLater(() => fixture.journal.close());
      return fixture.journal;
    },
  };
  closeLater(() => fixture.journal.close());
  return fixture;
}

let counter = 0;

export function newRecord(overrides: Partial<NewOrderRecord> = {}): NewOrderRecord {
  counter += 1;
  const createdAt = Date.UTC(2026, 10, 24, 3, 0, 0) + counter;
  return {
    orderId: `TOKO-${String(counter).padStart(6, '0')}`,
    environment: 'training',
    paymentType: 'qris',
    grossAmount: 44_000,
    items: [
      { id: 'kopi', name: 'Kopi susu', price: 22_000, quantity: 1 },
      { id: 'roti', name: 'Roti bakar', price: 22_000, quantity: 1 },
    ],
    createdAt,
    deadlineAt: createdAt + 15 * 60_000,
    businessDate: '2026-11-24',
    ...overrides,
  };
}
