/** A checked SettingsPatch turned into the next document, with the fields that really change. */
import type { CustomerDisplayChoice } from '../../common/contract.ts';
import { PAYMENT_TYPES } from '../../common/midtrans-limits.ts';
import type { PricingSettings } from '../../common/pricing/types.ts';
import type { PrinterConfig, ReceiptOptions, SoundSettings } from '../../common/printing-contract.ts';
import { parseNetworkAddress } from '../../common/printing-settings.ts';
import type { SettingsPatch } from '../../common/settings-input.ts';
import type { ShopTime } from '../../common/shop-time.ts';
import type { SettingsDocument } from './settings-document.ts';

/** A patch as a schema parses it: optional keys may be present with the value undefined. */
export type LoosePatch = {
  [K in keyof SettingsPatch]?:
    | (K extends 'pricing' | 'shopTime' | 'printers' | 'receipt' | 'sound' ? unknown : SettingsPatch[K])
    | undefined;
};

/** Drops keys whose value is undefined, at every depth (a parsed object may carry them). */
function withoutUndefined(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, withoutUndefined(v)]),
  );
}

export function definedPatch(input: LoosePatch): SettingsPatch {
  const patch: SettingsPatch = {};
  if (input.mode !== undefined) patch.mode = input.mode;
  if (input.merchantName !== undefined) patch.merchantName = input.merchantName;
  if (input.language !== undefined) patch.language = input.language;
  if (input.paymentTypes !== undefined) patch.paymentTypes = input.paymentTypes;
  if (input.kioskTimeoutSeconds !== undefined) patch.kioskTimeoutSeconds = input.kioskTimeoutSeconds;
  if (input.customerDisplay !== undefined) patch.customerDisplay = input.customerDisplay;
  // Judged whole by checkSettingsPatch next; only its shape is taken here.
  if (input.pricing !== undefined) patch.pricing = withoutUndefined(input.pricing) as PricingSettings;
  if (input.discountApproval !== undefined) patch.discountApproval = input.discountApproval;
  // Judged by checkSettingsPatch next (the zone is any short text in the payload's schema).
  if (input.shopTime !== undefined) patch.shopTime = input.shopTime as ShopTime;
  if (input.printers !== undefined) patch.printers = withoutUndefined(input.printers) as PrinterConfig[];
  if (input.receipt !== undefined) patch.receipt = withoutUndefined(input.receipt) as ReceiptOptions;
  if (input.sound !== undefined) patch.sound = withoutUndefined(input.sound) as SoundSettings;
  return patch;
}

function displayChoice(choice: CustomerDisplayChoice): CustomerDisplayChoice {
  return choice.kind === 'display'
    ? { kind: 'display', displayId: choice.displayId, label: choice.label }
    : { kind: choice.kind };
}

/** A printer as stored: its own fields only, the name trimmed, a network address as host:port. */
function storedPrinter(printer: PrinterConfig): PrinterConfig {
  let address = printer.address.trim();
  if (printer.kind === 'tcp') {
    const parsed = parseNetworkAddress(address);
    if (parsed !== undefined) {
      const host = parsed.host.includes(':') ? `[${parsed.host}]` : parsed.host;
      address = `${host}:${parsed.port}`;
    }
  }
  return {
    id: printer.id,
    name: printer.name.trim(),
    kind: printer.kind,
    address,
    width: printer.width,
    drawer: printer.drawer,
  };
}

/** The values as they will be stored: the name trimmed, payment types once each in a fixed order. */
function normalized(patch: SettingsPatch): SettingsPatch {
  const out: SettingsPatch = { ...patch };
  if (patch.merchantName !== undefined) out.merchantName = patch.merchantName.trim();
  if (patch.paymentTypes !== undefined) {
    const chosen = patch.paymentTypes;
    out.paymentTypes = PAYMENT_TYPES.filter((type) => chosen.includes(type));
  }
  if (patch.customerDisplay !== undefined) out.customerDisplay = displayChoice(patch.customerDisplay);
  if (patch.shopTime !== undefined) {
    out.shopTime = { zone: patch.shopTime.zone, cutoffHour: patch.shopTime.cutoffHour };
  }
  if (patch.printers !== undefined) out.printers = patch.printers.map(storedPrinter);
  if (patch.receipt !== undefined) {
    const receipt = patch.receipt;
    out.receipt = {
      printerId: receipt.printerId,
      autoPrint: receipt.autoPrint,
      shopAddress: receipt.shopAddress.replace(/\r\n/g, '\n').trim(),
      npwp: receipt.npwp.trim(),
      footer: receipt.footer.replace(/\r\n/g, '\n').trim(),
    };
  }
  if (patch.sound !== undefined) out.sound = { volume: patch.sound.volume, muted: patch.sound.muted };
  return out;
}

/** `patch` must have passed checkSettingsPatch. A field equal to its stored value is no change. */
export function applyPatch(
  document: SettingsDocument,
  patch: SettingsPatch,
): { next: SettingsDocument; fields: (keyof SettingsPatch)[] } {
  const next = structuredClone(document);
  const fields: (keyof SettingsPatch)[] = [];
  const values = normalized(patch);
  for (const field of Object.keys(values) as (keyof SettingsPatch)[]) {
    const value = values[field];
    if (value === undefined || JSON.stringify(value) === JSON.stringify(document[field])) continue;
    Object.assign(next, { [field]: structuredClone(value) });
    fields.push(field);
  }
  return { next, fields };
}
