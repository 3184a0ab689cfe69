/**
 * `kiosk cancel <order_id>`: the cashier's Cancel. The engine journals the request before it
 * calls the gateway and reads the outcome from a signed status lookup, so a customer who paid a
 * moment earlier keeps their payment; this command only reports which way it went.
 */
import { EngineError } from '../../checkout/engine.ts';
import type { KioskConfig } from '../../host/env-config.ts';
import { orderIdArgument, parseCommand, secondsOption } from '../args.ts';
import { EXIT, exitForState, type ExitCode } from '../exit-codes.ts';
import type { Output } from '../io.ts';
import { describeOrder, stillOpenAdvice } from '../order-words.ts';
import { foreignEnvironment, withKiosk } from '../services.ts';
import { UsageError } from '../usage.ts';
import { waitUntilFinal } from '../wait.ts';

const OPTIONS = { timeout: { type: 'string' }, pretty: { type: 'boolean' } } as const;
/** The engine retries a cancel whose answer was lost; give it a few polls before giving up. */
const DEFAULT_WAIT_MS = 15_000;

export async function cancelCommand(
  argv: readonly string[],
  out: Output,
  config: KioskConfig,
): Promise<ExitCode> {
  const { values, positionals } = parseCommand('cancel', argv, OPTIONS, ['order_id']);
  const orderId = orderIdArgument('cancel', positionals[0]);
  const timeoutMs = secondsOption('timeout', values.timeout, DEFAULT_WAIT_MS);
  return withKiosk(config, async (services) => {
    const { engine } = services;
    if (engine.get(orderId) === undefined) {
      throw new UsageError(
        `order ${orderId} is not in this till's journal; only this till's orders can be cancelled here`,
        `Pesanan ${orderId} tidak ada di jurnal kasir ini; hanya pesanan kasir ini yang bisa dibatalkan di sini.`,
      );
    }
    const foreign = foreignEnvironment(services, orderId);
    if (foreign !== undefined) {
      throw new UsageError(
        `order ${orderId} was journaled for gateway "${foreign}", not "${services.environment}": cancel it from a kiosk configured for that gateway`,
        `Pesanan ${orderId} tercatat untuk gateway "${foreign}", bukan "${services.environment}": batalkan dari kasir yang memakai gateway itu.`,
      );
    }
    let order;
    try {
      order = await engine.cancel(orderId);
    } catch (error) {
      if (!(error instanceof EngineError && error.code === 'order-final')) throw error;
      order = engine.get(orderId);
      if (order === undefined) throw error;
      out.note(`order ${orderId} had already ended before this cancel`);
    }
    if (exitForState(order.state) === EXIT.stillOpen) {
      const result = await waitUntilFinal(engine, [orderId], timeoutMs, out.signal);
      order = engine.get(orderId) ?? order;
      if (result === 'interrupted') out.note('interrupted: stopping the engine');
    }
    out.json(order, values.pretty === true);
    out.note(describeOrder(order));
    if (order.state === 'cancel') return EXIT.ok;
    if (order.state === 'settlement') {
      out.note(
        `NOT CANCELLED: the customer paid before the cancel reached the gateway. The payment stands: hand over the goods, or refund it.`,
      );
      return EXIT.endedUnpaid;
    }
    const code = exitForState(order.state);
    if (code === EXIT.stillOpen) {
      out.note(
        `the cancel is journaled but not confirmed yet; ${stillOpenAdvice(orderId)} (it retries the cancel)`,
      );
    } else {
      out.note(`the order ended as ${order.state}, not cancelled`);
    }
    return code;
  });
}
