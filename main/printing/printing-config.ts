/**
 * What printing reads from the settings, and the few decisions made from it alone: which printer
 * prints receipts, which one has the drawer, and the receipt's header and footer.
 */
import type { PrinterConfig, ReceiptOptions } from '../../common/printing-contract.ts';
import { RAW_PRINTER_KINDS } from '../../common/printing-contract.ts';
import type { ReceiptLanguage, ShopHeader, TestPage } from '../receipts/index.ts';
import type { ReceiptContext } from './receipt-from-sale.ts';
import { PrintingRefusal } from './refusal.ts';

/** Read at every use: a change in the settings applies to the next receipt. */
export interface PrintingConfig {
  shopName: string;
  language: ReceiptLanguage;
  printers: readonly PrinterConfig[];
  receipt: ReceiptOptions;
}

/** What the kiosk itself decides: training or not, and the shop's time zone. */
export interface PrintingPlace {
  training: boolean;
  utcOffsetMinutes: number;
}

export function printerOf(config: PrintingConfig, id: string | null): PrinterConfig | undefined {
  return id === null ? undefined : config.printers.find((p) => p.id === id);
}

export function receiptPrinterOf(config: PrintingConfig): PrinterConfig {
  const printer = printerOf(config, config.receipt.printerId);
  if (printer === undefined) throw new PrintingRefusal('no-receipt-printer');
  return printer;
}

/** The receipt printer's drawer, else the first printer with one. */
export function drawerPrinterOf(config: PrintingConfig): PrinterConfig | undefined {
  const withDrawer = config.printers.filter((p) => p.drawer && RAW_PRINTER_KINDS.includes(p.kind));
  return withDrawer.find((p) => p.id === config.receipt.printerId) ?? withDrawer[0];
}

export function receiptContext(config: PrintingConfig, place: PrintingPlace): ReceiptContext {
  const shop: ShopHeader = { name: config.shopName };
  const address = config.receipt.shopAddress.trim();
  const npwp = config.receipt.npwp.trim();
  if (address !== '') shop.address = address;
  if (npwp !== '') shop.npwp = npwp;
  return { shop, footer: config.receipt.footer, language: config.language, ...place };
}

/** The settings' test print: the shop's header, which printer, and how it is reached. */
export function testPageOf(
  config: PrintingConfig,
  printer: PrinterConfig,
  place: PrintingPlace,
  time: number,
): TestPage {
  const context = receiptContext(config, place);
  const where = printer.address.trim() === '' ? printer.kind : `${printer.kind} ${printer.address}`;
  return {
    shop: context.shop,
    printerName: `${printer.name} (${where})`,
    time,
    utcOffsetMinutes: context.utcOffsetMinutes,
    language: context.language,
  };
}
