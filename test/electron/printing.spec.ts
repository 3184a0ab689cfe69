/**
 * The OS printer the shell hands to the print service (main/shell/page-printer.ts): a paid sale's
 * receipt is printed silently from a hidden, sandboxed window on the roll's own page size, that
 * window is gone afterwards, and a printer that fails reaches the cashier as a plain message with
 * the sale untouched. The stand-in records webContents.print; real Electron would print.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDocument } from '../../main/settings/settings-document.ts';
import { chargeToQr, typeAmount } from '../e2e/support/screens.ts';
import { expect, test, type KioskApp } from './support/fixtures.ts';
import { newDataDir } from './support/kiosk-app.ts';
import { skipWithoutElectron } from './support/scenario.ts';

skipWithoutElectron();
test.skip(
  ({ launcher }) => launcher !== 'stand-in',
  'Only the stand-in can show what was printed, and no real printer is here',
);

interface Printed {
  options: Record<string, unknown>;
  text: string;
  pageRule: string;
}

function systemPrinterSettings(dataDir: string): void {
  const document = defaultDocument('training');
  document.printers = [
    { id: 'sistem', name: 'POS-80C', kind: 'os', address: 'POS-80C', width: 80, drawer: false },
  ];
  document.receipt = { ...document.receipt, printerId: 'sistem', footer: 'Terima kasih' };
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(document));
}

async function payOnce(kiosk: KioskApp, amount: number): Promise<string> {
  await typeAmount(kiosk.cashier, amount);
  await kiosk.cashier.getByTestId('payment-type-qris').click();
  const orderId = await chargeToQr(kiosk);
  await kiosk.cashier.getByTestId('simulate-pay-button').click();
  await expect(kiosk.cashier.getByTestId('live-order')).toHaveAttribute('data-state', 'settlement');
  return orderId;
}

const printed = async (kiosk: KioskApp) => ((await kiosk.facts())?.printed ?? []) as Printed[];

test('a paid sale prints on the system printer: silent, on the 80 mm roll, from a window that is gone afterwards', async ({
  launchKiosk,
}) => {
  const dataDir = newDataDir();
  systemPrinterSettings(dataDir);
  const kiosk = await launchKiosk({ dataDir });
  const orderId = await payOnce(kiosk, 44000);
  await expect.poll(async () => (await printed(kiosk)).length).toBe(1);
  const [page] = await printed(kiosk);
  expect(page?.options).toMatchObject({
    silent: true,
    deviceName: 'POS-80C',
    margins: { marginType: 'none' },
    pageSize: { width: 80_000 },
  });
  expect((page?.options.pageSize as { height: number }).height).toBeGreaterThanOrEqual(60_000);
  expect(page?.pageRule).toMatch(/^80mm \d+mm$/);
  // The SVG's spaces are no-break spaces, as on the paper's fixed columns.
  const text = page?.text.replace(/\s+/g, ' ') ?? '';
  expect(text).toContain(`No. pesanan: ${orderId}`);
  expect(text).toContain('Terima kasih');
  await expect(kiosk.cashier.getByTestId('receipt-job')).toHaveAttribute('data-state', 'printed');
  // Only the two kiosk windows remain: the print window was destroyed.
  const windows = (await kiosk.facts())?.windows as unknown[];
  expect(windows).toHaveLength(2);
  expect(kiosk.problems).toEqual([]);
});

test("the system printer fails: Electron's reason reaches the cashier in plain words, the sale stays paid", async ({
  launchKiosk,
}) => {
  const dataDir = newDataDir();
  systemPrinterSettings(dataDir);
  const kiosk = await launchKiosk({
    dataDir,
    env: { ELECTRON_STANDIN_PRINT_FAILURE: 'Invalid printer settings' },
  });
  await payOnce(kiosk, 15000);
  await expect(kiosk.display.getByTestId('display')).toHaveAttribute('data-scene', 'paid');
  await expect(kiosk.cashier.getByTestId('printer-problem')).toContainText(
    'Printer sistem gagal mencetak: Invalid printer settings',
  );
  await expect(kiosk.cashier.getByTestId('printer-problem')).toContainText(
    "The system's printer failed to print: Invalid printer settings",
  );
  await expect(kiosk.cashier.getByTestId('receipt-job')).toHaveAttribute('data-state', 'queued');
  expect(kiosk.problems).toEqual([]);
});
