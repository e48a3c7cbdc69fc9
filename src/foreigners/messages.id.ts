// Messages of the "foreigners" namespace (Bahasa Indonesia); messages.en.ts must have the same keys.
export const foreigners = {
  v: {
    countryCode: 'Tulis kode negara tiga huruf seperti di paspor, misalnya AUS atau D<<.',
    latinName: 'Tulis nama dengan huruf Latin seperti di baris MRZ paspor (tanpa aksen).',
    documentNumber: 'Nomor dokumen terdiri dari huruf dan angka saja, paling banyak 15.',
    birthInFuture: 'Tanggal lahir tidak boleh setelah hari ini.',
    mrzFormat: 'Ini bukan MRZ yang dikenali: salin kedua baris di bagian bawah halaman data paspor.',
    mrzCheck: 'Angka kontrol MRZ tidak cocok: periksa kembali setiap huruf dan angka (O dan 0 sering tertukar).',
  },
  fields: {
    mrz: 'MRZ (dua baris di bawah halaman data paspor)',
    mrzHint: 'Tempel atau ketik kedua baris; kolom di bawah akan terisi dan angka kontrolnya diperiksa.',
    surname: 'Nama keluarga',
    givenNames: 'Nama depan',
    nationality: 'Kewarganegaraan (kode 3 huruf)',
    issuingState: 'Negara penerbit (kode 3 huruf)',
    documentNumber: 'Nomor paspor',
    birthDate: 'Tanggal lahir',
    sex: 'Jenis kelamin',
    sexM: 'Laki-laki',
    sexF: 'Perempuan',
    sexX: 'Tidak disebutkan',
    expiresOn: 'Berlaku sampai',
    readMrz: 'Baca MRZ',
  },
};
