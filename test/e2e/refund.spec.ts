/**
 * Refunds from the history, in browser mode on the training emulator, at 1024×768: a QRIS sale
 * refunded in part behind the manager's PIN (a wrong PIN first: refused, nothing written), bad
 * amounts refused at the field before anything is sent, and a cash sale refunded in full with the
 * hand-over from the drawer. Screenshots go to test-results/refunds/.
 */
import { expect, test, type Page } from '@playwright/test';
import { formatShopDateTime } from '../../common/shop-time.ts';
import { asManager } from './support/kiosk-calls.ts';
import { startKiosk, type Kiosk } from './support/processes.ts';
import { chargeToQr, openScreens, typeAmount, type Screens } from './support/screens.ts';

const PIN = '5903';
const WRONG_PIN = '5904';
const SHOTS = 'test-results/refunds';
const WIB = 420;

let kiosk: Kiosk;
test.afterEach(async () => {
  expect(await kiosk.stop()).toBe(0);
});

/** A fresh kiosk with the manager's PIN made (and the session locked again), at 1024×768. */
async function kioskWithPin(browser: Parameters<typeof openScreens>[0]): Promise<Screens> {
  kiosk = await startKiosk();
  await asManager(kiosk, PIN, async () => undefined);
  const screens = await openScreens(browser, kiosk);
  await screens.cashier.setViewportSize({ width: 1024, height: 768 });
  return screens;
}

async function openNewestInHistory(cashier: Page) {
  await cashier.getByTestId('view-history').click();
  await cashier.getByTestId('history-open-button').click();
  const first = cashier.getByTestId('history-result').first();
  await expect(first).toHaveAttribute('data-state', 'paid');
  await first.getByTestId('history-open').click();
  const panel = cashier.getByTestId('history-detail').getByTestId('refund-panel');
  await expect(panel).toBeVisible();
  return panel;
}

async function typePin(cashier: Page, pin: string): Promise<void> {
  const input = cashier.getByTestId('approval-pin-input');
  await expect(input).toBeFocused();
  await cashier.keyboard.type(pin);
  await cashier.keyboard.press('Enter');
}

async function expectTouchTarget(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box?.height ?? 0, testId).toBeGreaterThanOrEqual(44);
}

test('a QRIS sale refunded in part from the history: wrong PIN refused, bad amounts at the field, then refunded', async ({
  browser,
}) => {
  const screens = await kioskWithPin(browser);
  const { cashier } = screens;
  await typeAmount(cashier, 44_000);
  await cashier.getByTestId('payment-type-qris').click();
  await chargeToQr(screens);
  await cashier.getByTestId('simulate-pay-button').click();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'settlement');
  await cashier.getByTestId('new-sale-button').click();

  const panel = await openNewestInHistory(cashier);
  await expect(panel.getByTestId('refund-paid')).toContainText('44.000');
  // What went back is the manager's to read: asked with the PIN.
  await expect(panel.getByTestId('refund-left')).toHaveCount(0);
  await expectTouchTarget(cashier, 'refund-open');
  await panel.getByTestId('refund-open').click();

  // A wrong PIN: refused in the prompt, in both languages; nothing read, nothing written.
  const prompt = cashier.getByTestId('approval-prompt');
  await expect(prompt).toContainText('PIN manajer untuk pengembalian dana');
  await typePin(cashier, WRONG_PIN);
  await expect(cashier.getByTestId('approval-error')).toContainText('PIN manajer salah');
  await expect(cashier.getByTestId('approval-error')).toContainText('wrong');
  await expect(panel.getByTestId('refund-form')).toHaveCount(0);
  await cashier.screenshot({ path: `${SHOTS}/wrong-pin.png` });

  await typePin(cashier, PIN);
  await expect(prompt).toHaveCount(0);
  const form = panel.getByTestId('refund-form');
  await expect(form).toBeVisible();
  // Nothing was written by the wrong PIN: nothing refunded, everything left.
  await expect(panel.getByTestId('refund-refunded')).toContainText('Rp\u00a00');
  await expect(panel.getByTestId('refund-left')).toContainText('44.000');
  await expect(panel.getByTestId('refund-list')).toHaveCount(0);

  // Bad input, refused beside the field before anything is sent.
  await form.getByTestId('refund-mode-partial').check();
  const amount = form.getByTestId('refund-amount-input');
  const amountProblems = form.getByTestId('refund-amount-problems');
  await amount.fill('50.000');
  await expect(amountProblems).toContainText('melebihi sisa');
  await expect(amountProblems).toContainText('more than is left');
  await form.getByTestId('refund-submit').click();
  await expect(form.getByTestId('refund-reason-problems')).toContainText('Tulis alasan');
  await expect(form.getByTestId('refund-reason-problems')).toContainText('Write the reason');
  await cashier.screenshot({ path: `${SHOTS}/too-much.png` });
  await amount.fill('0');
  await expect(amountProblems).toContainText('lebih dari Rp 0');
  await amount.fill('lima ribu');
  await expect(amountProblems).toContainText('angka rupiah bulat');
  await expect(amountProblems).toContainText('whole rupiah');
  await expect(panel.getByTestId('refund-list')).toHaveCount(0);

  await amount.fill('15.000');
  await expect(amountProblems).toHaveCount(0);
  await form.getByTestId('refund-reason-input').fill('Barang rusak');
  await expect(form.getByTestId('refund-how')).toContainText('15.000');
  await expectTouchTarget(cashier, 'refund-submit');
  await form.getByTestId('refund-submit').click();

  // Refunded (at once, or confirmed live by the refund event): the figures and the list follow.
  const row = panel.getByTestId('refund-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-state', 'refunded');
  await expect(row).toHaveAttribute('data-origin', 'kiosk');
  await expect(row).toContainText('15.000');
  await expect(row).toContainText('Barang rusak');
  await expect(row).toContainText('Manajer (PIN)');
  const time = row.locator('time');
  const at = Date.parse((await time.getAttribute('datetime')) ?? '');
  await expect(time).toHaveText(formatShopDateTime(at, WIB));
  await expect(panel.getByTestId('refund-refunded')).toContainText('15.000');
  await expect(panel.getByTestId('refund-left')).toContainText('29.000');
  await expect(panel.getByTestId('refund-outcome')).toContainText('15.000');
  await expect(form).toHaveCount(0);
  // The detail was read again: the refund's gateway call is in the timeline.
  await expect(
    cashier.locator('[data-testid="timeline-entry"][data-operation="refund"]').first(),
  ).toBeVisible();
  await cashier.screenshot({ path: `${SHOTS}/partial-refunded.png`, fullPage: true });

  // Above what is left now, in a second refund: refused at the field, nothing sent.
  await panel.getByTestId('refund-open').click();
  await typePin(cashier, PIN);
  await expect(panel.getByTestId('refund-form')).toBeVisible();
  await panel.getByTestId('refund-mode-partial').check();
  await panel.getByTestId('refund-amount-input').fill('30000');
  await panel.getByTestId('refund-reason-input').fill('Lagi');
  await panel.getByTestId('refund-submit').click();
  await expect(panel.getByTestId('refund-amount-problems')).toContainText('Rp 29.000');
  await expect(panel.getByTestId('refund-row')).toHaveCount(1);
  await panel.getByTestId('refund-cancel').click();
  await expect(panel.getByTestId('refund-form')).toHaveCount(0);
  expect(screens.problems).toEqual([]);
});

test('a cash sale refunded in full: cash from the drawer, nothing left', async ({ browser }) => {
  const screens = await kioskWithPin(browser);
  const { cashier } = screens;
  await cashier.getByTestId('quick-item-nasi-goreng').click();
  await cashier.getByTestId('tender-cash').click();
  await cashier.getByTestId('quick-cash-exact').click();
  await cashier.getByTestId('charge-button').click();
  await expect(cashier.getByTestId('sale-result')).toHaveAttribute('data-state', 'paid');
  await cashier.getByTestId('new-sale-button').click();

  const panel = await openNewestInHistory(cashier);
  const paid = (await panel.getByTestId('refund-paid').textContent()) ?? '';
  expect(paid).toMatch(/Rp\s[\d.]+/);
  await panel.getByTestId('refund-open').click();
  await typePin(cashier, PIN);
  const form = panel.getByTestId('refund-form');
  await expect(form.getByTestId('refund-mode-full')).toBeChecked();
  await expect(form.getByTestId('refund-how')).toContainText('dari laci');
  await form.getByTestId('refund-reason-input').fill('Pesanan salah');
  await form.getByTestId('refund-submit').click();

  const handOver = panel.getByTestId('refund-hand-over');
  await expect(handOver).toContainText(`Berikan uang tunai ${paid} dari laci`);
  await expect(panel.getByTestId('refund-outcome')).toHaveAttribute('data-complete', 'true');
  await expect(panel.getByTestId('refund-row')).toHaveAttribute('data-tender', 'cash');
  await expect(panel.getByTestId('refund-left')).toContainText('Rp\u00a00');
  await expect(panel.getByTestId('refund-open')).toBeDisabled();
  await expect(panel.getByTestId('refund-blocked')).toContainText('Tidak ada lagi');
  await cashier.screenshot({ path: `${SHOTS}/cash-full.png`, fullPage: true });

  // The same outcome in English.
  await cashier.getByTestId('language-en').click();
  await expect(handOver).toContainText(`Hand over ${paid} in cash from the drawer`);
  await expect(panel.getByTestId('refund-blocked')).toContainText('Nothing is left');
  expect(screens.problems).toEqual([]);
});
