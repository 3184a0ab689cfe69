/**
 * The receipt's own words, in Bahasa Indonesia (the default) and English. Fixed markers such as
 * "LATIHAN / TRAINING" are bilingual on every receipt, whatever its language: a cashier and an
 * auditor must read them the same way.
 */
export type ReceiptLanguage = 'id' | 'en';

export interface ReceiptWords {
  order: string;
  sale: string;
  time: string;
  subtotal: string;
  discount: string;
  serviceCharge: string;
  rounding: string;
  total: string;
  included: string;
  taxIncluded: string;
  cash: string;
  cashReceived: string;
  change: string;
  qris: string;
  gopay: string;
  transactionId: string;
  refundTitle: string;
  testTitle: string;
  reportTitle: string;
  trainingNote: string;
  refundedTo: string;
  printer: string;
  paper: string;
  columns: string;
  testOk: string;
}

const ID: ReceiptWords = {
  order: 'No. pesanan',
  sale: 'No. penjualan',
  time: 'Waktu',
  subtotal: 'Subtotal',
  discount: 'Diskon',
  serviceCharge: 'Biaya layanan',
  rounding: 'Pembulatan',
  total: 'TOTAL',
  included: 'termasuk',
  taxIncluded: 'Harga sudah termasuk',
  cash: 'Tunai',
  cashReceived: 'Tunai diterima',
  change: 'Kembalian',
  qris: 'QRIS',
  gopay: 'GoPay',
  transactionId: 'ID transaksi',
  refundTitle: 'PENGEMBALIAN DANA',
  testTitle: 'CETAK UJI',
  reportTitle: 'LAPORAN',
  trainingNote: 'Bukan bukti pembayaran',
  refundedTo: 'Dikembalikan ke',
  printer: 'Printer',
  paper: 'Kertas',
  columns: 'Kolom',
  testOk: 'Jika teks ini terbaca utuh, printer siap dipakai.',
};

const EN: ReceiptWords = {
  order: 'Order no.',
  sale: 'Sale no.',
  time: 'Time',
  subtotal: 'Subtotal',
  discount: 'Discount',
  serviceCharge: 'Service charge',
  rounding: 'Rounding',
  total: 'TOTAL',
  included: 'included',
  taxIncluded: 'Prices include',
  cash: 'Cash',
  cashReceived: 'Cash received',
  change: 'Change',
  qris: 'QRIS',
  gopay: 'GoPay',
  transactionId: 'Transaction ID',
  refundTitle: 'REFUND',
  testTitle: 'TEST PRINT',
  reportTitle: 'REPORT',
  trainingNote: 'Not a proof of payment',
  refundedTo: 'Refunded to',
  printer: 'Printer',
  paper: 'Paper',
  columns: 'Columns',
  testOk: 'If this text reads whole, the printer is ready.',
};

export const TRAINING_MARK = 'LATIHAN / TRAINING';
export const COPY_MARK = 'SALINAN / COPY';

export function wordsFor(language: ReceiptLanguage): ReceiptWords {
  return language === 'en' ? EN : ID;
}
