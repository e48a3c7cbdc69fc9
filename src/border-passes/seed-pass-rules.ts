import type { Executor } from '../platform/db/index.ts';
import { borderPassDistricts, borderPassRules } from './schema.ts';

const arrangement = 'http://www.kemlu.go.id/dili/id/layanan_WNI_BHI/Pages/pas_lintas_batas.aspx';
/** The arrangement's month; the sources give no day. */
const since = '2003-06-01';

/**
 * The kecamatan the RI–RDTL arrangement (June 2003) lists, as the district codes of the region tables. Where the
 * tables spell a name otherwise (Rehat → Raihat, Miomafo → Miomaffo) or the district moved to a new regency (Kobalima:
 * Belu in 2003, Kabupaten Malaka now) the note says so. Districts carved out of a listed one later (Lamaknen Selatan,
 * Kobalima Timur, Miomaffo Tengah, the Bikomi and the other Insana districts) are not added: the sources list only the
 * 2003 names, and adding one is a new row here.
 */
const districts: [code: string, note: string][] = [
  ['53.04.03', 'Rehat (Belu); Raihat in the region tables'],
  ['53.04.01', 'Lamaknen (Belu)'],
  ['53.04.02', 'Tasifeto Timur (Belu)'],
  ['53.04.04', 'Tasifeto Barat (Belu)'],
  ['53.21.11', 'Kobalima (Belu in 2003; Kabupaten Malaka now)'],
  ['53.03.08', 'Insana (TTU)'],
  ['53.03.01', 'Miomafo Timur (TTU); Miomaffo Timur in the region tables'],
  ['53.03.02', 'Miomafo Barat (TTU); Miomaffo Barat in the region tables'],
  ['53.03.09', 'Insana Utara (TTU)'],
  ['53.01.13', 'Amfoang Utara (Kabupaten Kupang)'],
  ['53.05.05', 'Alor Timur (Alor)'],
  ['53.05.06', 'Pantar (Alor)'],
  ['53.05.03', 'Alor Barat Daya (Alor)'],
];

/**
 * The pass's rules and its residents' kecamatan, as dated rows. The RI–RDTL arrangement makes a pass valid one year
 * with stays of 10 days, extendable twice, at most 30 (kemlu, Dili). The generic national rule allows up to three
 * years and no extension (imigrasi.go.id: travel document for crossing the border; babel.kemenkumham.go.id); on the
 * Timor-Leste border the arrangement's year applies. Idempotent: rows already there are kept.
 */
export async function seedPassRules(db: Executor): Promise<void> {
  await db
    .insert(borderPassRules)
    .values({
      validFrom: since,
      validUntil: null,
      validityMonths: 12,
      stayDays: 10,
      stayExtensions: 2,
      extensionDays: 10,
      maxStayDays: 30,
      source: `RI–RDTL arrangement, June 2003: ${arrangement}; the generic rule's up to 3 years (http://imigrasi.go.id/index.php/en/public-services/travel-document-for-cross-the-border) does not apply on this border`,
    })
    .onConflictDoNothing();
  await db
    .insert(borderPassDistricts)
    .values(districts.map(([districtCode, note]) => ({ districtCode, validFrom: since, note, source: arrangement })))
    .onConflictDoNothing();
}
