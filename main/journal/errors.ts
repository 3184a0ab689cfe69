/**
 * Errors the journal throws. Each one means nothing was written, so the caller can decide what to
 * do without first finding out what state the file is in.
 */
import type { OrderState } from '../../common/order.ts';

/** The file failed its integrity check at open; it was left exactly as found. */
export class JournalCorruptError extends Error {
  override readonly name = 'JournalCorruptError';
  readonly file: string;
  readonly problem: string;
  constructor(file: string, problem: string) {
    super(`journal ${file} is damaged and was not opened: ${problem}`);
    this.file = file;
    this.problem = problem;
  }
}

/** The file's schema is newer than this build knows; writing to it could lose what it added. */
export class JournalTooNewError extends Error {
  override readonly name = 'JournalTooNewError';
  readonly file: string;
  readonly version: number;
  readonly supported: number;
  constructor(file: string, version: number, supported: number) {
    super(
      `journal ${file} has schema version ${version}, written by a newer version of the kiosk; ` +
        `this version understands up to ${supported}. Update the kiosk to open it.`,
    );
    this.file = file;
    this.version = version;
    this.supported = supported;
  }
}

export class DuplicateOrderError extends Error {
  override readonly name = 'DuplicateOrderError';
  readonly orderId: string;
  constructor(orderId: string) {
    super(`order ${orderId} is already in the journal`);
    this.orderId = orderId;
  }
}

export class UnknownOrderError extends Error {
  override readonly name = 'UnknownOrderError';
  readonly orderId: string;
  constructor(orderId: string) {
    super(`order ${orderId} is not in the journal`);
    this.orderId = orderId;
  }
}

/** Someone else moved the order on since the caller read it; the caller must re-read and decide again. */
export class StaleStateError extends Error {
  override readonly name = 'StaleStateError';
  readonly orderId: string;
  readonly expected: OrderState;
  readonly actual: OrderState;
  constructor(orderId: string, expected: OrderState, actual: OrderState) {
    super(`order ${orderId} is ${actual}, not ${expected}; nothing was written`);
    this.orderId = orderId;
    this.expected = expected;
    this.actual = actual;
  }
}
