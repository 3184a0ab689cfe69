/**
 * Every customer-display scene at the sizes a shop may plug in (800×480 to 1920×1080, landscape
 * and portrait): nothing overflows, the text is large enough to read from 1–2 m, and the QR can
 * be read off the pixels at every size. A screenshot of each scene at each size is kept in
 * test-results/display-states/ for review.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startEmulator, startKiosk, type Emulator, type Kiosk } from './support/processes.ts';
import { chargeToQr, openScreens, scanDisplayedQr, typeAmount } from './support/screens.ts';

const SHOTS = join(process.cwd(), 'test-results', 'display-states');
const SIZES = [
  { width: 800, height: 480 },
  { width: 480, height: 800 },
  { width: 1024, height: 600 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
];
const ITEMS = [
  { id: 'kopi-susu', name: 'Kopi Susu Gula Aren', price: 18000 },
  { id: 'es-teh', name: 'Es Teh Manis', price: 8000 },
  { id: 'nasi-goreng', name: 'Nasi Goreng Spesial Telur Dadar', price: 25000 },
  { id: 'roti-bakar', name: 'Roti Bakar Cokelat Keju', price: 15000 },
  { id: 'air-mineral', name: 'Air Mineral 600 ml', price: 5000 },
  { id: 'pisang-goreng', name: 'Pisang Goreng (isi 3)', price: 12000 },
];

let emulator: Emulator;
let kiosk: Kiosk | undefined;
let dir: string;

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-display-'));
  writeFileSync(join(dir, 'items.json'), JSON.stringify(ITEMS));
  emulator = await startEmulator();
});
test.afterEach(async () => {
  await kiosk?.stop();
  kiosk = undefined;
  await emulator.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Checks and photographs the current scene at every size; returns the scene shown. */
async function photograph(display: Page, scene: string): Promise<void> {
  for (const size of SIZES) {
    await display.setViewportSize(size);
    await expect(display.getByTestId('display')).toHaveAttribute('data-scene', scene);
    const layout = await display.evaluate(() => {
      const root = document.documentElement;
      const outside = [...document.querySelectorAll<HTMLElement>('[data-testid]')]
        .filter((el) => el.getClientRects().length > 0)
        .filter((el) => {
          const box = el.getBoundingClientRect();
          return box.left < -1 || box.top < -1 || box.right > innerWidth + 1 || box.bottom > innerHeight + 1;
        })
        .map((el) => el.dataset.testid);
      const amount = document.querySelector<HTMLElement>('[data-testid="display-amount"]');
      return {
        overflowX: root.scrollWidth > innerWidth + 1,
        overflowY: root.scrollHeight > innerHeight + 1,
        outside,
        amountPx: amount ? parseFloat(getComputedStyle(amount).fontSize) : undefined,
      };
    });
    const where = `${scene} at ${size.width}×${size.height}`;
    expect(layout.overflowX, `${where}: horizontal overflow`).toBe(false);
    expect(layout.overflowY, `${where}: vertical overflow`).toBe(false);
    expect(layout.outside, `${where}: elements outside the screen`).toEqual([]);
    if (layout.amountPx !== undefined) {
      expect(layout.amountPx, `${where}: amount font size`).toBeGreaterThanOrEqual(
        Math.min(size.width, size.height) >= 1000 ? 56 : 32,
      );
    }
    if (scene === 'qr') {
      const box = await display.getByTestId('display-qr').boundingBox();
      expect(box, `${where}: QR box`).not.toBeNull();
      const side = Math.min(box?.width ?? 0, box?.height ?? 0);
      expect(side, `${where}: QR size`).toBeGreaterThanOrEqual(0.45 * Math.min(size.width, size.height));
      expect(Math.abs((box?.width ?? 0) - (box?.height ?? 0)), `${where}: QR square`).toBeLessThanOrEqual(1);
      expect((await scanDisplayedQr(display)).length, `${where}: QR readable`).toBeGreaterThan(20);
    }
    await display.screenshot({ path: join(SHOTS, `${scene}-${size.width}x${size.height}.png`) });
  }
}

test('every scene of the customer display, at every size', async ({ browser }) => {
  test.setTimeout(240_000);
  kiosk = await startKiosk({
    KIOSK_MODE: 'sandbox',
    MIDTRANS_API_URL: emulator.url,
    MIDTRANS_SERVER_KEY: emulator.serverKey,
    KIOSK_QUICK_ITEMS_FILE: join(dir, 'items.json'),
  });
  const screens = await openScreens(browser, kiosk);
  const { cashier, display } = screens;
  await photograph(display, 'idle');

  for (const item of ITEMS) await cashier.getByTestId(`quick-item-${item.id}`).click();
  await cashier.getByTestId('quick-item-kopi-susu').click();
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'cart');
  await photograph(display, 'cart');

  // The charge's answer is lost and every status lookup fails: the kiosk cannot know whether the
  // charge arrived, so the sale stays "preparing" for as long as the photographs take, however busy
  // the machine. Once the gateway answers again (404: it never got the charge) the next attempt
  // brings the QR.
  await emulator.control('faults', { target: 'charge', fault: { kind: 'reset' } });
  await emulator.control('faults', {
    target: 'status',
    times: null,
    fault: { kind: 'http-error', httpStatus: 503 },
  });
  await cashier.getByTestId('charge-button').click();
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'preparing');
  await photograph(display, 'preparing');
  await emulator.control('faults', undefined, 'DELETE');
  // The settle window (20 s) and the error backoff (at most 30 s) bound the wait.
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'qr', { timeout: 60_000 });
  await photograph(display, 'qr');

  let orderId = (await cashier.getByTestId('live-order').getAttribute('data-order-id')) ?? '';
  await emulator.control(`orders/${orderId}/pay`, {});
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', 'paid', { timeout: 3000 });
  await photograph(display, 'paid');

  for (const [action, scene] of [
    ['cancel', 'cancelled'],
    ['expire', 'expired'],
    ['deny', 'failed'],
  ] as const) {
    await cashier.getByTestId('new-sale-button').click();
    await typeAmount(cashier, 27500);
    orderId = await chargeToQr(screens);
    if (action === 'cancel') await cashier.getByTestId('cancel-button').click();
    else await emulator.control(`orders/${orderId}/${action}`, {});
    await expect(display.getByTestId('display')).toHaveAttribute('data-scene', scene, { timeout: 3000 });
    await photograph(display, scene);
  }
  expect(screens.problems).toEqual([]);

  // The kiosk goes away: the display says so instead of freezing on an old scene.
  await kiosk.stop();
  kiosk = undefined;
  await expect(display.getByTestId('connection-lost')).toBeVisible({ timeout: 10_000 });
  await display.setViewportSize({ width: 800, height: 480 });
  await display.screenshot({ path: join(SHOTS, 'connection-lost-800x480.png') });
});
