/**
 * `kiosk log <order_id>`: everything this till journaled about a sale, for support staff. Takes an
 * order id (a bare order, or a payment of a till sale: then the whole sale) or a sale id. Reads
 * the journal only: no gateway is asked and nothing is written.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SHOP_TIME } from '../../../common/shop-time.ts';
import type { KioskConfig } from '../../host/env-config.ts';
import { HistoryService } from '../../history/history-service.ts';
import { Journal } from '../../journal/journal.ts';
import { SalesBook } from '../../sales/sales-book.ts';
import { orderIdArgument, parseCommand } from '../args.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { detailLines } from '../history-text.ts';
import type { Output } from '../io.ts';

const OPTIONS = { json: { type: 'boolean' }, pretty: { type: 'boolean' } } as const;

function notFound(out: Output, id: string, where: string): ExitCode {
  out.refusal(`no sale or order ${id} ${where}`, {
    id: `Tidak ada penjualan atau pesanan ${id} di jurnal kasir ini.`,
    en: `There is no sale or order ${id} in this till's journal.`,
  });
  return EXIT.endedUnpaid;
}

export async function logCommand(
  argv: readonly string[],
  out: Output,
  config: KioskConfig,
): Promise<ExitCode> {
  const { values, positionals } = parseCommand('log', argv, OPTIONS, ['order_id']);
  const id = orderIdArgument('log', positionals[0]);
  const file = join(config.dataDir, 'journal.sqlite');
  // Reading must not leave an empty journal behind in a folder that never had a till.
  if (!existsSync(file)) return notFound(out, id, `(no journal in ${config.dataDir})`);
  const journal = Journal.open(file);
  try {
    const history = new HistoryService({ journal, book: new SalesBook(journal.database) });
    const found = history.locate(id);
    if (found === undefined) return notFound(out, id, "in this till's journal");
    const detail = history.detail(found.kind, found.id);
    if (values.json === true) {
      out.json(detail, values.pretty === true);
    } else {
      if (found.id !== id) out.line(`Order ${id} is a payment of sale ${found.id}: the whole sale follows.`);
      for (const line of detailLines(detail, config.shopTime ?? DEFAULT_SHOP_TIME)) out.line(line);
    }
    return EXIT.ok;
  } finally {
    journal.close();
  }
}
