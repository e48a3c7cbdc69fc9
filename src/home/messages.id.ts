// Messages of the "home" namespace (Bahasa Indonesia); messages.en.ts must have the same keys.
export const home = {
  title: 'Layanan keimigrasian di Nusa Tenggara Timur',
  lead: 'Ajukan paspor, pilih tanggal datang, bayar, dan ikuti permohonan Anda dari mana saja di NTT. Petugas juga datang ke desa, sekolah, dan rumah Anda.',
  servicesTitle: 'Layanan',
  soon: 'segera daring; sementara di kantor imigrasi',
  unitsTitle: 'Kantor dan pos imigrasi',
  followTitle: 'Sudah mengajukan?',
  trackLead: 'Lihat status permohonan paspor dengan kode pelacakan dan tanggal lahir pemohon, tanpa perlu masuk.',
  trackLink: 'Lacak permohonan paspor',
  complaintLead: 'Sudah menyampaikan pengaduan? Ikuti jawabannya dengan kode pelacakan dan kode rahasia pengaduan.',
  villagesLink: 'Desa Binaan Imigrasi',
  villagesLead:
    'Desa yang dibina kantor imigrasi melawan perdagangan orang: petugas pembina desa (PIMPASA) yang bisa dihubungi, dan formulir untuk bertanya atau melapor calo dan keberangkatan kerja tanpa prosedur, boleh tanpa nama.',
  sponsorLink: 'Penjamin orang asing',
  sponsorLead:
    'Perusahaan dan WNI yang menjamin orang asing: daftar, lihat izin tinggal yang dijamin, laporkan perubahan.',
  complaintLink: 'Ikuti pengaduan',
};
