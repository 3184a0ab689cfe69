/**
 * What the refunds and printing modules add to a sale's detail in the history: the history
 * reads the journal's sales and orders only, and the host, which holds all three, joins them here
 * so neither module imports the other.
 */
import type { HistoryKind, HistoryReceiptView, HistoryRefundView } from '../../common/history-contract.ts';
import type { HistorySources } from '../history/history-service.ts';
import type { PrintJobStore } from '../printing/job-store.ts';
import type { RefundDesk } from '../refunds/index.ts';

export function historySources(refunds: RefundDesk, jobs: PrintJobStore): HistorySources {
  return {
    refunds(kind: HistoryKind, id: string): HistoryRefundView[] {
      const summary = refunds.summary(kind === 'sale' ? { saleId: id } : { orderId: id });
      return summary.refunds.map((r) => ({
        at: r.createdAt,
        amount: r.amount,
        method: r.tender === 'cash' ? 'cash' : (r.orderId ?? 'gateway'),
        state: r.state,
        reason: r.reason,
      }));
    },
    receipts(kind: HistoryKind, id: string): HistoryReceiptView[] {
      if (kind !== 'sale') return [];
      return jobs
        .forSale(id)
        .filter((j) => j.kind === 'receipt')
        .map((j) => ({
          at: j.printedAt ?? j.createdAt,
          kind: j.copy ? 'copy' : 'receipt',
          state: j.state,
          printer: j.printerId,
        }));
    },
  };
}
