/**
 * Brings whatever was stored up to the current document version.
 *
 * The steps are numbered by the document's own `version`, not by the app version that last ran
 * (electron-store's `migrations` option). Those run "every migration newer than the last app
 * version recorded", which goes wrong for a kiosk: an owner who skips releases, or installs an
 * older build and then a newer one again, gets steps skipped or run twice, and browser mode has
 * no electron-store at all. The document says what shape it has, so it alone decides which steps
 * still have to run.
 */
import type { KioskMode } from '../../common/contract.ts';
import { CURRENT_DOCUMENT_VERSION, defaultMerchantName } from './settings-document.ts';

export type RawDocument = Record<string, unknown>;

export interface MigrationContext {
  /** The mode a kiosk without stored settings starts in (training, or browser mode's fixed one). */
  initialMode: KioskMode;
}

export interface Migration {
  /** The version this step produces; it runs on documents of version `to - 1`. */
  to: number;
  up(document: RawDocument, context: MigrationContext): RawDocument;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    // v0 is "nothing stored yet": an absent or empty document.
    to: 1,
    up: (document) => ({ ...document, version: 1 }),
  },
  {
    // v1 is issue 4's browser-mode file, which kept only the cashier's language. Everything else
    // takes its first-start value, written out here so that a later change of the defaults does
    // not change what this step produces. Values are copied as they are and judged by the schema.
    to: 2,
    up: (document, { initialMode }) => ({
      ...document,
      version: 2,
      mode: initialMode,
      merchantName: defaultMerchantName(initialMode),
      language: document.language ?? 'id',
      paymentTypes: ['gopay', 'qris'],
      kioskTimeoutSeconds: 900,
      customerDisplay: { kind: 'auto' },
      keys: { sandbox: null, production: null },
      manager: { pin: null, failedAttempts: 0, lockouts: 0, lockedUntil: null },
    }),
  },
  {
    // v3 (issue 12): no manager has accepted a weak key storage yet.
    to: 3,
    up: (document) => ({ ...document, version: 3, keyStorageRisk: null }),
  },
  {
    // v4 (issue 15): no tax, no service charge, no cash rounding, no discount needing the PIN —
    // written out, so a later change of the defaults does not change what this step produces.
    to: 4,
    up: (document) => ({
      ...document,
      version: 4,
      pricing: {
        tax: { kind: 'none', ratePercent: 0, inclusive: false },
        serviceTaxed: true,
        taxRounding: 'half-up',
        fractionRounding: 'half-up',
        cashRounding: { unit: 0, mode: 'half-up' },
      },
      discountApproval: null,
    }),
  },
  {
    // Issue 17: the shop's zone and business-day cut-off. Every kiosk before this filed its days
    // in WIB with the day turning over at midnight, so that is what an upgraded one keeps.
    to: 5,
    up: (document) => ({ ...document, version: 5, shopTime: { zone: 'WIB', cutoffHour: 0 } }),
  },
  {
    // v6 (issue 16): no printer yet, receipts would print at once on paid, no address, NPWP or
    // footer; the chime at 60 %, not muted. Written out, like v4.
    to: 6,
    up: (document) => ({
      ...document,
      version: 6,
      printers: [],
      receipt: { printerId: null, autoPrint: 'always', shopAddress: '', npwp: '', footer: '' },
      sound: { volume: 60, muted: false },
    }),
  },
];

export interface Detected {
  version: number;
  document: RawDocument;
  /** Why the stored value could not be read as a document at all, when it could not. */
  damage: string | undefined;
}

function isObject(value: unknown): value is RawDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function detectVersion(raw: unknown): Detected {
  if (raw === undefined || raw === null) return { version: 0, document: {}, damage: undefined };
  if (!isObject(raw)) return { version: 0, document: {}, damage: 'it is not a JSON object' };
  const { version } = raw;
  if (version === undefined) {
    // The issue-4 file has no version field; its one key is the language.
    return { version: 'language' in raw ? 1 : 0, document: { ...raw }, damage: undefined };
  }
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    // Guessing would risk running a step twice; the repair keeps every field that still parses.
    return {
      version: CURRENT_DOCUMENT_VERSION,
      document: { ...raw, version: CURRENT_DOCUMENT_VERSION },
      damage: 'its version is not a whole number',
    };
  }
  return { version, document: { ...raw }, damage: undefined };
}

/** Runs the steps after `version`, in order. A version newer than this build is left alone. */
export function migrate(
  detected: Detected,
  context: MigrationContext,
): { document: RawDocument; ran: number[] } {
  let document = detected.document;
  const ran: number[] = [];
  for (const step of MIGRATIONS) {
    if (step.to <= detected.version) continue;
    document = step.up(document, context);
    ran.push(step.to);
  }
  return { document, ran };
}
