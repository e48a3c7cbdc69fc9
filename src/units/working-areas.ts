/**
 * Each Kantor Imigrasi's regencies (Kemendagri codes). Inferred (⚠): the posts each office runs (shared/domain.md)
 * and Kanim Labuan Bajo's "4 regencies" (shared/domain-oversight.md §2.5); every NTT regency has one office.
 */
export const workingAreas: Record<string, string[]> = {
  // Kota Kupang, Kupang, Timor Tengah Selatan, Alor, Rote Ndao, Sabu Raijua and Sumba's four regencies.
  'KANIM-KUPANG': ['53.71', '53.01', '53.02', '53.05', '53.14', '53.20', '53.11', '53.12', '53.17', '53.18'],
  // Belu, Malaka and Timor Tengah Utara: the land border.
  'KANIM-ATAMBUA': ['53.04', '53.21', '53.03'],
  // Sikka, Flores Timur, Lembata, Ende and Nagekeo.
  'KANIM-MAUMERE': ['53.07', '53.06', '53.13', '53.08', '53.16'],
  // Manggarai Barat, Manggarai, Manggarai Timur and Ngada.
  'KANIM-LABUAN-BAJO': ['53.15', '53.10', '53.19', '53.09'],
};
