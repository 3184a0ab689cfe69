/** Why a reconciliation was not started, in both languages, for the api and the CLI. */
import type { ReconcileErrorCode } from '../../common/reconcile-contract.ts';

export interface Bilingual {
  id: string;
  en: string;
}

export class ReconcileError extends Error {
  readonly code: ReconcileErrorCode;
  readonly words: Bilingual;
  constructor(code: ReconcileErrorCode, words: Bilingual) {
    super(words.en);
    this.name = 'ReconcileError';
    this.code = code;
    this.words = words;
  }
}

export function badDateWords(date: string, today: string): Bilingual {
  return {
    id: `Tanggal "${date}" tidak valid: tulis tanggal kalender YYYY-MM-DD, paling lambat hari ini (${today}).`,
    en: `The date "${date}" is not valid: write a calendar date as YYYY-MM-DD, no later than today (${today}).`,
  };
}

export function busyWords(date: string): Bilingual {
  return {
    id: `Rekonsiliasi tanggal ${date} sedang berjalan. Tunggu sampai selesai.`,
    en: `A reconciliation of ${date} is already running. Wait until it has finished.`,
  };
}

export const UNAVAILABLE_WORDS: Bilingual = {
  id: 'Gateway pembayaran belum dikonfigurasi (server key atau lingkungan): rekonsiliasi tidak dapat dimulai.',
  en: 'The payment gateway is not configured (server key or environment): reconciliation cannot start.',
};
