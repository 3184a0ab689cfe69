/** Orders, settings and snapshots as the main process would send them to a screen. */
import type {
  CashierSnapshot,
  DisplayState,
  ManagerSettings,
  PublicSettings,
  ScreenOrder,
} from '../../common/contract.ts';

export const SETTINGS: PublicSettings = {
  mode: 'training',
  merchantName: 'Warung Maju',
  language: 'id',
  paymentTypes: ['gopay', 'qris'],
  kioskTimeoutSeconds: 900,
  quickItems: [
    { id: 'KOPI', name: 'Kopi susu', price: 18_000 },
    { id: 'ROTI', name: 'Roti bakar', price: 8_000 },
  ],
};

export function order(overrides: Partial<ScreenOrder> = {}): ScreenOrder {
  return {
    orderId: 'TOKO-0001',
    state: 'pending',
    paymentType: 'qris',
    grossAmount: 44_000,
    items: [],
    createdAt: 1_000,
    updatedAt: 2_000,
    deadlineAt: 901_000,
    attempt: 1,
    transactionId: 'tx-1',
    gatewayStatus: 'pending',
    fraudStatus: undefined,
    paidWith: undefined,
    issuer: undefined,
    acquirer: undefined,
    deeplinkUrl: undefined,
    gatewayExpiryAt: undefined,
    settledAt: undefined,
    finalAt: undefined,
    endReason: undefined,
    detail: undefined,
    cancelRequestedAt: undefined,
    alert: undefined,
    qrReady: true,
    ...overrides,
  };
}

export function snapshot(overrides: Partial<CashierSnapshot> = {}): CashierSnapshot {
  return {
    settings: SETTINGS,
    health: { health: 'ok', detail: undefined },
    openOrders: [],
    serverNow: 50_000,
    ...overrides,
  };
}

export function displayState(overrides: Partial<DisplayState> = {}): DisplayState {
  return {
    scene: { kind: 'idle' },
    merchantName: 'Warung Maju',
    language: 'id',
    mode: 'training',
    serverNow: 10_000,
    seq: 1,
    ...overrides,
  };
}

export function managerSettings(overrides: Partial<ManagerSettings> = {}): ManagerSettings {
  return {
    mode: 'training',
    merchantName: 'Warung Maju',
    language: 'id',
    paymentTypes: ['gopay', 'qris'],
    kioskTimeoutSeconds: 900,
    customerDisplay: { kind: 'auto' },
    keys: {
      sandbox: { stored: false, savedAt: null, lastTest: null },
      production: { stored: false, savedAt: null, lastTest: null },
    },
    keyStorage: { available: true, weak: false, backend: 'gnome_libsecret', riskAcceptedAt: null },
    displays: [],
    environmentFixed: false,
    ...overrides,
  };
}
