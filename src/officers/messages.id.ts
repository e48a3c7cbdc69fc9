// Messages of officers (Bahasa Indonesia); messages.en.ts must have the same keys. Its namespaces ("setup" for the first
// admin, "officer" for the officer home, "officers" for officer accounts) are older than the folder's name, kept so no
// key changes.
export const setup = {
  title: 'Buat administrator pertama',
  lead: 'Sikoe belum punya administrator. Tautan ini hanya berlaku sekali. Administrator pertama ditempatkan di Kantor Wilayah NTT dan langsung diminta memasang verifikasi dua langkah.',
  submit: 'Buat administrator',
  doneTitle: 'Administrator sudah dibuat',
  done: 'Akun {{email}} sudah dibuat. Masuklah, lalu pasang verifikasi dua langkah di aplikasi autentikator Anda.',
  closedTitle: 'Tautan penyiapan tidak berlaku',
  closed:
    'Tautan ini sudah dipakai, sudah kedaluwarsa, atau administrator sudah ada. Masuklah dengan akun administrator, atau mulai ulang server untuk mendapat tautan baru selama belum ada administrator.',
};

export const officer = {
  title: 'Beranda petugas',
  welcome: 'Selamat bekerja, {{name}}',
  totpAdvice: 'Lindungi akun petugas Anda dengan verifikasi dua langkah.',
  unitsAbout: 'Data kantor dan pos, layanan, status, dan jam layanan.',
  stayPermits: 'Izin tinggal dan penjamin',
  stayPermitsAbout:
    'Izin tinggal orang asing di kantor Anda, penjamin yang menunggu verifikasi, dan laporan perubahan dari penjamin.',
  permitServices: 'Layanan izin tinggal',
  permitServicesAbout:
    'Perpanjangan, alih status, EPO dan pembatalan yang diajukan ke kantor Anda, tenggat SLA terdekat lebih dulu.',
  villagesAbout: 'Desa binaan kantor Anda: PIMPASA, kegiatan di jadwal dinas, dan tanda peringatan dini per desa.',
  tipsAbout: 'Pertanyaan dan informasi warga desa binaan, dengan tenggat telaah dan penyelesaian.',
  warningsAbout: 'Peringatan dini untuk wawancara paspor: orang, desa, dan perekrut.',
  deferralReasonsAbout: 'Kode alasan penangguhan wawancara paspor untuk seluruh wilayah.',
  officersAbout: 'Akun petugas di kantor Anda.',
  accountAbout: 'Profil, verifikasi dua langkah, dan token API.',
  workAbout: 'Berkas yang menunggu langkah Anda, yang jatuh tempo dan terlambat lebih dulu.',
  searchAbout: 'Cari berkas menurut nama, NIK, kode pelacakan, atau nomor paspor.',
  sessionsAbout: 'Permintaan sesi dari komunitas, keputusan, petugas, dan laporan per sesi.',
  visitsAbout: 'Permintaan kunjungan untuk pemohon yang tidak dapat datang, dengan batas jawaban 2 hari kerja.',
  watchlistAbout: 'Orang yang tercantum dalam daftar pencegahan.',
  entryBansAbout: 'Orang asing yang tercantum dalam daftar penangkalan.',
  overstaysAbout:
    'Orang asing yang melewati izin tinggalnya: hari, biaya beban, kode billing, dan usulan tindakan administratif.',
  departuresAbout: 'Catat keberangkatan orang asing menurut paspornya.',
};

export const officers = {
  title: 'Petugas',
  new: 'Tambah petugas',
  create: 'Buat akun petugas',
  none: 'Belum ada petugas.',
  passwordHint: 'Berikan kepada petugas secara langsung; minimal 10 karakter.',
  viewAudited: 'Pembukaan data ini dicatat dalam jejak audit.',
  signInFailures: 'Percobaan masuk gagal (24 jam terakhir)',
  signInClearLead:
    'Pemilik akun tidak bisa masuk karena perlambatan setelah percobaan yang gagal? Setelah memastikan identitasnya, hapus hitungan ini.',
  signInClear: 'Hapus perlambatan masuk',
  signInCleared: 'Hitungan percobaan masuk yang gagal sudah dihapus.',
};
