// Messages of the "openData" namespace: the open data index, the datasets and their dictionary (Bahasa Indonesia);
// messages.en.ts must have the same keys.
export const openData = {
  link: 'Data terbuka',
  title: 'Data terbuka Imigrasi NTT',
  lead: 'Setiap angka publik sebagai CSV dan JSON dengan alamat tetap, kamus data, dan katalog yang dapat dibaca mesin. Hanya hitungan: tanpa data pribadi.',
  rule: 'Aturan hitungan kecil: hitungan orang di bawah {{min}} dalam baris yang bisa menunjuk seseorang (kewarganegaraan, kabupaten, kantor kecil) digabung sebagai OTHER atau tidak diterbitkan.',
  dataset: 'Dataset',
  description: 'Keterangan',
  frequency: 'Pembaruan',
  downloads: 'Unduh ({{year}})',
  dictionary: 'Kamus data',
  catalog: 'Katalog (JSON, mirip DCAT)',
  license: 'Lisensi: CC BY 4.0, sebutkan Kantor Wilayah Imigrasi NTT sebagai sumber.',
  urls: 'Alamat tetap: /data/{id}.csv?year=TAHUN dan /data/{id}.json?year=TAHUN (tahun ini bila tidak disebut); tambahkan &unit=KODE untuk satu kantor dan unit di bawahnya.',
  publisher: 'Kantor Wilayah Direktorat Jenderal Imigrasi Nusa Tenggara Timur',
  source: 'Sumber',
  threshold: 'Aturan hitungan kecil',
  byYear: 'Unduh per tahun',
  column: 'Kolom',
  type: 'Tipe',
  unit: 'Satuan',
  back: 'Semua dataset',
  badYear: 'Tahun harus angka antara {{from}} dan {{to}}.',
  unknownUnit: 'Kode unit tidak dikenal.',
  noUnits: 'Dataset ini tidak dihitung per unit; hapus parameter unit.',
  frequencies: {
    daily: 'Harian (dihitung saat diminta)',
    monthly: 'Bulanan (sampai akhir bulan lalu)',
  },
  sources: {
    statistics: 'Statistik paspor',
    transparency: 'Transparansi layanan',
    surveys: 'Survei kepuasan masyarakat',
    border: 'Perlintasan batas',
    'stay-permits': 'Izin tinggal',
    lodgings: 'Pelaporan orang asing oleh penginapan',
    overstays: 'Overstay',
  },
  types: {
    string: 'teks',
    code: 'kode',
    month: 'bulan (YYYY-MM)',
    integer: 'bilangan bulat',
    number: 'angka (desimal titik)',
  },
  units: {
    people: 'orang',
    passports: 'paspor',
    complaints: 'pengaduan',
    days: 'hari',
    score: 'nilai',
    crossings: 'perlintasan',
    items: 'menurut bagian',
  },
  datasets: {
    'paspor-terbit': {
      title: 'Paspor terbit',
      description:
        'Paspor yang diterbitkan per kantor dan bulan, biasa dan elektronik; bulan sebelum Sikoe dari catatan penerbitan kantor.',
      rule: 'Tidak diterapkan: hitungan dokumen yang diterbitkan, tanpa keterangan apa pun tentang pemegangnya.',
    },
    pengaduan: {
      title: 'Pengaduan',
      description:
        'Pengaduan yang diterima, diselesaikan dan terlambat, serta median hari sampai jawaban pertama, per Kantor Imigrasi (dengan pos di bawahnya) dan untuk wilayah.',
      rule: 'Tidak diterapkan pada hitungan penanganan kantor. Laporan pelanggaran (whistleblowing) hanya dihitung untuk seluruh wilayah, tidak per kantor.',
    },
    ikm: {
      title: 'Indeks Kepuasan Masyarakat (IKM)',
      description:
        'IKM menurut PermenPANRB 14/2017 per Kantor Imigrasi dan untuk wilayah: jumlah responden, nilai IKM (1–4), nilai konversi (25–100) dan mutu pelayanan (A–D).',
      rule: 'Diterapkan: kantor dengan 1 atau 2 responden tidak diterbitkan, karena nilainya adalah jawaban orang itu sendiri; kantor terkecil berikutnya juga tidak diterbitkan, agar nilai itu tidak dapat dihitung kembali dari angka wilayah.',
    },
    'lintas-batas': {
      title: 'Perlintasan batas',
      description:
        'Perlintasan yang terjadi per bulan, tempat pemeriksaan, arah, WNI/WNA dan dokumen (paspor atau PLB).',
      rule: 'Tidak diterapkan: hitungan perlintasan (orang yang melintas dua kali dihitung dua kali) di pos lintas batas, tanpa kewarganegaraan; hitungan harian yang sama sudah terbuka di GET /api/v1/stats/crossings.',
    },
    'izin-tinggal': {
      title: 'Izin tinggal',
      description:
        'Izin tinggal menurut bulan mulai berlaku, kantor, jenis izin dan kewarganegaraan pemegang; izin yang dibatalkan tidak dihitung.',
      rule: 'Diterapkan: kewarganegaraan dengan 1 atau 2 pemegang dalam satu kantor, bulan dan jenis digabung sebagai OTHER; OTHER yang masih di bawah 3 tidak diterbitkan.',
    },
    'laporan-orang-asing': {
      title: 'Laporan orang asing oleh penginapan',
      description: 'Laporan tamu asing (satu per masa menginap) dan yang terlambat, per kantor dan bulan masuk.',
      rule: 'Diterapkan: hitungan 1 atau 2 dikosongkan; baris yang semua hitungannya di bawah 3 tidak diterbitkan.',
    },
    overstay: {
      title: 'Overstay',
      description:
        'Overstay per kantor dan bulan hari pertama lewat izin, yang sudah dibayar, dan yang diusulkan untuk tindakan administratif.',
      rule: 'Diterapkan: hitungan 1 atau 2 dikosongkan; baris yang semua hitungannya di bawah 3 tidak diterbitkan.',
    },
    pengawasan: {
      title: 'Pengawasan, tindakan administratif dan detensi',
      description:
        'Operasi TIMPORA, orang yang diperiksa, pelanggaran, keputusan TAK, deportasi, deteni, penghuni Rudenim dan pengungsi, per bagian, bulan dan unit.',
      rule: 'Diterapkan pada semua bagian kecuali operasi: kewarganegaraan dengan 1 atau 2 orang digabung sebagai OTHER, dan baris yang masih di bawah 3 orang tidak diterbitkan.',
    },
    'desa-binaan': {
      title: 'Desa Binaan Imigrasi',
      description:
        'Desa binaan, kegiatan, orang yang dijangkau, aduan warga dan penundaan wawancara, per kantor dan kabupaten.',
      rule: 'Diterapkan pada aduan dan penundaan (dihitung sampai akhir bulan lalu): kabupaten dengan 1 atau 2 digabung sebagai OTHER, dan OTHER atau baris tanpa desa di bawah 3 tidak diterbitkan. Desa, kegiatan dan orang yang dijangkau adalah kerja program sendiri.',
    },
  },
  columns: {
    'paspor-terbit': {
      month: 'Bulan terbit',
      unit_code: 'Kode kantor yang menerbitkan',
      unit_name: 'Nama kantor',
      biasa: 'Paspor biasa',
      elektronik: 'Paspor elektronik',
      total: 'Jumlah paspor',
    },
    pengaduan: {
      unit_code: 'Kode kantor (KANWIL-NTT: seluruh wilayah)',
      unit_name: 'Nama kantor',
      received: 'Pengaduan diterima dalam tahun itu',
      resolved: 'Dijawab, ditutup atau diteruskan ke yang berwenang',
      overdue: 'Terlambat per hari ini: belum diverifikasi atau belum dijawab sampai batas waktunya',
      median_days_to_first_answer: 'Median hari dari diterima sampai jawaban pertama; kosong bila belum ada jawaban',
      whistleblowing: 'Laporan pelanggaran di antaranya; hanya untuk seluruh wilayah, kosong untuk kantor',
    },
    ikm: {
      unit_code: 'Kode kantor (KANWIL-NTT: seluruh wilayah)',
      unit_name: 'Nama kantor',
      respondents: 'Responden survei',
      ikm: 'Nilai IKM, rata-rata tertimbang 9 unsur (1–4), empat desimal; kosong tanpa responden',
      converted: 'Nilai konversi IKM × 25 (25–100), dua desimal',
      category: 'Mutu pelayanan: A sangat baik, B baik, C kurang baik, D tidak baik',
    },
    'lintas-batas': {
      month: 'Bulan perlintasan',
      point_code: 'Kode tempat pemeriksaan imigrasi',
      direction: 'arrival (datang) atau departure (berangkat)',
      traveller_kind: 'citizen (WNI) atau foreigner (WNA)',
      document_kind: 'passport atau plb (pas lintas batas)',
      count: 'Jumlah perlintasan',
    },
    'izin-tinggal': {
      month: 'Bulan izin mulai berlaku',
      unit_code: 'Kode kantor yang memberi izin',
      permit_type: 'Jenis izin tinggal',
      nationality: 'Kode kewarganegaraan ICAO; OTHER menggabungkan yang kurang dari 3',
      count: 'Jumlah izin tinggal (pemegang)',
    },
    'laporan-orang-asing': {
      month: 'Bulan tamu masuk',
      unit_code: 'Kode kantor wilayah kerja penginapan',
      reports: 'Laporan tamu asing; kosong bila 1 atau 2',
      late: 'Laporan yang terlambat di antaranya; kosong bila 1 atau 2',
    },
    overstay: {
      month: 'Bulan hari pertama lewat izin',
      unit_code: 'Kode kantor',
      overstays: 'Overstay; kosong bila 1 atau 2',
      paid: 'Yang sudah dibayar seluruhnya; kosong bila 1 atau 2',
      proposed: 'Yang diusulkan untuk tindakan administratif; kosong bila 1 atau 2',
    },
    pengawasan: {
      section:
        'Bagian: operations, checked, violations, violations_by_nationality, decisions, deportations, detention_placed, detention_released, occupancy, occupancy_people, refugees',
      month: 'Bulan; untuk penghuni dan pengungsi, bulan hari penghitungan',
      unit_code: 'Kode unit',
      category:
        'Rincian bagian: jenis pelanggaran, tindakan Pasal 75(2), alasan keluar, blok, kelompok orang, status pengungsi; kosong bila tidak ada',
      nationality:
        'Kode kewarganegaraan ICAO bila dihitung menurutnya, OTHER untuk yang kurang dari 3; selain itu kosong',
      count: 'Jumlah (operasi untuk bagian operations, selain itu orang)',
    },
    'desa-binaan': {
      section: 'Bagian: villages, activities, people_reached, tips, deferrals',
      unit_code: 'Kode kantor',
      regency_code:
        'Kode kabupaten Kemendagri; kosong bila tidak menyebut desa, OTHER menggabungkan yang kurang dari 3',
      category: 'activities: jenis; tips: <jenis>:<hasil atau open>; deferrals: kode alasan; selain itu kosong',
      count: 'Jumlah (desa, kegiatan, orang yang dijangkau, aduan atau penundaan menurut bagian)',
    },
  },
};
