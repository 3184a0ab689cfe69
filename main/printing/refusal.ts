/**
 * Why the print service will not do what was asked, in both languages. A refusal never touches
 * a sale: it is about a printer, a drawer or a receipt, and nothing was printed or recorded
 * except, for the drawer, the refused attempt itself.
 */
export type PrintingRefusalCode =
  | 'unknown-printer'
  | 'no-receipt-printer'
  | 'unknown-sale'
  | 'sale-not-paid'
  | 'no-drawer'
  | 'pin-wrong'
  | 'pin-locked'
  | 'no-pin';

const WORDS: Record<PrintingRefusalCode, { id: string; en: string }> = {
  'unknown-printer': {
    id: 'Printer itu tidak ada di Pengaturan (mungkin baru dihapus). Simpan pengaturan printer dulu.',
    en: 'That printer is not in Settings (it may have just been removed). Save the printer settings first.',
  },
  'no-receipt-printer': {
    id: 'Belum ada printer struk. Manajer memilihnya di Pengaturan → Printer.',
    en: 'No receipt printer is set up. The manager chooses one in Settings → Printers.',
  },
  'unknown-sale': {
    id: 'Penjualan itu tidak ditemukan di kasir ini.',
    en: 'That sale was not found on this till.',
  },
  'sale-not-paid': {
    id: 'Penjualan ini belum lunas, jadi belum ada struknya.',
    en: 'This sale is not paid, so it has no receipt yet.',
  },
  'no-drawer': {
    id: 'Printer ini tidak diatur dengan laci uang.',
    en: 'This printer is not set up with a cash drawer.',
  },
  'pin-wrong': {
    id: 'PIN manajer salah: laci tidak dibuka.',
    en: 'Wrong manager PIN: the drawer was not opened.',
  },
  'pin-locked': {
    id: 'Terlalu banyak PIN salah: PIN manajer dikunci sementara. Laci tidak dibuka.',
    en: 'Too many wrong PINs: the manager PIN is locked for a while. The drawer was not opened.',
  },
  'no-pin': {
    id: 'Belum ada PIN manajer: buat PIN di Pengaturan dulu.',
    en: 'There is no manager PIN yet: create one in Settings first.',
  },
};

export class PrintingRefusal extends Error {
  readonly code: PrintingRefusalCode;
  readonly bilingual: { id: string; en: string };
  constructor(code: PrintingRefusalCode) {
    super(WORDS[code].en);
    this.name = 'PrintingRefusal';
    this.code = code;
    this.bilingual = { ...WORDS[code] };
  }
}
