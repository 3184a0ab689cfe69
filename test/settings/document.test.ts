import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PRICING_SETTINGS } from '../../common/pricing/types.ts';
import { DEFAULT_RECEIPT_OPTIONS, DEFAULT_SOUND } from '../../common/printing-contract.ts';
import { jsonFileDocumentStore } from '../../main/settings/json-file-store.ts';
import { MIGRATIONS, detectVersion } from '../../main/settings/migrations.ts';
import { CURRENT_DOCUMENT_VERSION, settingsDocumentSchema } from '../../main/settings/settings-document.ts';
import { MemoryStore, SANDBOX_KEY, expectRefused, open, openUnlocked, PIN } from './helpers.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-settings-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('are numbered 1, 2, … with no gap, ending at the current version', () => {
    expect(MIGRATIONS.map((step) => step.to)).toEqual(
      Array.from({ length: CURRENT_DOCUMENT_VERSION }, (_, i) => i + 1),
    );
    expect(MIGRATIONS.at(-1)?.to).toBe(CURRENT_DOCUMENT_VERSION);
  });

  it('tell v0 (nothing), v1 (issue 4: {language}) and versioned documents apart', () => {
    expect(detectVersion(undefined).version).toBe(0);
    expect(detectVersion({}).version).toBe(0);
    expect(detectVersion({ language: 'en' }).version).toBe(1);
    expect(detectVersion({ version: 2, mode: 'training' }).version).toBe(2);
    expect(detectVersion([1, 2]).damage).toMatch(/not a JSON object/);
  });

  it('v0: a first start is training mode with the documented defaults, stored at once', async () => {
    const { service, store, logs } = await open();
    expect(service.current()).toEqual({
      mode: 'training',
      merchantName: 'Toko Latihan',
      language: 'id',
      paymentTypes: ['gopay', 'qris'],
      kioskTimeoutSeconds: 900,
      customerDisplay: { kind: 'auto' },
      pricing: DEFAULT_PRICING_SETTINGS,
      discountApproval: null,
      shopTime: { zone: 'WIB', cutoffHour: 0 },
      printers: [],
      receipt: DEFAULT_RECEIPT_OPTIONS,
      sound: DEFAULT_SOUND,
    });
    expect(store.writes).toBe(1);
    expect(settingsDocumentSchema.parse(store.document).version).toBe(CURRENT_DOCUMENT_VERSION);
    expect(logs).toEqual([]);
    expect(service.screen.get().pricing.tax.kind).toBe('none');
  });

  it('v1: keeps the language of the issue-4 file and fills in the rest', async () => {
    const store = new MemoryStore({ language: 'en' });
    const { service, logs } = await open({ store });
    expect(service.current()).toMatchObject({
      mode: 'training',
      language: 'en',
      merchantName: 'Toko Latihan',
    });
    expect(store.document).toMatchObject({
      version: CURRENT_DOCUMENT_VERSION,
      language: 'en',
      keys: { sandbox: null, production: null },
    });
    expect(logs.join('\n')).toMatch(
      new RegExp(`migrated the stored settings from version 1 to ${CURRENT_DOCUMENT_VERSION}`),
    );
  });

  it('v2: an intact document is read as it is and not rewritten', async () => {
    const first = await open();
    await first.service.screen.setLanguage('en');
    const text = first.store.text;
    const writes = first.store.writes;
    const again = await open({ store: first.store });
    expect(again.service.current().language).toBe('en');
    expect(first.store.writes).toBe(writes);
    expect(first.store.text).toBe(text);
    expect(again.logs).toEqual([]);
  });

  it('v3: a shop keeps every field and starts with no tax, no service, no rounding, no approval', async () => {
    const first = await open();
    await first.service.screen.setLanguage('en');
    const v3 = { ...first.store.document, version: 3 } as Record<string, unknown>;
    delete v3.pricing;
    delete v3.discountApproval;
    const store = new MemoryStore(v3);
    const { service, logs } = await open({ store });
    expect(service.current()).toMatchObject({
      language: 'en',
      pricing: DEFAULT_PRICING_SETTINGS,
      discountApproval: null,
    });
    expect(store.document.version).toBe(CURRENT_DOCUMENT_VERSION);
    expect(logs.join('\n')).toMatch(new RegExp(`from version 3 to ${CURRENT_DOCUMENT_VERSION}`));
  });

  it('the step that adds the shop time keeps an upgraded kiosk on WIB with the day turning at midnight', async () => {
    // Found by what it does, not by its number: the lead renumbers steps when branches merge.
    const step = MIGRATIONS.find((m) => 'shopTime' in m.up({}, { initialMode: 'training' }));
    expect(step).toBeDefined();
    const before = (step?.to ?? 0) - 1;
    const first = await open();
    await first.service.screen.setLanguage('en');
    const old = { ...first.store.document, version: before } as Record<string, unknown>;
    delete old.shopTime;
    const store = new MemoryStore(old);
    const { service, logs } = await open({ store });
    expect(service.current()).toMatchObject({ language: 'en', shopTime: { zone: 'WIB', cutoffHour: 0 } });
    expect(service.screen.get().shopTime).toEqual({ zone: 'WIB', cutoffHour: 0 });
    expect(store.document.version).toBe(CURRENT_DOCUMENT_VERSION);
    expect(logs.join('\n')).toMatch(new RegExp(`from version ${before} to ${CURRENT_DOCUMENT_VERSION}`));
  });

  it('a damaged shop time is repaired to WIB at midnight, the other fields kept', async () => {
    const first = await open();
    await first.service.screen.setLanguage('en');
    const damaged = { ...first.store.document, shopTime: { zone: 'CET', cutoffHour: 9 } };
    const { service, logs } = await open({ store: new MemoryStore(damaged) });
    expect(service.current()).toMatchObject({ language: 'en', shopTime: { zone: 'WIB', cutoffHour: 0 } });
    expect(logs.join('\n')).toMatch(/shopTime/);
  });

  it('imports the legacy screen-settings.json language once, when nothing is stored yet', async () => {
    const legacy = join(dir, 'screen-settings.json');
    writeFileSync(legacy, JSON.stringify({ language: 'en' }));
    const store = new MemoryStore();
    const first = await open({ store, legacyScreenSettingsFile: legacy });
    expect(first.service.current().language).toBe('en');
    expect(first.logs.join('\n')).toMatch(/imported the screen language/);
    await first.service.screen.setLanguage('id');
    // Once: the stored document wins from now on.
    const second = await open({ store, legacyScreenSettingsFile: legacy });
    expect(second.service.current().language).toBe('id');
  });
});

describe('a damaged document', () => {
  it('keeps every field that parses, defaults the rest, logs their names once and writes the repair back', async () => {
    const { store, safe } = await openUnlocked();
    const { service: before } = await open({ store, safe });
    await before.manager['manager.unlock']({ pin: PIN });
    await before.manager['key.set']({ environment: 'sandbox', key: SANDBOX_KEY });
    await before.manager['settings.update']({ patch: { merchantName: 'Warung Sri', mode: 'sandbox' } });

    const damaged = store.document;
    damaged.kioskTimeoutSeconds = 'soon';
    damaged.paymentTypes = ['ovo'];
    (damaged.keys as { sandbox: Record<string, unknown> }).sandbox.lastTest = { outcome: 42 };
    store.text = JSON.stringify(damaged);

    const { service, logs } = await open({ store, safe });
    expect(service.current()).toMatchObject({
      mode: 'sandbox',
      merchantName: 'Warung Sri',
      kioskTimeoutSeconds: 900,
      paymentTypes: ['gopay', 'qris'],
    });
    expect(await service.serverKey('sandbox')).toBe(SANDBOX_KEY);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/kioskTimeoutSeconds/);
    expect(logs[0]).toMatch(/paymentTypes/);
    expect(logs[0]).toMatch(/keys\.sandbox\.lastTest/);
    expect(logs[0]).not.toMatch(/soon|ovo/);
    expect(settingsDocumentSchema.safeParse(store.document).success).toBe(true);
    // And the PIN still works.
    await service.manager['manager.unlock']({ pin: PIN });
  });

  it('a damaged key slot is named by its path, never its value', async () => {
    const { store, safe } = await openUnlocked();
    const document = store.document;
    (document.keys as Record<string, unknown>).production = { ciphertext: '!!not base64!!', backend: 3 };
    store.text = JSON.stringify(document);
    const { logs } = await open({ store, safe });
    expect(logs.join('\n')).toMatch(/keys\.production/);
    expect(logs.join('\n')).not.toMatch(/not base64/);
  });

  it('a document that is not an object starts from defaults and is replaced', async () => {
    const store = new MemoryStore(['garbage']);
    const { service, logs } = await open({ store });
    expect(service.current().mode).toBe('training');
    expect(logs.join('\n')).toMatch(/damaged \(it is not a JSON object\)/);
    expect(store.document.version).toBe(CURRENT_DOCUMENT_VERSION);
  });

  it('a store that cannot be read does not stop the kiosk', async () => {
    const store = new MemoryStore();
    store.read = () => {
      throw new Error('EACCES');
    };
    const { service, logs } = await open({ store });
    expect(service.current().mode).toBe('training');
    expect(logs.join('\n')).toMatch(/could not be read/);
  });
});

describe('a document from a newer kiosk', () => {
  const NEWER = CURRENT_DOCUMENT_VERSION + 1;
  async function newer() {
    const { store, safe } = await openUnlocked();
    const { service: first } = await open({ store, safe });
    await first.manager['manager.unlock']({ pin: PIN });
    await first.manager['key.set']({ environment: 'sandbox', key: SANDBOX_KEY });
    const document = { ...store.document, version: NEWER, merchantName: 'Toko Baru', futureField: { x: 1 } };
    store.text = JSON.stringify(document);
    const text = store.text;
    return { text, ...(await open({ store, safe })) };
  }

  it('is read (what this build understands) and never overwritten', async () => {
    const { service, store, text, logs } = await newer();
    expect(service.current().merchantName).toBe('Toko Baru');
    expect(await service.serverKey('sandbox')).toBe(SANDBOX_KEY);
    expect(logs.join('\n')).toMatch(new RegExp(`document version ${NEWER}, newer than this kiosk knows`));
    expect(store.text).toBe(text);
  });

  it('refuses changes with a clear error and writes nothing', async () => {
    const { service, store, text } = await newer();
    await service.manager['manager.unlock']({ pin: PIN });
    const refused = await expectRefused(
      async () => service.manager['settings.update']({ patch: { merchantName: 'Lain' } }),
      'internal',
    );
    expect(refused.error.message.en).toMatch(
      new RegExp(`newer kiosk version \\(document version ${NEWER}\\).*Update the kiosk app`),
    );
    await expectRefused(async () => service.screen.setLanguage('en'), 'internal');
    await expectRefused(
      async () => service.manager['key.set']({ environment: 'production', key: 'Mid-server-abcdefghijk' }),
      'internal',
    );
    await expectRefused(async () => service.manager['manager.changePin']({ pin: '9999' }), 'internal');
    expect(store.text).toBe(text);
    expect(service.current().language).toBe('id');
  });

  it('still counts wrong PINs (in memory) without writing', async () => {
    const { service, store, text } = await newer();
    for (let i = 0; i < 4; i += 1) {
      await expectRefused(async () => service.manager['manager.unlock']({ pin: '0000' }), 'pin-wrong');
    }
    await expectRefused(async () => service.manager['manager.unlock']({ pin: '0000' }), 'pin-locked-out');
    await expectRefused(async () => service.manager['manager.unlock']({ pin: PIN }), 'pin-locked-out');
    expect(store.text).toBe(text);
  });
});

describe('jsonFileDocumentStore (browser mode)', () => {
  it('round-trips the document through an owner-only file', async () => {
    const file = join(dir, 'nested', 'settings.json');
    const store = jsonFileDocumentStore(file);
    expect(store.read()).toBeUndefined();
    const logs: string[] = [];
    const first = await open({ store: store as never, log: (line) => logs.push(line) });
    await first.service.screen.setLanguage('en');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      version: CURRENT_DOCUMENT_VERSION,
      language: 'en',
    });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = await open({ store: jsonFileDocumentStore(file) as never });
    expect(second.service.current().language).toBe('en');
  });

  it('a file that is not JSON is kept aside, logged without its text, and replaced by defaults', async () => {
    const file = join(dir, 'settings.json');
    writeFileSync(file, '{"language": "en", "keys": {"sandbox": SECRETISH');
    const lines: string[] = [];
    const store = jsonFileDocumentStore(file, { log: (line) => lines.push(line) });
    const { service } = await open({ store: store as never });
    expect(service.current().mode).toBe('training');
    expect(lines.join('\n')).toMatch(/is not valid JSON; a copy is kept/);
    expect(lines.join('\n')).not.toMatch(/SECRETISH/);
    expect(existsSync(`${file}.damaged`)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: CURRENT_DOCUMENT_VERSION });
  });
});
