import { randomUUID } from 'node:crypto';
import { buildEmvco, emvcoField } from '../midtrans/emvco.ts';
import type { EmvcoField } from '../midtrans/emvco.ts';
import { formatGatewayAmount } from '../midtrans/money.ts';

export interface QrisMerchant {
  merchantId: string;
  merchantName: string;
  city: string;
  postalCode: string;
  /** ISO 18245 merchant category code. */
  mcc: string;
}

/**
 * A dynamic QRIS payload shaped like the ones Midtrans returns (reference §2.5), so that wallet
 * apps, QR decoders and the client's own EMVCo check all accept it. Field order follows the
 * captured samples (54 after 61), which EMVCo permits.
 */
export function buildQrisString(merchant: QrisMerchant, amount: number): string {
  const digits = merchant.merchantId.replace(/\D/g, '').slice(-10).padStart(10, '0');
  const panBody = `93600914${digits}`;
  const fields: EmvcoField[] = [
    { tag: '00', value: '01' },
    // "12" = dynamic: the amount is part of the code and it is meant to be used once.
    { tag: '01', value: '12' },
    {
      tag: '26',
      value:
        emvcoField('00', 'COM.GO-JEK.WWW') +
        emvcoField('01', panBody + luhnDigit(panBody)) +
        emvcoField('02', merchant.merchantId) +
        emvcoField('03', 'UKE'),
    },
    {
      tag: '51',
      value:
        emvcoField('00', 'ID.CO.QRIS.WWW') + emvcoField('02', `ID${digits}123`) + emvcoField('03', 'UKE'),
    },
    { tag: '52', value: merchant.mcc },
    { tag: '53', value: '360' },
    { tag: '58', value: 'ID' },
    // EMVCo caps the name at 25 and the city at 15 characters; scanners reject longer ones.
    { tag: '59', value: merchant.merchantName.slice(0, 25) },
    { tag: '60', value: merchant.city.slice(0, 15) },
    { tag: '61', value: merchant.postalCode },
    { tag: '54', value: formatGatewayAmount(amount) },
    // Midtrans puts its own reference here, a UUID that is not the transaction_id.
    { tag: '62', value: emvcoField('50', randomUUID()) + emvcoField('07', 'A01') },
  ];
  return buildEmvco(fields);
}

function luhnDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}
