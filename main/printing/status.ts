/**
 * ESC/POS real-time status (DLE EOT n) decoded. Each answer is one byte whose bits 1 and 4 are
 * always set and bits 0 and 7 always clear; a byte that breaks that pattern is not a status answer
 * (a printer echoing, or another protocol) and counts as no answer.
 *
 * n=1 printer: bit 2 drawer pin 3, bit 3 offline. n=2 offline cause: bit 2 cover open, bit 5
 * stopped by paper end, bit 6 error. n=3 error cause: bit 3 cutter, bit 5 unrecoverable, bit 6
 * auto-recoverable. n=4 roll paper: bits 2–3 near end, bits 5–6 paper end.
 */
import type { PrinterCondition } from '../../common/printing.ts';
import type { PrinterErrorCode } from './errors.ts';

export type StatusRequest = 1 | 2 | 3 | 4;
export const STATUS_REQUESTS: readonly StatusRequest[] = [1, 2, 3, 4];

export type PrinterStatus =
  | {
      kind: 'known';
      online: boolean;
      coverOpen: boolean;
      paperOut: boolean;
      paperNearEnd: boolean;
      error: boolean;
      /** Some requests after the first went unanswered: their flags read false. */
      partial: boolean;
    }
  /** The printer did not answer in time: normal for many cheap printers; never stops a print. */
  | { kind: 'unknown'; reason: 'no-answer' | 'not-supported' };

export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/** Replies by request number; a missing reply is undefined. */
export type StatusReplies = Partial<Record<StatusRequest, number>>;

export function decodeStatus(replies: StatusReplies): PrinterStatus {
  const printer = replies[1];
  if (printer === undefined || !isStatusByte(printer)) return { kind: 'unknown', reason: 'no-answer' };
  const offlineCause = replies[2] !== undefined && isStatusByte(replies[2]) ? replies[2] : 0;
  const errorCause = replies[3] !== undefined && isStatusByte(replies[3]) ? replies[3] : 0;
  const paper = replies[4] !== undefined && isStatusByte(replies[4]) ? replies[4] : 0;
  return {
    kind: 'known',
    online: (printer & 0x08) === 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    paperOut: (paper & 0x60) !== 0 || (offlineCause & 0x20) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
    error: (offlineCause & 0x40) !== 0 || (errorCause & 0x68) !== 0,
    partial: STATUS_REQUESTS.some((n) => replies[n] === undefined),
  };
}

/** The reason not to send a job to a printer in this state, or null when it can print. */
export function blockingProblem(
  status: PrinterStatus,
): Extract<PrinterErrorCode, 'paper-out' | 'cover-open' | 'printer-error' | 'offline'> | null {
  if (status.kind === 'unknown') return null;
  if (status.paperOut) return 'paper-out';
  if (status.coverOpen) return 'cover-open';
  if (status.error) return 'printer-error';
  if (!status.online) return 'offline';
  return null;
}

export function conditionOf(status: PrinterStatus): PrinterCondition {
  if (status.kind === 'unknown') return 'unknown';
  const problem = blockingProblem(status);
  if (problem === 'printer-error') return 'error';
  if (problem !== null) return problem;
  return status.paperNearEnd ? 'paper-near-end' : 'ready';
}
