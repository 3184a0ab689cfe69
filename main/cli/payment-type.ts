/** Which of QRIS and GoPay a charge uses when --type is not given. */
import { PAYMENT_TYPES, type PaymentType } from '../../common/midtrans-limits.ts';
import type { KioskConfig } from '../host/env-config.ts';

/** QRIS is the one code every wallet and bank app scans; it leads unless the till disabled it. */
export function defaultPaymentType(config: Pick<KioskConfig, 'paymentTypes'>): PaymentType {
  const enabled = config.paymentTypes ?? PAYMENT_TYPES;
  return enabled.includes('qris') ? 'qris' : (enabled[0] ?? 'qris');
}
