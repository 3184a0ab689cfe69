/**
 * What the CLI needs of the kiosk's settings to print as the kiosk does: the shop's name and
 * language, the receipt options and the printers. Read from the settings file in the data folder
 * (the app's and browser mode's), migrated and repaired in memory only: the CLI never writes it.
 */
import { join } from 'node:path';
import type { Language } from '../../common/contract.ts';
import {
  DEFAULT_RECEIPT_OPTIONS,
  type PrinterConfig,
  type ReceiptOptions,
} from '../../common/printing-contract.ts';
import { readJson } from '../fs/json-file.ts';
import { detectVersion, migrate } from '../settings/migrations.ts';
import { repairDocument } from '../settings/repair.ts';
import { defaultMerchantName } from '../settings/settings-document.ts';

export interface CliPrintingSettings {
  shopName: string;
  language: Language;
  receipt: ReceiptOptions;
  printers: PrinterConfig[];
}

export function readPrintingSettings(dataDir: string): CliPrintingSettings {
  let raw: unknown;
  try {
    raw = readJson(join(dataDir, 'settings.json'));
  } catch {
    // Damaged: the kiosk itself would start on defaults, and so does a receipt printed here.
    raw = undefined;
  }
  if (raw === undefined) {
    return {
      shopName: defaultMerchantName('training'),
      language: 'id',
      receipt: { ...DEFAULT_RECEIPT_OPTIONS },
      printers: [],
    };
  }
  const { document } = repairDocument(
    migrate(detectVersion(raw), { initialMode: 'training' }).document,
    'training',
  );
  return {
    shopName: document.merchantName,
    language: document.language,
    receipt: document.receipt,
    printers: document.printers,
  };
}
