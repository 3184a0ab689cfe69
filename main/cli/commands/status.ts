/**
 * `kiosk status <order_id>`: this till's view of an order, refreshed from the gateway while it
 * is open; for an order this till never journaled, what the gateway itself says.
 */
import { isFinalState } from '../../../common/order.ts';
import { MidtransError } from '../../midtrans/errors.ts';
import { FINAL_STATUSES, type StatusResult } from '../../midtrans/responses.ts';
import type { KioskConfig } from '../../host/env-config.ts';
import type { KioskServices } from '../../host/kiosk-services.ts';
import { orderIdArgument, parseCommand } from '../args.ts';
import { EXIT, exitForState, type ExitCode } from '../exit-codes.ts';
import type { Output } from '../io.ts';
import { describeOrder } from '../order-words.ts';
import { foreignEnvironment, withKiosk } from '../services.ts';

const OPTIONS = { pretty: { type: 'boolean' } } as const;

export async function statusCommand(
  argv: readonly string[],
  out: Output,
  config: KioskConfig,
): Promise<ExitCode> {
  const { values, positionals } = parseCommand('status', argv, OPTIONS, ['order_id']);
  const orderId = orderIdArgument('status', positionals[0]);
  const pretty = values.pretty === true;
  return withKiosk(config, async (services) => {
    const local = services.engine.get(orderId);
    if (local === undefined) return askGateway(out, services, orderId, pretty);
    let order = local;
    const foreign = foreignEnvironment(services, orderId);
    if (foreign !== undefined) {
      out.note(
        `order ${orderId} was journaled for gateway "${foreign}", not "${services.environment}": ` +
          'showing the journal only; configure that gateway to ask about it',
      );
    } else if (!isFinalState(order.state)) {
      try {
        order = await services.engine.checkNow(orderId);
      } catch (error) {
        // "Not knowable yet" comes back as the current view; a gateway error is shown, not fatal.
        if (!(error instanceof MidtransError)) throw error;
        out.note(`could not ask the gateway (${error.code}): ${error.message}; showing the journal`);
      }
    }
    out.json(order, pretty);
    out.note(describeOrder(order));
    return exitForState(order.state);
  });
}

async function askGateway(
  out: Output,
  services: KioskServices,
  orderId: string,
  pretty: boolean,
): Promise<ExitCode> {
  let status: StatusResult | null;
  try {
    status = await services.client.findStatus(orderId);
  } catch (error) {
    if (!(error instanceof MidtransError)) throw error;
    out.note(
      `order ${orderId} is not in this till's journal, and the gateway could not be asked (${error.code}): ${error.message}`,
    );
    return EXIT.stillOpen;
  }
  if (status === null) {
    out.note(`order ${orderId} is not in this till's journal, and the gateway does not know it (404)`);
    return EXIT.endedUnpaid;
  }
  out.json(gatewayView(status), pretty);
  out.note(
    `order ${orderId} is NOT in this till's journal; this is what the gateway says: ${status.transactionStatus}`,
  );
  if (status.paid) return EXIT.ok;
  // A settlement that is not `paid` (fraud review) is still in doubt, not ended.
  const ended =
    FINAL_STATUSES.includes(status.transactionStatus) && status.transactionStatus !== 'settlement';
  return ended ? EXIT.endedUnpaid : EXIT.stillOpen;
}

/** The verified status answer, minus `raw` (it repeats everything, signature included). */
function gatewayView(status: StatusResult): Record<string, unknown> {
  return {
    inJournal: false,
    orderId: status.orderId,
    transactionId: status.transactionId,
    transactionStatus: status.transactionStatus,
    paid: status.paid,
    fraudStatus: status.fraudStatus,
    paymentType: status.paymentType,
    grossAmount: status.grossAmount,
    issuer: status.issuer,
    acquirer: status.acquirer,
    transactionTime: status.transactionTime,
    settlementTime: status.settlementTime,
    expiryTime: status.expiryTime,
    refundAmount: status.refundAmount,
    statusMessage: status.statusMessage,
  };
}
