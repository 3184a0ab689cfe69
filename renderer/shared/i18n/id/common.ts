export const common = {
  connectionLost: 'Koneksi terputus — menyambung ulang…',
  noToken: 'Alamat halaman ini tidak lengkap. Buka alamat yang ditampilkan kiosk saat dijalankan.',
  unexpectedError: 'Terjadi kesalahan yang tidak terduga. Coba lagi.',
  loading: 'Memuat…',
};
