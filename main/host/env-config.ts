/**
 * Headless configuration from the environment, for the `kiosk` CLI and browser mode. The
 * Electron app reads the same settings from its settings store instead (main/settings/).
 * Every problem names the variable and says what would be accepted.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KIOSK_MODES, type KioskMode } from '../../common/contract.ts';
import { PAYMENT_TYPES, type PaymentType } from '../../common/midtrans-limits.ts';
import type { ShopTime } from '../../common/shop-time.ts';
import { gatewayBaseUrl } from '../midtrans/hosts.ts';

export { KIOSK_MODES, type KioskMode };

/** Matches Electron's app.getPath('userData') for this app, so the CLI reads the app's journal. */
const APP_FOLDER = 'gopay-qris-kiosk';

export interface KioskConfig {
  mode: KioskMode;
  /** Absent in training mode: the built-in emulator has its own key. */
  serverKey: string | undefined;
  /** A custom gateway base URL (another emulator, a test server); absent = Midtrans' own host. */
  apiUrl: string | undefined;
  dataDir: string;
  kioskTimeoutMs: number | undefined;
  paymentTypes: PaymentType[] | undefined;
  /**
   * The shop's zone and business-day cut-off (the stored settings'; the CLI reads them from the
   * data folder's settings document). Absent: WIB, midnight.
   */
  shopTime?: ShopTime | undefined;
}

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

export function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_FOLDER);
}

function text(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): KioskConfig {
  const modeText = text(env, 'KIOSK_MODE') ?? 'training';
  if (!(KIOSK_MODES as readonly string[]).includes(modeText)) {
    throw new ConfigError('KIOSK_MODE', `"${modeText}" is not one of ${KIOSK_MODES.join(', ')}`);
  }
  const mode = modeText as KioskMode;
  const serverKey = text(env, 'MIDTRANS_SERVER_KEY');
  const apiUrl = text(env, 'MIDTRANS_API_URL');
  if (mode === 'training') {
    if (apiUrl !== undefined) {
      throw new ConfigError(
        'MIDTRANS_API_URL',
        'training mode uses its built-in emulator; unset it or pick sandbox',
      );
    }
  } else if (serverKey === undefined) {
    throw new ConfigError(
      'MIDTRANS_SERVER_KEY',
      `${mode} mode needs the Midtrans server key of that environment`,
    );
  }
  if (apiUrl !== undefined && mode !== 'training') {
    // The same rule the client applies, refused here with the variable's name: production has no
    // override, sandbox accepts its own host or loopback (an emulator, a test server).
    try {
      gatewayBaseUrl(mode, apiUrl);
    } catch (error) {
      throw new ConfigError('MIDTRANS_API_URL', error instanceof Error ? error.message : String(error));
    }
  }
  const timeoutText = text(env, 'KIOSK_TIMEOUT_SECONDS');
  let kioskTimeoutMs: number | undefined;
  if (timeoutText !== undefined) {
    const seconds = Number(timeoutText);
    if (!/^\d+$/.test(timeoutText) || seconds < 1 || seconds > 7 * 24 * 3600) {
      throw new ConfigError(
        'KIOSK_TIMEOUT_SECONDS',
        `"${timeoutText}" is not a whole number of seconds (1–604800)`,
      );
    }
    kioskTimeoutMs = seconds * 1000;
  }
  const typesText = text(env, 'KIOSK_PAYMENT_TYPES');
  let paymentTypes: PaymentType[] | undefined;
  if (typesText !== undefined) {
    const list = typesText.split(',').map((t) => t.trim());
    const unknown = list.filter((t) => !(PAYMENT_TYPES as readonly string[]).includes(t));
    if (unknown.length > 0 || list.length === 0) {
      throw new ConfigError(
        'KIOSK_PAYMENT_TYPES',
        `use a comma-separated list of ${PAYMENT_TYPES.join(', ')}`,
      );
    }
    paymentTypes = [...new Set(list)] as PaymentType[];
  }
  return {
    mode,
    serverKey,
    apiUrl,
    dataDir: text(env, 'KIOSK_DATA_DIR') ?? defaultDataDir(env),
    kioskTimeoutMs,
    paymentTypes,
  };
}

/** The journal's name for the gateway an order lives at; orders never cross environments. */
export function environmentId(config: Pick<KioskConfig, 'mode' | 'apiUrl'>): string {
  if (config.apiUrl !== undefined) return `custom:${new URL(config.apiUrl).origin}`;
  return config.mode;
}
