/**
 * Ringing up from the catalogue: a USB barcode scanner (keys typed faster than a person, then
 * Enter) adds the item wherever focus is; an unknown or withdrawn code is said plainly in both
 * languages; search-as-you-type, category tabs, typed quantities and a free amount; and a shop
 * with no catalogue at all works from the keypad. Each sale is then paid, and the QR asks for the
 * cart's total.
 */
import { expect, test, type Page } from '@playwright/test';
import type { CatalogueSnapshot } from '../../common/catalogue-contract.ts';
import { asManager } from './support/kiosk-calls.ts';
import { startEmulator, startKiosk, type Kiosk } from './support/processes.ts';
import { scan } from './support/scanner.ts';
import { chargeToQr, emvFields, openScreens, scanDisplayedQr } from './support/screens.ts';

const TEH_BOTOL = '8991000000010';
const KERUPUK = '8991000000034';

let kiosk: Kiosk | undefined;
test.afterEach(async () => {
  if (kiosk) expect(await kiosk.stop()).toBe(0);
  kiosk = undefined;
});

const quantity = (cashier: Page, key: string) => cashier.getByTestId(`cart-qty-${key}`);

async function payByQr(
  cashier: Page,
  display: Page,
  screens: Parameters<typeof chargeToQr>[0],
  total: number,
) {
  await cashier.getByTestId('payment-type-qris').click();
  await expect(cashier.getByTestId('cart-total')).toHaveText(
    new RegExp(total.toLocaleString('id-ID').replace(/\./g, '\\.')),
  );
  await chargeToQr(screens);
  expect(Number(emvFields(await scanDisplayedQr(display)).get('54'))).toBe(total);
  await cashier.getByTestId('simulate-pay-button').click();
  await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'settlement');
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'paid');
}

test('the scanner adds the item wherever focus is; unknown and withdrawn codes are said in both languages', async ({
  browser,
}) => {
  kiosk = await startKiosk();
  // The manager withdraws Kerupuk: its barcode must say so, not sell it.
  await asManager(kiosk, '4821', async (calls) => {
    const catalogue = await calls.call<CatalogueSnapshot>('catalogue.list', {});
    const kerupuk = catalogue.items.find((item) => item.barcode === KERUPUK);
    await calls.call('catalogue.setActive', { id: kerupuk?.id, active: false });
  });
  const screens = await openScreens(browser, kiosk);
  const { cashier, display } = screens;
  await expect(cashier.getByTestId('amount-input')).toBeFocused();

  // Focus on the amount field: the code does not land in it.
  await scan(cashier, TEH_BOTOL);
  await expect(quantity(cashier, 'teh-botol')).toHaveText('1');
  await expect(cashier.getByTestId('amount-input')).toHaveValue('');
  await expect(cashier.getByTestId('scan-notice')).toHaveAttribute('data-kind', 'added');

  // Focus in the search box, with a search typed by a person: the scan adds, the search stays.
  const search = cashier.getByTestId('catalogue-search');
  await search.click();
  await cashier.keyboard.type('kop', { delay: 60 });
  await expect(cashier.getByTestId('quick-item-kopi-susu')).toBeVisible();
  await expect(cashier.getByTestId('quick-item-nasi-goreng')).toHaveCount(0);
  await scan(cashier, TEH_BOTOL);
  await expect(quantity(cashier, 'teh-botol')).toHaveText('2');
  await expect(search).toHaveValue('kop');
  await expect(search).toBeFocused();

  // Digits typed by a person are a search, not a scan.
  await search.fill('');
  await cashier.keyboard.type('89910000000', { delay: 90 });
  await expect(search).toHaveValue('89910000000');
  await expect(cashier.getByTestId('quick-item-teh-botol')).toBeVisible();
  await expect(cashier.getByTestId('quick-item-kopi-susu')).toHaveCount(0);
  await expect(quantity(cashier, 'teh-botol')).toHaveText('2');

  // An unknown code, plainly, in both languages; nothing is added.
  const notice = cashier.getByTestId('scan-notice');
  await scan(cashier, '1234567890128');
  await expect(notice).toHaveAttribute('data-kind', 'unknown');
  await expect(notice).toContainText('1234567890128');
  await expect(notice.locator('.bilingual-first')).toContainText('tidak dikenal');
  await expect(notice.locator('.bilingual-second')).toContainText('Unknown barcode');

  // A withdrawn item: named, not sold.
  await scan(cashier, KERUPUK);
  await expect(notice).toHaveAttribute('data-kind', 'inactive');
  await expect(notice).toContainText('Kerupuk');
  await expect(notice).toContainText('tidak aktif');
  await expect(notice).toContainText('inactive');
  await expect(cashier.getByTestId('cart').locator('.cart-lines > li')).toHaveCount(1);

  // Focus on a button (the history view's): still added.
  await cashier.getByTestId('view-history').focus();
  await scan(cashier, TEH_BOTOL);
  await expect(quantity(cashier, 'teh-botol')).toHaveText('3');

  // The customer sees the cart, and is asked by QR for what it comes to.
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'cart');
  await expect(display.getByTestId('display-bill')).toContainText('3 × Teh Botol 350 ml');
  await cashier.getByTestId('payment-type-qris').click();
  await chargeToQr(screens);
  expect(Number(emvFields(await scanDisplayedQr(display)).get('54'))).toBe(18_000);

  // While the QR is up nothing is added, and the scan says why.
  await scan(cashier, TEH_BOTOL);
  await expect(notice).toHaveAttribute('data-kind', 'locked');
  await expect(notice).toContainText('Teh Botol');
  await cashier.getByTestId('simulate-pay-button').click();
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'paid');
  await expect(cashier.getByTestId('sale-bill')).toContainText('3 × Teh Botol 350 ml');
  expect(screens.problems).toEqual([]);
});

test('search-as-you-type, category tabs, typed quantities and a free amount, in one sale', async ({
  browser,
}) => {
  kiosk = await startKiosk();
  const screens = await openScreens(browser, kiosk);
  const { cashier, display } = screens;

  // Category tabs.
  await cashier.getByRole('tab', { name: 'Minuman' }).click();
  await expect(cashier.getByTestId('quick-item-kopi-susu')).toBeVisible();
  await expect(cashier.getByTestId('quick-item-nasi-goreng')).toHaveCount(0);

  // A letter typed anywhere starts a search; Enter adds the first item found.
  await cashier.getByTestId('amount-input').focus();
  await cashier.keyboard.type('es', { delay: 40 });
  await expect(cashier.getByTestId('catalogue-search')).toBeFocused();
  await expect(cashier.getByTestId('catalogue-search')).toHaveValue('es');
  await expect(cashier.getByTestId('item-grid').locator('button').first()).toHaveAttribute(
    'data-testid',
    'quick-item-es-teh-manis',
  );
  await cashier.keyboard.press('Enter');
  await expect(quantity(cashier, 'es-teh-manis')).toHaveText('1');
  await expect(cashier.getByTestId('catalogue-search')).toHaveValue('');

  // The quantity typed, then stepped.
  await quantity(cashier, 'es-teh-manis').click();
  const input = cashier.getByTestId('cart-qty-input-es-teh-manis');
  await expect(input).toBeFocused();
  await cashier.keyboard.type('4');
  await cashier.keyboard.press('Enter');
  await expect(quantity(cashier, 'es-teh-manis')).toHaveText('4');
  await cashier.getByTestId('cart-dec-es-teh-manis').click();
  await expect(quantity(cashier, 'es-teh-manis')).toHaveText('3');

  // A free amount: typed, put in the cart as its own line, and another typed after it.
  await cashier.getByTestId('amount-input').focus();
  await cashier.keyboard.type('5000');
  await expect(cashier.getByTestId('cart-line-typed')).toContainText('5.000');
  await cashier.getByTestId('amount-add').click();
  await expect(cashier.getByTestId('cart-line-free-1')).toContainText('5.000');
  await expect(cashier.getByTestId('amount-input')).toHaveValue('');

  await expect(display.getByTestId('display-bill')).toContainText('3 × Es Teh Manis');
  await expect(display.getByTestId('display-amount')).toHaveText(/29\.000/);
  await payByQr(cashier, display, screens, 29_000);
  expect(screens.problems).toEqual([]);
});

test('a shop with no catalogue rings up free amounts on the keypad', async ({ browser }) => {
  const emulator = await startEmulator();
  try {
    kiosk = await startKiosk({
      KIOSK_MODE: 'sandbox',
      MIDTRANS_API_URL: emulator.url,
      MIDTRANS_SERVER_KEY: emulator.serverKey,
    });
    const screens = await openScreens(browser, kiosk);
    const { cashier, display } = screens;
    await expect(cashier.getByTestId('view-keypad')).toHaveAttribute('aria-pressed', 'true');
    for (const key of ['1', '2', '5', '000']) await cashier.getByTestId(`keypad-${key}`).click();
    await expect(cashier.getByTestId('keypad-readout')).toContainText('125.000');
    await expect(cashier.getByTestId('amount-input')).toHaveValue(/125\.000/);
    await cashier.getByTestId('payment-type-qris').click();
    const orderId = await chargeToQr(screens);
    expect(Number(emvFields(await scanDisplayedQr(display)).get('54'))).toBe(125_000);
    await emulator.control(`orders/${orderId}/pay`, {});
    await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'settlement');
    expect(screens.problems).toEqual([]);
  } finally {
    await kiosk?.stop();
    kiosk = undefined;
    await emulator.stop();
  }
});
