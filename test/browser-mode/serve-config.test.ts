import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../main/host/env-config.ts';
import { DEFAULT_SERVE_PORT, serveConfigFromEnv } from '../../main/browser-mode/serve-config.ts';

const defaults = { staticDir: '/built/renderer' };

function refusal(env: NodeJS.ProcessEnv): ConfigError {
  try {
    serveConfigFromEnv(env, defaults);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('browser mode configuration', () => {
  it('defaults to loopback on the default port and the repository build', () => {
    expect(serveConfigFromEnv({}, defaults)).toEqual({
      host: '127.0.0.1',
      port: DEFAULT_SERVE_PORT,
      lan: false,
      staticDir: '/built/renderer',
      merchantName: undefined,
      quickItemsFile: undefined,
      reconcileRate: undefined,
    });
    expect(DEFAULT_SERVE_PORT).toBe(5178);
  });

  it("reads the reconciliation rate within the reconciler's bounds (above 0, at most 50)", () => {
    expect(serveConfigFromEnv({ KIOSK_RECONCILE_RATE: '50' }, defaults).reconcileRate).toBe(50);
    expect(serveConfigFromEnv({ KIOSK_RECONCILE_RATE: '0.5' }, defaults).reconcileRate).toBe(0.5);
    for (const raw of ['0', '51', 'fast', '-2', '1e3']) {
      expect(refusal({ KIOSK_RECONCILE_RATE: raw }).message).toContain('KIOSK_RECONCILE_RATE');
    }
  });

  it('reads the port, the merchant name, the quick items file and the build folder', () => {
    const config = serveConfigFromEnv(
      {
        KIOSK_SERVE_PORT: '0',
        KIOSK_MERCHANT_NAME: '  Warung Bu Sri ',
        KIOSK_QUICK_ITEMS_FILE: 'items.json',
        KIOSK_STATIC_DIR: 'build',
      },
      defaults,
    );
    expect(config.port).toBe(0);
    expect(config.merchantName).toBe('Warung Bu Sri');
    expect(config.quickItemsFile).toBe(path.resolve('items.json'));
    expect(config.staticDir).toBe(path.resolve('build'));
  });

  it('accepts every loopback spelling without KIOSK_SERVE_ALLOW_LAN', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost']) {
      const config = serveConfigFromEnv({ KIOSK_SERVE_HOST: host }, defaults);
      expect(config.lan, host).toBe(false);
      expect(config.host, host).toBe(host === '[::1]' ? '::1' : host);
    }
  });

  it('opens a LAN address only with KIOSK_SERVE_ALLOW_LAN=1', () => {
    expect(refusal({ KIOSK_SERVE_HOST: '192.168.1.20' }).variable).toBe('KIOSK_SERVE_HOST');
    expect(refusal({ KIOSK_SERVE_HOST: '192.168.1.20', KIOSK_SERVE_ALLOW_LAN: 'yes' }).message).toContain(
      'KIOSK_SERVE_ALLOW_LAN=1',
    );
    const config = serveConfigFromEnv(
      { KIOSK_SERVE_HOST: '192.168.1.20', KIOSK_SERVE_ALLOW_LAN: '1' },
      defaults,
    );
    expect(config).toMatchObject({ host: '192.168.1.20', lan: true });
    expect(
      serveConfigFromEnv({ KIOSK_SERVE_HOST: 'fd00::5', KIOSK_SERVE_ALLOW_LAN: '1' }, defaults),
    ).toMatchObject({ host: 'fd00::5', lan: true });
  });

  it('refuses wildcard addresses, host names and zone ids even with KIOSK_SERVE_ALLOW_LAN', () => {
    for (const host of ['0.0.0.0', '::', '[::]', 'kiosk.local', 'evil.example', 'fe80::1%eth0', '1.2.3']) {
      const error = refusal({ KIOSK_SERVE_HOST: host, KIOSK_SERVE_ALLOW_LAN: '1' });
      expect(error.variable, host).toBe('KIOSK_SERVE_HOST');
    }
  });

  it('refuses ports that are not 0–65535', () => {
    for (const port of ['-1', '65536', 'abc', '80.5', '0x50', '1e3']) {
      expect(refusal({ KIOSK_SERVE_PORT: port }).variable, port).toBe('KIOSK_SERVE_PORT');
    }
    expect(serveConfigFromEnv({ KIOSK_SERVE_PORT: '65535' }, defaults).port).toBe(65535);
  });
});
