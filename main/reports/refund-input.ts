/**
 * Refunds as one input of the day's figures: the drawer's expected cash (cash refunds out of a
 * shift) and the X, Z and range reports (refunds by tender). recorded-refunds.ts reads them from
 * the refunds journal. `included: false` (an input that records none) makes every report say so
 * in its data, with a note, rather than show a zero that looks like a fact.
 */
import type { Bilingual, RefundFigures, TenderKind, TenderTotal } from '../../common/day-contract.ts';

export interface RefundTotals {
  count: number;
  amount: number;
  byTender: TenderTotal[];
}

export interface RefundInput {
  /** False while the kiosk records no refunds. */
  readonly included: boolean;
  /** The refunds log's high-water mark now (a Z keeps it, so the next Z starts after it). */
  mark(): number;
  /** Refunds of one environment recorded after mark `from` up to and including `to`. */
  inPeriod(environment: string, from: number, to: number): RefundTotals;
  /** Refunds of one environment by business date, both days included. */
  inDates(environment: string, fromDate: string, toDate: string): RefundTotals;
  /** Cash paid out of one shift's drawer for refunds. */
  cashOfShift(shiftId: number): number;
}

const NOT_RECORDED: Bilingual = {
  id: 'Pengembalian dana belum dicatat oleh kiosk ini (termasuk yang dibuat di dasbor Midtrans), jadi tidak dihitung di laporan ini.',
  en: 'Refunds are not recorded by this kiosk yet (nor those made on the Midtrans dashboard), so this report counts none.',
};
const RECORDED: Bilingual = {
  id: 'Pengembalian dana yang dicatat kiosk ini.',
  en: 'Refunds recorded by this kiosk.',
};

const TENDER_ORDER: readonly TenderKind[] = ['cash', 'qris', 'gopay'];

export function refundFigures(input: RefundInput, totals: RefundTotals): RefundFigures {
  return {
    included: input.included,
    note: input.included ? RECORDED : NOT_RECORDED,
    count: totals.count,
    amount: totals.amount,
    byTender: [...totals.byTender].sort(
      (a, b) => TENDER_ORDER.indexOf(a.tender) - TENDER_ORDER.indexOf(b.tender),
    ),
  };
}
