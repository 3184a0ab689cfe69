/**
 * Split tender: cash now, the rest by QRIS. When the QR part ends unpaid the sale stays open with
 * its cash recorded, and the cashier settles it: the rest in cash, a new QR, or void with the cash
 * handed back; or leaves it open for later, where it survives a restart of the kiosk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startKiosk, type Kiosk } from './support/processes.ts';
import { chargeToQr, emvFields, openScreens, scanDisplayedQr, type Screens } from './support/screens.ts';

let kiosk: Kiosk | undefined;
test.afterEach(async () => {
  if (kiosk) expect(await kiosk.stop()).toBe(0);
  kiosk = undefined;
});

/** Rp 51.000 of goods: Rp 20.000 in cash, Rp 31.000 by a QRIS that then expires. */
async function splitThenExpire(screens: Screens): Promise<string> {
  const { cashier, display } = screens;
  for (const item of ['nasi-goreng', 'es-teh-manis', 'kopi-susu'])
    await cashier.getByTestId(`quick-item-${item}`).click();
  await expect(cashier.getByTestId('cart-total')).toHaveText(/51\.000/);
  await cashier.getByTestId('tender-split').click();
  await cashier.getByTestId('split-type-qris').click();
  await cashier.getByTestId('quick-cash-20000').click();
  await expect(cashier.getByTestId('split-remainder')).toHaveText(/31\.000/);
  await expect(cashier.getByTestId('charge-button')).toHaveText(/Tunai Rp\s20\.000 \+ QRIS Rp\s31\.000/);
  await expect(display.getByTestId('display-bill')).toContainText(/Tunai\s*Rp\s20\.000/);

  const orderId = await chargeToQr(screens);
  // The QR asks only for the rest; the customer sees the cash already paid beside it.
  expect(Number(emvFields(await scanDisplayedQr(display)).get('54'))).toBe(31_000);
  await expect(display.getByTestId('display-amount')).toHaveText(/31\.000/);
  await expect(display.getByTestId('display-bill')).toContainText(/Tunai\s*Rp\s20\.000/);
  await expect(cashier.getByTestId('sale-tenders')).toContainText(/Tunai Rp\s20\.000 diterima/);

  await cashier.getByTestId('simulate-expire-button').click();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'expire');
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'expired');
  // Told, in both languages: not paid, what is due, and that cash was taken.
  const open = cashier.getByTestId('open-sale');
  await expect(open.locator('.open-sale-title .bilingual-first')).toContainText(/sisa Rp\s31\.000/);
  await expect(open.locator('.open-sale-title .bilingual-second')).toContainText(/Rp\s31\.000 still due/);
  await expect(cashier.getByTestId('open-sale-cash')).toContainText(/20\.000/);
  // Cash was taken: no "New sale" that would drop it, and Enter does nothing.
  await expect(cashier.getByTestId('new-sale-button')).toHaveCount(0);
  await cashier.keyboard.press('Enter');
  await expect(open).toBeVisible();
  return orderId;
}

async function expectPaidWithChange(cashier: Page, display: Page, change: string) {
  await expect(cashier.getByTestId('sale-result')).toHaveAttribute('data-state', 'paid');
  await expect(cashier.getByTestId('result-change')).toHaveText(new RegExp(change));
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'paid');
  await expect(display.getByTestId('display-change')).toHaveText(new RegExp(change));
}

test('the QRIS part expires: the sale stays open with its cash, and the rest is taken in cash', async ({
  browser,
}) => {
  kiosk = await startKiosk();
  const screens = await openScreens(browser, kiosk);
  const { cashier, display } = screens;
  await splitThenExpire(screens);
  await cashier.screenshot({ path: join('test-results', 'cashier', 'split-expired.png') });

  // The rest in cash: Rp 50.000 for Rp 31.000.
  const pay = cashier.getByTestId('pay-rest-button');
  await expect(pay).toHaveText(/Rp\s31\.000/);
  await expect(cashier.getByTestId('cash-received')).toBeFocused();
  await cashier.getByTestId('quick-cash-20000').click();
  await expect(cashier.getByTestId('pay-rest-problem')).toContainText('kurang');
  await expect(pay).toBeDisabled();
  await cashier.getByTestId('quick-cash-50000').click();
  await pay.click();
  await expectPaidWithChange(cashier, display, '19\\.000');
  await expect(cashier.getByTestId('sale-tenders')).toContainText(/Tunai Rp\s31\.000 diterima/);
  expect(screens.problems).toEqual([]);
});

test('the QRIS part is charged again, declined, and the sale voided with its cash handed back', async ({
  browser,
}) => {
  kiosk = await startKiosk();
  const screens = await openScreens(browser, kiosk);
  const { cashier, display } = screens;
  const first = await splitThenExpire(screens);

  await cashier.getByTestId('again-type-qris').click();
  await cashier.getByTestId('charge-again-button').click();
  const live = cashier.getByTestId('live-order');
  await expect(live).toHaveAttribute('data-state', 'pending');
  expect(await live.getAttribute('data-order-id')).not.toBe(first);
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'qr');
  expect(Number(emvFields(await scanDisplayedQr(display)).get('54'))).toBe(31_000);

  await cashier.getByTestId('simulate-deny-button').click();
  await expect(live).toHaveAttribute('data-state', 'deny');
  await expect(cashier.getByTestId('open-sale')).toBeVisible();

  // Void: the cashier is told to hand the cash back and confirms having done so.
  await cashier.getByTestId('void-button').click();
  await expect(cashier.getByTestId('void-warning')).toContainText(/Kembalikan tunai Rp\s20\.000/);
  await expect(cashier.getByTestId('void-warning')).toContainText(/Give Rp\s20\.000/);
  await cashier.getByTestId('void-confirm').click();
  const result = cashier.getByTestId('sale-result');
  await expect(result).toHaveAttribute('data-state', 'voided');
  await expect(cashier.getByTestId('result-return-cash')).toContainText(/Rp\s20\.000/);
  await expect(cashier.getByTestId('sale-tender-cash')).toHaveAttribute('data-state', 'returned');
  await cashier.getByTestId('new-sale-button').click();
  await expect(cashier.getByTestId('cart-empty')).toBeVisible();
  await expect(cashier.getByTestId('open-sales')).toHaveCount(0);
  expect(screens.problems).toEqual([]);
});

test('a sale left open is listed, survives a restart of the kiosk, and is settled afterwards', async ({
  browser,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-split-'));
  try {
    kiosk = await startKiosk({}, dataDir);
    const before = await openScreens(browser, kiosk);
    await splitThenExpire(before);
    await before.cashier.getByTestId('keep-open-button').click();
    await expect(before.cashier.getByTestId('open-sales-row')).toHaveCount(1);
    await expect(before.cashier.getByTestId('open-sales-row')).toContainText(/sisa Rp\s31\.000/);
    expect(before.problems).toEqual([]);
    await before.cashier.context().close();
    await before.display.context().close();
    expect(await kiosk.stop()).toBe(0);

    kiosk = await startKiosk({}, dataDir);
    const after = await openScreens(browser, kiosk);
    const { cashier, display } = after;
    const row = cashier.getByTestId('open-sales-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(/tunai Rp\s20\.000 diterima/);
    await row.getByRole('button').click();
    await expect(cashier.getByTestId('open-sale')).toBeVisible();
    await cashier.getByTestId('quick-cash-exact').click();
    await cashier.getByTestId('pay-rest-button').click();
    await expect(cashier.getByTestId('sale-result')).toHaveAttribute('data-state', 'paid');
    await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'paid');
    await expect(cashier.getByTestId('open-sales')).toHaveCount(0);
    expect(after.problems).toEqual([]);
  } finally {
    await kiosk?.stop();
    kiosk = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  }
});
