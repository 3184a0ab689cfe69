/**
 * The day's commands through the contract, as a screen calls them: payloads checked, refusals as
 * ContractErrors with stable codes, words in both languages and the problems by field, and a sale
 * refused by the shift policy on 'sale.start'.
 */
import { describe, expect, it } from 'vitest';
import type { ContractError } from '../../common/contract.ts';
import type { DayStatus, PeriodReport, ShiftView } from '../../common/day-contract.ts';
import { createKioskApi, type KioskApi } from '../../main/screen-api/kiosk-api.ts';
import { line, openDayKiosk } from '../day/helpers.ts';

async function kioskApi(): Promise<{ api: KioskApi; close(): void }> {
  const kiosk = await openDayKiosk();
  const { services } = kiosk;
  const api = createKioskApi({
    engine: services.engine,
    till: services.till,
    catalogue: services.catalogue,
    day: services.day,
    emulator: services.emulator,
    settings: {
      get: () => ({
        mode: 'training',
        merchantName: 'Warung Uji',
        language: 'id',
        paymentTypes: ['qris', 'gopay'],
        kioskTimeoutSeconds: 900,
        pricing: {
          tax: { kind: 'none', ratePercent: 0, inclusive: false },
          serviceTaxed: true,
          taxRounding: 'half-up',
          fractionRounding: 'half-up',
          cashRounding: { unit: 0, mode: 'half-up' },
        },
        discountApproval: null,
        shopTime: { zone: 'WIB', cutoffHour: 0 },
      }),
      setLanguage: () => {
        throw new Error('not in this test');
      },
    },
    mode: 'training',
    journal: services.journal,
  });
  return { api, close: () => api.close() };
}

async function ok<T>(api: KioskApi, name: string, payload: unknown): Promise<T> {
  const outcome = await api.call('cashier', name, payload);
  if (!outcome.ok) throw new Error(`${name} refused: ${JSON.stringify(outcome.error)}`);
  return outcome.value as T;
}

async function refused(api: KioskApi, name: string, payload: unknown): Promise<ContractError> {
  const outcome = await api.call('cashier', name, payload);
  if (outcome.ok) throw new Error(`${name} went through: ${JSON.stringify(outcome.value)}`);
  return outcome.error;
}

describe('the day on the contract', () => {
  it('opens, moves cash, closes with a count, and answers the X and Z', async () => {
    const { api, close } = await kioskApi();
    const status = await ok<DayStatus>(api, 'day.status', {});
    expect(status).toMatchObject({
      shift: null,
      cashiers: [],
      policy: { salesWithoutShift: true },
      lastZ: null,
    });
    expect(status.managerPinSet).toBe(false);
    expect((await refused(api, 'report.z', {})).code).toBe('z-empty');
    const shift = await ok<ShiftView>(api, 'shift.open', { count: { note100000: 1, note20000: 2 } });
    expect(shift.float).toBe(140_000);
    await ok(api, 'shift.cash', { kind: 'in', amount: '10.000', reason: 'uang kecil' });

    const notANumber = await refused(api, 'shift.close', { counted: 'seratus ribu' });
    expect(notANumber.code).toBe('day-invalid');
    expect(notANumber.message.id).toMatch(/harus berupa angka/);
    expect(notANumber.message.en).toMatch(/must be a number/);
    expect(notANumber.problems).toEqual([
      expect.objectContaining({ code: 'amount-not-a-number', field: 'counted' }),
    ]);
    // A shape the schema refuses never reaches the shift.
    expect((await refused(api, 'shift.close', { counted: 1, extra: true })).code).toBe('invalid-payload');
    expect((await refused(api, 'shift.close', { count: { note75000: 1 } })).code).toBe('invalid-payload');

    const closed = await ok<ShiftView>(api, 'shift.close', { count: { note100000: 1, note50000: 1 } });
    expect(closed.difference).toBe(0);

    await ok(api, 'sale.start', {
      lines: [line('Kopi', 10_000)],
      tender: { kind: 'cash', received: 10_000 },
    });
    const z = await ok<PeriodReport>(api, 'report.z', {});
    expect(z.label).toBe('Z-0001');
    expect(z.figures.shifts).toEqual([expect.objectContaining({ counted: 150_000, difference: 0 })]);
    expect(z.figures.tenders[0]).toEqual({ tender: 'cash', count: 1, amount: 10_000 });
    const again = await refused(api, 'report.z', {});
    expect(again.code).toBe('z-day-closed');
    expect(again.message.id).toContain('Z-0001');
    const csv = await ok<{ csv: string; fileName: string }>(api, 'report.csv', { kind: 'z', number: 1 });
    expect(csv.fileName).toMatch(/^Z-0001_/);
    expect((await ok<DayStatus>(api, 'day.status', {})).lastZ?.label).toBe('Z-0001');
    close();
  });

  it('refuses a sale with no shift when the policy asks for one, with its own code', async () => {
    const { api, close } = await kioskApi();
    await ok(api, 'shift.setPolicy', { salesWithoutShift: false });
    const error = await refused(api, 'sale.start', {
      lines: [line('Kopi', 10_000)],
      tender: { kind: 'cash', received: 10_000 },
    });
    expect(error.code).toBe('no-shift');
    expect(error.message.en).toMatch(/Open a shift first/);
    const range = await refused(api, 'report.range', { from: '2026-12-09', to: '2026-12-01' });
    expect(range.problems?.[0]).toMatchObject({ code: 'range-reversed', field: 'to' });
    close();
  });
});
