/**
 * Tests written for a sale of "an amount, or some items, by QRIS/GoPay" send it as the till's
 * request: the amount as one line (or the items as lines), the whole total by the gateway.
 */
import type { PaymentType } from '../../common/midtrans-limits.ts';
import type { SaleItem } from '../../common/order.ts';
import type { TillSaleRequest } from '../../common/till-contract.ts';

export interface SimpleSale {
  paymentType: PaymentType;
  amount?: number;
  items?: SaleItem[];
}

export function tillSale(sale: SimpleSale): TillSaleRequest {
  const lines =
    sale.items !== undefined && sale.items.length > 0
      ? sale.items.map((item) => ({
          sku: item.id,
          name: item.name,
          unitPrice: item.price,
          quantity: item.quantity,
        }))
      : [{ name: 'Jumlah', unitPrice: sale.amount ?? 0, quantity: 1 }];
  return { lines, tender: { kind: 'gateway', paymentType: sale.paymentType } };
}
