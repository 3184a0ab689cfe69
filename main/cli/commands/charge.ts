/**
 * `kiosk charge`: one sale through the checkout engine, its events as JSON lines on stdout. The
 * subscription is made before startSale so the "created" event is printed too.
 */
import { PAYMENT_TYPES, type PaymentType } from '../../../common/midtrans-limits.ts';
import type { OrderView } from '../../../common/order.ts';
import { DEFAULT_KIOSK_TIMEOUT_MS, SaleInputError } from '../../checkout/engine.ts';
import { EmulatorControlError } from '../../emulator/index.ts';
import type { KioskConfig } from '../../host/env-config.ts';
import type { KioskServices } from '../../host/kiosk-services.ts';
import { readAmount } from '../amount-text.ts';
import { parseCommand, secondsOption } from '../args.ts';
import { EXIT, exitForState, type ExitCode } from '../exit-codes.ts';
import type { Output } from '../io.ts';
import { readItem } from '../item-text.ts';
import { describeOrder, stillOpenAdvice } from '../order-words.ts';
import { reportSaleProblems } from '../sale-problems.ts';
import { withKiosk } from '../services.ts';
import { UsageError } from '../usage.ts';
import { pause, waitUntilFinal } from '../wait.ts';

const SIMULATIONS = ['pay', 'deny', 'expire'] as const;
type Simulation = (typeof SIMULATIONS)[number];
/** Long enough for a watcher to see the QR state, short enough for a test. */
const SIMULATE_AFTER_MS = 1000;
/** The engine expires an unpaid QR itself at the kiosk timeout; this margin lets that finish. */
const WAIT_MARGIN_MS = 60_000;

const OPTIONS = {
  type: { type: 'string' },
  item: { type: 'string', multiple: true },
  wait: { type: 'boolean' },
  timeout: { type: 'string' },
  simulate: { type: 'string' },
} as const;

function simulationOption(text: string | undefined): Simulation | undefined {
  if (text === undefined) return undefined;
  const found = SIMULATIONS.find((s) => s === text);
  if (found === undefined)
    throw new UsageError(
      `--simulate must be one of ${SIMULATIONS.join(', ')}, not "${text}"`,
      `--simulate harus salah satu dari ${SIMULATIONS.join(', ')}, bukan "${text}".`,
    );
  return found;
}

/** QRIS is the one code every wallet and bank app scans; it leads unless the till disabled it. */
export function defaultPaymentType(config: KioskConfig): PaymentType {
  const enabled = config.paymentTypes ?? PAYMENT_TYPES;
  return enabled.includes('qris') ? 'qris' : (enabled[0] ?? 'qris');
}

export async function chargeCommand(
  argv: readonly string[],
  out: Output,
  config: KioskConfig,
): Promise<ExitCode> {
  const { values, positionals } = parseCommand('charge', argv, OPTIONS, ['amount']);
  const simulate = simulationOption(values.simulate);
  if (simulate !== undefined && config.mode !== 'training') {
    throw new UsageError(
      `--simulate drives the built-in emulator, which only training mode has (KIOSK_MODE is ${config.mode})`,
      `--simulate memakai emulator bawaan, yang hanya ada di mode latihan (KIOSK_MODE sekarang ${config.mode}).`,
    );
  }
  const timeoutMs = secondsOption(
    'timeout',
    values.timeout,
    (config.kioskTimeoutMs ?? DEFAULT_KIOSK_TIMEOUT_MS) + WAIT_MARGIN_MS,
  );
  // Without --wait (or --simulate, which waits) the command returns at QR ready: a timeout would
  // silently mean nothing, and the order is followed by the engine's own deadline instead.
  if (values.timeout !== undefined && values.wait !== true && simulate === undefined) {
    throw new UsageError(
      '--timeout limits how long --wait waits; add --wait, or leave --timeout out (the kiosk timeout, KIOSK_TIMEOUT_SECONDS, ends an unpaid QR)',
      '--timeout membatasi lama --wait menunggu; tambahkan --wait, atau hapus --timeout (batas waktu kiosk, KIOSK_TIMEOUT_SECONDS, mengakhiri QR yang belum dibayar).',
    );
  }
  const amountText = positionals[0];
  const items = values.item?.map(readItem);
  const typed: Record<string, string> = {};
  if (amountText !== undefined) typed.amount = amountText;
  if (values.type !== undefined) typed.paymentType = values.type;
  const sale = {
    paymentType: values.type ?? defaultPaymentType(config),
    ...(amountText === undefined ? {} : { amount: readAmount(amountText) }),
    ...(items === undefined ? {} : { items }),
  };

  return withKiosk(config, async (services) => {
    const { engine } = services;
    let orderId: string | undefined;
    let starting = true;
    const off = engine.on((event) => {
      if (event.type === 'health') return out.json(event);
      // startSale emits "created" before its first await, so the first new order while it is being called is ours.
      if (orderId === undefined && starting && event.previousState === null) orderId = event.order.orderId;
      if (event.order.orderId === orderId) out.json(event);
    });
    try {
      let view: OrderView;
      try {
        view = await engine.startSale(sale);
      } catch (error) {
        if (!(error instanceof SaleInputError)) throw error;
        reportSaleProblems(out, error.problems, typed);
        return EXIT.usage;
      } finally {
        starting = false;
      }
      orderId = view.orderId;
      if (simulate === undefined && values.wait !== true) return answerWithoutWaiting(out, view);
      if (simulate !== undefined && view.state === 'pending') {
        if (!(await pause(SIMULATE_AFTER_MS, out.signal))) return interrupted(out, services, view.orderId);
        simulateCustomer(out, services, view.orderId, simulate);
      }
      const result = await waitUntilFinal(engine, [view.orderId], timeoutMs, out.signal);
      if (result === 'interrupted') return interrupted(out, services, view.orderId);
      return conclude(out, services, view.orderId, result === 'timeout' ? timeoutMs : undefined);
    } finally {
      off();
    }
  });
}

function answerWithoutWaiting(out: Output, view: OrderView): ExitCode {
  out.note(describeOrder(view));
  if (view.state === 'pending') {
    out.note(`not waiting for the payment (add --wait); ${stillOpenAdvice(view.orderId)}`);
    return EXIT.ok;
  }
  if (view.state === 'created' || view.state === 'charging') out.note(stillOpenAdvice(view.orderId));
  return exitForState(view.state);
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
    // The order may have ended first (the kiosk timeout); the wait below reports how.
    if (!(error instanceof EmulatorControlError)) throw error;
    out.note(`could not simulate ${action}: ${error.message}`);
  }
}

function conclude(out: Output, services: KioskServices, orderId: string, timedOutAfterMs?: number): ExitCode {
  const order = services.engine.get(orderId);
  if (order === undefined) throw new Error(`order ${orderId} vanished from the journal`);
  out.note(describeOrder(order));
  if (timedOutAfterMs !== undefined && exitForState(order.state) === EXIT.stillOpen) {
    out.note(`gave up waiting after ${timedOutAfterMs / 1000} s; ${stillOpenAdvice(orderId)}`);
  }
  return exitForState(order.state);
}

function interrupted(out: Output, services: KioskServices, orderId: string): ExitCode {
  out.note('interrupted: stopping the engine');
  const order = services.engine.get(orderId);
  if (order !== undefined && exitForState(order.state) !== EXIT.stillOpen)
    return conclude(out, services, orderId);
  out.note(stillOpenAdvice(orderId));
  return EXIT.stillOpen;
}
