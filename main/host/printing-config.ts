/** What the print service reads from the stored settings, at every receipt. */
import { DEFAULT_RECEIPT_OPTIONS } from '../../common/printing-contract.ts';
import type { PrintingConfig } from '../printing/print-service.ts';
import type { StoredValues } from '../settings/settings-core.ts';

export function printingConfig(current: StoredValues): PrintingConfig {
  return {
    shopName: current.merchantName,
    language: current.language,
    // A settings source from before printing (a test double) has neither: nothing prints.
    printers: current.printers ?? [],
    receipt: current.receipt ?? DEFAULT_RECEIPT_OPTIONS,
  };
}
