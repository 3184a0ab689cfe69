/**
 * An id is one path segment: "." and ".." would step out of /v2/{id}/status and send the key to
 * another endpoint (`GET /status`). They are refused before anything is sent, wherever an id
 * enters: the client, the engine and the contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_ID_PATTERN } from '../../common/midtrans-limits.ts';
import { startEmulator, type RunningEmulator } from '../../main/emulator/index.ts';
import { MidtransClient } from '../../main/midtrans/client.ts';
import { MidtransRequestError } from '../../main/midtrans/errors.ts';
import { pathSegment } from '../../main/midtrans/requests.ts';

let emu: RunningEmulator;
let client: MidtransClient;

beforeAll(async () => {
  emu = await startEmulator();
  client = new MidtransClient({ serverKey: emu.serverKey, baseUrl: emu.url });
});
afterAll(async () => {
  client.close();
  await emu.close();
});

describe('dot segments', () => {
  it.each(['.', '..', '...'])('%j is not an order id anywhere', (id) => {
    expect(ORDER_ID_PATTERN.test(id)).toBe(false);
    expect(() => pathSegment(id)).toThrow(RangeError);
  });

  it('ids with dots inside are still ids, and are percent-encoded as one segment', () => {
    expect(ORDER_ID_PATTERN.test('TOKO.2026.001')).toBe(true);
    expect(pathSegment('TOKO.2026.001')).toBe('TOKO.2026.001');
    expect(pathSegment('a~b_c-d')).toBe('a~b_c-d');
  });

  it.each([
    ['status', () => client.status('..')],
    ['findStatus', () => client.findStatus('.')],
    ['cancel', () => client.cancel('..')],
    ['expire', () => client.expire('..')],
    ['refund', () => client.refund('..', { amount: 1000 })],
  ])('client.%s refuses them and sends nothing', async (_name, call) => {
    const before = emu.control.requests().length;
    const error = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MidtransRequestError);
    expect((error as MidtransRequestError).message).toMatch(/only dots/);
    expect(emu.control.requests().length).toBe(before);
  });
});
