/**
 * Crash points at exact journal writes, for the child process. The engine holds the very Journal
 * object openKiosk made, so wrapping that object's methods puts a kill between any two things
 * the engine commits, without touching the engine: the sweep can then crash a sale at every
 * step it takes, not just where a random kill happens to land.
 */
import type { Journal } from '../../main/journal/journal.ts';
import { SalesBook } from '../../main/sales/sales-book.ts';
import type { NewEvent, OrderPatch } from '../../main/journal/types.ts';
import type { OrderState } from '../../common/order.ts';
import type { CrashPoint } from './protocol.ts';

export interface CrashPointHooks {
  /** Every counted write, in order, once it is committed. */
  onWrite(n: number, label: string, orderId: string): void;
  /** Called just before the kill; must report synchronously. */
  onCrash(label: string, orderId: string): void;
}

function updateLabel(expected: OrderState, patch: OrderPatch, event: NewEvent): string {
  const to = patch.state ?? expected;
  return event.kind === 'transition' || to !== expected
    ? `transition ${expected}→${to}`
    : `${event.kind} ${expected}`;
}

function eventLabel(event: NewEvent): string {
  if (event.kind !== 'gateway') return event.kind;
  return `gateway ${String(event.detail?.operation)} ${String(event.detail?.outcome)}`;
}

/** SIGKILLs this process at once: nothing after the call runs, as in a power cut. */
export function die(): never {
  process.kill(process.pid, 'SIGKILL');
  // The signal is on its way; make sure not one more instruction of the engine runs meanwhile.
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
}

/**
 * Counts writes to orders (and, with `sales`, till sales) created in this life only: recovering
 * older ones does not move the point. The till's SalesBook is built inside openKiosk, out of
 * reach, so its writes are wrapped on the class: every book of this process is the kiosk's.
 */
export function armCrashPoint(
  journal: Journal,
  point: CrashPoint | undefined,
  hooks: CrashPointHooks,
  options: { sales?: boolean } = {},
): () => number {
  const mine = new Set<string>();
  let writes = 0;
  let matching = 0;

  const around = <T>(
    orderId: string,
    label: string,
    write: () => T,
    wrote: (result: T) => boolean = () => true,
  ): T => {
    const counted = mine.has(orderId) || label === 'create' || label === 'sale create';
    const hit =
      counted && point !== undefined && (point.label === undefined || label.startsWith(point.label));
    const target = hit && ++matching === point.n;
    if (target && point.when === 'before') {
      hooks.onCrash(label, orderId);
      die();
    }
    const result = write();
    if (!counted || !wrote(result)) return result;
    mine.add(orderId);
    writes += 1;
    hooks.onWrite(writes, label, orderId);
    if (target && point.when === 'after') {
      hooks.onCrash(label, orderId);
      die();
    }
    return result;
  };

  const createOrder = journal.createOrder.bind(journal);
  const update = journal.update.bind(journal);
  const appendEvent = journal.appendEvent.bind(journal);
  journal.createOrder = (rec) => around(rec.orderId, 'create', () => createOrder(rec));
  journal.update = (orderId, expected, patch, event) =>
    around(orderId, updateLabel(expected, patch, event), () => update(orderId, expected, patch, event));
  journal.appendEvent = (orderId, event) =>
    around(orderId, eventLabel(event), () => appendEvent(orderId, event));
  if (options.sales === true) {
    const book = SalesBook.prototype;
    const { create, takeCash, markPaid } = book;
    const voidSale = book.void;
    book.create = function (sale) {
      return around(sale.saleId, 'sale create', () => create.call(this, sale));
    };
    book.takeCash = function (saleId, at, cash, paid) {
      return around(saleId, paid ? 'sale cash+paid' : 'sale cash', () =>
        takeCash.call(this, saleId, at, cash, paid),
      );
    };
    // markPaid writes nothing (and answers false) for a sale that was no longer open.
    book.markPaid = function (saleId, at) {
      return around(
        saleId,
        'sale paid',
        () => markPaid.call(this, saleId, at),
        (done) => done,
      );
    };
    book.void = function (saleId, at, reason) {
      return around(saleId, 'sale void', () => voidSale.call(this, saleId, at, reason));
    };
  }
  return () => writes;
}
