/**
 * A stand-in for the Electron preload's cashier API, put on `window` before the page's scripts
 * run, so the settings screen's desktop-only parts (keys typed and stored, a Linux keyring
 * warning, monitors, the production confirmation, a session that times out) can be driven in
 * Chromium. The page then uses it exactly as it would use the preload's API. Errors are plain
 * objects, as they arrive through Electron's contextBridge.
 */
export const FAKE_PIN = '2468';

/** Runs in the page (serialised by Playwright): no closures over test code. */
export function installFakeDesktop(pin: string): void {
  type Listener = (value: unknown) => void;
  const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const noKey = () => ({ stored: false, savedAt: null, lastTest: null });
  const manager = {
    mode: 'training',
    merchantName: 'Warung Desktop',
    language: 'id',
    paymentTypes: ['gopay', 'qris'],
    kioskTimeoutSeconds: 900,
    customerDisplay: { kind: 'display', displayId: 9, label: 'Monitor Lama' },
    keys: { sandbox: noKey(), production: noKey() } as Record<string, unknown>,
    keyStorage: { available: true, weak: true, backend: 'basic_text' },
    displays: [
      { id: 1, label: 'Layar bawaan', width: 1366, height: 768, primary: true },
      { id: 2, label: 'HP 22es', width: 1920, height: 1080, primary: false },
    ],
    environmentFixed: false,
    pricing: {
      tax: { kind: 'none', ratePercent: 0, inclusive: false },
      serviceTaxed: true,
      taxRounding: 'half-up',
      fractionRounding: 'half-up',
      cashRounding: { unit: 0, mode: 'half-up' },
    },
    discountApproval: null,
    shopTime: { zone: 'WIB', cutoffHour: 0 },
    printers: [],
    receipt: { printerId: null, autoPrint: 'always', shopAddress: '', npwp: '', footer: '' },
    sound: { volume: 60, muted: false },
  };
  const catalogue = { items: [], categories: [], revision: 1 };
  const settingsListeners = new Set<Listener>();
  const publicSettings = () => ({
    mode: manager.mode,
    merchantName: manager.merchantName,
    language: manager.language,
    paymentTypes: manager.paymentTypes,
    kioskTimeoutSeconds: manager.kioskTimeoutSeconds,
    pricing: manager.pricing,
    discountApproval: manager.discountApproval,
    shopTime: manager.shopTime,
  });
  let unlocked = false;
  const calls: unknown[] = [];
  const fail = (code: string, id: string, en: string, problems: unknown[] = []) => ({
    code,
    message: en,
    bilingual: { id, en },
    problems,
  });
  const guard = () => {
    if (!unlocked) {
      throw fail(
        'manager-locked',
        'Pengaturan terkunci. Masukkan PIN manajer.',
        'Settings are locked. Enter the manager PIN.',
      );
    }
  };
  const status = () => ({ pinSet: true, unlocked, lockedUntil: null });
  const announce = () => {
    for (const listener of settingsListeners) listener(publicSettings());
  };
  const w = window as unknown as Record<string, unknown>;
  w.__fakeCalls = calls;
  w.__fakeExpire = () => {
    unlocked = false;
  };
  w.kioskCashier = {
    snapshot: async () => ({
      settings: publicSettings(),
      health: { health: 'ok', detail: undefined },
      openOrders: [],
      openSales: [],
      serverNow: Date.now(),
    }),
    startSale: async () => {
      throw fail('internal', 'Tidak dipakai.', 'Not used.');
    },
    payRestInCash: async () => {
      throw fail('internal', 'Tidak dipakai.', 'Not used.');
    },
    chargeAgain: async () => {
      throw fail('internal', 'Tidak dipakai.', 'Not used.');
    },
    voidSale: async () => {
      throw fail('internal', 'Tidak dipakai.', 'Not used.');
    },
    catalogue: async () => clone(catalogue),
    onCatalogue: () => () => undefined,
    onSale: () => () => undefined,
    cancel: async () => null,
    checkNow: async () => null,
    simulate: async () => null,
    history: async () => ({ orders: [], nextCursor: undefined }),
    report: async () => null,
    setLanguage: async (language: string) => {
      manager.language = language;
      announce();
      return publicSettings();
    },
    showCart: async () => null,
    printingSnapshot: async () => ({
      receiptPrinter: null,
      printers: [],
      autoPrint: 'always',
      lastSale: null,
      lastJob: null,
      ask: null,
    }),
    reprint: async () => {
      throw fail('internal', 'Tidak dipakai.', 'Not used.');
    },
    answerReceipt: async () => null,
    retryPrinting: async () => {
      throw fail('internal', 'Tidak dipakai.', 'Not used.');
    },
    printPageDone: async () => null,
    onPrinting: () => () => undefined,
    onPrintPage: () => () => undefined,
    onOrder: () => () => undefined,
    onHealth: () => () => undefined,
    onSettings: (listener: Listener) => {
      settingsListeners.add(listener);
      return () => settingsListeners.delete(listener);
    },
    // The day's screen only reads its status here: no shift, nothing to close.
    day: {
      status: async () => ({
        businessDate: '2025-01-15',
        utcOffsetMinutes: 420,
        training: true,
        shift: null,
        cashiers: [],
        policy: { salesWithoutShift: true },
        lastZ: null,
        managerPinSet: true,
      }),
    },
    manager: {
      catalogue: {},
      printing: {
        preview: async () => ({
          width: 58,
          svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
          lines: [],
        }),
      },
      status: async () => status(),
      createPin: async () => {
        throw fail('pin-exists', 'PIN sudah ada.', 'A PIN exists.');
      },
      unlock: async (typed: string) => {
        calls.push(['unlock']);
        if (typed !== pin) {
          throw fail(
            'pin-wrong',
            'PIN manajer salah. Sisa 4 kali percobaan.',
            'The manager PIN is wrong. 4 attempts left.',
          );
        }
        unlocked = true;
        return clone(manager);
      },
      lock: async () => {
        unlocked = false;
        return status();
      },
      changePin: async () => {
        guard();
        return status();
      },
      read: async () => {
        guard();
        return clone(manager);
      },
      update: async (patch: Record<string, unknown>) => {
        calls.push(['update', clone(patch)]);
        guard();
        const mode = patch.mode as string | undefined;
        if (
          mode !== undefined &&
          mode !== 'training' &&
          !(manager.keys[mode] as { stored: boolean }).stored
        ) {
          throw fail(
            'key-missing',
            'Belum ada server key untuk lingkungan ini.',
            'No server key is stored for this environment.',
          );
        }
        if (typeof patch.merchantName === 'string' && patch.merchantName.includes('TOLAK')) {
          throw fail('settings-invalid', 'Periksa isian yang ditandai.', 'Check the marked fields.', [
            {
              code: 'merchant-name-characters',
              field: 'merchantName',
              message: { id: 'Nama ini ditolak kiosk.', en: 'The kiosk refused this name.' },
            },
          ]);
        }
        Object.assign(manager, patch);
        announce();
        return clone(manager);
      },
      setKey: async (environment: string, key: string) => {
        // Only the length is kept: the test checks the key arrived, never where it could leak.
        calls.push(['setKey', environment, key.length]);
        guard();
        manager.keys[environment] = { stored: true, savedAt: Date.UTC(2025, 0, 15, 3, 4), lastTest: null };
        return clone(manager);
      },
      clearKey: async (environment: string) => {
        calls.push(['clearKey', environment]);
        guard();
        manager.keys[environment] = noKey();
        return clone(manager);
      },
      testKey: async (environment: string, key?: string) => {
        calls.push(['testKey', environment, key === undefined ? 'stored' : 'typed']);
        guard();
        return {
          environment,
          outcome: key === undefined ? 'rejected' : 'works',
          stored: key === undefined,
          at: Date.now(),
          detail:
            key === undefined
              ? { id: 'Midtrans menjawab 401.', en: 'Midtrans answered 401.' }
              : { id: 'Midtrans menjawab 404: key berfungsi.', en: 'Midtrans answered 404: the key works.' },
        };
      },
    },
  };
}
