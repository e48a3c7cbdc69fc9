import type { Executor } from '../platform/db/index.ts';
import { deferralReasons } from './schema.ts';

/**
 * The reasons an interview defers a case, from what offices report (shared/domain-oversight.md §6; no formal
 * checklist was found):
 * - suspected non-procedural migrant work (PMI non-prosedural): Atambua deferred 43 applications in Jan–Jun 2023 on it,
 *   https://kupang.antaranews.com/amp/berita/115599/imigrasi-atambua-tolak-43-permohonan-paspor-ini-alasannya ;
 * - work abroad without the Disnaker/BP2MI recommendation (Permenkumham 9/2012 for CTKI passports),
 *   https://malang.merdeka.com/kabar-malang/selama-2017-76-tki-asal-malang-gagal-berangkat-ke-malaysia-dan-saudi-171220k.html ,
 *   https://kupang.tribunnews.com/2019/10/11/pengurusan-paspor-makin-ketat-tahun-2019-imigrasi-kupang-keluarkan-481-paspor-tki ;
 * - "tujuan tidak jelas": claims tourism or a family visit but cannot name an itinerary, hotel, ticket or reach the
 *   relative, https://www.kompas.tv/nasional/335608/ditjen-imigrasi-unjuk-manual-wawancara-saat-penerbitan-paspor-perhatikan-hal-ini?page=2 .
 *   It counts as non-procedural: the sources give these answers as the interview's indicators of a hidden work
 *   trip (Atambua counted such cases as suspected PMI NP); a case merely missing papers is `documents_not_supplied`;
 * - supporting data not supplied within 30 days, duplicate applications: Karawang's 2025 breakdown of 604 refusals
 *   (6.1 % PMI NP, 48.9 % duplicates, 35.9 % data not supplied),
 *   https://tvberita.co.id/news/regional/sepanjang-2025-imigrasi-karawang-terbitkan-46-417-paspor-wni/2 .
 * The regional office's admins edit names, order or `active` afterwards (`/officer/deferral-reasons`, the API's
 * POST and PATCH `/api/v1/deferral-reasons`): the seed adds missing codes and never overwrites a row.
 */
export const seededDeferralReasons = [
  {
    code: 'pmi_non_procedural',
    nameId: 'Dugaan PMI non-prosedural',
    nameEn: 'Suspected non-procedural migrant work',
    nonProcedural: true,
    sort: 10,
  },
  {
    code: 'no_work_recommendation',
    nameId: 'Bekerja ke luar negeri tanpa rekomendasi Disnaker/BP2MI',
    nameEn: 'Work abroad without a Disnaker/BP2MI recommendation',
    nonProcedural: true,
    sort: 20,
  },
  {
    code: 'purpose_unclear',
    nameId: 'Tujuan tidak jelas (rencana perjalanan, hotel, tiket, atau kerabat tidak dapat disebutkan)',
    nameEn: 'Purpose unclear (cannot name itinerary, hotel, ticket or relative)',
    nonProcedural: true,
    sort: 30,
  },
  {
    code: 'documents_not_supplied',
    nameId: 'Data pendukung tidak dilengkapi dalam 30 hari',
    nameEn: 'Supporting documents not supplied within 30 days',
    nonProcedural: false,
    sort: 40,
  },
  {
    code: 'duplicate_application',
    nameId: 'Permohonan ganda',
    nameEn: 'Duplicate application',
    nonProcedural: false,
    sort: 50,
  },
  { code: 'other', nameId: 'Lainnya', nameEn: 'Other', nonProcedural: false, sort: 90 },
] as const;

/** Idempotent: run at every start; adds missing codes only, so an office's later edits stay. */
export async function seedDeferralReasons(db: Executor): Promise<void> {
  await db
    .insert(deferralReasons)
    .values(seededDeferralReasons.map((r) => ({ ...r, active: true })))
    .onConflictDoNothing();
}
