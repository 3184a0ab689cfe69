/** `kiosk list`: the till's sales, newest first, a page at a time. */
import type { OrderView } from '../../../common/order.ts';
import { HISTORY_MAX_LIMIT } from '../../journal/journal.ts';
import type { KioskConfig } from '../../host/env-config.ts';
import { cursorOption, limitOption, parseCommand } from '../args.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { alignRight, rupiah, shopTime, table, zoneName } from '../format.ts';
import type { Output } from '../io.ts';
import { withKiosk } from '../services.ts';

const OPTIONS = {
  json: { type: 'boolean' },
  limit: { type: 'string' },
  before: { type: 'string' },
} as const;
const DEFAULT_LIMIT = 20;

export async function listCommand(
  argv: readonly string[],
  out: Output,
  config: KioskConfig,
): Promise<ExitCode> {
  const { values } = parseCommand('list', argv, OPTIONS, []);
  const limit = limitOption(values.limit, DEFAULT_LIMIT, HISTORY_MAX_LIMIT);
  const before = cursorOption(values.before);
  return withKiosk(config, async ({ engine }) => {
    const page = engine.history({ limit, ...(before === undefined ? {} : { before }) });
    if (values.json === true) {
      for (const order of page.orders) out.json(order);
      if (page.nextCursor !== undefined) out.json({ nextCursor: page.nextCursor });
      return EXIT.ok;
    }
    if (page.orders.length === 0) {
      out.line(before === undefined ? 'No sales on this till yet.' : 'No older sales.');
      return EXIT.ok;
    }
    const offset = engine.settings.utcOffsetMinutes;
    const rows = alignRight(
      page.orders.map((o) => [
        o.orderId,
        shopTime(o.createdAt, offset),
        o.paymentType,
        rupiah(o.grossAmount),
        o.state,
        paidWith(o),
      ]),
      3,
    );
    for (const line of table(
      ['ORDER ID', `TIME (${zoneName(offset)})`, 'TYPE', 'AMOUNT', 'STATE', 'PAID WITH'],
      rows,
    )) {
      out.line(line);
    }
    if (page.nextCursor !== undefined) out.line(`Older sales: kiosk list --before ${page.nextCursor}`);
    return EXIT.ok;
  });
}

function paidWith(order: OrderView): string {
  if (order.paidWith === undefined) return '-';
  return order.issuer === undefined ? order.paidWith : `${order.paidWith} (${order.issuer})`;
}
