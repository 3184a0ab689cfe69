/**
 * The manager's list of cashiers: a name, a short PIN (4–6 digits) kept as the manager PIN is (a
 * salted scrypt record, never the digits), and an active flag. A cashier signs in with the PIN to
 * open a shift; five wrong PINs in a row lock that cashier out for a minute, then two, four… as
 * for the manager PIN, and the count survives a restart (it is in the journal's file).
 *
 * A cashier is never deleted (old shifts and sales name them): one who leaves is made inactive.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { CashierSummary, CashierView } from '../../common/day-contract.ts';
import { cashierNameProblems, cashierPinProblems, cleanText } from '../../common/day-input.ts';
import type { Clock } from '../clock.ts';
import { hashPin, lockoutMs, verifyPin, WRONG_PINS_BEFORE_LOCKOUT } from '../settings/manager-pin.ts';
import { pinRecordSchema } from '../settings/settings-document.ts';
import { DayError, invalidInput, throwIfProblems } from './errors.ts';

interface CashierRow {
  id: number;
  name: string;
  pin: string;
  active: number;
  failed_attempts: number;
  lockouts: number;
  locked_until: number | null;
  created_at: number;
  updated_at: number;
}

export interface CashierDraft {
  id?: number | undefined;
  name: unknown;
  pin?: unknown;
  active: boolean;
}

const REFUSED = {
  id: 'Kasir atau PIN kasir salah.',
  en: 'The cashier or the cashier PIN is wrong.',
};

function nameKey(name: string): string {
  return cleanText(name).toLocaleLowerCase('id-ID');
}

function view(row: CashierRow, now: number): CashierView {
  return {
    id: row.id,
    name: row.name,
    active: row.active === 1,
    lockedUntil: row.locked_until !== null && row.locked_until > now ? row.locked_until : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class CashierRoster {
  readonly #db: BetterSqlite3.Database;
  readonly #clock: Clock;

  constructor(db: BetterSqlite3.Database, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** Everyone, inactive cashiers included, by name. */
  list(): CashierView[] {
    const now = this.#clock.now();
    return this.#rows('SELECT * FROM cashiers ORDER BY name_key').map((row) => view(row, now));
  }

  /** Who may sign in. */
  active(): CashierSummary[] {
    return this.#rows('SELECT * FROM cashiers WHERE active = 1 ORDER BY name_key').map((r) => ({
      id: r.id,
      name: r.name,
    }));
  }

  hasActive(): boolean {
    return this.#db.prepare('SELECT 1 FROM cashiers WHERE active = 1 LIMIT 1').get() !== undefined;
  }

  /** Adds (no id) or changes a cashier; a new cashier needs a PIN, an existing one keeps it when none is given. */
  async save(draft: CashierDraft): Promise<CashierView[]> {
    const problems = cashierNameProblems(draft.name);
    if (draft.id === undefined || draft.pin !== undefined) problems.push(...cashierPinProblems(draft.pin));
    throwIfProblems(problems);
    const name = cleanText(draft.name as string);
    const key = nameKey(name);
    const clash = this.#db
      .prepare<[string], { id: number }>('SELECT id FROM cashiers WHERE name_key = ?')
      .get(key);
    if (clash !== undefined && clash.id !== draft.id) {
      throw invalidInput([
        {
          code: 'name-taken',
          field: 'name',
          message: {
            id: `Sudah ada kasir bernama "${name}".`,
            en: `There is already a cashier named "${name}".`,
          },
        },
      ]);
    }
    // Hashing takes ~50 ms and yields: everything it decides is read again below, in one commit.
    const pin = draft.pin === undefined ? undefined : JSON.stringify(await hashPin(draft.pin as string));
    const now = this.#clock.now();
    this.#db
      .transaction(() => {
        if (draft.id === undefined) {
          this.#db
            .prepare(
              `INSERT INTO cashiers (name, name_key, pin, active, failed_attempts, lockouts, locked_until, created_at, updated_at)
             VALUES (?, ?, ?, ?, 0, 0, NULL, ?, ?)`,
            )
            .run(name, key, pin ?? '', draft.active ? 1 : 0, now, now);
          return;
        }
        const changed = this.#db
          .prepare(
            `UPDATE cashiers SET name = ?, name_key = ?, active = ?, updated_at = ?,
             pin = coalesce(?, pin),
             failed_attempts = CASE WHEN ? IS NULL THEN failed_attempts ELSE 0 END,
             lockouts = CASE WHEN ? IS NULL THEN lockouts ELSE 0 END,
             locked_until = CASE WHEN ? IS NULL THEN locked_until ELSE NULL END
           WHERE id = ?`,
          )
          .run(
            name,
            key,
            draft.active ? 1 : 0,
            now,
            pin ?? null,
            pin ?? null,
            pin ?? null,
            pin ?? null,
            draft.id,
          );
        if (changed.changes !== 1) throw unknownCashier();
      })
      .immediate();
    return this.list();
  }

  /**
   * Checks an active cashier's PIN. A wrong one counts towards the cashier's lockout; the words
   * never say whether the name or the PIN was wrong.
   */
  async signIn(id: number, pin: unknown): Promise<CashierSummary> {
    const row = this.#get(id);
    if (row === undefined || row.active !== 1) throw new DayError('cashier-refused', REFUSED);
    const now = this.#clock.now();
    if (row.locked_until !== null && row.locked_until > now) throw lockedOut(row.locked_until, now);
    const record = pinRecordSchema.safeParse(JSON.parse(row.pin));
    const right = typeof pin === 'string' && record.success && (await verifyPin(pin, record.data));
    const after = this.#clock.now();
    if (right) {
      this.#db
        .prepare('UPDATE cashiers SET failed_attempts = 0, lockouts = 0, locked_until = NULL WHERE id = ?')
        .run(id);
      return { id: row.id, name: row.name };
    }
    const failed = this.#db
      .transaction(() => {
        const current = this.#get(id);
        if (current === undefined) return null;
        const attempts = current.failed_attempts + 1;
        if (attempts < WRONG_PINS_BEFORE_LOCKOUT) {
          this.#db.prepare('UPDATE cashiers SET failed_attempts = ? WHERE id = ?').run(attempts, id);
          return null;
        }
        const lockouts = current.lockouts + 1;
        const until = after + lockoutMs(lockouts);
        this.#db
          .prepare('UPDATE cashiers SET failed_attempts = 0, lockouts = ?, locked_until = ? WHERE id = ?')
          .run(lockouts, until, id);
        return until;
      })
      .immediate();
    if (failed !== null) throw lockedOut(failed, after);
    throw new DayError('cashier-refused', REFUSED);
  }

  #get(id: number): CashierRow | undefined {
    return this.#db.prepare<[number], CashierRow>('SELECT * FROM cashiers WHERE id = ?').get(id);
  }

  #rows(sql: string): CashierRow[] {
    return this.#db.prepare<[], CashierRow>(sql).all();
  }
}

function unknownCashier(): DayError {
  return invalidInput([
    {
      code: 'cashier-unknown',
      field: 'id',
      message: { id: 'Kasir ini tidak ada di daftar.', en: 'This cashier is not on the list.' },
    },
  ]);
}

function lockedOut(until: number, now: number): DayError {
  const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
  return new DayError('cashier-refused', {
    id: `Terlalu banyak PIN kasir salah. Coba lagi dalam ${minutes} menit, atau minta manajer mengganti PIN.`,
    en: `Too many wrong cashier PINs. Try again in ${minutes} minute(s), or ask the manager to set a new PIN.`,
  });
}
