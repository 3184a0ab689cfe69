// Where the shell finds the shop's quick items: the variable browser mode reads, resolved alike.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quickItemsFileFrom } from '../../main/shell/paths.ts';
import { serveConfigFromEnv } from '../../main/browser-mode/serve-config.ts';

describe('quickItemsFileFrom', () => {
  it('reads KIOSK_QUICK_ITEMS_FILE as browser mode does (resolved from the working folder)', () => {
    for (const value of ['items.json', '/srv/toko/items.json', ' ./a/../items.json ']) {
      const env = { KIOSK_QUICK_ITEMS_FILE: value };
      expect(quickItemsFileFrom(env)).toBe(resolve(value.trim()));
      expect(quickItemsFileFrom(env)).toBe(serveConfigFromEnv(env, { staticDir: '/x' }).quickItemsFile);
    }
  });

  it('is undefined when unset or blank: training staples, no buttons elsewhere', () => {
    expect(quickItemsFileFrom({})).toBeUndefined();
    expect(quickItemsFileFrom({ KIOSK_QUICK_ITEMS_FILE: '  ' })).toBeUndefined();
  });
});
