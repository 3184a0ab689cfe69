/**
 * The cashier window at the common till sizes, 1366×768 and 1024×768: the page never scrolls
 * (only the cart and the item grid do, inside their panels), nothing spills sideways, what the
 * cashier must press next is on screen, and every button or field is a 44-pixel touch target.
 * Each state is photographed into test-results/cashier-layout/ for review.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startKiosk, type Kiosk } from './support/processes.ts';
import { openScreens } from './support/screens.ts';

const SHOTS = join(process.cwd(), 'test-results', 'cashier-layout');
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
];
const TOUCH_PX = 44;

let kiosk: Kiosk;
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
test.beforeEach(async () => {
  kiosk = await startKiosk();
});
test.afterEach(async () => {
  expect(await kiosk.stop()).toBe(0);
});

/** Checks the layout at the page's size and photographs it; `mustSee` are test ids that must be fully on screen. */
async function check(cashier: Page, state: string, mustSee: string[]): Promise<void> {
  const size = cashier.viewportSize() ?? { width: 0, height: 0 };
  const where = `${state} at ${size.width}×${size.height}`;
  const layout = await cashier.evaluate((ids) => {
    const root = document.documentElement;
    const shown = (el: Element) =>
      el.getClientRects().length > 0 && !el.closest('[hidden], .visually-hidden');
    const small = [...document.querySelectorAll<HTMLElement>('button, input, [role="tab"]')]
      .filter(shown)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 - 0.5 || box.width < 44 - 0.5)
      .map(
        ({ el, box }) =>
          `${el.dataset.testid ?? el.textContent?.trim()} ${Math.round(box.width)}×${Math.round(box.height)}`,
      );
    const offScreen = ids.filter((id) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      if (el === null || !shown(el)) return true;
      const box = el.getBoundingClientRect();
      return box.left < 0 || box.top < 0 || box.right > innerWidth + 0.5 || box.bottom > innerHeight + 0.5;
    });
    return {
      overflowX: root.scrollWidth > innerWidth + 1,
      overflowY: root.scrollHeight > innerHeight + 1,
      small,
      offScreen,
    };
  }, mustSee);
  expect(layout.overflowX, `${where}: horizontal overflow`).toBe(false);
  expect(layout.overflowY, `${where}: the page scrolls`).toBe(false);
  expect(layout.offScreen, `${where}: not fully on screen`).toEqual([]);
  expect(layout.small, `${where}: touch targets under ${TOUCH_PX} px`).toEqual([]);
  await cashier.screenshot({ path: join(SHOTS, `${state}-${size.width}x${size.height}.png`) });
}

for (const size of SIZES) {
  test(`the cashier at ${size.width}×${size.height}: ringing up, cash, a live QR, an open sale`, async ({
    browser,
  }) => {
    const screens = await openScreens(browser, kiosk);
    const { cashier } = screens;
    await cashier.setViewportSize(size);
    await check(cashier, 'empty', [
      'catalogue-search',
      'quick-item-nasi-goreng',
      'amount-input',
      'charge-button',
    ]);

    // A full cart: ten lines, a discount editor open, cash with its quick notes and change.
    const items = [
      'nasi-goreng',
      'mie-ayam',
      'nasi-uduk',
      'soto-ayam',
      'gado-gado',
      'kopi-susu',
      'es-teh-manis',
    ];
    for (const item of [...items, 'es-jeruk', 'teh-botol', 'air-mineral']) {
      await cashier.getByTestId(`quick-item-${item}`).click();
    }
    await cashier.getByTestId('cart-discount-kopi-susu').click();
    await cashier.getByTestId('tender-cash').click();
    await cashier.getByTestId('quick-cash-100000').click();
    await cashier.getByTestId('quick-cash-exact').click();
    await check(cashier, 'cash', ['cash-received', 'quick-cash-exact', 'change-due', 'charge-button']);

    await cashier.getByTestId('view-keypad').click();
    await check(cashier, 'keypad', ['keypad-7', 'keypad-0', 'keypad-back', 'charge-button']);
    await cashier.getByTestId('view-items').click();

    // A split sale: its QR live, then expired with cash taken (the cashier must decide).
    await cashier.getByTestId('cart-clear').click();
    await cashier.getByTestId('quick-item-nasi-goreng').click();
    await cashier.getByTestId('quick-item-kopi-susu').click();
    await cashier.getByTestId('tender-split').click();
    await cashier.getByTestId('split-type-qris').click();
    await cashier.getByTestId('quick-cash-20000').click();
    await check(cashier, 'split', ['split-remainder', 'charge-button']);
    await cashier.getByTestId('charge-button').click();
    await expect(cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'pending');
    await check(cashier, 'live-qr', ['live-countdown', 'cancel-button', 'simulate-pay-button', 'sale-bill']);
    await cashier.getByTestId('simulate-expire-button').click();
    await expect(cashier.getByTestId('open-sale')).toBeVisible();
    await check(cashier, 'open-sale', [
      'charge-again-button',
      'pay-rest-button',
      'void-button',
      'keep-open-button',
    ]);

    await cashier.getByTestId('quick-cash-exact').click();
    await cashier.getByTestId('pay-rest-button').click();
    await expect(cashier.getByTestId('sale-result')).toHaveAttribute('data-state', 'paid');
    await check(cashier, 'paid', ['result-change', 'new-sale-button']);
    expect(screens.problems).toEqual([]);
  });
}
