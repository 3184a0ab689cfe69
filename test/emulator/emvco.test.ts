import { describe, expect, it } from 'vitest';
import { buildEmvco, crc16CcittFalse, emvcoField, parseEmvco, parseTlv } from '../../main/midtrans/emvco.ts';
import { buildQrisString } from '../../main/emulator/qris-payload.ts';

// qr_strings from the reference §2.5 (a) and (c).
const SAMPLE_A623 =
  '00020101021226620014COM.GO-JEK.WWW011993600914349052630340210G4905263030303UKE51440014ID.CO.QRIS.WWW0215AID0607336128660303UKE5204341453033605802ID5904Test6007BANDUNG6105402845409789000.0062475036c032f87c-f773-4619-aefa-675e1f06f9210703A016304A623';
const SAMPLE_C385 =
  '00020101021226620014COM.GO-JEK.WWW011993600914337918182570210G3791818250303UKE51440014ID.CO.QRIS.WWW0215AID7720513752290303UKE5204359353033605802ID5910PAPI LIVE26005KUKAR6105755535409100000.0062475036b1855b6c-70ab-4449-9778-61b8ffe43fd20703A016304C385';

describe('EMVCo', () => {
  it('computes CRC16-CCITT-FALSE (standard check value)', () => {
    expect(crc16CcittFalse('123456789')).toBe('29B1');
  });

  it.each([
    ['A623', SAMPLE_A623, '789000.00'],
    ['C385', SAMPLE_C385, '100000.00'],
  ])('verifies the reference sample with CRC %s', (crc, qr, amount) => {
    const parsed = parseEmvco(qr);
    expect(parsed).not.toBeNull();
    expect(parsed?.crc).toBe(crc);
    expect(parsed?.crcValid).toBe(true);
    expect(parsed?.tags['01']).toBe('12');
    expect(parsed?.tags['54']).toBe(amount);
    expect(parsed?.tags['53']).toBe('360');
  });

  it('flags a tampered amount as an invalid CRC', () => {
    const tampered = SAMPLE_A623.replace('5409789000.00', '5409189000.00');
    const parsed = parseEmvco(tampered);
    expect(parsed?.crcValid).toBe(false);
    expect(parsed?.computedCrc).not.toBe('A623');
  });

  it('accepts a lower-case CRC value', () => {
    expect(parseEmvco(SAMPLE_C385.slice(0, -4) + 'c385')?.crcValid).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['truncated', SAMPLE_A623.slice(0, -10)],
    ['no CRC field', SAMPLE_A623.slice(0, -8)],
    ['length overruns the string', '000201010212630499'],
    ['non-hex CRC', SAMPLE_A623.slice(0, -4) + 'ZZZZ'],
    ['not starting with tag 00', '01021263041234'],
    ['non-digit tag', 'AB0201' + '6304ABCD'],
  ])('returns null for structurally broken input (%s)', (_name, qr) => {
    expect(parseEmvco(qr)).toBeNull();
  });

  it('builds payloads whose CRC verifies, and parses nested templates', () => {
    const qr = buildEmvco([
      { tag: '00', value: '01' },
      { tag: '62', value: emvcoField('07', 'A01') },
    ]);
    const parsed = parseEmvco(qr);
    expect(parsed?.crcValid).toBe(true);
    expect(parseTlv(parsed?.tags['62'] ?? '')).toEqual([{ tag: '07', value: 'A01' }]);
    expect(() => emvcoField('1', 'x')).toThrow(RangeError);
    expect(() => emvcoField('01', 'x'.repeat(100))).toThrow(RangeError);
  });
});

describe('QRIS payload builder', () => {
  const merchant = {
    merchantId: 'G123456789',
    merchantName: 'A VERY LONG MERCHANT NAME FOR QRIS',
    city: 'JAKARTA SELATAN RAYA',
    postalCode: '10110',
    mcc: '5814',
  };

  it('produces a dynamic QRIS string with the documented tags', () => {
    const qr = buildQrisString(merchant, 44000);
    const parsed = parseEmvco(qr);
    expect(parsed?.crcValid).toBe(true);
    const tags = parsed?.tags ?? {};
    expect(tags['00']).toBe('01');
    expect(tags['01']).toBe('12');
    expect(tags['52']).toBe('5814');
    expect(tags['53']).toBe('360');
    expect(tags['54']).toBe('44000.00');
    expect(tags['58']).toBe('ID');
    expect(tags['59']).toBe('A VERY LONG MERCHANT NAME');
    expect(tags['60']).toBe('JAKARTA SELATAN');
    expect(tags['61']).toBe('10110');
    const t26 = parseTlv(tags['26'] ?? '');
    expect(t26?.find((f) => f.tag === '00')?.value).toBe('COM.GO-JEK.WWW');
    expect(t26?.find((f) => f.tag === '02')?.value).toBe('G123456789');
    expect(t26?.find((f) => f.tag === '01')?.value).toHaveLength(19);
    expect(parseTlv(tags['51'] ?? '')?.[0]?.value).toBe('ID.CO.QRIS.WWW');
    const t62 = parseTlv(tags['62'] ?? '');
    expect(t62?.find((f) => f.tag === '50')?.value).toMatch(/^[0-9a-f-]{36}$/);
    expect(t62?.find((f) => f.tag === '07')?.value).toBe('A01');
  });

  it('uses a fresh reference each time', () => {
    expect(buildQrisString(merchant, 1)).not.toBe(buildQrisString(merchant, 1));
  });
});
