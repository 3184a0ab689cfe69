/**
 * The part of the Midtrans client the checkout engine uses. The engine depends on this shape,
 * not on the client class, so a test can put a scripted gateway in front of it; in the product
 * it is always the real MidtransClient talking to Midtrans or to the built-in emulator.
 */
import type { ChargeRequest } from '../midtrans/validate.ts';
import type { ChargeResult, StatusResult, TransactionSnapshot } from '../midtrans/responses.ts';
import type { QrImage } from '../midtrans/client.ts';

export interface PaymentGateway {
  charge(input: ChargeRequest, call: { idempotencyKey: string }): Promise<ChargeResult>;
  status(id: string): Promise<StatusResult>;
  findStatus(id: string): Promise<StatusResult | null>;
  cancel(id: string): Promise<TransactionSnapshot>;
  expire(id: string): Promise<TransactionSnapshot>;
  fetchQrCode(url: string, maxBytes?: number): Promise<QrImage>;
}
