/**
 * EMVCo merchant-presented QR (the format behind QRIS and GoPay's qr_string): a flat run of
 * TLV fields "TTLLvalue" (2-digit tag, 2-digit decimal length) ending in tag 63, a CRC16 over
 * everything before the CRC value. The emulator builds these strings and the client checks a
 * gateway's qr_string with them before putting it on screen: a wallet app refuses a QR whose CRC
 * is wrong, so a corrupted string must be caught before a customer tries to scan it.
 */

export interface EmvcoField {
  tag: string;
  value: string;
}

export interface ParsedEmvco {
  /** Top-level fields in the order they appear, the CRC field included. */
  fields: EmvcoField[];
  /** Top-level fields by tag; a repeated tag keeps its first value. */
  tags: Record<string, string>;
  /** The CRC the string carries (tag 63), upper-case hex. */
  crc: string;
  /** The CRC recomputed over the string. */
  computedCrc: string;
  crcValid: boolean;
}

const TAG_PATTERN = /^\d{2}$/;
const CRC_TAG = '63';
const CRC_HEADER = `${CRC_TAG}04`;

/** CRC16-CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) as 4 upper-case hex digits. */
export function crc16CcittFalse(data: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(data, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** One TLV field. Lengths are two decimal digits, so a value is at most 99 characters. */
export function emvcoField(tag: string, value: string): string {
  if (!TAG_PATTERN.test(tag)) throw new RangeError(`EMVCo tag must be two digits, got "${tag}"`);
  if (value.length > 99) throw new RangeError(`EMVCo field ${tag} is longer than 99 characters`);
  return `${tag}${String(value.length).padStart(2, '0')}${value}`;
}

/** A complete payload: the given fields (without tag 63) followed by the CRC field. */
export function buildEmvco(fields: readonly EmvcoField[]): string {
  if (fields.some((f) => f.tag === CRC_TAG)) throw new RangeError('tag 63 is computed, do not pass it');
  const body = fields.map((f) => emvcoField(f.tag, f.value)).join('') + CRC_HEADER;
  return body + crc16CcittFalse(body);
}

/**
 * Splits a run of TLV fields (a whole payload, or the value of a template such as tag 26 or 62).
 * Returns null when the text is not exactly a sequence of well-formed fields.
 */
export function parseTlv(text: string): EmvcoField[] | null {
  const fields: EmvcoField[] = [];
  let at = 0;
  while (at < text.length) {
    const tag = text.slice(at, at + 2);
    const lengthText = text.slice(at + 2, at + 4);
    if (!TAG_PATTERN.test(tag) || !/^\d{2}$/.test(lengthText)) return null;
    const length = Number(lengthText);
    const value = text.slice(at + 4, at + 4 + length);
    if (value.length !== length) return null;
    fields.push({ tag, value });
    at += 4 + length;
  }
  return fields;
}

/**
 * Parses a merchant-presented QR payload. Returns null when it is structurally broken: not a run
 * of TLV fields, no payload-format field first, or no 4-hex-digit CRC field last. A string that
 * parses but whose CRC does not match comes back with crcValid false, so callers can tell
 * "garbage" from "tampered or corrupted".
 */
export function parseEmvco(qr: string): ParsedEmvco | null {
  const fields = parseTlv(qr);
  if (!fields || fields.length < 2) return null;
  const first = fields[0];
  const last = fields[fields.length - 1];
  if (!first || first.tag !== '00' || !last || last.tag !== CRC_TAG) return null;
  if (!/^[0-9A-Fa-f]{4}$/.test(last.value)) return null;
  const tags: Record<string, string> = {};
  for (const f of fields) if (!(f.tag in tags)) tags[f.tag] = f.value;
  const crc = last.value.toUpperCase();
  // The CRC covers its own tag and length ("6304") but not the 4 digits of the value.
  const computedCrc = crc16CcittFalse(qr.slice(0, -4));
  return { fields, tags, crc, computedCrc, crcValid: crc === computedCrc };
}
