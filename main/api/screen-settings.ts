/**
 * The settings the screens may see, for browser mode. The Electron shell will keep the same
 * settings in electron-store behind this interface. Only the language is the cashier's to change
 * here; the rest comes from the kiosk's configuration.
 */
import { z } from 'zod';
import { LANGUAGES, type KioskMode, type Language, type PublicSettings } from '../../common/contract.ts';
import type { PaymentType } from '../../common/midtrans-limits.ts';
import { readJson, writeJsonAtomic } from './json-file.ts';
import { loadQuickItems } from './quick-items.ts';

export interface ScreenSettingsSource {
  get(): PublicSettings;
  setLanguage(language: Language): PublicSettings;
}

export interface ScreenSettingsOptions {
  /** The JSON file the language is kept in. */
  file: string;
  mode: KioskMode;
  paymentTypes: PaymentType[];
  kioskTimeoutSeconds: number;
  merchantName?: string;
  /** A JSON array of {id, name, price}; a file that is there but wrong stops the start. */
  quickItemsFile?: string;
}

const DEFAULT_LANGUAGE: Language = 'id';
const stored = z.object({ language: z.enum(LANGUAGES) });

function defaultMerchantName(mode: KioskMode): string {
  return mode === 'training' ? 'Toko Latihan' : 'Kiosk';
}

/** A damaged file must not keep the till from starting: the cashier can pick the language again. */
function readLanguage(file: string): Language {
  let problem: string;
  try {
    const raw = readJson(file);
    if (raw === undefined) return DEFAULT_LANGUAGE;
    const parsed = stored.safeParse(raw);
    if (parsed.success) return parsed.data.language;
    problem = 'it does not hold a known language';
  } catch (error) {
    problem = (error as Error).message;
  }
  console.error(`Screen settings ${file} could not be read (${problem}); starting from the defaults.`);
  try {
    writeJsonAtomic(file, { language: DEFAULT_LANGUAGE });
  } catch (error) {
    console.error(`Screen settings ${file} could not be replaced: ${(error as Error).message}`);
  }
  return DEFAULT_LANGUAGE;
}

export function openScreenSettings(options: ScreenSettingsOptions): ScreenSettingsSource {
  const quickItems = loadQuickItems(options.mode, options.quickItemsFile);
  const merchantName = options.merchantName?.trim() || defaultMerchantName(options.mode);
  let language = readLanguage(options.file);

  // Copies every time, so no caller can change what the next caller sees.
  const get = (): PublicSettings => ({
    mode: options.mode,
    merchantName,
    language,
    paymentTypes: [...options.paymentTypes],
    kioskTimeoutSeconds: options.kioskTimeoutSeconds,
    quickItems: quickItems.map((item) => ({ ...item })),
  });

  return {
    get,
    setLanguage(next) {
      // On disk first: a language the screens were told about must survive a restart.
      writeJsonAtomic(options.file, { language: next });
      language = next;
      return get();
    },
  };
}
