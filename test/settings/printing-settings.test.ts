/**
 * The printing settings: the checks the screen and main share (each with its words in both
 * languages, naming the printer), how a saved change is stored, the v4 → v5 step, and a damaged
 * printing field repaired alone.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RECEIPT_OPTIONS,
  DEFAULT_SOUND,
  type PrinterConfig,
} from '../../common/printing-contract.ts';
import { npwpProblems, parseNetworkAddress } from '../../common/printing-settings.ts';
import { checkSettingsPatch, type SettingsPatch } from '../../common/settings-input.ts';
import { CURRENT_DOCUMENT_VERSION } from '../../main/settings/settings-document.ts';
import { expectRefused, MemoryStore, open, openUnlocked } from './helpers.ts';

const TILL: PrinterConfig = {
  id: 'kasir',
  name: 'Kasir',
  kind: 'tcp',
  address: '192.168.1.50:9100',
  width: 58,
  drawer: true,
};

function codes(patch: SettingsPatch): string[] {
  return checkSettingsPatch(patch).map((p) => p.code);
}

function words(patch: SettingsPatch): { id: string; en: string }[] {
  return checkSettingsPatch(patch).map((p) => p.message);
}

describe('the printing checks', () => {
  it('accept each kind of printer with its own address', () => {
    expect(
      codes({
        printers: [
          TILL,
          { id: 'dapur', name: 'Dapur', kind: 'device', address: '/dev/usb/lp0', width: 80, drawer: false },
          { id: 'win', name: 'Windows', kind: 'os', address: 'POS-80C', width: 80, drawer: false },
          { id: 'web', name: 'Browser', kind: 'browser', address: '', width: 58, drawer: false },
        ],
      }),
    ).toEqual([]);
  });

  it('refuse a bad address, naming the printer and what to write, in both languages', () => {
    const bad = words({ printers: [{ ...TILL, address: 'printer at the back' }] });
    expect(bad).toEqual([
      {
        id: expect.stringMatching(/^"Kasir": tulis alamat jaringannya sebagai HOST atau HOST:PORT/),
        en: expect.stringMatching(/^"Kasir": write its network address as HOST or HOST:PORT/),
      },
    ]);
    expect(codes({ printers: [{ ...TILL, address: '192.168.1.50:70000' }] })).toEqual(['printer-address']);
    expect(codes({ printers: [{ ...TILL, kind: 'device', address: 'lp0' }] })).toEqual(['printer-address']);
    expect(codes({ printers: [{ ...TILL, kind: 'browser', address: 'x', drawer: false }] })).toEqual([
      'printer-address',
    ]);
    expect(codes({ printers: [{ ...TILL, address: 'tcp://[fe80::1]:9100' }] })).toEqual([]);
  });

  it('refuse a drawer on a printer that cannot open one, a missing name, a wrong width, duplicates, too many', () => {
    const osWithDrawer = words({ printers: [{ ...TILL, kind: 'os', address: '' }] });
    expect(osWithDrawer[0]?.en).toContain('a cash drawer opens only through a network or USB/serial printer');
    expect(osWithDrawer[0]?.id).toContain('laci uang hanya dapat dibuka');
    expect(codes({ printers: [{ ...TILL, name: '  ' }] })).toEqual(['printer-name']);
    expect(codes({ printers: [{ ...TILL, width: 76 as 58 }] })).toEqual(['printer-width']);
    expect(codes({ printers: [TILL, { ...TILL, name: 'Lagi' }] })).toEqual(['printer-id']);
    expect(
      codes({ printers: [TILL, TILL, TILL, TILL, TILL].map((p, i) => ({ ...p, id: `p${i}` })) }),
    ).toEqual(['printers-too-many']);
  });

  it('check the receipt options: the printer chosen, the NPWP, the footer and address lengths', () => {
    const receipt = { ...DEFAULT_RECEIPT_OPTIONS, printerId: 'kasir' };
    expect(codes({ printers: [TILL], receipt })).toEqual([]);
    expect(codes({ printers: [], receipt })).toEqual(['receipt-printer-unknown']);
    expect(codes({ receipt: { ...receipt, npwp: '12.345' } })).toEqual(['receipt-npwp']);
    expect(npwpProblems('01.234.567.8-901.000')).toEqual([]);
    expect(npwpProblems('3201 2345 6789 0001')).toEqual([]);
    expect(codes({ receipt: { ...receipt, footer: 'x'.repeat(301) } })).toEqual(['receipt-text']);
    expect(codes({ receipt: { ...receipt, footer: 'a\nb\nc\nd\ne\nf\ng' } })).toEqual(['receipt-text']);
    expect(codes({ receipt: { ...receipt, footer: 'Terima kasih\nSampai jumpa' } })).toEqual([]);
    expect(codes({ receipt: { ...receipt, shopAddress: 'Jl. Uji\u0007' } })).toEqual(['receipt-text']);
    expect(codes({ receipt: { ...receipt, autoPrint: 'sometimes' as 'ask' } })).toEqual([
      'receipt-auto-print',
    ]);
  });

  it('check the sound: a whole volume 0–100 and mute yes or no', () => {
    expect(codes({ sound: { volume: 0, muted: true } })).toEqual([]);
    expect(codes({ sound: { volume: 101, muted: false } })).toEqual(['sound-volume']);
    expect(codes({ sound: { volume: 50.5, muted: false } })).toEqual(['sound-volume']);
  });

  it('read network addresses as the printers are written', () => {
    expect(parseNetworkAddress('192.168.1.50')).toEqual({ host: '192.168.1.50', port: 9100 });
    expect(parseNetworkAddress('tcp://printer.local:9101/')).toEqual({ host: 'printer.local', port: 9101 });
    expect(parseNetworkAddress('[::1]:9100')).toEqual({ host: '::1', port: 9100 });
    expect(parseNetworkAddress('host:0')).toBeUndefined();
    expect(parseNetworkAddress('two words')).toBeUndefined();
  });
});

describe('printing settings in the stored document', () => {
  it('are saved trimmed, a network address as host:port, and read back by the manager', async () => {
    const { service, store } = await openUnlocked();
    const read = await service.manager['settings.update']({
      patch: {
        printers: [{ ...TILL, name: '  Kasir depan ', address: 'tcp://192.168.1.50' }],
        receipt: {
          ...DEFAULT_RECEIPT_OPTIONS,
          printerId: 'kasir',
          footer: ' Terima kasih\r\nWiFi: kopi123 ',
        },
        sound: { volume: 30, muted: true },
      },
    });
    expect(read.printers).toEqual([{ ...TILL, name: 'Kasir depan', address: '192.168.1.50:9100' }]);
    expect(read.receipt.footer).toBe('Terima kasih\nWiFi: kopi123');
    expect(service.current().sound).toEqual({ volume: 30, muted: true });
    // The screens hear about the sound; nothing else of printing is theirs.
    expect(service.screen.get().sound).toEqual({ volume: 30, muted: true });
    expect(store.document).toMatchObject({
      version: CURRENT_DOCUMENT_VERSION,
      receipt: { printerId: 'kasir' },
    });
  });

  it('refuse removing the receipt printer while receipts still go to it, and store nothing', async () => {
    const { service, store } = await openUnlocked();
    await service.manager['settings.update']({
      patch: { printers: [TILL], receipt: { ...DEFAULT_RECEIPT_OPTIONS, printerId: 'kasir' } },
    });
    const before = store.text;
    const refused = await expectRefused(
      async () => service.manager['settings.update']({ patch: { printers: [] } }),
      'settings-invalid',
    );
    expect(refused.error.problems?.[0]?.message.en).toContain('no longer in the printer list');
    expect(store.text).toBe(before);
  });

  it('v4 → v5: no printer, receipts at once, the default sound; the rest kept', async () => {
    const first = await open();
    const v4 = { ...first.store.document, version: 4, merchantName: 'Toko Lama' } as Record<string, unknown>;
    delete v4.printers;
    delete v4.receipt;
    delete v4.sound;
    const { service, logs } = await open({ store: new MemoryStore(v4) });
    expect(service.current()).toMatchObject({
      merchantName: 'Toko Lama',
      printers: [],
      receipt: DEFAULT_RECEIPT_OPTIONS,
      sound: DEFAULT_SOUND,
    });
    expect(logs.join('\n')).toMatch(new RegExp(`from version 4 to ${CURRENT_DOCUMENT_VERSION}`));
  });

  it('a damaged printer list alone takes its default; the receipt options and sound are kept', async () => {
    const first = await open();
    const damaged = {
      ...first.store.document,
      printers: [{ ...TILL, kind: 'laser' }],
      sound: { volume: 20, muted: false },
    };
    const { service, logs } = await open({ store: new MemoryStore(damaged) });
    expect(service.current().printers).toEqual([]);
    expect(service.current().sound).toEqual({ volume: 20, muted: false });
    expect(logs.join('\n')).toMatch(/took their default: printers\./);
  });
});
