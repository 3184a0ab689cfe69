/** Orders, settings and snapshots as the main process would send them to a screen. */
import type {
  CashierSnapshot,
  DisplayState,
  ManagerSettings,
  PublicSettings,
  ScreenOrder,
} from '../../common/contract.ts';
import { priceCart } from '../../common/pricing/index.ts';
import { DEFAULT_PRICING_SETTINGS } from '../../common/pricing/types.ts';
import type { SaleView } from '../../common/till-contract.ts';
import { DEFAULT_RECEIPT_OPTIONS, DEFAULT_SOUND } from '../../common/printing-contract.ts';

export const SETTINGS: PublicSettings = {
  mode: 'training',
  merchantName: 'Warung Maju',
  language: 'id',
  paymentTypes: ['gopay', 'qris'],
  kioskTimeoutSeconds: 900,
  pricing: DEFAULT_PRICING_SETTINGS,
  discountApproval: null,
};

export function order(overrides: Partial<ScreenOrder> = {}): ScreenOrder {
  return {
    orderId: 'TOKO-0001',
    saleId: undefined,
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
    openSales: [],
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
    pricing: DEFAULT_PRICING_SETTINGS,
    discountApproval: null,
    printers: [],
    receipt: { ...DEFAULT_RECEIPT_OPTIONS },
    sound: { ...DEFAULT_SOUND },
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

/** A sale as 'sale.start' answers it: Rp 44.000 of one line, charged by QRIS. */
export function saleView(overrides: Partial<SaleView> = {}): SaleView {
  const breakdown = priceCart({
    lines: [{ name: 'Kopi susu', unitPrice: 44_000, quantity: 1 }],
    settings: DEFAULT_PRICING_SETTINGS,
  });
  if (!breakdown.ok) throw new Error('fixture cart refused');
  return {
    saleId: 'S-0001',
    state: 'open',
    createdAt: 1_000,
    updatedAt: 1_000,
    closedAt: undefined,
    breakdown: breakdown.value,
    cash: [],
    charges: [],
    paid: 0,
    due: 44_000,
    liveOrderId: 'TOKO-0001',
    voidReason: undefined,
    ...overrides,
  };
}
