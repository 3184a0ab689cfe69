/**
 * The main process's own words for each error code, in Bahasa Indonesia and English. Screens
 * usually word a known code themselves; these are what a cashier reads when a screen does not,
 * so they say what happened and what to do, never how the code works.
 */
import type { ErrorCode } from '../../common/contract.ts';

export type Bilingual = { id: string; en: string };

export const ERROR_WORDS: Record<ErrorCode, Bilingual> = {
  'invalid-payload': {
    id: 'Data perintah tidak valid.',
    en: 'The command data is invalid.',
  },
  'unknown-command': {
    id: 'Perintah ini tidak dikenal atau tidak diizinkan untuk layar ini.',
    en: 'This command is unknown or not allowed on this screen.',
  },
  'sale-invalid': {
    id: 'Penjualan belum dapat dimulai. Periksa jumlah dan daftar barangnya.',
    en: 'The sale cannot start yet. Check the amount and the items.',
  },
  'sale-not-open': {
    id: 'Penjualan ini sudah selesai, atau masih menunggu pembayaran QR yang sedang berjalan.',
    en: 'This sale has already ended, or is still waiting for a QR payment under way.',
  },
  'discount-needs-approval': {
    id: 'Diskon sebesar ini perlu PIN manajer.',
    en: 'A discount this large needs the manager PIN.',
  },
  'catalogue-invalid': {
    id: 'Katalog tidak diubah. Periksa isian (atau baris berkas CSV) yang disebutkan.',
    en: 'The catalogue was not changed. Check the fields (or the CSV file lines) named.',
  },
  'unknown-order': {
    id: 'Pesanan ini tidak ditemukan di kasir ini.',
    en: 'This order was not found on this till.',
  },
  'order-final': {
    id: 'Pesanan ini sudah selesai dan tidak dapat diubah lagi.',
    en: 'This order has already ended and can no longer be changed.',
  },
  'order-held': {
    id: 'Pembayaran ini ditahan untuk diperiksa oleh penyedia pembayaran. Kasir tidak dapat membatalkannya; manajer memutuskan di dasbor Midtrans.',
    en: 'This payment is held for review by the payment provider. The till cannot cancel it; a manager decides on the Midtrans dashboard.',
  },
  'other-environment': {
    id: 'Pesanan ini dibuat di lingkungan pembayaran lain (latihan, sandbox, atau produksi), jadi tidak dapat diubah dari sini.',
    en: 'This order belongs to another payment environment (training, sandbox or production), so it cannot be changed from here.',
  },
  'training-only': {
    id: 'Simulasi pembayaran hanya tersedia di mode latihan.',
    en: 'Simulated payments are only available in training mode.',
  },
  'gateway-unreachable': {
    id: 'Gateway pembayaran tidak dapat dihubungi. Pesanan tetap tersimpan dan akan diperiksa lagi.',
    en: 'The payment gateway cannot be reached. The order is saved and will be checked again.',
  },
  'gateway-unauthorized': {
    id: 'Gateway pembayaran menolak kunci server kasir ini. Minta pemilik toko memeriksa pengaturan Midtrans.',
    en: "The payment gateway refused this till's server key. Ask the shop owner to check the Midtrans settings.",
  },
  'gateway-rate-limited': {
    id: 'Gateway pembayaran sedang membatasi permintaan. Pesanan tetap tersimpan; coba lagi sebentar lagi.',
    en: 'The payment gateway is limiting requests for now. The order is saved; try again in a moment.',
  },
  'gateway-error': {
    id: 'Jawaban gateway pembayaran tidak dapat dipakai. Pesanan tetap tersimpan dan akan diperiksa lagi.',
    en: "The payment gateway's answer could not be used. The order is saved and will be checked again.",
  },
  'kiosk-stopping': {
    id: 'Kasir sedang dimatikan. Tunggu sebentar, lalu coba lagi.',
    en: 'The kiosk is shutting down. Wait a moment, then try again.',
  },
  'manager-locked': {
    id: 'Pengaturan terkunci. Masukkan PIN manajer.',
    en: 'Settings are locked. Enter the manager PIN.',
  },
  'pin-wrong': {
    id: 'PIN manajer salah.',
    en: 'The manager PIN is wrong.',
  },
  'pin-locked-out': {
    id: 'Terlalu banyak PIN salah. Tunggu sebentar, lalu coba lagi.',
    en: 'Too many wrong PINs. Wait a while, then try again.',
  },
  'pin-exists': {
    id: 'PIN manajer sudah dibuat. Masukkan PIN itu untuk membuka pengaturan.',
    en: 'A manager PIN already exists. Enter it to open the settings.',
  },
  'settings-invalid': {
    id: 'Pengaturan belum dapat disimpan. Periksa isian yang ditandai.',
    en: 'The settings cannot be saved yet. Check the marked fields.',
  },
  'history-query-invalid': {
    id: 'Pencarian riwayat tidak dijalankan. Periksa isian yang disebutkan.',
    en: 'The history search was not run. Check the fields named.',
  },
  'history-not-found': {
    id: 'Penjualan atau pesanan ini tidak ditemukan di kasir ini.',
    en: 'This sale or order was not found on this till.',
  },
  'sale-in-progress': {
    id: 'Masih ada pesanan yang berjalan. Selesaikan atau batalkan dulu sebelum mengganti lingkungan atau server key.',
    en: 'An order is still open. Finish or cancel it before changing the environment or the server key.',
  },
  'key-missing': {
    id: 'Belum ada server key untuk lingkungan ini. Simpan server key dulu.',
    en: 'No server key is stored for this environment. Save the server key first.',
  },
  'key-storage-unavailable': {
    id: 'Komputer ini tidak dapat mengenkripsi server key, jadi server key tidak disimpan.',
    en: 'This computer cannot encrypt the server key, so it was not stored.',
  },
  'key-storage-weak': {
    id: 'Komputer ini tidak punya keyring, jadi server key produksi hanya disamarkan, tidak dienkripsi dengan rahasia komputer ini. Pasang dan buka keyring (GNOME Keyring atau KWallet, lihat README), atau terima risikonya dengan PIN manajer.',
    en: 'This computer has no keyring, so the production server key would only be obscured, not encrypted with a secret of this computer. Install and unlock a keyring (GNOME Keyring or KWallet, see the README), or accept the risk with the manager PIN.',
  },
  'environment-fixed': {
    id: 'Di mode browser, lingkungan dan server key diatur lewat variabel lingkungan saat kiosk dijalankan.',
    en: 'In browser mode the environment and server key are set by environment variables when the kiosk starts.',
  },
  'refund-invalid': {
    id: 'Pengembalian dana belum dapat dibuat. Periksa jumlah, alasan, dan pesanannya.',
    en: 'The refund cannot be made yet. Check the amount, the reason and the order.',
  },
  'refund-not-allowed': {
    id: 'Tidak ada yang dapat dikembalikan: pembayaran ini belum lunas, berakhir tanpa dibayar, atau ditarik kembali oleh bank.',
    en: 'There is nothing to refund: this payment is not paid, ended unpaid, or was taken back by the bank.',
  },
  'refund-too-large': {
    id: 'Jumlahnya lebih dari yang tersisa untuk dikembalikan.',
    en: 'The amount is more than is left to refund.',
  },
  'refund-refused': {
    id: 'Pengembalian dana ditolak. Tidak ada uang yang dikembalikan.',
    en: 'The refund was refused. Nothing was refunded.',
  },
  'refund-pending': {
    id: 'Pengembalian dana sebelumnya untuk pembayaran ini masih dikonfirmasi. Tunggu hasilnya dulu.',
    en: 'An earlier refund of this payment is still being confirmed. Wait for its outcome first.',
  },
  'day-invalid': {
    id: 'Isian belum benar. Periksa yang ditandai; tidak ada yang disimpan.',
    en: 'Some input is not right. Check what is marked; nothing was saved.',
  },
  'no-shift': {
    id: 'Belum ada shift yang dibuka. Buka shift dulu.',
    en: 'No shift is open. Open a shift first.',
  },
  'shift-open': {
    id: 'Sebuah shift masih terbuka. Tutup shift itu dulu.',
    en: 'A shift is still open. Close it first.',
  },
  'shift-sale-open': {
    id: 'Masih ada penjualan yang belum selesai. Selesaikan atau batalkan dulu.',
    en: 'A sale still has money due. Finish or void it first.',
  },
  'drawer-short': {
    id: 'Uang keluar lebih besar dari isi laci yang seharusnya.',
    en: 'The cash out is more than the drawer should hold.',
  },
  'cashier-refused': {
    id: 'Kasir atau PIN kasir salah.',
    en: 'The cashier or the cashier PIN is wrong.',
  },
  'z-empty': {
    id: 'Tidak ada yang terjadi sejak laporan Z terakhir. Laporan Z kosong tidak dibuat.',
    en: 'Nothing happened since the last Z report. An empty Z is not made.',
  },
  'z-day-closed': {
    id: 'Hari ini sudah ditutup dengan laporan Z.',
    en: 'This day is already closed by a Z report.',
  },
  'z-unknown': {
    id: 'Laporan Z ini tidak ada di kasir ini.',
    en: 'This Z report is not on this till.',
  },
  'printing-refused': {
    id: 'Printer tidak dapat melakukan itu sekarang. Penjualan tidak berubah.',
    en: 'The printer cannot do that now. The sale is unchanged.',
  },
  'reconcile-bad-date': {
    id: 'Tanggal rekonsiliasi tidak valid: pilih tanggal kalender YYYY-MM-DD, paling lambat hari ini.',
    en: 'The reconciliation date is not valid: choose a calendar date YYYY-MM-DD, no later than today.',
  },
  'reconcile-busy': {
    id: 'Rekonsiliasi lain sedang berjalan. Tunggu sampai selesai.',
    en: 'Another reconciliation is running. Wait until it has finished.',
  },
  'reconcile-unavailable': {
    id: 'Gateway pembayaran belum dikonfigurasi (server key): rekonsiliasi tidak dapat dimulai.',
    en: 'The payment gateway is not configured (server key): reconciliation cannot start.',
  },
  internal: {
    id: 'Terjadi kesalahan di kasir. Pesanan yang sudah dibuat tetap tersimpan.',
    en: 'Something went wrong in the kiosk. Orders already made are saved.',
  },
};
