/** The journal row as the screens see it: nothing about attempts' keys or where the row lives. */
import type { OrderView } from '../../common/order.ts';
import type { OrderRow } from '../journal/types.ts';

export function viewOf(row: OrderRow): OrderView {
  return {
    orderId: row.orderId,
    saleId: row.saleId,
    state: row.state,
    paymentType: row.paymentType,
    grossAmount: row.grossAmount,
    items: row.items,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deadlineAt: row.deadlineAt,
    attempt: row.attempt,
    transactionId: row.transactionId,
    gatewayStatus: row.gatewayStatus,
    fraudStatus: row.fraudStatus,
    paidWith: row.paidWith,
    issuer: row.issuer,
    acquirer: row.acquirer,
    qr:
      row.qrPath === undefined || row.qrSource === undefined
        ? undefined
        : { path: row.qrPath, source: row.qrSource, qrString: row.qrString },
    deeplinkUrl: row.deeplinkUrl,
    gatewayExpiryAt: row.gatewayExpiryAt,
    settledAt: row.settledAt,
    finalAt: row.finalAt,
    endReason: row.endReason,
    detail: row.detail,
    cancelRequestedAt: row.cancelRequestedAt,
    alert: row.alert,
    refunded: row.refunded,
  };
}
