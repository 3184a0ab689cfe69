/**
 * The reports' words for the CSV and the printed slip, in Bahasa Indonesia (the default) and
 * English. The screens have their own (renderer/shared/i18n/{id,en}/day.ts).
 */
import type { DrawerFigures, ReportCounts, TenderKind } from '../../common/day-contract.ts';
import type { FindingKind } from '../../common/reconcile-contract.ts';

export type ReportLanguage = 'id' | 'en';

export interface ReportWords {
  columns: [string, string, string, string, string, string];
  report: string;
  xTitle: string;
  zTitle: string;
  rangeTitle: string;
  businessDate: string;
  from: string;
  to: string;
  firstPeriod: string;
  environment: string;
  training: string;
  hash: string;
  previousHash: string;
  sales: string;
  salesTotal: string;
  tenders: string;
  tender: Record<TenderKind, string>;
  paymentTypes: string;
  noIssuer: string;
  counts: string;
  count: Record<keyof ReportCounts, string>;
  totals: string;
  subtotal: string;
  lineDiscounts: string;
  orderDiscount: string;
  service: string;
  taxAdded: string;
  taxIncluded: string;
  rounding: string;
  refunds: string;
  refundsIncluded: string;
  yes: string;
  no: string;
  byHour: string;
  byItem: string;
  noItems: string;
  byDay: string;
  shift: string;
  noCashier: string;
  stillOpen: string;
  drawer: Record<Exclude<keyof DrawerFigures, 'refundsIncluded' | 'cashSales'>, string>;
  counted: string;
  difference: string;
  outsideShifts: string;
  cashOutsideShifts: string;
  reconciliation: string;
  notReconciled: string;
  reconcileRun: string;
  reconcileChecked: string;
  reconcileFindings: string;
  reconcileMoneyAtRisk: string;
  reconcileToDecide: string;
  findingKind: Record<FindingKind, string>;
}

const ID: ReportWords = {
  columns: ['bagian', 'nama', 'keterangan', 'jumlah', 'kuantitas', 'nilai_rp'],
  report: 'laporan',
  xTitle: 'LAPORAN X',
  zTitle: 'LAPORAN Z',
  rangeTitle: 'LAPORAN PENJUALAN',
  businessDate: 'hari usaha',
  from: 'dari',
  to: 'sampai',
  firstPeriod: 'awal (belum ada Z sebelumnya)',
  environment: 'lingkungan',
  training: 'LATIHAN - bukan uang sungguhan',
  hash: 'segel (sha256)',
  previousHash: 'segel Z sebelumnya',
  sales: 'penjualan',
  salesTotal: 'Total penjualan',
  tenders: 'pembayaran',
  tender: { cash: 'Tunai', qris: 'QRIS', gopay: 'GoPay' },
  paymentTypes: 'jenis pembayaran',
  noIssuer: '(tanpa penerbit)',
  counts: 'jumlah transaksi',
  count: {
    sales: 'Penjualan lunas',
    voided: 'Penjualan dibatalkan (void)',
    settled: 'QRIS/GoPay lunas',
    expired: 'QRIS/GoPay kedaluwarsa',
    cancelled: 'QRIS/GoPay dibatalkan',
    denied: 'QRIS/GoPay ditolak',
    failed: 'QRIS/GoPay gagal',
    stillOpen: 'Masih terbuka saat laporan dibuat',
  },
  totals: 'rincian',
  subtotal: 'Subtotal (sebelum diskon)',
  lineDiscounts: 'Diskon per barang',
  orderDiscount: 'Diskon pesanan',
  service: 'Biaya layanan',
  taxAdded: 'Pajak ditambahkan',
  taxIncluded: 'Pajak termasuk dalam harga',
  rounding: 'Pembulatan tunai',
  refunds: 'pengembalian dana',
  refundsIncluded: 'Dicatat di laporan ini',
  yes: 'ya',
  no: 'tidak',
  byHour: 'per jam',
  byItem: 'per barang',
  noItems: '(jumlah tanpa rincian barang)',
  byDay: 'per hari',
  shift: 'shift',
  noCashier: 'tanpa nama kasir',
  stillOpen: 'masih terbuka',
  drawer: {
    float: 'Modal awal',
    cashReceived: 'Tunai diterima',
    changeGiven: 'Kembalian',
    cashReturned: 'Tunai dikembalikan (void)',
    cashRefunds: 'Pengembalian dana tunai',
    cashIn: 'Uang masuk',
    cashOut: 'Uang keluar',
    expected: 'Seharusnya di laci',
  },
  counted: 'Dihitung',
  difference: 'Selisih (dihitung - seharusnya)',
  outsideShifts: 'di luar shift',
  cashOutsideShifts: 'Tunai dari penjualan tanpa shift',
  reconciliation: 'rekonsiliasi Midtrans',
  notReconciled: 'Belum dicocokkan dengan Midtrans',
  reconcileRun: 'Pencocokan',
  reconcileChecked: 'Pesanan diperiksa',
  reconcileFindings: 'Perbedaan',
  reconcileMoneyAtRisk: 'Menyangkut uang',
  reconcileToDecide: 'Perlu diputuskan manajer',
  findingKind: {
    'paid-at-gateway': 'Dibayar di Midtrans, tidak di sini',
    'refunded-at-gateway': 'Dana dikembalikan di Midtrans',
    'amount-differs': 'Jumlah berbeda',
    'unknown-at-gateway': 'Tidak dikenal di Midtrans',
    'state-differs': 'Status berbeda',
    'untrusted-answer': 'Jawaban tidak dapat dipercaya',
  },
};

const EN: ReportWords = {
  columns: ['section', 'name', 'detail', 'count', 'quantity', 'amount_rp'],
  report: 'report',
  xTitle: 'X REPORT',
  zTitle: 'Z REPORT',
  rangeTitle: 'SALES REPORT',
  businessDate: 'business day',
  from: 'from',
  to: 'to',
  firstPeriod: 'start (no Z before)',
  environment: 'environment',
  training: 'TRAINING - not real money',
  hash: 'seal (sha256)',
  previousHash: "previous Z's seal",
  sales: 'sales',
  salesTotal: 'Sales total',
  tenders: 'tenders',
  tender: { cash: 'Cash', qris: 'QRIS', gopay: 'GoPay' },
  paymentTypes: 'payment types',
  noIssuer: '(no issuer)',
  counts: 'counts',
  count: {
    sales: 'Sales paid',
    voided: 'Sales voided',
    settled: 'QRIS/GoPay settled',
    expired: 'QRIS/GoPay expired',
    cancelled: 'QRIS/GoPay cancelled',
    denied: 'QRIS/GoPay denied',
    failed: 'QRIS/GoPay failed',
    stillOpen: 'Still open when reported',
  },
  totals: 'totals',
  subtotal: 'Subtotal (before discounts)',
  lineDiscounts: 'Item discounts',
  orderDiscount: 'Order discounts',
  service: 'Service charge',
  taxAdded: 'Tax added',
  taxIncluded: 'Tax included in prices',
  rounding: 'Cash rounding',
  refunds: 'refunds',
  refundsIncluded: 'Counted in this report',
  yes: 'yes',
  no: 'no',
  byHour: 'by hour',
  byItem: 'by item',
  noItems: '(amount without items)',
  byDay: 'by day',
  shift: 'shift',
  noCashier: 'no cashier name',
  stillOpen: 'still open',
  drawer: {
    float: 'Float',
    cashReceived: 'Cash received',
    changeGiven: 'Change given',
    cashReturned: 'Cash given back (void)',
    cashRefunds: 'Cash refunds',
    cashIn: 'Cash in',
    cashOut: 'Cash out',
    expected: 'Expected in drawer',
  },
  counted: 'Counted',
  difference: 'Difference (counted - expected)',
  outsideShifts: 'outside shifts',
  cashOutsideShifts: 'Cash from sales with no shift',
  reconciliation: 'Midtrans reconciliation',
  notReconciled: 'Not reconciled with Midtrans',
  reconcileRun: 'Run',
  reconcileChecked: 'Orders checked',
  reconcileFindings: 'Differences',
  reconcileMoneyAtRisk: 'Money at risk',
  reconcileToDecide: 'For a manager to decide',
  findingKind: {
    'paid-at-gateway': 'Paid at the gateway, not here',
    'refunded-at-gateway': 'Refunded at the gateway',
    'amount-differs': 'Amount differs',
    'unknown-at-gateway': 'Unknown at the gateway',
    'state-differs': 'State differs',
    'untrusted-answer': 'Untrusted answer',
  },
};

export function reportWords(language: ReportLanguage): ReportWords {
  return language === 'en' ? EN : ID;
}

/** "08:00-08:59". */
export function hourLabel(hour: number): string {
  const h = String(hour).padStart(2, '0');
  return `${h}:00-${h}:59`;
}
