/** Orders, settings, sales, catalogues and snapshots as the main process would send them to a screen. */
import type { CatalogueItemView, CatalogueSnapshot } from '../../common/catalogue-contract.ts';
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
  shopTime: { zone: 'WIB', cutoffHour: 0 },
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
    refunded: undefined,
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
    shopTime: { zone: 'WIB', cutoffHour: 0 },
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
    refunded: undefined,
    ...overrides,
  };
}

/** A small shop's catalogue: two categories, one item without, one withdrawn item with a barcode. */
export function catalogueSnapshot(overrides: Partial<CatalogueSnapshot> = {}): CatalogueSnapshot {
  const item = (id: number, name: string, price: number, extra: Partial<CatalogueItemView> = {}) => ({
    id,
    name,
    price,
    categoryId: null,
    sku: null,
    barcode: null,
    active: true,
    position: id,
    ...extra,
  });
  return {
    revision: 1,
    categories: [
      { id: 2, name: 'Minuman', position: 1 },
      { id: 1, name: 'Makanan', position: 0 },
      { id: 3, name: 'Kosong', position: 2 },
    ],
    items: [
      item(1, 'Kopi Susu', 18_000, { categoryId: 2, sku: 'kopi-susu' }),
      item(2, 'Es Teh Manis', 8_000, { categoryId: 2, sku: 'es-teh' }),
      item(3, 'Nasi Goreng', 25_000, { categoryId: 1, sku: 'nasi-goreng' }),
      item(4, 'Teh Botol 350 ml', 6_000, { categoryId: 2, barcode: '8991000000010' }),
      item(5, 'Kerupuk', 2_000, { barcode: '8991000000034' }),
      item(6, 'Sirup Lama', 30_000, { categoryId: 2, barcode: '8991000000096', active: false }),
    ],
    ...overrides,
  };
}
