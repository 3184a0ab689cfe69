/**
 * Training mode's stand-in for the customer's wallet app. It acts on the built-in emulator only,
 * never on the kiosk's own records: the poller finds the outcome as it would a real customer's,
 * so a trainee sees exactly the timing of a real sale.
 */
import type { KioskMode, ScreenOrder, SimulatedOutcome } from '../../common/contract.ts';
import { isFinalState } from '../../common/order.ts';
import type { CheckoutEngine } from '../checkout/engine.ts';
import type { RunningEmulator } from '../emulator/index.ts';
import { CommandRefusal, contractError } from './errors.ts';
import { toScreenOrder } from './screen-order.ts';

export function simulate(
  ctx: { engine: CheckoutEngine; emulator: RunningEmulator | undefined; mode: KioskMode },
  orderId: string,
  outcome: SimulatedOutcome,
): ScreenOrder {
  if (ctx.mode !== 'training' || ctx.emulator === undefined) {
    throw new CommandRefusal(contractError('training-only'));
  }
  const order = ctx.engine.get(orderId);
  if (order === undefined) throw new CommandRefusal(contractError('unknown-order'));
  if (isFinalState(order.state)) throw new CommandRefusal(contractError('order-final'));
  const { control } = ctx.emulator;
  if (outcome === 'pay') control.pay(orderId);
  else if (outcome === 'deny') control.deny(orderId);
  else control.expire(orderId);
  return toScreenOrder(ctx.engine.get(orderId) ?? order);
}
