/**
 * The pricing part of the manager's settings in browser mode: PB1 and a service charge shown on
 * the example bill before saving, a rate over 100 % refused at its field, PPN with its DPP
 * fraction explained, a discount threshold, and the saved pricing in the cashier's snapshot.
 * Screenshots go to test-results/catalogue-editor/ (beside the catalogue's).
 */
import { expect, test } from '@playwright/test';
import { openCashierWire, type CashierWire } from './support/cashier-wire.ts';
import { startKiosk, type Kiosk } from './support/processes.ts';
import { openScreens } from './support/screens.ts';
import { createPin, openSettings } from './support/settings-pin.ts';

const PIN = '5937';
const SHOTS = 'test-results/catalogue-editor';

let kiosk: Kiosk;
let wire: CashierWire | undefined;
test.afterEach(async () => {
  wire?.close();
  wire = undefined;
  expect(await kiosk.stop()).toBe(0);
});

test('pricing: PB1 10 % and service 5 % on the example bill, a rate over 100 % refused, saved to the cashier', async ({
  browser,
}) => {
  kiosk = await startKiosk();
  const screens = await openScreens(browser, kiosk);
  const { cashier } = screens;
  wire = await openCashierWire(kiosk);
  await openSettings(cashier);
  await createPin(cashier, PIN);
  // Tall enough for the whole pricing section in one screenshot.
  await cashier.setViewportSize({ width: 1366, height: 1700 });
  const section = cashier.getByTestId('pricing-section');
  await section.scrollIntoViewIfNeeded();
  const save = cashier.getByTestId('settings-save');
  await expect(cashier.getByTestId('example-total')).toHaveText('Rp\u00a076.500');

  await cashier.getByTestId('tax-kind-pb1').check();
  await expect(cashier.getByTestId('tax-rate')).toHaveValue('10');
  await cashier.getByTestId('service-percent').fill('5');
  await cashier.getByTestId('cash-unit-100').check();
  // shop-operations.md §1.3's worked example: 85.000 less 10 %, service 3.825, PB1 8.033.
  await expect(cashier.getByTestId('example-subtotal')).toHaveText('Rp\u00a085.000');
  await expect(cashier.getByTestId('example-discount')).toHaveText('−Rp\u00a08.500');
  await expect(cashier.getByTestId('example-service')).toHaveText('Rp\u00a03.825');
  await expect(cashier.getByTestId('example-tax')).toHaveText('Rp\u00a08.033');
  await expect(cashier.getByTestId('example-total')).toHaveText('Rp\u00a088.358');
  await expect(cashier.getByTestId('example-cash')).toHaveText('Rp\u00a088.400');
  await section.screenshot({ path: `${SHOTS}/pricing-pb1-service.png` });

  // Over 100 %: refused at the rate, in both languages; no example, no Save.
  await cashier.getByTestId('tax-rate').fill('150');
  const rateProblem = cashier.getByTestId('problems-tax-rate');
  await expect(rateProblem).toContainText('antara 0 dan 100');
  await expect(rateProblem).toContainText('between 0 and 100');
  await expect(cashier.getByTestId('tax-rate')).toHaveAttribute('aria-invalid', 'true');
  await expect(cashier.getByTestId('example-invalid')).toBeVisible();
  await expect(save).toBeDisabled();
  await section.screenshot({ path: `${SHOTS}/pricing-rate-refused.png` });

  // PPN picks its usual 12 % on 11/12 and says what that comes to.
  await cashier.getByTestId('tax-rate').fill('10');
  await cashier.getByTestId('tax-kind-ppn').check();
  await expect(cashier.getByTestId('tax-rate')).toHaveValue('12');
  await expect(cashier.getByTestId('dpp-numerator')).toHaveValue('11');
  await expect(cashier.getByTestId('dpp-denominator')).toHaveValue('12');
  await expect(cashier.getByTestId('dpp-explain')).toContainText('11/12');
  await expect(cashier.getByTestId('dpp-explain')).toContainText('11 %');
  // (76.500 + 3.825) × 12 % × 11/12 = 8.835,75 → 8.836.
  await expect(cashier.getByTestId('example-tax')).toHaveText('Rp\u00a08.836');
  await expect(cashier.getByTestId('example-total')).toHaveText('Rp\u00a089.161');
  await section.screenshot({ path: `${SHOTS}/pricing-ppn-dpp.png` });

  // Back to PB1, with a discount threshold, and saved: the cashier's settings carry it.
  await cashier.getByTestId('tax-kind-pb1').check();
  await expect(cashier.getByTestId('tax-rate')).toHaveValue('10');
  await cashier.getByTestId('approval-on').check();
  await expect(cashier.getByTestId('example-approval')).toContainText('tidak perlu PIN');
  await cashier.getByTestId('approval-percent').fill('5');
  await expect(cashier.getByTestId('example-approval')).toContainText('perlu PIN manajer');
  await cashier.getByTestId('approval-amount').fill('abc');
  await expect(cashier.getByTestId('problems-approval-amount')).toContainText('rupiah bulat');
  await cashier.getByTestId('approval-amount').fill('25.000');
  await expect(save).toBeEnabled();
  await save.click();
  await expect(cashier.getByTestId('settings-save-reason')).toHaveAttribute('data-done', 'saved');
  const { settings } = await wire.call('kiosk.snapshot', {});
  expect(settings.pricing).toMatchObject({
    tax: { kind: 'pb1', ratePercent: 10, inclusive: false },
    servicePercent: 5,
    serviceTaxed: true,
    cashRounding: { unit: 100, mode: 'half-up' },
  });
  expect(settings.pricing.tax.dpp).toBeUndefined();
  expect(settings.discountApproval).toEqual({ percent: 5, amount: 25_000 });
  await expect(cashier.getByTestId('example-bill')).not.toContainText('belum disimpan');
  expect(screens.problems).toEqual([]);
});
