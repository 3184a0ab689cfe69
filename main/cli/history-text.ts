/**
 * A history row's detail as support staff read it in a terminal: what was sold, how it was paid,
 * then the whole timeline on the shop's clock, one line per event, every gateway call with its
 * endpoint, HTTP status, status_code and latency. The same facts as the screen's detail.
 */
import type { HistoryDetail, TimelineEntry } from '../../common/history-contract.ts';
import { formatShopDateTime, shopClock, type ShopTime, offsetOf } from '../../common/shop-time.ts';
import { rupiah } from './format.ts';

function clockWithMs(ms: number, offsetMinutes: number): string {
  const millis = String(((ms % 1000) + 1000) % 1000).padStart(3, '0');
  return `${shopClock(ms, offsetMinutes).time}.${millis}`;
}

function factsText(facts: TimelineEntry['facts']): string {
  const entries = Object.entries(facts);
  return entries.length === 0 ? '' : ` (${entries.map(([k, v]) => `${k} ${String(v)}`).join(', ')})`;
}

/** One event, without its time. */
export function describeEntry(e: TimelineEntry): string {
  const text = e.text === undefined ? '' : ` — ${e.text}`;
  const call = e.call;
  if (call !== undefined) {
    const codes = [
      call.outcome,
      call.httpStatus === undefined ? undefined : `HTTP ${call.httpStatus}`,
      call.statusCode === undefined ? undefined : `status_code ${call.statusCode}`,
      call.ms === undefined ? undefined : `${call.ms} ms`,
      call.transactionStatus,
      call.ambiguous === true ? 'AMBIGUOUS (may have taken effect)' : undefined,
    ].filter((part) => part !== undefined);
    const repeated =
      call.repeated === undefined
        ? ''
        : ` ×${call.repeated.count} unchanged answers over ${Math.round((call.repeated.lastAt - call.repeated.firstAt) / 1000)} s`;
    const label = e.kind === 'security' ? 'SECURITY ' : '';
    return `${label}${call.endpoint}  ${codes.join('  ')}${repeated}${text}`;
  }
  switch (e.kind) {
    case 'state':
      return `state ${e.from ?? '?'} → ${e.to ?? '?'}${factsText(e.facts)}${text}`;
    case 'security':
      return `SECURITY${factsText(e.facts)}${text}`;
    case 'cancel-requested':
      return `cancel requested${factsText(e.facts)}${text}`;
    case 'qr':
      return `QR ${e.text === undefined ? 'written' : 'not written'}${factsText(e.facts)}${text}`;
    default:
      return `${e.kind}${factsText(e.facts)}${text}`;
  }
}

export function detailLines(detail: HistoryDetail, shop: ShopTime): string[] {
  const offset = offsetOf(shop);
  const { row } = detail;
  const lines: string[] = [];
  const tender = row.tender === undefined ? 'nothing tendered' : row.tender;
  lines.push(
    `${row.kind === 'sale' ? 'Sale' : 'Order'} ${row.id}: ${row.state}, ${rupiah(row.amount)}, ${tender}`,
  );
  lines.push(
    `Made ${formatShopDateTime(row.createdAt, offset, true)}; business day ${row.businessDate}` +
      ` (${shop.zone}, the day turns at ${String(shop.cutoffHour).padStart(2, '0')}:00)`,
  );
  const sale = detail.sale;
  if (sale !== undefined) {
    lines.push('', 'Lines:');
    for (const l of sale.breakdown.lines) {
      const discount = l.lineDiscount > 0 ? ` (discount ${rupiah(l.lineDiscount)})` : '';
      lines.push(`  ${l.quantity} × ${l.name} @ ${rupiah(l.unitPrice)}${discount}  = ${rupiah(l.total)}`);
    }
    const b = sale.breakdown;
    lines.push(
      `  subtotal ${rupiah(b.subtotal)}; discounts ${rupiah(b.lineDiscounts + b.orderDiscount)}; ` +
        `service ${rupiah(b.service)}; tax ${rupiah(b.tax.amount)}${b.tax.inclusive ? ' (included)' : ''}; ` +
        `total ${rupiah(b.total)}; cash total ${rupiah(b.cashTotal)}`,
    );
    if (sale.voidReason !== undefined) lines.push(`  voided: ${sale.voidReason}`);
  } else if (detail.items.length > 0) {
    lines.push('', 'Items:');
    for (const item of detail.items) lines.push(`  ${item.quantity} × ${item.name} @ ${rupiah(item.price)}`);
  }
  lines.push('', 'Payments:');
  for (const c of detail.cash) {
    lines.push(
      `  cash ${rupiah(c.amount)} (received ${rupiah(c.received)}, change ${rupiah(c.change)}): ${c.state}`,
    );
  }
  for (const c of detail.charges) {
    const paid =
      c.paidWith === undefined
        ? ''
        : `, paid with ${c.paidWith}${c.issuer === undefined ? '' : ` (${c.issuer})`}`;
    const why = c.endReason === undefined ? '' : `, ${c.endReason}`;
    const tx = c.transactionId === undefined ? '' : `, transaction ${c.transactionId}`;
    lines.push(`  ${c.paymentType} ${c.orderId} ${rupiah(c.amount)}: ${c.state}${why}${paid}${tx}`);
    if (c.alert !== undefined)
      lines.push(`    ALERT: ${c.alert}${c.detail === undefined ? '' : `: ${c.detail}`}`);
  }
  if (detail.cash.length === 0 && detail.charges.length === 0) lines.push('  none');
  for (const r of detail.receipts) {
    lines.push(`  receipt ${r.kind} ${formatShopDateTime(r.at, offset)}: ${r.state}`);
  }
  for (const r of detail.refunds) {
    lines.push(`  refund ${rupiah(r.amount)} by ${r.method} ${formatShopDateTime(r.at, offset)}: ${r.state}`);
  }
  lines.push('', `Timeline (${shop.zone}):`);
  let day = '';
  for (const e of detail.timeline) {
    const clock = shopClock(e.at, offset);
    if (clock.date !== day) {
      day = clock.date;
      lines.push(`  ${day}`);
    }
    const who = e.orderId ?? 'sale';
    lines.push(`  ${clockWithMs(e.at, offset)}  ${who.padEnd(24)}  ${describeEntry(e)}`);
  }
  return lines;
}
