/**
 * `kiosk catalogue list [--json]`: every item in the catalogue's own order (categories, then the
 * items within each), inactive ones included and marked. A table for people; with --json one
 * item per line, its category by name.
 */
import type { CatalogueSnapshot } from '../../../common/catalogue-contract.ts';
import type { KioskConfig } from '../../host/env-config.ts';
import { parseCommand } from '../args.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { alignRight, rupiah, table } from '../format.ts';
import type { Output } from '../io.ts';
import { withKiosk } from '../services.ts';

const OPTIONS = { json: { type: 'boolean' } } as const;

export function catalogueRows(snapshot: CatalogueSnapshot) {
  const names = new Map(snapshot.categories.map((c) => [c.id, c.name]));
  return snapshot.items.map((item) => ({
    ...item,
    category: item.categoryId === null ? null : (names.get(item.categoryId) ?? null),
  }));
}

export async function listCatalogue(
  argv: readonly string[],
  out: Output,
  config: KioskConfig,
): Promise<ExitCode> {
  const { values } = parseCommand('catalogue list', argv, OPTIONS, []);
  return withKiosk(config, async ({ catalogue }) => {
    const rows = catalogueRows(catalogue.snapshot());
    if (values.json === true) {
      for (const row of rows) out.json(row);
      return EXIT.ok;
    }
    if (rows.length === 0) {
      out.line('The catalogue is empty: "kiosk catalogue import FILE.csv" fills it.');
      return EXIT.ok;
    }
    const cells = alignRight(
      rows.map((r) => [
        String(r.id),
        r.sku ?? '-',
        r.barcode ?? '-',
        r.name,
        r.category ?? '-',
        rupiah(r.price),
        r.active ? 'yes' : 'no',
      ]),
      5,
    );
    for (const line of table(['ID', 'SKU', 'BARCODE', 'NAME', 'CATEGORY', 'PRICE', 'ACTIVE'], cells)) {
      out.line(line);
    }
    const inactive = rows.filter((r) => !r.active).length;
    out.line(`${rows.length} item(s)${inactive === 0 ? '' : `, ${inactive} inactive (not sold)`}`);
    return EXIT.ok;
  });
}
