/**
 * How each printer is, as the cashier reads it: learnt from what happened to its last job (a
 * job's error says unreachable, paper out, cover open…; a printed job says ready) and from status
 * questions. Only the latest word counts; a printer never heard from is 'unknown'.
 */
import type { PrinterCondition } from '../../common/printing.ts';
import type { PrinterConfig, PrinterStatusView } from '../../common/printing-contract.ts';
import { conditionOfError, printerWords } from './errors.ts';
import type { Bilingual, PrinterErrorCode } from './errors.ts';
import type { PrintJobRecord } from './job-store.ts';
import { conditionOf } from './status.ts';
import type { PrinterStatus } from './status.ts';

interface Known {
  condition: PrinterCondition;
  problem: Bilingual | undefined;
  at: number;
}

const PROBLEM_WORDS: Partial<Record<PrinterCondition, PrinterErrorCode>> = {
  'paper-out': 'paper-out',
  'cover-open': 'cover-open',
  offline: 'offline',
  error: 'printer-error',
  unreachable: 'unreachable',
};

/**
 * A failure whose cause says nothing about the printer's state (a connection lost mid-job, the
 * system's printer refusing) is still a receipt that did not print: the cashier must hear of it.
 */
function failedCondition(code: PrinterErrorCode): PrinterCondition {
  const condition = conditionOfError(code);
  return condition === 'unknown' ? 'error' : condition;
}

export class PrinterConditions {
  readonly #known = new Map<string, Known>();

  /** A job moved: a failure says why it could not print, a printed job that it can. */
  fromJob(job: PrintJobRecord, at: number): boolean {
    if (job.state === 'printed')
      return this.#set(job.printerId, { condition: 'ready', problem: undefined, at });
    if ((job.state === 'queued' || job.state === 'failed') && job.lastError !== undefined) {
      const condition = failedCondition(job.lastError.code);
      return this.#set(job.printerId, { condition, problem: { ...job.lastError.message }, at });
    }
    return false;
  }

  /** What a status question answered; an error here means the printer could not be reached. */
  fromStatus(printerId: string, status: PrinterStatus, at: number): boolean {
    const condition = conditionOf(status);
    // A printer that does not answer status requests says nothing about itself: keep what jobs said.
    if (condition === 'unknown') return false;
    const code = PROBLEM_WORDS[condition];
    return this.#set(printerId, {
      condition,
      problem: code === undefined ? undefined : printerWords(code),
      at,
    });
  }

  fromError(printerId: string, code: PrinterErrorCode, message: Bilingual, at: number): boolean {
    return this.#set(printerId, { condition: failedCondition(code), problem: { ...message }, at });
  }

  view(config: PrinterConfig, waiting: number): PrinterStatusView {
    const known = this.#known.get(config.id);
    const view: PrinterStatusView = {
      printerId: config.id,
      name: config.name,
      kind: config.kind,
      condition: known?.condition ?? 'unknown',
      waiting,
      at: known?.at ?? 0,
    };
    if (known?.problem !== undefined) view.problem = { ...known.problem };
    return view;
  }

  #set(printerId: string, next: Known): boolean {
    const before = this.#known.get(printerId);
    this.#known.set(printerId, next);
    return before?.condition !== next.condition || before?.problem?.en !== next.problem?.en;
  }
}
