// Messages of the "regions" namespace (Bahasa Indonesia); messages.en.ts must have the same keys.
export const regions = {
  province: 'Provinsi',
  regency: 'Kabupaten/kota',
  district: 'Kecamatan',
  village: 'Desa/kelurahan',
  choose: '— pilih —',
  refresh: 'Tampilkan pilihan berikutnya',
};
