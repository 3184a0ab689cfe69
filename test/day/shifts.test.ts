/**
 * Shifts on the real till: the drawer's expected cash (float + cash received − change − cash
 * given back ± cash in/out) through cash, split and QR-only sales, the count at close and its
 * difference, the sale's shift and cashier, and every refusal writing nothing.
 */
import { describe, expect, it } from 'vitest';
import { count, line, openDayKiosk, refusal } from './helpers.ts';

describe('a shift from open to close', () => {
  it('expects float + cash received − change − cash given back + in − out, whatever the mix of tenders', async () => {
    const kiosk = await openDayKiosk();
    const { shifts } = kiosk.services.day;
    const opened = await shifts.open({ count: { note50000: 3, note20000: 2, coin500: 4, coin100: 10 } });
    expect(opened.float).toBe(150_000 + 40_000 + 2_000 + 1_000);
    expect(opened.floatCount).toEqual({ note50000: 3, note20000: 2, coin500: 4, coin100: 10 });

    // Cash, with change: 50.000 handed over for 23.500.
    const cash = await kiosk.sell([line('Kopi susu', 23_500)], { kind: 'cash', received: 50_000 });
    expect(cash.state).toBe('paid');
    // Split: 20.000 cash now, 40.000 by QRIS.
    const split = await kiosk.sell([line('Nasi goreng', 35_000), line('Es teh', 25_000)], {
      kind: 'split',
      cash: 20_000,
      paymentType: 'qris',
    });
    expect(split.state).toBe('open');
    await kiosk.payQr(split);
    // QRIS only: no cash at all.
    const qr = await kiosk.sell([line('Roti bakar', 15_000)], { kind: 'gateway', paymentType: 'qris' });
    await kiosk.payQr(qr);
    // A split whose QR is declined, then voided: its 10.000 goes back to the customer.
    const voided = await kiosk.sell([line('Mie ayam', 28_000)], {
      kind: 'split',
      cash: 10_000,
      paymentType: 'gopay',
    });
    await kiosk.denyQr(voided);
    expect(kiosk.services.till.void(voided.saleId).voidReason).toBe('cash-returned');

    shifts.cash('in', '100.000', 'Tukar uang kecil dari bank');
    const afterOut = shifts.cash('out', 30_000, '  beli   es batu ');
    expect(afterOut.movements).toEqual([
      expect.objectContaining({ kind: 'in', amount: 100_000, reason: 'Tukar uang kecil dari bank' }),
      expect.objectContaining({ kind: 'out', amount: 30_000, reason: 'beli es batu' }),
    ]);

    const drawer = afterOut.drawer;
    expect(drawer).toMatchObject({
      float: 193_000,
      cashReceived: 50_000 + 20_000 + 10_000,
      changeGiven: 26_500,
      cashReturned: 10_000,
      cashRefunds: 0,
      refundsIncluded: true,
      cashIn: 100_000,
      cashOut: 30_000,
      cashSales: 3,
    });
    // What stays in the drawer: the float, the cash of the two paid sales, in − out.
    expect(drawer.expected).toBe(193_000 + 23_500 + 20_000 + 100_000 - 30_000);
    expect(afterOut.sales).toEqual({ count: 3, amount: 23_500 + 60_000 + 15_000 });

    const closed = shifts.close({ counted: '304.500', note: 'Kurang dua ribu, dicek besok' });
    expect(closed.closedAt).not.toBeNull();
    expect(closed.counted).toBe(304_500);
    expect(closed.difference).toBe(304_500 - 306_500);
    expect(closed.note).toBe('Kurang dua ribu, dicek besok');
    expect(shifts.current()).toBeNull();

    // Every sale of the shift carries it; the closed shift's figures are frozen.
    const db = kiosk.services.journal.database;
    const sales = db.prepare('SELECT shift_id, cashier_id FROM sales').all();
    expect(sales).toHaveLength(4);
    for (const sale of sales) expect(sale).toEqual({ shift_id: opened.shiftId, cashier_id: null });
    expect(() => db.prepare('UPDATE shifts SET counted = 1').run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM shift_events').run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE sales SET shift_id = NULL').run()).toThrow(/never changed/);
    expect(shifts.get(opened.shiftId)?.drawer).toEqual(closed.drawer);
  });

  it('counts by denomination at close, notes and coins of Rp 1.000 apart', async () => {
    const kiosk = await openDayKiosk();
    const { shifts } = kiosk.services.day;
    await shifts.open({ float: 100_000 });
    await kiosk.sell([line('Air mineral', 5_000)], { kind: 'cash', received: 10_000 });
    const closed = shifts.close({
      count: { note100000: 1, note2000: 2, note1000: 1, coin1000: 1, coin200: 5 },
    });
    expect(closed.counted).toBe(100_000 + 4_000 + 1_000 + 1_000 + 1_000);
    expect(closed.drawer.expected).toBe(105_000);
    expect(closed.difference).toBe(2_000);
    expect(closed.count).toEqual({ note100000: 1, note2000: 2, note1000: 1, coin1000: 1, coin200: 5 });
  });

  it('refuses to close while a sale still has money due, writing nothing', async () => {
    const kiosk = await openDayKiosk();
    const { shifts } = kiosk.services.day;
    await shifts.open({ float: 50_000 });
    const pending = await kiosk.sell([line('Teh tarik', 18_000)], { kind: 'gateway', paymentType: 'qris' });
    const events = count(kiosk.services, 'shift_events');
    const error = await refusal(() => shifts.close({ counted: 50_000 }));
    expect(error.code).toBe('shift-sale-open');
    expect(error.words.id).toMatch(/belum selesai/);
    expect(error.words.en).toMatch(/still have money due/);
    expect(count(kiosk.services, 'shift_events')).toBe(events);
    expect(shifts.current()?.closedAt).toBeNull();
    await kiosk.payQr(pending);
    expect(shifts.close({ counted: 50_000 }).difference).toBe(0);
  });

  it.each([
    ['abc', 'amount-not-a-number', /harus berupa angka/, /must be a number/],
    ['12.5', 'amount-not-a-number', /harus berupa angka/, /must be a number/],
    [-5_000, 'amount-too-small', /tidak boleh negatif/, /must not be negative/],
    [1_500.5, 'amount-not-whole', /rupiah bulat/, /whole rupiah/],
    ['', 'amount-missing', /Isi uang yang dihitung/, /Enter the counted cash/],
  ])('refuses a counted amount of %j in both languages, writing nothing', async (counted, code, id, en) => {
    const kiosk = await openDayKiosk();
    const { shifts } = kiosk.services.day;
    await shifts.open({ float: 0 });
    const events = count(kiosk.services, 'shift_events');
    const error = await refusal(() => shifts.close({ counted }));
    expect(error.code).toBe('day-invalid');
    expect(error.problems).toEqual([expect.objectContaining({ code, field: 'counted' })]);
    expect(error.words.id).toMatch(id);
    expect(error.words.en).toMatch(en);
    expect(count(kiosk.services, 'shift_events')).toBe(events);
    expect(shifts.current()).not.toBeNull();
  });

  it('refuses a count whose total disagrees with the typed amount, and unknown or fractional rows', async () => {
    const kiosk = await openDayKiosk();
    const { shifts } = kiosk.services.day;
    await shifts.open({ float: 0 });
    expect(
      (await refusal(() => shifts.close({ counted: 60_000, count: { note50000: 1 } }))).problems[0]?.code,
    ).toBe('count-mismatch');
    const bad = await refusal(() => shifts.close({ count: { note50000: 1.5, note75000: 1 } as never }));
    expect(bad.problems.map((p) => p.code).sort()).toEqual(['count-pieces-invalid', 'count-unknown-row']);
    expect(shifts.current()).not.toBeNull();
  });

  it('refuses a second open shift, a shift over an open sale, cash out above the drawer, a movement without a reason', async () => {
    const kiosk = await openDayKiosk();
    const { shifts } = kiosk.services.day;
    const pending = await kiosk.sell([line('Kopi', 10_000)], { kind: 'gateway', paymentType: 'qris' });
    expect((await refusal(() => shifts.open({ float: 10_000 }))).code).toBe('shift-sale-open');
    await kiosk.payQr(pending);
    await shifts.open({ float: 10_000 });
    expect((await refusal(() => shifts.open({ float: 10_000 }))).code).toBe('shift-open');
    const short = await refusal(() => shifts.cash('out', 10_001, 'bayar parkir'));
    expect(short.code).toBe('drawer-short');
    expect(short.words.id).toContain('Rp 10.000');
    expect((await refusal(() => shifts.cash('in', 5_000, '   '))).problems[0]?.code).toBe('reason-missing');
    expect((await refusal(() => shifts.cash('in', 0, 'x'))).problems[0]?.code).toBe('amount-too-small');
    expect(shifts.current()?.movements).toEqual([]);
    expect(count(kiosk.services, 'shifts')).toBe(1);
  });

  it('a cashier signs in with the PIN; a wrong PIN is refused and five lock the cashier out', async () => {
    const kiosk = await openDayKiosk();
    const { shifts } = kiosk.services.day;
    const list = await shifts.saveCashier({ name: '  Sari  Dewi ', pin: '4821', active: true });
    const sari = list[0];
    if (sari === undefined) throw new Error('no cashier saved');
    expect(sari).toMatchObject({ name: 'Sari Dewi', active: true, lockedUntil: null });
    // The PIN is kept as a salted scrypt record, never as the digits.
    const stored = kiosk.services.journal.database.prepare('SELECT pin FROM cashiers').get() as {
      pin: string;
    };
    expect(stored.pin).not.toContain('4821');
    expect(JSON.parse(stored.pin)).toMatchObject({ algorithm: 'scrypt' });
    expect(
      (await refusal(() => shifts.saveCashier({ name: 'sari dewi', pin: '1111', active: true }))).problems[0]
        ?.code,
    ).toBe('name-taken');
    expect(
      (await refusal(() => shifts.saveCashier({ name: 'Budi', pin: '12', active: true }))).problems[0]?.code,
    ).toBe('pin-format');

    // With cashiers on the list, a shift needs one.
    expect((await refusal(() => shifts.open({ float: 0 }))).problems[0]?.code).toBe('cashier-missing');
    for (let i = 1; i <= 4; i++) {
      const wrong = await refusal(() => shifts.open({ float: 0, cashierId: sari.id, pin: '0000' }));
      expect(wrong.code).toBe('cashier-refused');
    }
    const locked = await refusal(() => shifts.open({ float: 0, cashierId: sari.id, pin: '0000' }));
    expect(locked.words.en).toMatch(/Too many wrong cashier PINs/);
    // Locked: even the right PIN waits.
    expect(
      (await refusal(() => shifts.open({ float: 0, cashierId: sari.id, pin: '4821' }))).words.id,
    ).toMatch(/Terlalu banyak/);
    expect(count(kiosk.services, 'shifts')).toBe(0);
    kiosk.clock.advance(61_000);
    const shift = await shifts.open({ float: 75_000, cashierId: sari.id, pin: '4821' });
    expect(shift.cashier).toEqual({ id: sari.id, name: 'Sari Dewi' });

    const sale = await kiosk.sell([line('Kopi', 12_000)], { kind: 'cash', received: 12_000 });
    const row = kiosk.services.journal.database
      .prepare('SELECT shift_id, cashier_id FROM sales WHERE sale_id = ?')
      .get(sale.saleId);
    expect(row).toEqual({ shift_id: shift.shiftId, cashier_id: sari.id });

    // An inactive cashier cannot sign in; the shift keeps the name it was opened with.
    shifts.close({ counted: 87_000 });
    await shifts.saveCashier({ id: sari.id, name: 'Sari D.', active: false });
    expect((await refusal(() => shifts.open({ float: 0, cashierId: sari.id, pin: '4821' }))).code).toBe(
      'cashier-refused',
    );
    expect(shifts.get(shift.shiftId)?.cashier?.name).toBe('Sari Dewi');
  });

  it('sales may start with no shift by default; when the policy asks for one, a sale is refused before anything is written', async () => {
    const kiosk = await openDayKiosk();
    const { shifts } = kiosk.services.day;
    expect(shifts.policy()).toEqual({ salesWithoutShift: true });
    const outside = await kiosk.sell([line('Kopi', 9_000)], { kind: 'cash', received: 10_000 });
    expect(outside.state).toBe('paid');
    expect(await shifts.setPolicy(false)).toEqual({ salesWithoutShift: false });
    const error = await refusal(() => kiosk.sell([line('Kopi', 9_000)], { kind: 'cash', received: 10_000 }));
    expect(error.code).toBe('no-shift');
    expect(error.words.id).toMatch(/Buka shift dulu/);
    expect(count(kiosk.services, 'sales')).toBe(1);
    await shifts.open({ float: 0 });
    expect((await kiosk.sell([line('Kopi', 9_000)], { kind: 'cash', received: 9_000 })).state).toBe('paid');
    // The policy lives in the journal's file: a restarted kiosk (or the CLI) reads the same.
    await kiosk.restart();
    expect(kiosk.services.day.shifts.policy()).toEqual({ salesWithoutShift: false });
  });

  it('the journal itself refuses a sale filed under a shift that is not the open one', async () => {
    const kiosk = await openDayKiosk();
    const { shifts } = kiosk.services.day;
    const shift = await shifts.open({ float: 0 });
    shifts.close({ counted: 0 });
    const db = kiosk.services.journal.database;
    const insert = (shiftId: number | null) =>
      db
        .prepare(
          `INSERT INTO sales (sale_id, environment, state, created_at, updated_at, business_date, subtotal,
             line_discounts, order_discount, service, tax, tax_included, total, cash_total, breakdown, shift_id)
           VALUES (?, 'training', 'open', 1, 1, '2026-12-01', 1, 0, 0, 0, 0, 0, 1, 1, '{}', ?)`,
        )
        .run(`S-${String(shiftId)}`, shiftId);
    expect(() => insert(shift.shiftId)).toThrow(/belongs to the open shift/);
    await shifts.open({ float: 0 });
    // And no sale outside the shift while one is open.
    expect(() => insert(null)).toThrow(/belongs to the open shift/);
  });
});
