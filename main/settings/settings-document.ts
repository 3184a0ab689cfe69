/**
 * The kiosk's stored settings document: one JSON object (electron-store in the app, a file in
 * browser mode) with a schema version. The server keys are in it only as safeStorage ciphertext
 * and the manager PIN only as a salted scrypt hash.
 */
import { z } from 'zod';
import {
  GATEWAY_ENVIRONMENTS,
  KEY_TEST_OUTCOMES,
  KIOSK_MODES,
  LANGUAGES,
  type CustomerDisplayChoice,
  type GatewayEnvironment,
  type KioskMode,
} from '../../common/contract.ts';
import { PAYMENT_TYPES, type PaymentType } from '../../common/midtrans-limits.ts';
import { DEFAULT_PRICING_SETTINGS, type PricingSettings } from '../../common/pricing/types.ts';
import { settingsProblems } from '../../common/pricing/validate.ts';
import { DEFAULT_SHOP_TIME, type ShopTime } from '../../common/shop-time.ts';
import type { DiscountApproval } from '../../common/till-contract.ts';
import {
  DEFAULT_RECEIPT_OPTIONS,
  DEFAULT_SOUND,
  type PrinterConfig,
  type ReceiptOptions,
  type SoundSettings,
} from '../../common/printing-contract.ts';
import { printersProblems, receiptOptionsProblems, soundProblems } from '../../common/printing-settings.ts';
import {
  DEFAULT_KIOSK_TIMEOUT_SECONDS,
  checkSettingsPatch,
  merchantNameProblems,
  shopTimeProblems,
} from '../../common/settings-input.ts';

export const CURRENT_DOCUMENT_VERSION = 6;

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64');
const bilingual = z.object({ id: z.string(), en: z.string() });

export const keyTestResultSchema = z.object({
  environment: z.enum(GATEWAY_ENVIRONMENTS),
  outcome: z.enum(KEY_TEST_OUTCOMES),
  stored: z.boolean(),
  at: z.number(),
  detail: bilingual,
});

/** One environment's key: ciphertext plus what is needed to explain a later decrypt failure. */
export const keySlotSchema = z.object({
  ciphertext: base64.min(4),
  /** The safeStorage backend that wrote it: a different one later explains an unreadable key. */
  backend: z.string().max(40),
  savedAt: z.number().int().nonnegative().nullable(),
  lastTest: keyTestResultSchema.nullable(),
});
export type KeySlot = z.infer<typeof keySlotSchema>;

/**
 * The manager accepted keeping the production key on a weak backend (Linux without a keyring):
 * when, and for which backend (a different one later asks again).
 */
export const keyStorageRiskSchema = z.object({
  acceptedAt: z.number().int().nonnegative(),
  backend: z.string().max(40),
});
export type KeyStorageRisk = z.infer<typeof keyStorageRiskSchema>;

export const pinRecordSchema = z.object({
  algorithm: z.literal('scrypt'),
  salt: base64,
  hash: base64,
  N: z.number().int().min(2),
  r: z.number().int().min(1),
  p: z.number().int().min(1),
  keyLength: z.number().int().min(16).max(128),
});
export type PinRecord = z.infer<typeof pinRecordSchema>;

export const managerBlockSchema = z.object({
  pin: pinRecordSchema.nullable(),
  /** Wrong PINs since the last right one or the last lockout. */
  failedAttempts: z.number().int().nonnegative(),
  /** Lockouts since the last right PIN: each one lasts twice as long as the one before. */
  lockouts: z.number().int().nonnegative(),
  lockedUntil: z.number().nullable(),
});
export type ManagerBlock = z.infer<typeof managerBlockSchema>;

// The same rules as a patch from the settings screen, so a hand-edited file cannot hold what the
// screen would have refused.
const merchantName = z.string().refine((name) => merchantNameProblems(name).length === 0, 'refused');
const paymentTypes = z
  .array(z.enum(PAYMENT_TYPES))
  .refine((types) => checkSettingsPatch({ paymentTypes: types }).length === 0, 'refused');
const kioskTimeoutSeconds = z
  .number()
  .refine((seconds) => checkSettingsPatch({ kioskTimeoutSeconds: seconds }).length === 0, 'refused');
const customerDisplay = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('auto') }),
  z.object({ kind: z.literal('window') }),
  z.object({ kind: z.literal('display'), displayId: z.number().int(), label: z.string().max(200) }),
]);

// Judged by the same checks as the settings screen's patch (common/pricing's own rules).
const pricing = z
  .custom<PricingSettings>((value) => settingsProblems(value).length === 0, 'refused')
  .transform((value) => structuredClone(value));
const discountApproval = z
  .custom<DiscountApproval>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      checkSettingsPatch({ discountApproval: value as DiscountApproval }).length === 0,
    'refused',
  )
  .nullable();

const shopTime = z
  .object({ zone: z.string(), cutoffHour: z.number() })
  .refine((value) => shopTimeProblems(value as ShopTime).length === 0, 'refused')
  .transform((value): ShopTime => ({ zone: value.zone as ShopTime['zone'], cutoffHour: value.cutoffHour }));
// The printing settings, judged by the settings screen's own checks (common/printing-settings.ts).
const printers = z
  .custom<PrinterConfig[]>((value) => Array.isArray(value) && printersProblems(value).length === 0, 'refused')
  .transform((value) => structuredClone(value));
const receipt = z
  .custom<ReceiptOptions>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      receiptOptionsProblems(value as ReceiptOptions).length === 0,
    'refused',
  )
  .transform((value) => structuredClone(value));
const sound = z
  .custom<SoundSettings>((value) => soundProblems(value as SoundSettings).length === 0, 'refused')
  .transform((value) => ({ ...value }));

/** The fields of the document other than its version, each judged on its own by the repair. */
export const documentFields = {
  mode: z.enum(KIOSK_MODES),
  merchantName,
  language: z.enum(LANGUAGES),
  paymentTypes,
  kioskTimeoutSeconds,
  customerDisplay,
  keys: z.object({ sandbox: keySlotSchema.nullable(), production: keySlotSchema.nullable() }),
  manager: managerBlockSchema,
  keyStorageRisk: keyStorageRiskSchema.nullable(),
  pricing,
  discountApproval,
  shopTime,
  printers,
  receipt,
  sound,
};

export const settingsDocumentSchema = z.object({
  version: z.literal(CURRENT_DOCUMENT_VERSION),
  ...documentFields,
});

export interface SettingsDocument {
  version: typeof CURRENT_DOCUMENT_VERSION;
  mode: KioskMode;
  merchantName: string;
  language: 'id' | 'en';
  paymentTypes: PaymentType[];
  kioskTimeoutSeconds: number;
  customerDisplay: CustomerDisplayChoice;
  keys: Record<GatewayEnvironment, KeySlot | null>;
  manager: ManagerBlock;
  keyStorageRisk: KeyStorageRisk | null;
  pricing: PricingSettings;
  discountApproval: DiscountApproval | null;
  shopTime: ShopTime;
  printers: PrinterConfig[];
  receipt: ReceiptOptions;
  sound: SoundSettings;
}

export type DocumentField = keyof typeof documentFields;

/** What the kiosk showed before settings could be edited (main/screen-api/screen-settings.ts). */
export function defaultMerchantName(mode: KioskMode): string {
  return mode === 'training' ? 'Toko Latihan' : 'Kiosk';
}

/** A first start: training mode, which needs no key and no account. */
export function defaultDocument(mode: KioskMode = 'training'): SettingsDocument {
  return {
    version: CURRENT_DOCUMENT_VERSION,
    mode,
    merchantName: defaultMerchantName(mode),
    language: 'id',
    paymentTypes: [...PAYMENT_TYPES],
    kioskTimeoutSeconds: DEFAULT_KIOSK_TIMEOUT_SECONDS,
    customerDisplay: { kind: 'auto' },
    keys: { sandbox: null, production: null },
    manager: { pin: null, failedAttempts: 0, lockouts: 0, lockedUntil: null },
    keyStorageRisk: null,
    pricing: structuredClone(DEFAULT_PRICING_SETTINGS),
    discountApproval: null,
    shopTime: { ...DEFAULT_SHOP_TIME },
    printers: [],
    receipt: { ...DEFAULT_RECEIPT_OPTIONS },
    sound: { ...DEFAULT_SOUND },
  };
}

/** A deep copy, so that no caller can change the document another caller holds. */
export function cloneDocument(document: SettingsDocument): SettingsDocument {
  return structuredClone(document);
}
