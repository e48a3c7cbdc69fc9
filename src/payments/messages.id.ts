// Messages of the "payment" namespace (Bahasa Indonesia); messages.en.ts has the same keys.
export const payment = {
  title: 'Cara membayar',
  lead: 'Kode billing dapat dibayar di mana saja yang menerima pembayaran penerimaan negara (PNBP). Pilih yang paling dekat atau paling mudah bagi Anda.',
  code: 'Kode billing',
  amount: 'Jumlah',
  payBefore: 'Bayar sebelum',
  yourCode: 'kode billing Anda',
  yourAmount: 'jumlah pada tagihan Anda',
  paid: 'Sudah dibayar pada {{at}}. Terima kasih.',
  after:
    'Setelah dibayar, status permohonan berubah sendiri dalam beberapa menit. Bukti bayar tidak perlu diunggah; bawa saja ke kantor. Bila kode billing lewat waktunya, jadwal dilepas dan Anda perlu memesan lagi.',
  back: 'Kembali ke jadwal kedatangan',
  kinds: {
    teller: 'Teller bank',
    atm: 'ATM',
    internet_banking: 'Internet banking',
    mobile_banking: 'Mobile banking',
    post_office: 'Kantor Pos',
    marketplace: 'Marketplace',
    e_wallet: 'Dompet digital',
  },
  mail: {
    reminder: {
      subject: 'Kode billing {{billingCode}} segera berakhir',
      body: 'Halo,\n\nKode billing {{billingCode}} untuk permohonan {{code}} ({{amount}}) berlaku sampai {{payBefore}}. Bila belum dibayar sampai saat itu, jadwal kedatangan Anda pada {{date}} di {{unit}} dilepas.\n\nCara membayar: {{link}}',
    },
    released: {
      subject: 'Jadwal kedatangan {{code}} dilepas',
      body: 'Halo,\n\nKode billing permohonan {{code}} tidak dibayar sampai batas waktunya, sehingga jadwal kedatangan pada {{date}} di {{unit}} sudah dilepas untuk orang lain. Permohonan Anda tetap tersimpan: pilih tanggal lagi di {{link}}',
    },
  },
};
