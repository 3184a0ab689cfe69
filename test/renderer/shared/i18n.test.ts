import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GATEWAY_ENVIRONMENTS, KEY_TEST_OUTCOMES, KIOSK_MODES, LANGUAGES } from '../../../common/contract.ts';
import { END_REASONS, ORDER_STATES, type GatewayHealth } from '../../../common/order.ts';
import { HISTORY_STATES, HISTORY_TENDERS, TIMELINE_KINDS } from '../../../common/history-contract.ts';
import { REFUND_ORIGINS, REFUND_STATES, REFUND_TENDERS } from '../../../common/refund-contract.ts';
import { SHOP_ZONES } from '../../../common/shop-time.ts';
import { formatRupiah } from '../../../renderer/shared/format.ts';
import * as en from '../../../renderer/shared/i18n/en.ts';
import * as id from '../../../renderer/shared/i18n/id.ts';
import { createI18n } from '../../../renderer/shared/i18n/index.ts';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const idLeaves = leaves(id as unknown as Tree);
const enLeaves = leaves(en as unknown as Tree);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('i18n resources', () => {
  it('has the same keys in Bahasa Indonesia and English', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...idLeaves.keys()].sort());
    expect(idLeaves.size).toBeGreaterThan(50);
  });

  it('has no empty or untrimmed strings', () => {
    for (const [key, value] of [...idLeaves, ...enLeaves]) {
      expect(value.trim(), key).not.toBe('');
      expect(value, key).toBe(value.trim());
    }
  });

  it('uses the same interpolation variables in both languages', () => {
    const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of idLeaves)
      expect(variables(enLeaves.get(key) ?? ''), key).toEqual(variables(value));
  });

  it('has every key the screens ask for, including the ones built from states and codes', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(import.meta.dirname, '../../../renderer'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\b(?:t|bilingual)\(\s*'([a-zA-Z]+\.[\w.-]+)'/g))
        used.add(match[1] ?? '');
      for (const match of text.matchAll(/'(display\.(?:paid|expired|cancelled|failed))'/g))
        used.add(match[1] ?? '');
      // The settings screen picks some keys in conditions (`t(step ? 'a' : 'b')`); its components
      // name no commands, so every 'settings.…' literal there is a key.
      if (file.endsWith('.tsx')) {
        for (const match of text.matchAll(/'(settings\.[\w.-]+)'/g)) used.add(match[1] ?? '');
      }
      // The screens also name keys in tables and in the problems their pure checks return
      // (`key: 'cashier.tender.tooLarge'`): every 'cashier.…' and 'display.…' literal is a key.
      for (const match of text.matchAll(/'((?:cashier|display)\.[\w-]+(?:\.[\w-]+)+)'/g))
        used.add(match[1] ?? '');
    }
    const health: GatewayHealth[] = [
      'unknown',
      'ok',
      'unreachable',
      'unauthorized',
      'rate-limited',
      'untrusted',
    ];
    for (const mode of KIOSK_MODES) used.add(`cashier.mode.${mode}`);
    for (const value of health) used.add(`cashier.health.${value}`);
    for (const state of ORDER_STATES) used.add(`cashier.order.state.${state}`);
    for (const reason of END_REASONS) used.add(`cashier.order.reason.${reason}`);
    for (const language of LANGUAGES) used.add(`cashier.language.${language}`);
    for (const mode of KIOSK_MODES) {
      used.add(`settings.environment.${mode}`);
      used.add(`settings.environment.${mode}Hint`);
    }
    for (const environment of GATEWAY_ENVIRONMENTS) used.add(`settings.keys.${environment}`);
    for (const outcome of KEY_TEST_OUTCOMES) used.add(`settings.keys.outcome.${outcome}`);
    for (const state of HISTORY_STATES) used.add(`history.states.${state}`);
    for (const tender of [...HISTORY_TENDERS, 'none']) used.add(`history.tenders.${tender}`);
    for (const kind of TIMELINE_KINDS) used.add(`history.timeline.kinds.${kind}`);
    for (const reason of ['abandoned', 'cash-returned']) used.add(`history.detail.voidReason.${reason}`);
    for (const zone of SHOP_ZONES) used.add(`shopTime.zones.${zone}`);
    for (const state of REFUND_STATES) used.add(`refunds.state.${state}`);
    for (const origin of REFUND_ORIGINS) used.add(`refunds.origin.${origin}`);
    for (const tender of REFUND_TENDERS) used.add(`refunds.tender.${tender}`);
    expect(used.size).toBeGreaterThan(120);
    const missing = [...used].filter((key) => !idLeaves.has(key));
    expect(missing).toEqual([]);
  });

  it('translates in both languages, defaults to Bahasa Indonesia, and does not HTML-escape values', () => {
    const i18n = createI18n({ id: { cashier: id.cashier }, en: { cashier: en.cashier } });
    expect(i18n.language).toBe('id');
    const amount = formatRupiah(44_000);
    expect(i18n.t('cashier.charge.button', { amount })).toBe('Tagih Rp\u00a044.000');
    expect(i18n.getFixedT('en')('cashier.charge.button', { amount })).toBe('Charge Rp\u00a044.000');
    expect(i18n.t('cashier.cart.inc', { name: 'Teh & Kopi' })).toBe('Tambah satu Teh & Kopi');
  });
});
