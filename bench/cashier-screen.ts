/**
 * The cashier screen itself at 10,000 items, in Chromium through browser mode: the catalogue is
 * imported as a shop would (CSV, behind the manager's PIN), then
 * - search-as-you-type: each keystroke of the queries the `catalogue` group searches, from the
 *   key (a keydown and the input event, as typing sends them) until the results are rendered by
 *   React and laid out by the browser, measured inside the page (no test-runner round trip);
 * - add-by-barcode: a scan typed as a USB scanner types it (digits, then Enter, at once), from
 *   the Enter until the item's line is in the cart and laid out.
 * Paint itself is not included (headless Chromium paints on its own schedule); the time to the
 * next animation frame is printed alongside for that.
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../test/e2e/support/browser.ts';
import { asManager } from '../test/e2e/support/kiosk-calls.ts';
import { startKiosk } from '../test/e2e/support/processes.ts';
import type { CatalogueItemView } from '../common/catalogue-contract.ts';
import { DEFAULT_PRICING_SETTINGS } from '../common/pricing/index.ts';
import { cartReducer, type CartLine } from '../renderer/cashier/cart/cart.ts';
import { draftSale } from '../renderer/cashier/cart/draft.ts';
import { catalogueView, lookupBarcode } from '../renderer/cashier/catalogue/catalogue-view.ts';
import { catalogueCsv, QUERIES } from './catalogue.ts';
import { ms, num, summarize } from './stats.ts';
import type { Report } from './stats.ts';

const ROOT = join(import.meta.dirname, '..');
const ITEMS = 10_000;
const GOAL_SEARCH_MS = 16;
const GOAL_BARCODE_MS = 5;
const SCANS = 200;
/** A call frame is at most 64 KiB (common/wire.ts): the CSV goes in parts, each all or nothing. */
const CSV_PART_BYTES = 56 * 1024;

function csvParts(csv: string): string[] {
  const [header, ...rows] = csv.split('\n');
  const parts: string[] = [];
  let part: string[] = [];
  let bytes = 0;
  for (const row of rows) {
    if (bytes + row.length > CSV_PART_BYTES && part.length > 0) {
      parts.push([header, ...part].join('\n'));
      part = [];
      bytes = 0;
    }
    part.push(row);
    bytes += row.length + 1;
  }
  if (part.length > 0) parts.push([header, ...part].join('\n'));
  return parts;
}

/** In the page: every prefix typed into the search box, one keystroke each; durations in ms. */
function typeQueries(page: Page, prefixes: string[]) {
  return page.evaluate(async (queries) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="catalogue-search"]');
    const grid = document.querySelector<HTMLElement>('[data-testid="item-grid"]');
    if (input === null || grid === null) throw new Error('no search box or item grid on the cashier screen');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    input.focus();
    const laidOut: number[] = [];
    const frame: number[] = [];
    for (const query of queries) {
      const started = performance.now();
      input.dispatchEvent(
        new KeyboardEvent('keydown', { key: query.slice(-1), bubbles: true, cancelable: true }),
      );
      setValue?.call(input, query);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // React renders a discrete event's update before a new task starts: wait for it in
      // microtasks first, then in tasks, whichever it takes.
      for (let i = 0; grid.dataset.query !== query; i++) {
        await (i < 20 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, 0)));
      }
      void grid.getBoundingClientRect();
      laidOut.push(performance.now() - started);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      frame.push(performance.now() - started);
    }
    return { laidOut, frame };
  }, prefixes);
}

/** In the page: scans of the given codes, each until its item's line shows; durations in ms. */
function scanCodes(page: Page, scans: { code: string; key: string }[]) {
  return page.evaluate(async (list) => {
    const durations: number[] = [];
    let inCart = 0;
    for (const { code, key } of list) {
      if (inCart >= 40) {
        document.querySelector<HTMLButtonElement>('[data-testid="cart-clear"]')?.click();
        await new Promise((resolve) => setTimeout(resolve, 20));
        inCart = 0;
      }
      const target = document.activeElement ?? document.body;
      const press = (k: string) =>
        target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
      for (const digit of code) press(digit);
      const started = performance.now();
      press('Enter');
      for (let i = 0; document.querySelector(`[data-testid="cart-qty-${key}"]`) === null; i++) {
        await (i < 20 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, 0)));
      }
      void document.body.getBoundingClientRect();
      durations.push(performance.now() - started);
      inCart++;
      // The next scan comes from the next item on the belt, not in the same frame.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return durations;
  }, scans);
}

/** The catalogue's CSV rows as the screen holds them (the store gives the same fields). */
function itemsOf(csv: string): CatalogueItemView[] {
  return csv
    .split('\n')
    .slice(1)
    .map((row, id) => {
      const [name = '', price = '0', , sku = '', barcode = ''] = row.split(';');
      return {
        id,
        name,
        price: Number(price),
        categoryId: null,
        sku,
        barcode: barcode || null,
        active: true,
        position: id,
      };
    });
}

/**
 * The screen's own logic of a scan, in Node: the code looked up, the line added, the cart priced
 * again. What is left of the screen figure is React's render and the browser's layout.
 */
function scanLogic(items: CatalogueItemView[], codes: { code: string }[]): number[] {
  const view = catalogueView({ items, categories: [], revision: 1 });
  let cart: CartLine[] = [];
  const durations: number[] = [];
  for (const { code } of codes) {
    if (cart.length >= 40) cart = [];
    const started = performance.now();
    const found = lookupBarcode(view, code);
    if (found.kind === 'found') cart = cartReducer(cart, { type: 'addItem', item: found.item });
    draftSale({
      lines: cart,
      freeDigits: '',
      freeName: 'x',
      orderDiscount: undefined,
      pricing: DEFAULT_PRICING_SETTINGS,
    });
    durations.push(performance.now() - started);
  }
  return durations;
}

export async function benchCashierScreen(report: Report): Promise<void> {
  console.log(`\n== 7. cashier screen at ${ITEMS.toLocaleString('en')} items (browser mode, Chromium)`);
  const launch = chromiumLaunchOptions();
  if (launch.executablePath === undefined && !existsSync(chromium.executablePath())) {
    report.info('cashier screen: skipped, no Chromium on this machine (install Debian chromium)');
    return;
  }
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  const kiosk = await startKiosk();
  const browser = await chromium.launch({ ...launch, headless: true });
  try {
    const csv = catalogueCsv(ITEMS);
    const imported = performance.now();
    const parts = csvParts(csv);
    await asManager(kiosk, '4821', async (calls) => {
      for (const part of parts) await calls.call('catalogue.import', { csv: part });
    });
    report.info(
      `catalogue imported through the manager's commands: ${parts.length} CSV parts in ${ms(performance.now() - imported)}`,
    );

    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await page.goto(kiosk.cashierUrl);
    await page.getByTestId('items-more').waitFor();
    const loaded = await page.evaluate(
      () => document.querySelectorAll('[data-testid="item-grid"] button').length,
    );
    report.info(`cashier screen loaded; the grid shows ${loaded} items a page`);

    const prefixes = QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
    await typeQueries(page, [...prefixes, '']); // warm-up: JIT and first renders, not the first keystroke
    const laidOut: number[] = [];
    const frame: number[] = [];
    for (let round = 0; round < 5; round++) {
      const result = await typeQueries(page, [...prefixes, '']);
      laidOut.push(...result.laidOut);
      frame.push(...result.frame);
    }
    const s = summarize(laidOut);
    report.add({
      group: '7 cashier',
      metric: 'search keystroke → results laid out (screen, Chromium)',
      n: s.n,
      p50: ms(s.p50),
      p95: ms(s.p95),
      goal: `p95 ≤ ${GOAL_SEARCH_MS} ms`,
      ratio: s.p95 / GOAL_SEARCH_MS,
      met: s.p95 <= GOAL_SEARCH_MS,
    });
    const f = summarize(frame);
    report.info(
      `  to the next animation frame: p50 ${ms(f.p50)}, p95 ${ms(f.p95)} (includes waiting for vsync)`,
    );

    // Items with a barcode are the even ones (catalogueCsv); their cart lines are keyed by SKU.
    const scans = Array.from({ length: SCANS }, (_, n) => {
      const i = ((n * 7_919) % (ITEMS / 2)) * 2;
      const base = `899${String(1_000_000_000 + i).slice(1)}`;
      return { base, key: `SKU-${i}` };
    });
    const codes = await page.evaluate(
      (list) =>
        list.map(({ base, key }) => {
          let sum = 0;
          for (let d = 0; d < 12; d++) sum += Number(base[d]) * (d % 2 === 0 ? 1 : 3);
          return { code: `${base}${(10 - (sum % 10)) % 10}`, key };
        }),
      scans,
    );
    await page.getByTestId('amount-input').focus();
    await scanCodes(page, codes.slice(0, 20)); // warm-up
    const durations = await scanCodes(page, codes);
    const b = summarize(durations);
    report.add({
      group: '7 cashier',
      metric: 'scan (Enter) → item in the cart, laid out (screen)',
      n: b.n,
      p50: ms(b.p50),
      p95: ms(b.p95),
      goal: `p95 ≤ ${GOAL_BARCODE_MS} ms`,
      ratio: b.p95 / GOAL_BARCODE_MS,
      met: b.p95 <= GOAL_BARCODE_MS,
    });
    report.info(`  scan max ${ms(b.max)}; ${num(durations.length)} scans, cart cleared every 40 lines`);
    scanLogic(itemsOf(csv), codes); // warm-up
    const logic = summarize(scanLogic(itemsOf(csv), codes));
    report.info(
      `  of which the screen's own functions (lookup, cart, pricing; Node): p50 ${ms(logic.p50)}, p95 ${ms(logic.p95)}`,
    );
    // Both figures are wall time on a shared machine: say how busy it was.
    const [one] = loadavg();
    report.info(`  load average ${num(one ?? Number.NaN)} on ${cpus().length} cores while measuring`);
  } finally {
    await browser.close();
    await kiosk.stop();
  }
}
