// Messages of units (Bahasa Indonesia); messages.en.ts must have the same keys. Besides "units", the names of the
// kinds, states and services units/schema.ts lists.
export const units = {
  address: 'Alamat',
  phone: 'Telepon',
  email: 'Email',
  state: 'Status',
  parent: 'Di bawah',
  services: 'Layanan',
  posts: 'Pos di bawah kantor ini',
  openingHours: 'Jam layanan (WITA)',
  closed: 'Tutup',
  edit: 'Ubah data kantor',
  editTitle: 'Ubah {{name}}',
  adminTitle: 'Kantor dan pos',
  code: 'Kode',
  name: 'Nama',
  kind: 'Jenis',
  regency: 'Kabupaten/kota',
  hoursHint: 'Contoh: 08.00-12.00, 13.00-16.00. Kosongkan bila tutup.',
  saved: 'Perubahan disimpan.',
  map: 'Peta',
  openMap: 'Lihat lokasi di peta',
  mapUrl: 'Tautan peta',
  mapUrlHint: 'Tautan https ke lokasi kantor, misalnya dari OpenStreetMap atau Google Maps. Kosongkan bila belum ada.',
};

export const unitKinds = {
  kanwil: 'Kantor Wilayah',
  kanim: 'Kantor Imigrasi',
  pos: 'Pos Imigrasi',
  plbn: 'Pos Lintas Batas Negara',
  rudenim: 'Rumah Detensi Imigrasi',
};

export const unitStates = { active: 'Aktif', under_revitalisation: 'Dalam revitalisasi', normalised: 'Dinormalisasi' };

export const services = {
  passport: {
    name: 'Paspor',
    about:
      'Paspor biasa dan elektronik: daftar daring, pilih tanggal sesuai kuota harian, bayar dengan kode billing, lalu datang ke kantor.',
  },
  eazy_paspor: {
    name: 'Eazy Paspor',
    about: 'Pelayanan paspor kolektif di desa, sekolah, perusahaan, atau komunitas Anda, minimal 30 pemohon.',
  },
  koe_tos: { name: 'si Koe TOS', about: 'Take on Saturday: ambil paspor yang sudah jadi pada hari Sabtu.' },
  koe_peduli: {
    name: 'si Koe Peduli',
    about: 'Petugas datang ke rumah atau rumah sakit untuk pemohon lansia, penyandang disabilitas, atau yang sakit.',
  },
  stay_permit: { name: 'Izin tinggal orang asing', about: 'ITK, ITAS, ITAP, dan perpanjangannya.' },
  lodging_report: {
    name: 'Pelaporan orang asing',
    about: 'Hotel dan penginapan melaporkan tamu asing dalam 24 jam dan menerima tanda terima.',
  },
  border_pass: { name: 'Pas Lintas Batas', about: 'Untuk warga kecamatan perbatasan dengan Timor-Leste.' },
  border_crossing: { name: 'Pemeriksaan lintas batas', about: 'Pemeriksaan keimigrasian di pos lintas batas.' },
  detention: { name: 'Detensi', about: 'Rumah Detensi Imigrasi.' },
  complaints: {
    name: 'Pengaduan',
    about:
      'Sampaikan pengaduan, aspirasi, atau laporan pelanggaran, juga tanpa nama, dan pantau jawabannya tepat waktu.',
  },
};
