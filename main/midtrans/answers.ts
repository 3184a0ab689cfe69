/**
 * What each call's answer must say before the client returns it: for the order asked about, for
 * the amount charged, a QR that can be shown, and — for a status — whether it means paid. Pure
 * functions over parsed JSON; a ResponseShapeError here becomes 'malformed-response'.
 */
import { parseEmvco } from './emvco.ts';
import {
  ResponseShapeError,
  amountOf,
  parseActions,
  parseRefunds,
  parseTransactionBody,
  type ChargeResult,
  type StatusResult,
  type TransactionBody,
  type TransactionSnapshot,
} from './responses.ts';
import type { ChargeRequest } from './validate.ts';

export function chargeAnswer(json: unknown, req: ChargeRequest): ChargeResult {
  const { body: b, snapshot } = parseTransactionBody(json);
  if (snapshot.orderId !== req.orderId)
    throw new ResponseShapeError(`answer is for order ${snapshot.orderId}, not ${req.orderId}`);
  if (snapshot.grossAmount !== req.grossAmount) {
    throw new ResponseShapeError(`answer has gross_amount ${snapshot.grossAmount}, not ${req.grossAmount}`);
  }
  const actions = parseActions(b.actions);
  const result: ChargeResult = {
    ...snapshot,
    actions,
    qrCodeUrl: actions.find((a) => a.name === 'generate-qr-code')?.url,
    deeplinkUrl: actions.find((a) => a.name === 'deeplink-redirect')?.url,
    qrString: b.qr_string,
  };
  if (result.qrString !== undefined) checkQrString(result.qrString, req.grossAmount);
  if (
    result.transactionStatus === 'pending' &&
    result.qrCodeUrl === undefined &&
    result.qrString === undefined
  ) {
    throw new ResponseShapeError('a pending charge came back with neither a QR code URL nor a qr_string');
  }
  return result;
}

/** A status, cancel or expire answer, which must be about the transaction asked for. */
export function transactionAnswer(
  json: unknown,
  ref: string,
): { body: TransactionBody; snapshot: TransactionSnapshot } {
  const parsed = parseTransactionBody(json);
  const { snapshot } = parsed;
  if (snapshot.orderId !== ref && snapshot.transactionId !== ref) {
    throw new ResponseShapeError(`answer is for order ${snapshot.orderId}, not ${ref}`);
  }
  return parsed;
}

/** A status answer whose signature has been verified, with what it means for the sale. */
export function statusResult(body: TransactionBody, snapshot: TransactionSnapshot): StatusResult {
  return {
    ...snapshot,
    // signature_key covers status_code but not transaction_status, so a settlement must also
    // carry settlement's own code ("200"); a "201" (pending) relabelled settlement is not paid.
    paid:
      snapshot.transactionStatus === 'settlement' &&
      snapshot.statusCode === '200' &&
      (snapshot.fraudStatus === undefined || snapshot.fraudStatus === 'accept'),
    refundAmount: body.refund_amount === undefined ? 0 : amountOf(body.refund_amount, 'refund_amount'),
    refunds: parseRefunds(body.refunds),
  };
}

/** A qr_string we would show must be intact (CRC) and ask for the amount we charged. */
function checkQrString(qr: string, grossAmount: number): void {
  const parsed = parseEmvco(qr);
  if (parsed === null || !parsed.crcValid)
    throw new ResponseShapeError('qr_string is not a valid EMVCo payload (CRC check failed)');
  const amountTag = parsed.tags['54'];
  if (amountTag !== undefined && Number(amountTag) !== grossAmount) {
    throw new ResponseShapeError(`qr_string asks for ${amountTag}, not ${grossAmount}`);
  }
}
