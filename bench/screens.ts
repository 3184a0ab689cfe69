/**
 * Figure 5: the customer display. (a) From the engine's "QR ready" event to the QR painted on
 * the display, through browser mode's WebSocket in real Chromium: the display marks
 * `kiosk:qr-painted` once the image is decoded and two frames have run, carrying the main
 * process's clock at the event; both clocks are this machine's wall clock. (b) The size of what
 * the display loads (its HTML's scripts and styles), raw and gzipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../test/e2e/support/browser.ts';
import { startKiosk } from '../test/e2e/support/processes.ts';
import { ms, num, summarize } from './stats.ts';
import type { Report } from './stats.ts';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist', 'renderer');
const SALES = 30;
const GOAL_PAINT_MS = 50;

interface Painted {
  orderId: string;
  serverNow: number;
  paintedAt: number;
  /** When the display's socket received the state carrying that QR. */
  arrivedAt: number;
}

/**
 * Notes when each QR state reaches the page, before the screen's own code sees it, to split the
 * figure into transport (main → socket) and drawing (socket → painted).
 */
const ARRIVAL_PROBE = `(() => {
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string' || !event.data.includes('"kind":"qr"')) return;
        const frame = JSON.parse(event.data);
        performance.mark('bench:qr-arrived', { detail: frame.payload.scene.orderId });
      });
    }
  };
})();`;

function bundleBytes(page: 'display' | 'cashier'): { files: number; raw: number; gzip: number } {
  const html = readFileSync(join(DIST, page, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
  let raw = Buffer.byteLength(html);
  let gzip = gzipSync(html).length;
  for (const asset of new Set(assets)) {
    const body = readFileSync(join(DIST, asset));
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { files: assets.length + 1, raw, gzip };
}

async function lastPaint(display: Page, orderId: string): Promise<Painted> {
  const handle = await display.waitForFunction(
    (id) =>
      performance
        .getEntriesByName('kiosk:qr-painted')
        .map((entry) => ({ entry: entry as PerformanceMark, at: performance.timeOrigin + entry.startTime }))
        .map(({ entry, at }) => ({
          ...(entry.detail as { orderId: string; serverNow: number }),
          paintedAt: at,
        }))
        .find((mark) => mark.orderId === id),
    orderId,
    { timeout: 15_000 },
  );
  const painted = (await handle.jsonValue()) as Omit<Painted, 'arrivedAt'>;
  const arrivedAt = await display.evaluate(
    (id) =>
      performance
        .getEntriesByName('bench:qr-arrived')
        .filter((entry) => (entry as PerformanceMark).detail === id)
        .map((entry) => performance.timeOrigin + entry.startTime)[0] ?? Number.NaN,
    orderId,
  );
  return { ...painted, arrivedAt };
}

export async function benchScreens(report: Report): Promise<void> {
  console.log(`\n== 5. customer display (browser mode, Chromium, ${SALES} sales)`);
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  for (const page of ['display', 'cashier'] as const) {
    const size = bundleBytes(page);
    report.info(
      `${page} bundle: ${size.files} files, ${num(size.raw / 1024, 'KiB')} raw, ${num(size.gzip / 1024, 'KiB')} gzip`,
    );
  }

  const launch = chromiumLaunchOptions();
  if (launch.executablePath === undefined && !existsSync(chromium.executablePath())) {
    report.info('event → QR painted: skipped, no Chromium on this machine (install Debian chromium)');
    return;
  }
  const kiosk = await startKiosk();
  const browser = await chromium.launch({ ...launch, headless: true });
  const samples: number[] = [];
  const transport: number[] = [];
  const drawing: number[] = [];
  try {
    const displayContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await displayContext.addInitScript(ARRIVAL_PROBE);
    const display = await displayContext.newPage();
    const cashier = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await display.goto(kiosk.displayUrl);
    await cashier.goto(kiosk.cashierUrl);
    const scene = display.getByTestId('display');
    for (let i = 0; i < SALES; i++) {
      await cashier.getByTestId(`payment-type-${i % 2 === 0 ? 'gopay' : 'qris'}`).click();
      await cashier.getByTestId('amount-input').fill('');
      await cashier.getByTestId('amount-input').pressSequentially(String(10_000 + i * 1000));
      await cashier.getByTestId('charge-button').click();
      await cashier.locator('[data-testid="live-order"][data-state="pending"]').waitFor();
      const orderId = (await cashier.getByTestId('live-order').getAttribute('data-order-id')) ?? '';
      const painted = await lastPaint(display, orderId);
      samples.push(painted.paintedAt - painted.serverNow);
      transport.push(painted.arrivedAt - painted.serverNow);
      drawing.push(painted.paintedAt - painted.arrivedAt);
      await cashier.getByTestId('cancel-button').click();
      await display.locator('[data-testid="display"][data-scene="cancelled"]').waitFor();
      await cashier.getByTestId('new-sale-button').click();
      if ((await scene.getAttribute('data-scene')) === 'qr') throw new Error('the display kept an ended QR');
    }
  } finally {
    await browser.close();
    await kiosk.stop();
  }
  const s = summarize(samples);
  report.add({
    group: 'screens',
    metric: 'QR ready event → QR painted on the display',
    n: s.n,
    p50: ms(s.p50),
    p95: ms(s.p95),
    goal: `≤ ${GOAL_PAINT_MS} ms`,
    ratio: s.p95 / GOAL_PAINT_MS,
    met: s.p95 <= GOAL_PAINT_MS,
  });
  report.info(`event → painted max ${ms(s.max)} (1920×1080, gopay and qris alternating)`);
  for (const [label, values] of [
    ['main → display socket', transport],
    ['socket → painted', drawing],
  ] as const) {
    const part = summarize(values);
    report.info(`  of which ${label}: p50 ${ms(part.p50)}, p95 ${ms(part.p95)}`);
  }
}
