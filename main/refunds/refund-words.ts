/**
 * What the manager reads when a refund cannot be made, or is not finished: plain words in both
 * languages, naming what happened and what (if anything) was given back.
 */
import type { OrderState } from '../../common/order.ts';
import type { RefundRefusal } from '../../common/refund-contract.ts';
import { formatRupiah } from '../../common/rupiah.ts';

export type Bilingual = { id: string; en: string };

const rp = (amount: number) => formatRupiah(amount, ' ');

export const REFUSAL_WORDS: Record<RefundRefusal, Bilingual> = {
  'issuer-declined': {
    id: 'Bank atau dompet digital pelanggan menolak pengembalian dana ini. Tidak ada uang yang dikembalikan.',
    en: "The customer's bank or wallet declined this refund. Nothing was refunded.",
  },
  'not-refundable': {
    id: 'Midtrans tidak menerima pengembalian dana untuk pembayaran ini sekarang (batas waktunya lewat, pengembalian dana belum diaktifkan untuk toko ini, atau sudah dikembalikan). Tidak ada uang yang dikembalikan.',
    en: 'Midtrans will not refund this payment now (its window has passed, refunds are not enabled for this shop, or it was already refunded). Nothing was refunded.',
  },
  'amount-rejected': {
    id: 'Midtrans menolak jumlahnya: lebih dari sisa pembayaran di Midtrans, atau saldo toko di Midtrans tidak cukup. Tidak ada uang yang dikembalikan.',
    en: "Midtrans refused the amount: more than is left of the payment there, or the shop's Midtrans balance is too low. Nothing was refunded.",
  },
  'unknown-at-gateway': {
    id: 'Midtrans tidak mengenal pembayaran ini. Tidak ada uang yang dikembalikan.',
    en: 'Midtrans does not know this payment. Nothing was refunded.',
  },
  rejected: {
    id: 'Midtrans menolak permintaan pengembalian dana ini. Tidak ada uang yang dikembalikan.',
    en: 'Midtrans refused this refund request. Nothing was refunded.',
  },
  'not-sent': {
    id: 'Permintaan tidak sampai ke Midtrans (tidak ada koneksi, atau terlalu banyak permintaan). Tidak ada uang yang dikembalikan; coba lagi sebentar lagi.',
    en: 'The request did not reach Midtrans (no connection, or too many requests). Nothing was refunded; try again in a moment.',
  },
};

export function tooLargeWords(left: number, asked: number, elsewhere: number): Bilingual {
  if (left === 0) {
    return {
      id: 'Tidak ada lagi yang dapat dikembalikan: seluruh pembayaran sudah dikembalikan (atau sedang dikonfirmasi).',
      en: 'Nothing is left to refund: all of the payment has been refunded (or is being confirmed).',
    };
  }
  const dashboard =
    elsewhere > 0
      ? {
          id: ` ${rp(elsewhere)} sudah dikembalikan di luar kasir ini (dasbor Midtrans atau chargeback).`,
          en: ` ${rp(elsewhere)} was already given back outside this till (the Midtrans dashboard, or a chargeback).`,
        }
      : { id: '', en: '' };
  return {
    id: `Yang tersisa untuk dikembalikan hanya ${rp(left)}, bukan ${rp(asked)}.${dashboard.id}`,
    en: `Only ${rp(left)} is left to refund, not ${rp(asked)}.${dashboard.en}`,
  };
}

export function notPaidWords(state: OrderState | 'open' | 'voided'): Bilingual {
  switch (state) {
    case 'created':
    case 'charging':
    case 'pending':
    case 'review':
    case 'open':
      return {
        id: 'Pembayaran ini belum lunas, jadi belum ada yang dapat dikembalikan. Batalkan pembayaran yang belum lunas, jangan dikembalikan.',
        en: 'This payment is not paid yet, so there is nothing to refund. An unpaid payment is cancelled, not refunded.',
      };
    case 'voided':
      return {
        id: 'Penjualan ini sudah dibatalkan; uang tunainya sudah dikembalikan saat dibatalkan.',
        en: 'This sale was voided; its cash was given back when it was voided.',
      };
    default:
      return {
        id: 'Pesanan ini berakhir tanpa dibayar (kedaluwarsa, dibatalkan, atau ditolak): tidak ada yang dapat dikembalikan.',
        en: 'This order ended unpaid (expired, cancelled or declined): there is nothing to refund.',
      };
  }
}

export const BUSY_WORDS: Bilingual = {
  id: 'Pengembalian dana sebelumnya untuk pembayaran ini masih dikonfirmasi ke Midtrans. Tunggu hasilnya sebelum membuat yang baru.',
  en: 'An earlier refund of this payment is still being confirmed with Midtrans. Wait for its outcome before making another.',
};

export const CHARGED_BACK_WORDS: Bilingual = {
  id: 'Bank pelanggan sudah menarik kembali pembayaran ini (chargeback): tidak dapat dikembalikan lagi dari kasir.',
  en: "The customer's bank has taken this payment back (a chargeback): it cannot be refunded again from the till.",
};

export const UNREACHABLE_WORDS: Bilingual = {
  id: 'Midtrans tidak dapat dihubungi untuk memeriksa pembayaran ini. Tidak ada uang yang dikembalikan; coba lagi sebentar lagi.',
  en: 'Midtrans cannot be reached to check this payment. Nothing was refunded; try again in a moment.',
};

export function inDoubtWords(amount: number, cashNotPaid: number): Bilingual {
  const cash =
    cashNotPaid > 0
      ? {
          id: ` Bagian tunai (${rp(cashNotPaid)}) belum dibayarkan: kembalikan lagi setelah hasilnya jelas.`,
          en: ` The cash part (${rp(cashNotPaid)}) was not paid out: refund it again once this is settled.`,
        }
      : { id: '', en: '' };
  return {
    id: `Pengembalian ${rp(amount)} lewat Midtrans sedang dikonfirmasi (jawabannya belum diterima). Kasir memeriksanya sendiri dan memberi tahu hasilnya; jangan membuatnya lagi.${cash.id}`,
    en: `The refund of ${rp(amount)} through Midtrans is being confirmed (its answer has not arrived). The till checks on its own and reports the outcome; do not make it again.${cash.en}`,
  };
}

export function cashWords(amount: number): Bilingual {
  return {
    id: `Berikan ${rp(amount)} tunai dari laci kepada pelanggan.`,
    en: `Hand ${rp(amount)} in cash from the drawer to the customer.`,
  };
}
