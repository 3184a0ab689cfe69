/**
 * What the shop owner may change on the settings screen, checked the same way on the screen (as
 * it is typed) and in the main process (before anything is stored). Like `sale-input.ts`, every
 * problem has a stable code, the field it concerns and plain words in both languages.
 */
import type { CustomerDisplayChoice, GatewayEnvironment, KioskMode, Language } from './terms.ts';
import { KIOSK_MODES, LANGUAGES } from './terms.ts';
import { PAYMENT_TYPES, type PaymentType } from './midtrans-limits.ts';
import type { PricingSettings } from './pricing/types.ts';
import { MAX_CUTOFF_HOUR, SHOP_ZONES, isCutoffHour, isShopZone, type ShopTime } from './shop-time.ts';
import { settingsProblems } from './pricing/validate.ts';
import type { PrinterConfig, ReceiptOptions, SoundSettings } from './printing-contract.ts';
import {
  printersProblems,
  receiptOptionsProblems,
  receiptPrinterProblems,
  soundProblems,
  type PrintingProblemCode,
} from './printing-settings.ts';
import type { DiscountApproval } from './till-contract.ts';

/** The fields a patch may carry; absent fields stay as they are. */
export interface SettingsPatch {
  mode?: KioskMode;
  merchantName?: string;
  language?: Language;
  paymentTypes?: PaymentType[];
  kioskTimeoutSeconds?: number;
  customerDisplay?: CustomerDisplayChoice;
  /** Tax, service charge and rounding (judged by the pricing's own checks). */
  pricing?: PricingSettings;
  /** null: no discount needs the manager's PIN. */
  discountApproval?: DiscountApproval | null;
  /** The shop's zone and business-day cut-off; not retroactive for days already filed. */
  shopTime?: ShopTime;
  /** The printers, when receipts print and what they say, the screens' sound (printing-settings.ts). */
  printers?: PrinterConfig[];
  receipt?: ReceiptOptions;
  sound?: SoundSettings;
}

export type SettingsField = keyof SettingsPatch | 'pin' | 'key';

export type SettingsProblemCode =
  | 'mode-unknown'
  | 'merchant-name-empty'
  | 'merchant-name-too-long'
  | 'merchant-name-characters'
  | 'language-unknown'
  | 'payment-types-empty'
  | 'payment-type-unknown'
  | 'timeout-not-whole'
  | 'timeout-out-of-range'
  | 'display-choice-invalid'
  | 'pin-format'
  | 'key-empty'
  | 'key-characters'
  | 'key-wrong-environment'
  | 'key-length'
  | 'pricing-invalid'
  | 'discount-approval-invalid'
  | 'shop-zone-unknown'
  | 'cutoff-hour-invalid'
  | PrintingProblemCode;

export interface SettingsProblem {
  code: SettingsProblemCode;
  field: SettingsField;
  message: { id: string; en: string };
}

/** Fits the customer display's header at 800×480. */
export const MERCHANT_NAME_MAX_LENGTH = 40;
/** From half a minute (a busy counter) to an hour (a customer who must top up first). */
export const KIOSK_TIMEOUT_MIN_SECONDS = 30;
export const KIOSK_TIMEOUT_MAX_SECONDS = 3600;
export const DEFAULT_KIOSK_TIMEOUT_SECONDS = 900;
/** Digits only, so a numeric keypad is enough; 4 to 8 of them. */
export const PIN_PATTERN = /^\d{4,8}$/;

/**
 * Midtrans server keys: `SB-Mid-server-…` for sandbox and `Mid-server-…` for production. A
 * client key (`…-client-…`) pasted by mistake is the commonest cause of a 401, so it is named.
 */
export const SERVER_KEY_PREFIX: Record<GatewayEnvironment, string> = {
  sandbox: 'SB-Mid-server-',
  production: 'Mid-server-',
};
const KEY_BODY = /^[A-Za-z0-9_-]+$/;
const KEY_MAX_LENGTH = 128;
const KEY_MIN_BODY = 8;

function problem(code: SettingsProblemCode, field: SettingsField, id: string, en: string): SettingsProblem {
  return { code, field, message: { id, en } };
}

// Control characters would break the display's layout and the receipt; ordinary text is fine.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function merchantNameProblems(name: string): SettingsProblem[] {
  const trimmed = name.trim();
  if (trimmed === '') {
    return [problem('merchant-name-empty', 'merchantName', 'Nama toko wajib diisi.', 'Enter the shop name.')];
  }
  if ([...trimmed].length > MERCHANT_NAME_MAX_LENGTH) {
    return [
      problem(
        'merchant-name-too-long',
        'merchantName',
        `Nama toko paling banyak ${MERCHANT_NAME_MAX_LENGTH} karakter.`,
        `The shop name can have at most ${MERCHANT_NAME_MAX_LENGTH} characters.`,
      ),
    ];
  }
  if (CONTROL.test(trimmed)) {
    return [
      problem(
        'merchant-name-characters',
        'merchantName',
        'Nama toko berisi karakter yang tidak dapat ditampilkan.',
        'The shop name contains characters that cannot be shown.',
      ),
    ];
  }
  return [];
}

function timeoutProblems(seconds: number): SettingsProblem[] {
  if (!Number.isSafeInteger(seconds)) {
    return [
      problem(
        'timeout-not-whole',
        'kioskTimeoutSeconds',
        'Batas waktu harus bilangan bulat detik.',
        'The time limit must be a whole number of seconds.',
      ),
    ];
  }
  if (seconds < KIOSK_TIMEOUT_MIN_SECONDS || seconds > KIOSK_TIMEOUT_MAX_SECONDS) {
    return [
      problem(
        'timeout-out-of-range',
        'kioskTimeoutSeconds',
        `Batas waktu harus antara ${KIOSK_TIMEOUT_MIN_SECONDS} dan ${KIOSK_TIMEOUT_MAX_SECONDS} detik.`,
        `The time limit must be between ${KIOSK_TIMEOUT_MIN_SECONDS} and ${KIOSK_TIMEOUT_MAX_SECONDS} seconds.`,
      ),
    ];
  }
  return [];
}

function paymentTypeProblems(types: readonly string[]): SettingsProblem[] {
  if (types.length === 0) {
    return [
      problem(
        'payment-types-empty',
        'paymentTypes',
        'Pilih setidaknya satu jenis pembayaran.',
        'Choose at least one payment type.',
      ),
    ];
  }
  const unknown = types.filter((t) => !(PAYMENT_TYPES as readonly string[]).includes(t));
  if (unknown.length > 0) {
    return [
      problem(
        'payment-type-unknown',
        'paymentTypes',
        `Jenis pembayaran tidak dikenal: ${unknown.join(', ')}.`,
        `Unknown payment type: ${unknown.join(', ')}.`,
      ),
    ];
  }
  return [];
}

function displayChoiceProblems(choice: CustomerDisplayChoice): SettingsProblem[] {
  const ok =
    choice.kind === 'auto' ||
    choice.kind === 'window' ||
    (choice.kind === 'display' &&
      Number.isSafeInteger(choice.displayId) &&
      typeof choice.label === 'string' &&
      choice.label.length <= 200);
  return ok
    ? []
    : [
        problem(
          'display-choice-invalid',
          'customerDisplay',
          'Pilihan layar pelanggan tidak valid.',
          'The customer display choice is not valid.',
        ),
      ];
}

/** Every refused field of a patch; an empty list means the patch may be stored. */
export function checkSettingsPatch(patch: SettingsPatch): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (patch.mode !== undefined && !(KIOSK_MODES as readonly string[]).includes(patch.mode)) {
    problems.push(problem('mode-unknown', 'mode', 'Lingkungan tidak dikenal.', 'Unknown environment.'));
  }
  if (patch.merchantName !== undefined) problems.push(...merchantNameProblems(patch.merchantName));
  if (patch.language !== undefined && !(LANGUAGES as readonly string[]).includes(patch.language)) {
    problems.push(problem('language-unknown', 'language', 'Bahasa tidak dikenal.', 'Unknown language.'));
  }
  if (patch.paymentTypes !== undefined) problems.push(...paymentTypeProblems(patch.paymentTypes));
  if (patch.kioskTimeoutSeconds !== undefined) problems.push(...timeoutProblems(patch.kioskTimeoutSeconds));
  if (patch.customerDisplay !== undefined) problems.push(...displayChoiceProblems(patch.customerDisplay));
  if (patch.pricing !== undefined) {
    // The pricing's own checks, with their words, under the settings' field name.
    for (const found of settingsProblems(patch.pricing)) {
      problems.push({ code: 'pricing-invalid', field: 'pricing', message: found.message });
    }
  }
  if (patch.discountApproval !== undefined && patch.discountApproval !== null) {
    problems.push(...approvalProblems(patch.discountApproval));
  }
  if (patch.printers !== undefined) problems.push(...printersProblems(patch.printers));
  if (patch.receipt !== undefined) problems.push(...receiptOptionsProblems(patch.receipt));
  if (patch.printers !== undefined && patch.receipt !== undefined && problems.length === 0) {
    problems.push(...receiptPrinterProblems(patch.printers, patch.receipt));
  }
  if (patch.sound !== undefined) problems.push(...soundProblems(patch.sound));
  if (patch.shopTime !== undefined) problems.push(...shopTimeProblems(patch.shopTime));
  return problems;
}

/** The zone is one of Indonesia's three; the cut-off a whole hour from midnight to MAX_CUTOFF_HOUR. */
export function shopTimeProblems(shopTime: ShopTime): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const value = (typeof shopTime === 'object' && shopTime !== null ? shopTime : {}) as Partial<ShopTime>;
  if (!isShopZone(value.zone)) {
    problems.push(
      problem(
        'shop-zone-unknown',
        'shopTime',
        `Zona waktu toko harus salah satu dari ${SHOP_ZONES.join(', ')}.`,
        `The shop's time zone must be one of ${SHOP_ZONES.join(', ')}.`,
      ),
    );
  }
  if (!isCutoffHour(value.cutoffHour)) {
    problems.push(
      problem(
        'cutoff-hour-invalid',
        'shopTime',
        `Jam pergantian hari usaha harus jam bulat dari 0 sampai ${MAX_CUTOFF_HOUR}.`,
        `The business-day cut-off must be a whole hour from 0 to ${MAX_CUTOFF_HOUR}.`,
      ),
    );
  }
  return problems;
}

/** A discount above these needs the manager's PIN: a percentage 0–100 and an amount in whole rupiah. */
function approvalProblems(approval: DiscountApproval): SettingsProblem[] {
  const { percent, amount } = approval;
  const problems: SettingsProblem[] = [];
  if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 0 || percent > 100) {
    problems.push(
      problem(
        'discount-approval-invalid',
        'discountApproval',
        'Batas diskon harus 0–100 %.',
        'The discount limit must be 0–100 %.',
      ),
    );
  }
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
    problems.push(
      problem(
        'discount-approval-invalid',
        'discountApproval',
        'Batas diskon dalam rupiah harus rupiah bulat, 0 atau lebih.',
        'The discount limit in rupiah must be whole rupiah, 0 or more.',
      ),
    );
  }
  return problems;
}

export function pinProblems(pin: string): SettingsProblem[] {
  return PIN_PATTERN.test(pin)
    ? []
    : [problem('pin-format', 'pin', 'PIN harus 4 sampai 8 angka.', 'The PIN must be 4 to 8 digits.')];
}

/** Checks a server key's form for an environment; whether Midtrans accepts it is key.test's job. */
export function serverKeyProblems(environment: GatewayEnvironment, key: string): SettingsProblem[] {
  const value = key.trim();
  if (value === '') {
    return [problem('key-empty', 'key', 'Masukkan server key Midtrans.', 'Enter the Midtrans server key.')];
  }
  if (value.length > KEY_MAX_LENGTH || !KEY_BODY.test(value)) {
    return [
      problem(
        'key-characters',
        'key',
        'Server key hanya berisi huruf, angka, tanda minus dan garis bawah. Salin ulang dari dashboard Midtrans.',
        'A server key has only letters, digits, dashes and underscores. Copy it again from the Midtrans dashboard.',
      ),
    ];
  }
  const prefix = SERVER_KEY_PREFIX[environment];
  if (!value.startsWith(prefix)) {
    const other: GatewayEnvironment = environment === 'sandbox' ? 'production' : 'sandbox';
    const isClientKey = /-client-/i.test(value);
    const isOther = value.startsWith(SERVER_KEY_PREFIX[other]);
    const why = isClientKey
      ? {
          id: 'Ini client key, bukan server key.',
          en: 'This is a client key, not the server key.',
        }
      : isOther
        ? {
            id: `Ini server key ${other}, bukan ${environment}.`,
            en: `This is the ${other} server key, not the ${environment} one.`,
          }
        : { id: 'Awalannya salah.', en: 'It starts wrongly.' };
    return [
      problem(
        'key-wrong-environment',
        'key',
        `${why.id} Server key ${environment} diawali "${prefix}".`,
        `${why.en} A ${environment} server key starts with "${prefix}".`,
      ),
    ];
  }
  if (value.length - prefix.length < KEY_MIN_BODY) {
    return [
      problem(
        'key-length',
        'key',
        'Server key ini terlalu pendek. Salin seluruhnya dari dashboard Midtrans.',
        'This server key is too short. Copy all of it from the Midtrans dashboard.',
      ),
    ];
  }
  return [];
}
