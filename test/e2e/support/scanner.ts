/**
 * A USB barcode scanner as the page sees one: a keyboard that types the code's digits faster than
 * any person, then Enter, into whatever has focus. The keys are dispatched inside the page in one
 * go, so the rhythm is the scanner's and not the test runner's (a round trip per key from
 * Playwright can take longer than a scanner's gap on a busy machine, and would be typing).
 */
import type { Page } from '@playwright/test';

export async function scan(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => {
    const target = document.activeElement ?? document.body;
    const press = (key: string) => {
      const init = { key, bubbles: true, cancelable: true, composed: true };
      target.dispatchEvent(new KeyboardEvent('keydown', init));
      target.dispatchEvent(new KeyboardEvent('keyup', init));
    };
    for (const key of [...text, 'Enter']) press(key);
  }, code);
}
