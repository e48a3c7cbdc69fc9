// Messages of the "stayPermits" namespace, izin tinggal and penjamin (Bahasa Indonesia); messages.en.ts has the same keys.
export const stayPermits = {
  v: {
    untilBeforeFrom: 'Tanggal berakhir tidak boleh sebelum tanggal berlaku.',
    entryAfterFrom: 'Tanggal masuk tidak boleh setelah tanggal berlaku izin.',
    basisForType: 'Dasar masuk ini tidak sesuai dengan jenis izin tinggal.',
    sponsorOrResponsible: 'Isi penjamin atau penanggung jawab, bukan keduanya.',
    sponsorUnverified: 'Penjamin ini belum diverifikasi kantor imigrasi.',
    sponsorRequired: 'Izin tinggal ini memerlukan penjamin, atau penanggung jawab bagi yang menikah dengan WNI.',
    numberTaken: 'Nomor izin tinggal ini sudah tercatat.',
    overlaps: 'Orang asing ini sudah memiliki izin tinggal aktif pada masa tersebut.',
    extendLater: 'Tanggal berakhir baru harus setelah tanggal berakhir sekarang.',
    notConvertible: 'Izin tinggal ini tidak dapat dialihstatuskan ke jenis tersebut.',
    leaveBeforeFrom: 'Batas keluar tidak boleh sebelum izin tinggal berlaku.',
    paidAfterEnd: 'Pembayaran setelah izin tinggal berakhir tidak menangguhkan overstay.',
  },
};
