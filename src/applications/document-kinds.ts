/** The documents an applicant may upload and an officer checks, by kind (`applications.documentKinds.*` names them). */
export const documentKinds = [
  'ektp',
  'kk',
  'akta_kelahiran',
  'buku_nikah',
  'ijazah',
  'surat_baptis',
  'old_passport',
  'surat_pewarganegaraan',
  'name_change_decree',
  'parent_ktp',
  'parent_marriage_book',
  'parent_passport',
  'power_of_attorney',
  'pmi_recommendation',
] as const;
