import { describe, expect, it } from 'vitest';
import { computeSignatureKey, isValidSignatureKey } from '../../main/midtrans/signature.ts';

// Vectors from shared/reference/midtrans-core-api.md §5, computed with the docs' example key.
const KEY = 'SB-Mid-server-abc123cde456';
const VECTORS: Array<[string, string]> = [
  [
    '200',
    'f483fae02dc0f08b6f270b52323ede9ee629f396f11c2819cc57e128c5f69286b1f89d259bdd552abaa270f8f021e4abcfe2a54d2c3331481458f9532d7c7c62',
  ],
  [
    '201',
    'fda93cc6263e7e7d4cda8e8bbe1c12b3854f3648d33f65490be12541dda26d4fbd8ea111539ebd1ba34a1aa8f2403f8d9ba85f5a9c7709541db6ad2a7a577e56',
  ],
  [
    '202',
    '2e7ece5a5019d1c3432e8de14c05e77cccbf253a166c2ddf436e09b84271ec1c43c8544f042a80aa13c7236d2293b598942d213a6306d791f47fd5cd849a0301',
  ],
  [
    '407',
    '563067e4465bd870be1219488d24f594947cff7e4dabfa98f26305b3f14dd4ec5b6e15a88f960149206f556eb142605a096822168071011d18268e37e9622fc9',
  ],
];

describe('signature_key', () => {
  it.each(VECTORS)('matches the reference vector for status_code %s', (statusCode, expected) => {
    expect(computeSignatureKey('order-101', statusCode, '44000.00', KEY)).toBe(expected);
    expect(isValidSignatureKey(expected, 'order-101', statusCode, '44000.00', KEY)).toBe(true);
  });

  it('depends on the exact amount text: 44000 is not 44000.00', () => {
    expect(computeSignatureKey('order-101', '200', '44000', KEY)).toBe(
      '7612525ddeeb41693f8309599336b13cc4dd9ab7ab5f7aee78c046ce900203d2e3b84645cbac103db86dc5402afd8e4ea6380234f711aa7635f1e2c736979e0d',
    );
    expect(isValidSignatureKey(VECTORS[0]![1], 'order-101', '200', '44000', KEY)).toBe(false);
  });

  it('rejects a signature made with another key, another status or a truncated digest', () => {
    const good = VECTORS[0]![1];
    expect(isValidSignatureKey(good, 'order-101', '200', '44000.00', 'SB-Mid-server-other')).toBe(false);
    expect(isValidSignatureKey(good, 'order-101', '201', '44000.00', KEY)).toBe(false);
    expect(isValidSignatureKey(good.slice(0, 64), 'order-101', '200', '44000.00', KEY)).toBe(false);
    expect(isValidSignatureKey(good.toUpperCase(), 'order-101', '200', '44000.00', KEY)).toBe(true);
  });
});
