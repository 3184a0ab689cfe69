/**
 * The shop's day over the shell's wiring: a cash sale, a shift, the X, the history, a refund with
 * the manager PIN, the Z and a reconciliation status, each through the preload's api and main's IPC
 * gate as the cashier window uses them, so a service the host builds but the shell does not route
 * (or a preload that forgets a function) shows here. The display window may call none of them.
 */
import type { CashierApi } from '../../common/contract.ts';
import { expect, test } from './support/fixtures.ts';
import { PIN, skipWithoutElectron } from './support/scenario.ts';

skipWithoutElectron();

/** The preload's global, typed by the contract itself so this test follows it. */
type CashierGlobal = { kioskCashier: CashierApi };

test('the day through the shell: shift, cash sale, X, history, a refund with the PIN, the Z; the display may do none of it', async ({
  launchKiosk,
}) => {
  const kiosk = await launchKiosk();
  const result = await kiosk.cashier.evaluate(async (pin) => {
    const api = (window as unknown as CashierGlobal).kioskCashier;
    await api.manager.createPin(pin);
    const day = await api.day.status();
    await api.day.openShift({ float: 100_000 });
    const sale = await api.startSale({
      lines: [{ name: 'Kopi Susu', unitPrice: 18_000, quantity: 2 }],
      tender: { kind: 'cash', received: 40_000 },
    });
    const page = await api.searchHistory({});
    const refund = await api.manager.refunds.create({
      saleId: sale.saleId,
      amount: 6_000,
      reason: 'Es kurang',
      managerPin: pin,
    });
    const detail = await api.historyDetail('sale', sale.saleId);
    const x = await api.day.x();
    const closed = await api.day.closeShift({ counted: 130_000 });
    const z = await api.day.z(pin);
    const reconcile = await api.reconcile.status();
    return { day, sale, page, refund, detail, x, closed, z, reconcile };
  }, PIN);

  expect(result.day.businessDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(result.sale.state).toBe('paid');
  expect(result.page.rows.map((r) => r.id)).toContain(result.sale.saleId);
  expect(result.refund.complete).toBe(true);
  expect(result.detail.refunds).toEqual([expect.objectContaining({ amount: 6_000, method: 'cash' })]);
  expect(result.x.figures.tenders).toContainEqual({ tender: 'cash', count: 1, amount: 36_000 });
  expect(result.x.figures.refunds).toMatchObject({ count: 1, amount: 6_000 });
  // Float 100.000 + 36.000 kept − 6.000 given back.
  expect(result.x.figures.shifts[0]?.drawer.expected).toBe(130_000);
  expect(result.closed).toMatchObject({ counted: 130_000, difference: 0 });
  expect(result.z).toMatchObject({ kind: 'z', number: 1, label: 'Z-0001' });
  expect(result.reconcile.running).toBeUndefined();

  const refused = { ok: false, error: { code: 'unknown-command' } };
  expect(await kiosk.sendFromWindow('display', 'day.status', {})).toMatchObject(refused);
  expect(await kiosk.sendFromWindow('display', 'history.search', {})).toMatchObject(refused);
  expect(await kiosk.sendFromWindow('display', 'reconcile.status', {})).toMatchObject(refused);
  expect(
    await kiosk.sendFromWindow('display', 'refund.create', {
      saleId: result.sale.saleId,
      reason: 'x',
      managerPin: PIN,
    }),
  ).toMatchObject(refused);
  expect(kiosk.problems).toEqual([]);
});
