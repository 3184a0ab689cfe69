/**
 * Rupiah amounts. Midtrans takes gross_amount as an integer and answers with a two-decimal
 * string ("44000.00"). Floats never carry money here: amounts are safe integers of rupiah.
 */
const AMOUNT_TEXT = /^(0|[1-9]\d{0,14})\.(\d{2})$/;
const INTEGER_TEXT = /^(0|[1-9]\d{0,14})$/;

/**
 * Exact rupiah value of a gateway amount string, or null when it is not a whole-rupiah amount
 * in the documented format. Rupiah have no minor unit in Midtrans, so ".50" is not a valid answer.
 */
export function parseGatewayAmount(text: string): number | null {
  const m = AMOUNT_TEXT.exec(text) ?? INTEGER_TEXT.exec(text);
  if (!m) return null;
  if (m[2] !== undefined && m[2] !== '00') return null;
  const value = Number(m[1]);
  return Number.isSafeInteger(value) ? value : null;
}

/** The two-decimal string Midtrans uses for an integer amount: 44000 → "44000.00". */
export function formatGatewayAmount(rupiah: number): string {
  if (!Number.isSafeInteger(rupiah)) throw new RangeError(`not a whole rupiah amount: ${rupiah}`);
  return `${rupiah}.00`;
}
