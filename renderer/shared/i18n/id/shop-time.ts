/** The shop's clock in the settings screen: its zone and when the business day turns over. */
export const shopTime = {
  title: 'Zona waktu dan hari usaha',
  zone: 'Zona waktu toko',
  zones: {
    WIB: 'WIB (UTC+7) — Sumatra, Jawa, Kalimantan Barat dan Tengah',
    WITA: 'WITA (UTC+8) — Bali, Nusa Tenggara, Sulawesi, Kalimantan Selatan, Timur dan Utara',
    WIT: 'WIT (UTC+9) — Maluku dan Papua',
  },
  cutoff: 'Hari usaha berganti pukul',
  cutoffHint:
    'Untuk toko yang buka lewat tengah malam: dengan pukul 04:00, penjualan pukul 01:30 masih masuk hari usaha kemarin.',
  notRetroactive:
    'Perubahan berlaku untuk penjualan berikutnya. Penjualan yang sudah tercatat tetap pada hari usahanya; laporan hari-hari itu tidak berubah.',
};
