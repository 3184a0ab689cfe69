/**
 * One till sale as `kiosk charge` runs it, its progress as JSON lines on stdout:
 *
 * - a "sale" line when the sale is journaled (its breakdown and any cash taken), again whenever
 *   the sale's own state changes (paid, voided), and last, as it stands when the command returns;
 * - between them, the "order" events of its QRIS/GoPay charge and the gateway's "health" events.
 *
 * A cash sale is paid when it is journaled. A sale with a QRIS/GoPay part (all of it, or the rest
 * after the cash of a split sale) returns at QR ready, or with --wait when the charge has ended.
 */
import type { SaleView } from '../../common/till-contract.ts';
import { EmulatorControlError } from '../emulator/index.ts';
import type { KioskServices } from '../host/kiosk-services.ts';
import { ApprovalError, TillInputError, type TillSettings } from '../sales/till.ts';
import { tillRequest, type ChargeForm } from './charge-request.ts';
import { EXIT, exitForState, type ExitCode } from './exit-codes.ts';
import type { Output } from './io.ts';
import { describeOrder, stillOpenAdvice } from './order-words.ts';
import { reportSaleProblems } from './sale-problems.ts';
import { describeSale, saleLine, unpaidRestAdvice } from './sale-words.ts';
import { pause, waitUntilFinal } from './wait.ts';

export const SIMULATIONS = ['pay', 'deny', 'expire'] as const;
export type Simulation = (typeof SIMULATIONS)[number];

/** Long enough for a watcher to see the QR state, short enough for a test. */
const SIMULATE_AFTER_MS = 1000;

export interface SaleRunOptions {
  simulate: Simulation | undefined;
  wait: boolean;
  timeoutMs: number;
  /** The settings the till prices with (the same ones it is given). */
  settings: TillSettings;
}

/** Prints the sale's line when it says something new. */
class SalePrinter {
  readonly #out: Output;
  #last: string | undefined;
  state: SaleView['state'] | undefined;

  constructor(out: Output) {
    this.#out = out;
  }

  print(view: SaleView): void {
    const line = saleLine(view);
    const text = JSON.stringify(line);
    this.state = view.state;
    if (text === this.#last) return;
    this.#last = text;
    this.#out.json(line);
  }
}

export async function runSale(
  out: Output,
  services: KioskServices,
  form: ChargeForm,
  options: SaleRunOptions,
): Promise<ExitCode> {
  const built = tillRequest(form, services.catalogue);
  if (!built.ok) {
    for (const { wanted, problem } of built.problems) {
      out.refusal(`sale refused (${problem.code}, --sku "${wanted.text}")`, problem.message);
    }
    return EXIT.usage;
  }
  const { engine, till } = services;
  const printer = new SalePrinter(out);
  let saleId: string | undefined;
  let starting = true;
  // The till journals the sale and tells its listeners before it sends any charge: the first sale
  // heard while starting is this one (the CLI's kiosk runs nothing else).
  const offTill = till.on((view) => {
    if (saleId !== undefined || !starting) return;
    saleId = view.saleId;
    printer.print(view);
  });
  const offEngine = engine.on((event) => {
    if (event.type === 'health') return out.json(event);
    if (saleId === undefined || event.order.saleId !== saleId) return;
    out.json(event);
    // The till has already heard this event (it subscribed first): a paid sale is paid by now.
    const view = till.view(saleId);
    if (view !== undefined && view.state !== printer.state) printer.print(view);
  });
  try {
    let view: SaleView;
    try {
      view = await till.start(built.request);
    } catch (error) {
      if (saleId !== undefined) return startFailedAfterJournal(out, services, saleId, error);
      if (error instanceof TillInputError) {
        reportSaleProblems(out, error.problems, form.typed);
        return EXIT.usage;
      }
      if (error instanceof ApprovalError) {
        out.refusal(`sale refused (${error.code})`, {
          id: 'Diskon di atas batas yang ditetapkan manajer memerlukan PIN manajer, yang hanya diterima di layar kasir.',
          en: `${error.message}; the manager PIN is taken on the till's screen only.`,
        });
        return EXIT.usage;
      }
      throw error;
    } finally {
      starting = false;
    }
    return await follow(out, services, view, printer, options);
  } finally {
    offEngine();
    offTill();
  }
}

async function follow(
  out: Output,
  services: KioskServices,
  started: SaleView,
  printer: SalePrinter,
  options: SaleRunOptions,
): Promise<ExitCode> {
  const orderId = started.charges.at(-1)?.orderId;
  if (orderId === undefined) return finish(out, services, started.saleId, printer, EXIT.ok);
  const order = services.engine.get(orderId);
  if (order === undefined) throw new Error(`order ${orderId} vanished from the journal`);
  if (options.simulate === undefined && !options.wait) {
    out.note(describeOrder(order));
    let code = exitForState(order.state);
    if (order.state === 'pending') {
      out.note(`not waiting for the payment (add --wait); ${stillOpenAdvice(orderId)}`);
      code = EXIT.ok;
    } else if (order.state === 'created' || order.state === 'charging') out.note(stillOpenAdvice(orderId));
    return finish(out, services, started.saleId, printer, code);
  }
  if (options.simulate !== undefined && order.state === 'pending') {
    if (!(await pause(SIMULATE_AFTER_MS, out.signal)))
      return interrupted(out, services, started.saleId, orderId, printer);
    simulateCustomer(out, services, orderId, options.simulate);
  }
  const result = await waitUntilFinal(services.engine, [orderId], options.timeoutMs, out.signal);
  if (result === 'interrupted') return interrupted(out, services, started.saleId, orderId, printer);
  const timedOutAfterMs = result === 'timeout' ? options.timeoutMs : undefined;
  return conclude(out, services, started.saleId, orderId, printer, timedOutAfterMs);
}

/** The last sale line and its words, whatever the outcome. */
function finish(
  out: Output,
  services: KioskServices,
  saleId: string,
  printer: SalePrinter,
  code: ExitCode,
): ExitCode {
  const view = services.till.view(saleId);
  if (view === undefined) throw new Error(`sale ${saleId} vanished from the journal`);
  printer.print(view);
  out.note(describeSale(view));
  const advice = unpaidRestAdvice(view);
  if (advice !== undefined) out.note(advice);
  return code;
}

function simulateCustomer(out: Output, services: KioskServices, orderId: string, action: Simulation): void {
  const control = services.emulator?.control;
  if (control === undefined) throw new Error('training mode started without its emulator');
  try {
    if (action === 'pay') control.pay(orderId);
    else if (action === 'deny') control.deny(orderId);
    else control.expire(orderId);
    out.note(`simulated: the customer's ${action} reached the built-in emulator`);
  } catch (error) {
    // The order may have ended first (the kiosk timeout); the wait reports how.
    if (!(error instanceof EmulatorControlError)) throw error;
    out.note(`could not simulate ${action}: ${error.message}`);
  }
}

function conclude(
  out: Output,
  services: KioskServices,
  saleId: string,
  orderId: string,
  printer: SalePrinter,
  timedOutAfterMs: number | undefined,
): ExitCode {
  const order = services.engine.get(orderId);
  if (order === undefined) throw new Error(`order ${orderId} vanished from the journal`);
  out.note(describeOrder(order));
  const code = exitForState(order.state);
  if (timedOutAfterMs !== undefined && code === EXIT.stillOpen) {
    out.note(`gave up waiting after ${timedOutAfterMs / 1000} s; ${stillOpenAdvice(orderId)}`);
  }
  return finish(out, services, saleId, printer, code);
}

function interrupted(
  out: Output,
  services: KioskServices,
  saleId: string,
  orderId: string,
  printer: SalePrinter,
): ExitCode {
  out.note('interrupted: stopping the engine');
  const order = services.engine.get(orderId);
  if (order !== undefined && exitForState(order.state) !== EXIT.stillOpen)
    return conclude(out, services, saleId, orderId, printer, undefined);
  out.note(stillOpenAdvice(orderId));
  return finish(out, services, saleId, printer, EXIT.stillOpen);
}

/** The sale (and any cash) is journaled but its charge could not start: say so, never "nothing written". */
function startFailedAfterJournal(
  out: Output,
  services: KioskServices,
  saleId: string,
  error: unknown,
): ExitCode {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  out.note(`the sale was journaled but its QRIS/GoPay charge could not start (${what})`);
  const view = services.till.view(saleId);
  if (view !== undefined) {
    out.json(saleLine(view));
    out.note(describeSale(view));
  }
  return EXIT.unexpected;
}
