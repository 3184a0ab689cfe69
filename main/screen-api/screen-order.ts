/**
 * The order as a screen may see it. The QR's place on this machine's disk is not the screens'
 * business (the display gets the image itself through the presenter), so only whether it is
 * ready crosses the boundary.
 */
import type { ScreenOrder } from '../../common/contract.ts';
import type { OrderView } from '../../common/order.ts';

export function toScreenOrder(view: OrderView): ScreenOrder {
  const { qr, ...rest } = view;
  return { ...rest, qrReady: qr !== undefined };
}
