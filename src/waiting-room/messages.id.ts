// Messages of the "waitingRoom" namespace (Bahasa Indonesia); messages.en.ts must have the same keys.
export const waitingRoom = {
  title: 'Ruang tunggu pemesanan · {{unit}}',
  lead: 'Banyak orang sedang memesan jadwal di kantor ini. Agar adil, setiap orang mendapat satu nomor urut dan masuk sesuai urutan kedatangan.',
  join: 'Ambil nomor urut',
  joinHint: 'Satu akun mendapat satu nomor. Membuka tab lain atau memuat ulang halaman tidak mengubah nomor Anda.',
  place: 'Nomor urut Anda: {{place}}',
  ahead: 'Orang di depan Anda: {{n}}',
  wait: 'Perkiraan waktu tunggu: sekitar {{time}} (giliran Anda sekitar pukul {{at}} WITA).',
  seconds: '{{n}} detik',
  minutes: '{{n}} menit',
  refresh:
    'Halaman ini memuat ulang sendiri setiap {{n}} detik. Biarkan terbuka; memuat ulang atau menutupnya sebentar tidak menghilangkan nomor Anda.',
  turn: 'Giliran Anda telah tiba.',
  turnHint: 'Lanjutkan pemesanan sebelum pukul {{until}} WITA. Setelah itu Anda perlu mengambil nomor baru.',
  continue: 'Lanjutkan ke pemesanan',
  applications: 'Ke permohonan saya',
  refreshNow: 'Perbarui sekarang',
  pass: {
    invalid: 'Tanda giliran ini tidak sah untuk akun dan kantor ini.',
    expired: 'Tanda giliran ini sudah kedaluwarsa. Ambil nomor urut lagi.',
    used: 'Tanda giliran ini sudah dipakai. Ambil nomor urut lagi.',
  },
};
