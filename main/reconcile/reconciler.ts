/**
 * The reconciler: for one business day it asks the gateway for the status of every order that
 * reached it, at a bounded rate, in the background, and records what differs (see judge.ts).
 * Progress is journaled — the run, then each order's check with its findings and adoptions in one
 * commit — so a restarted kiosk resumes the run and never asks twice about an order it has
 * checked. A 429 is never an answer: the run waits (Retry-After, or an exponential backoff) and
 * asks about the same order again.
 */
import type {
  FindingView,
  ReconcileEvent,
  ReconcileStatus,
  RunView,
} from '../../common/reconcile-contract.ts';
import { systemClock, type Clock } from '../clock.ts';
import { assertAnswerFor } from '../checkout/status-flow.ts';
import { businessDateOf, isBusinessDate, WIB_OFFSET_MINUTES } from '../journal/business-date.ts';
import type { Journal } from '../journal/journal.ts';
import type { OrderRow } from '../journal/types.ts';
import { MidtransError, MidtransRateLimitError } from '../midtrans/errors.ts';
import type { StatusResult } from '../midtrans/responses.ts';
import { judge, type AdoptionDoors, type Answer } from './judge.ts';
import { Pacer, realSleep, type Sleep } from './pacer.ts';
import { badDateWords, busyWords, ReconcileError } from './reconcile-errors.ts';
import { ReconcileStore, RunBusyError, type RunRecord } from './reconcile-store.ts';

export type DayBounds = (date: string) => { fromMs: number; toMs: number };

/** The shop's business day at a fixed UTC offset (WIB by default), from its cut-off hour (midnight by default). */
export function midnightBounds(utcOffsetMinutes: number = WIB_OFFSET_MINUTES, cutoffHour = 0): DayBounds {
  return (date) => {
    // The business day starts at the cut-off hour (late-night shops close after midnight).
    const fromMs = Date.parse(`${date}T00:00:00Z`) - utcOffsetMinutes * 60_000 + cutoffHour * 3_600_000;
    return { fromMs, toMs: fromMs + 86_400_000 };
  };
}

/** The part of the Midtrans client reconciliation uses. */
export interface ReconcileGateway {
  status(id: string): Promise<StatusResult>;
}

export interface ReconcilerDeps {
  journal: Journal;
  gateway: ReconcileGateway;
  doors: AdoptionDoors;
  clock?: Clock;
  sleep?: Sleep;
}

export interface ReconcilerOptions {
  environment: string;
  /** Requests per second at most (default 2). */
  rate?: number;
  dayBounds?: DayBounds;
  /** For "today" (a date in the future is refused) when dayBounds is the default. */
  utcOffsetMinutes?: number;
  /** The business day's cut-off hour (default 0: midnight). */
  cutoffHour?: number;
  /** Backoff after a 429 without Retry-After, or a failed request: base doubling up to cap. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Failed requests in a row (not 429s) after which the run pauses, left resumable. */
  maxFailures?: number;
}

export const DEFAULT_RECONCILE_RATE = 2;

/** Why a run stopped before its end (it stays 'running' in the journal, to be resumed). */
export interface RunHalt {
  reason: 'stopped' | 'gateway-unreachable' | 'gateway-unauthorized';
  message: string;
}

export class Reconciler {
  readonly store: ReconcileStore;
  readonly #journal: Journal;
  readonly #gateway: ReconcileGateway;
  readonly #doors: AdoptionDoors;
  readonly #clock: Clock;
  readonly #sleep: Sleep;
  readonly #environment: string;
  readonly #rate: number;
  readonly #bounds: DayBounds;
  readonly #offset: number;
  readonly #cutoff: number;
  readonly #backoffBaseMs: number;
  readonly #backoffCapMs: number;
  readonly #maxFailures: number;
  readonly #listeners = new Set<(event: ReconcileEvent) => void>();
  #current: { run: RunRecord; pacer: Pacer; done: Promise<RunHalt | undefined> } | undefined;
  #stopping = false;
  /** Why each run halted in this process (a run left by an earlier start has none: 'left'). */
  readonly #halts = new Map<number, RunHalt>();
  /** Runs picked up again where they had stopped. */
  readonly #resumed = new Set<number>();

  constructor(deps: ReconcilerDeps, options: ReconcilerOptions) {
    this.#journal = deps.journal;
    this.store = new ReconcileStore(deps.journal.database);
    this.#gateway = deps.gateway;
    this.#doors = deps.doors;
    this.#clock = deps.clock ?? systemClock;
    this.#sleep = deps.sleep ?? realSleep;
    this.#environment = options.environment;
    this.#rate = options.rate ?? DEFAULT_RECONCILE_RATE;
    if (!Number.isFinite(this.#rate) || this.#rate <= 0 || this.#rate > 50) {
      throw new RangeError(
        `reconciliation rate must be above 0 and at most 50 per second, got ${this.#rate}`,
      );
    }
    this.#offset = options.utcOffsetMinutes ?? WIB_OFFSET_MINUTES;
    this.#cutoff = options.cutoffHour ?? 0;
    this.#bounds = options.dayBounds ?? midnightBounds(this.#offset, this.#cutoff);
    this.#backoffBaseMs = options.backoffBaseMs ?? 1000;
    this.#backoffCapMs = options.backoffCapMs ?? 60_000;
    this.#maxFailures = options.maxFailures ?? 5;
  }

  on(listener: (event: ReconcileEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Starts reconciling `date` in the background (or resumes that day's run left running by a
   * restart). Refused, writing nothing, for a date that is not a calendar date or is in the
   * future, and while another run is going.
   */
  start(date: string): RunView {
    const today = businessDateOf(this.#clock.now(), this.#offset, this.#cutoff);
    if (!isBusinessDate(date) || date > today)
      throw new ReconcileError('reconcile-bad-date', badDateWords(date, today));
    if (this.#current !== undefined)
      throw new ReconcileError('reconcile-busy', busyWords(this.#current.run.businessDate));
    const left = this.store.running().find((r) => r.environment === this.#environment);
    if (left !== undefined && left.businessDate !== date) {
      throw new ReconcileError('reconcile-busy', busyWords(left.businessDate));
    }
    let run = left;
    if (run !== undefined) this.#resumed.add(run.id);
    if (run === undefined) {
      const { fromMs, toMs } = this.#bounds(date);
      try {
        run = this.store.startRun({
          businessDate: date,
          environment: this.#environment,
          fromMs,
          toMs,
          rate: this.#rate,
          startedAt: this.#clock.now(),
        });
      } catch (error) {
        if (error instanceof RunBusyError) throw new ReconcileError('reconcile-busy', busyWords(date));
        throw error;
      }
    }
    return this.#go(run);
  }

  /** Start-up: resumes this environment's run left running by a stop or a crash, if any. */
  resume(): RunView | undefined {
    if (this.#current !== undefined) return this.#view(this.#current.run);
    const left = this.store.running().find((r) => r.environment === this.#environment);
    if (left === undefined) return undefined;
    this.#resumed.add(left.id);
    return this.#go(left);
  }

  /** Resolves when the run under way ends: undefined when it finished, else why it halted. */
  async settled(): Promise<RunHalt | undefined> {
    return this.#current === undefined ? undefined : this.#current.done;
  }

  status(): ReconcileStatus {
    return { running: this.#current === undefined ? undefined : this.#view(this.#current.run) };
  }

  /** The latest run of a day (this environment) and its findings. */
  findings(date: string): { run: RunView | undefined; findings: FindingView[] } {
    if (!isBusinessDate(date)) {
      const today = businessDateOf(this.#clock.now(), this.#offset, this.#cutoff);
      throw new ReconcileError('reconcile-bad-date', badDateWords(date, today));
    }
    const run = this.store.latest(date, this.#environment);
    return run === undefined
      ? { run: undefined, findings: [] }
      : { run: this.#view(run), findings: this.store.findings(run.id) };
  }

  /** Stops after the request under way; the run stays running in the journal, to be resumed. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await this.#current?.done;
  }

  #go(run: RunRecord): RunView {
    this.#stopping = false;
    const pacer = new Pacer(run.rate, this.#clock, this.#sleep);
    const current = { run, pacer, done: Promise.resolve<RunHalt | undefined>(undefined) };
    this.#current = current;
    this.#halts.delete(run.id);
    current.done = this.#work(run, pacer).then(
      (halt) => {
        if (this.#current === current) this.#current = undefined;
        if (halt !== undefined) {
          this.#halts.set(run.id, halt);
          // The screens learn that the run paused, and why.
          this.#emit(run, []);
        }
        return halt;
      },
      (error: unknown) => {
        if (this.#current === current) this.#current = undefined;
        throw error;
      },
    );
    return this.#view(run);
  }

  async #work(run: RunRecord, pacer: Pacer): Promise<RunHalt | undefined> {
    for (const orderId of this.store.toAsk(run)) {
      const row = this.#journal.get(orderId);
      if (row === undefined) continue;
      const asked = await this.#ask(row, pacer);
      if ('reason' in asked) return asked;
      const at = this.#clock.now();
      const findings = this.store.record(run.id, orderId, answerWord(asked.answer), [], at, () => {
        this.#journal.appendEvent(orderId, { kind: 'gateway', at, detail: asked.log });
        // Read again inside the transaction: the engine may have moved the order meanwhile.
        const now = this.#journal.get(orderId) ?? row;
        return judge({ journal: this.#journal, doors: this.#doors, runId: run.id, at }, now, asked.answer);
      });
      this.#emit(run, findings ?? []);
    }
    if (this.#stopping) return { reason: 'stopped', message: 'stopped; the run resumes at the next start' };
    const done = this.store.finishRun(run.id, 'done', this.#clock.now());
    if (this.#current !== undefined) this.#current.run = done;
    this.#emit(done, []);
    return undefined;
  }

  /** Asks about one order until there is an answer (429s and failures wait and ask again). */
  async #ask(
    row: OrderRow,
    pacer: Pacer,
  ): Promise<{ answer: Answer; log: Record<string, unknown> } | RunHalt> {
    const ref = row.transactionId ?? row.orderId;
    let limited = 0;
    let failures = 0;
    for (;;) {
      const started = await pacer.turn(() => this.#stopping);
      if (started === undefined)
        return { reason: 'stopped', message: 'stopped; the run resumes at the next start' };
      const log = (outcome: string, more: Record<string, unknown> = {}) => ({
        operation: 'status',
        purpose: 'reconcile',
        outcome,
        ms: this.#clock.now() - started,
        ...more,
      });
      let status: StatusResult;
      try {
        status = await this.#gateway.status(ref);
      } catch (error) {
        if (
          error instanceof MidtransRateLimitError ||
          (error instanceof MidtransError && error.code === 'rate-limited')
        ) {
          // Never an answer: wait as asked (or back off) and ask about the same order again.
          const asked = error instanceof MidtransRateLimitError ? error.retryAfterMs : undefined;
          pacer.hold(this.#clock.now() + (asked ?? this.#backoff(limited++)));
          this.#emit(this.#current?.run, []);
          continue;
        }
        if (error instanceof MidtransError && error.code === 'not-found') {
          return { answer: { kind: 'not-found' }, log: log('not-found', { httpStatus: error.httpStatus }) };
        }
        if (error instanceof MidtransError && error.code === 'signature-mismatch') {
          return {
            answer: { kind: 'untrusted', why: `signature_key does not verify: ${error.message}` },
            log: log('signature-mismatch'),
          };
        }
        if (error instanceof MidtransError && error.code === 'unauthorized') {
          return { reason: 'gateway-unauthorized', message: error.message };
        }
        if (++failures >= this.#maxFailures) {
          return {
            reason: 'gateway-unreachable',
            message: error instanceof Error ? error.message : String(error),
          };
        }
        pacer.hold(this.#clock.now() + this.#backoff(failures - 1));
        continue;
      }
      const described = log('ok', {
        transactionStatus: status.transactionStatus,
        statusCode: status.statusCode,
        refundAmount: status.refundAmount,
      });
      try {
        assertAnswerFor(row, status, ref);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return {
          answer: { kind: 'mismatch', status, why },
          log: { ...described, outcome: 'answer-mismatch' },
        };
      }
      return { answer: { kind: 'status', status }, log: described };
    }
  }

  #backoff(n: number): number {
    return Math.min(this.#backoffCapMs, this.#backoffBaseMs * 2 ** Math.min(n, 20));
  }

  #view(run: RunRecord): RunView {
    const counts = this.store.counts(run.id);
    const current = this.#current?.run.id === run.id ? this.#current : undefined;
    return {
      runId: run.id,
      businessDate: run.businessDate,
      state: run.state,
      rate: run.rate,
      total: this.store.total(run),
      checked: this.store.checked(run.id),
      findings: counts.findings,
      moneyAtRisk: counts.moneyAtRisk,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      backingOffUntil: current?.pacer.heldUntil,
      paused: run.state !== 'running' || current !== undefined ? undefined : this.#pauseOf(run.id),
      resumed: this.#resumed.has(run.id),
    };
  }

  #pauseOf(runId: number): RunHalt | { reason: 'left'; message: string } {
    return (
      this.#halts.get(runId) ?? {
        reason: 'left',
        message: 'left unfinished by an earlier start; starting this day again resumes it',
      }
    );
  }

  #emit(run: RunRecord | undefined, findings: FindingView[]): void {
    if (run === undefined || this.#listeners.size === 0) return;
    const event: ReconcileEvent = { run: this.#view(run), findings, at: this.#clock.now() };
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // A screen's bug must not stop the run.
      }
    }
  }
}

function answerWord(answer: Answer): string {
  switch (answer.kind) {
    case 'status':
      return answer.status.transactionStatus;
    case 'not-found':
      return 'not-found';
    case 'untrusted':
    case 'mismatch':
      return 'untrusted';
  }
}
