import type { DisplayBill } from '../../common/till-contract.ts';
import { formatPercent, formatRupiah } from '../shared/format.ts';
import { useLanguage, useT } from '../shared/language.ts';
import { visibleItems } from './model.ts';

interface BillProps {
  bill: DisplayBill;
  /** Lines that fit beside the amount; the rest are counted ("+3 more"). */
  maxLines: number;
}

/**
 * The bill the customer checks before paying: the lines, then what came off and what was added
 * (discounts, service, tax: added, or the part the prices contain), and the cash handed over with
 * its change. The amount to pay is the scene's large figure, not repeated here unless cash has
 * paid part of it. Only the box carries a test id: in a small window its rows may be cut off.
 */
export function Bill({ bill, maxLines }: BillProps) {
  const t = useT();
  const language = useLanguage();
  const { shown, more } = visibleItems(bill.lines, maxLines);
  const rows: { key: string; label: string; amount: string }[] = [];
  const adjusted = bill.discounts > 0 || bill.service > 0 || bill.tax !== undefined;
  if (adjusted)
    rows.push({ key: 'subtotal', label: t('display.bill.subtotal'), amount: formatRupiah(bill.subtotal) });
  if (bill.discounts > 0) {
    rows.push({
      key: 'discounts',
      label: t('display.bill.discounts'),
      amount: `−${formatRupiah(bill.discounts)}`,
    });
  }
  if (bill.service > 0) {
    rows.push({ key: 'service', label: t('display.bill.service'), amount: formatRupiah(bill.service) });
  }
  if (bill.tax !== undefined) {
    const words = {
      tax: bill.tax.kind === 'pb1' ? 'PB1' : 'PPN',
      rate: formatPercent(bill.tax.ratePercent, language),
    };
    rows.push({
      key: 'tax',
      label: t(bill.tax.inclusive ? 'display.bill.taxIncluded' : 'display.bill.tax', words),
      amount: formatRupiah(bill.tax.amount),
    });
  }
  if (bill.cashPaid > 0) {
    rows.push({ key: 'total', label: t('display.total'), amount: formatRupiah(bill.total) });
    rows.push({
      key: 'cash',
      label: t('display.bill.cash'),
      amount: formatRupiah(bill.cashPaid + bill.change),
    });
    if (bill.change > 0)
      rows.push({ key: 'change', label: t('display.bill.change'), amount: formatRupiah(bill.change) });
  }
  return (
    <div className="bill" data-testid="display-bill">
      {shown.length > 0 && (
        <ul className="bill-lines">
          {shown.map((line, index) => (
            <li key={index}>
              <span className="item-name">
                {line.quantity} × {line.name}
              </span>
              <span className="item-total">{formatRupiah(line.amount)}</span>
            </li>
          ))}
          {more > 0 && <li className="item-more">{t('display.moreItems', { count: more })}</li>}
        </ul>
      )}
      {rows.length > 0 && (
        <dl className="bill-rows">
          {rows.map((row) => (
            <div key={row.key} className="bill-row" data-row={row.key}>
              <dt>{row.label}</dt>
              <dd>{row.amount}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
