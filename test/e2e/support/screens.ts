/**
 * The two screens of one kiosk, opened as a cashier would (the printed token URLs), plus the
 * steps every sale test repeats.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import jsQRModule from 'jsqr';
import type { Kiosk } from './processes.ts';

const jsQR = jsQRModule.default;

export interface Screens {
  cashier: Page;
  display: Page;
  /** Console errors and CSP violations seen on either screen. */
  problems: string[];
}

export async function openScreens(
  browser: Browser,
  kiosk: Kiosk,
  options: {
    displaySize?: { width: number; height: number };
    expect?: string;
    /** The browser's own time zone (IANA name): the screens must show the shop's, whatever it is. */
    timezoneId?: string;
  } = {},
): Promise<Screens> {
  const displaySize = options.displaySize ?? { width: 1280, height: 800 };
  const problems: string[] = [];
  const open = async (url: string, viewport: { width: number; height: number }) => {
    const context = await browser.newContext({
      viewport,
      ...(options.timezoneId === undefined ? {} : { timezoneId: options.timezoneId }),
    });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${new URL(page.url()).pathname}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${new URL(page.url()).pathname}: ${error.message}`));
    // Nothing may leave the machine: any request to another origin fails the test.
    await context.route(
      (url) => url.origin !== kiosk.origin && url.protocol !== 'data:',
      (route) => {
        problems.push(`remote request: ${route.request().url()}`);
        return route.abort();
      },
    );
    await page.goto(url);
    return page;
  };
  const cashier = await open(kiosk.cashierUrl, { width: 1280, height: 800 });
  const display = await open(kiosk.displayUrl, displaySize);
  await expect(cashier.getByTestId('mode-banner')).toBeVisible();
  await expect(display.getByTestId('display')).toHaveAttribute('data-scene', options.expect ?? 'idle');
  return { cashier, display, problems };
}

export async function typeAmount(cashier: Page, amount: number): Promise<void> {
  const input = cashier.getByTestId('amount-input');
  await input.fill('');
  await input.pressSequentially(String(amount));
}

/** Charges what is on the cashier screen and waits for the QR on the display; returns the order id. */
export async function chargeToQr(screens: Screens): Promise<string> {
  await screens.cashier.getByTestId('charge-button').click();
  const live = screens.cashier.getByTestId('live-order');
  await expect(live).toHaveAttribute('data-state', 'pending');
  await expect(screens.display.getByTestId('display')).toHaveAttribute('data-scene', 'qr');
  const orderId = await live.getAttribute('data-order-id');
  expect(orderId).toMatch(/^[A-Za-z0-9\-_~.]+$/);
  return orderId ?? '';
}

/** Reads the QR back off the display's pixels, as a customer's phone camera would. */
export async function scanDisplayedQr(display: Page): Promise<string> {
  const image = display.getByTestId('display-qr');
  await expect(image).toBeVisible();
  // The image must have really loaded (naturalWidth > 0), not just have a src.
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  const png = PNG.sync.read(await image.screenshot());
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (found === null) throw new Error('the QR on the customer display could not be read from its pixels');
  return found.data;
}

/** The top-level EMVCo fields of a QRIS payload (tag → value). */
export function emvFields(payload: string): Map<string, string> {
  const fields = new Map<string, string>();
  let at = 0;
  while (at + 4 <= payload.length) {
    const tag = payload.slice(at, at + 2);
    const length = Number(payload.slice(at + 2, at + 4));
    if (!Number.isInteger(length)) break;
    fields.set(tag, payload.slice(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return fields;
}

/** Seconds shown by a mm:ss countdown. */
export async function countdownSeconds(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  const match = text.match(/(\d+):(\d{2})/);
  if (!match) throw new Error(`no mm:ss countdown in "${text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}
