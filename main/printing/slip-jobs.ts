/**
 * The print service's slips as jobs: a refund's slip and an X or Z report. Each paper that must
 * exist once is journaled under a key (job-store.ts): "refund:<refund_key>", "z:<environment>:<n>".
 * The journal's unique index, not this code's check, is what keeps a second original out.
 */
import type { RefundView } from '../../common/refund-contract.ts';
import type { SaleView } from '../../common/till-contract.ts';
import type { SlipDocument } from '../receipts/index.ts';
import type { PrintJobRecord, PrintJobStore, PrintPayload } from './job-store.ts';
import { printerOf, type PrintingConfig } from './printing-config.ts';
import type { PrintQueue } from './queue.ts';
import type { ReceiptContext } from './receipt-from-sale.ts';
import { refundSlip } from './refund-slip.ts';

/** A Z report's identity: its first print is the original, every later one a COPY. */
export interface ZIdentity {
  environment: string;
  number: number;
}

export interface SlipJobsDeps {
  store: PrintJobStore;
  queue: PrintQueue;
  now(): number;
}

export const refundKeyOf = (refundKey: string): string => `refund:${refundKey}`;
export const zKeyOf = (z: ZIdentity): string => `z:${z.environment}:${z.number}`;

/**
 * The slip of a refund made here and done, once: a second ask (the desk's event after its drawer
 * hook, a restart, a second process) finds the first. None under "never" or with no receipt
 * printer. Returns the job made now, if one was.
 */
export function refundSlipJob(
  deps: SlipJobsDeps,
  refund: RefundView,
  sale: SaleView | undefined,
  config: PrintingConfig,
  context: ReceiptContext,
  drawer: boolean,
): PrintJobRecord | undefined {
  if (refund.origin !== 'kiosk' || refund.state !== 'refunded') return undefined;
  const printer = printerOf(config, config.receipt.printerId);
  if (printer === undefined || config.receipt.autoPrint === 'never') return undefined;
  const key = refundKeyOf(refund.refundKey);
  if (deps.store.byKey(key) !== undefined) return undefined;
  return deps.queue.enqueue({
    printerId: printer.id,
    payload: { type: 'slip', document: refundSlip(refund, sale, context) },
    kind: 'refund',
    key,
    drawer,
    ...(refund.orderId === undefined ? {} : { orderId: refund.orderId }),
  });
}

/**
 * A copy of a paper already journaled: the first job itself when it still waits for the printer
 * (it becomes the copy rather than a second paper), else a new COPY job of what it first said.
 */
export function copyOf(deps: SlipJobsDeps, first: PrintJobRecord, printerId: string): PrintJobRecord {
  const now = deps.now();
  const waiting = deps.store.transition(first.id, ['queued'], {
    copy: true,
    nextAttemptAt: now,
    updatedAt: now,
  });
  if (waiting !== undefined) {
    deps.queue.retryNow(waiting.printerId);
    return waiting;
  }
  const payload: PrintPayload = first.payload;
  return deps.queue.reprint({
    printerId,
    payload,
    ...(first.saleId === undefined ? {} : { saleId: first.saleId }),
    ...(first.orderId === undefined ? {} : { orderId: first.orderId }),
  });
}

/** An X (an original each time: it is a new report) or a Z (original once, then COPY). */
export function reportJob(
  deps: SlipJobsDeps,
  slip: SlipDocument,
  printerId: string,
  z: ZIdentity | undefined,
): PrintJobRecord {
  const key = z === undefined ? undefined : zKeyOf(z);
  const first = key === undefined ? undefined : deps.store.byKey(key);
  if (first !== undefined) return copyOf(deps, first, printerId);
  return deps.queue.enqueue({
    printerId,
    payload: { type: 'slip', document: { ...slip, copy: false } },
    ...(key === undefined ? {} : { key }),
  });
}
