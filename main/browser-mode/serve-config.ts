/**
 * Browser mode's own settings, from the environment (the kiosk's are read by configFromEnv).
 * Loopback is the default; reaching the screens from another device has to be asked for twice,
 * with an address and with KIOSK_SERVE_ALLOW_LAN=1.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { ConfigError } from '../host/env-config.ts';

export const DEFAULT_SERVE_PORT = 5178;

export interface ServeConfig {
  host: string;
  port: number;
  /** True when the host is not loopback (and KIOSK_SERVE_ALLOW_LAN=1 allowed it). */
  lan: boolean;
  staticDir: string;
  merchantName: string | undefined;
  quickItemsFile: string | undefined;
  /** Reconciliation's requests per second (KIOSK_RECONCILE_RATE; absent: the reconciler's default, 2). */
  reconcileRate: number | undefined;
}

function text(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function hostFrom(env: NodeJS.ProcessEnv): { host: string; lan: boolean } {
  const raw = text(env, 'KIOSK_SERVE_HOST') ?? '127.0.0.1';
  const host = raw.startsWith('[') && raw.endsWith(']') ? raw.slice(1, -1) : raw;
  if (host === '0.0.0.0' || host === '::') {
    throw new ConfigError(
      'KIOSK_SERVE_HOST',
      `"${raw}" listens on every network; give this machine's own LAN address (e.g. 192.168.1.20) instead`,
    );
  }
  if (host !== 'localhost' && (isIP(host) === 0 || host.includes('%'))) {
    throw new ConfigError('KIOSK_SERVE_HOST', `"${raw}" is not an IP address (or localhost)`);
  }
  if (isLoopbackHost(host)) return { host, lan: false };
  if (text(env, 'KIOSK_SERVE_ALLOW_LAN') !== '1') {
    throw new ConfigError(
      'KIOSK_SERVE_HOST',
      `"${raw}" is not loopback; set KIOSK_SERVE_ALLOW_LAN=1 as well to open the screens to the network`,
    );
  }
  return { host, lan: true };
}

function portFrom(env: NodeJS.ProcessEnv): number {
  const raw = text(env, 'KIOSK_SERVE_PORT');
  if (raw === undefined) return DEFAULT_SERVE_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65_535) {
    throw new ConfigError('KIOSK_SERVE_PORT', `"${raw}" is not a port number (0–65535; 0 picks a free one)`);
  }
  return port;
}

/** The reconciler's own bounds: above 0, at most 50 per second (the CLI's --rate has the same). */
function reconcileRateFrom(env: NodeJS.ProcessEnv): number | undefined {
  const raw = text(env, 'KIOSK_RECONCILE_RATE');
  if (raw === undefined) return undefined;
  const rate = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || rate <= 0 || rate > 50) {
    throw new ConfigError(
      'KIOSK_RECONCILE_RATE',
      `"${raw}" is not a rate above 0 and at most 50 requests per second`,
    );
  }
  return rate;
}

export function serveConfigFromEnv(env: NodeJS.ProcessEnv, defaults: { staticDir: string }): ServeConfig {
  const staticDir = text(env, 'KIOSK_STATIC_DIR');
  const quickItemsFile = text(env, 'KIOSK_QUICK_ITEMS_FILE');
  return {
    ...hostFrom(env),
    port: portFrom(env),
    staticDir: staticDir === undefined ? defaults.staticDir : resolve(staticDir),
    merchantName: text(env, 'KIOSK_MERCHANT_NAME'),
    quickItemsFile: quickItemsFile === undefined ? undefined : resolve(quickItemsFile),
    reconcileRate: reconcileRateFrom(env),
  };
}
