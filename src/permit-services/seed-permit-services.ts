import { VISIT_CHANNEL } from '../appointments/release-visit.ts';
import { seedQuotaTemplates } from '../appointments/seed-quota-templates.ts';
import type { Executor } from '../platform/db/index.ts';
import { listUnits } from '../units/list-units.ts';
import { permitServiceRules, permitTariffs, type PermitServiceRule } from './schema.ts';

type Rule = Omit<PermitServiceRule, 'id' | 'inForce' | 'allowed' | 'biometrics' | 'validUntil' | 'entryBasis'> &
  Partial<Pick<PermitServiceRule, 'inForce' | 'allowed' | 'biometrics' | 'validUntil' | 'entryBasis'>>;

const SE_2022 = 'SE Dirjen IMI-0093.KU.01.03/2022';
const KOTABUMI = 'https://kotabumi.imigrasi.go.id/berita/implementasi-pnbp-intal-2022-05-12';
const BLITAR = 'https://blitar.imigrasi.go.id/pelayanan/izin-kunjungan/';
const ALIH =
  'https://imigrasi.go.id/wna/izin-tinggal-keimigrasian/izin-tinggal-kunjungan-menjadi-izin-tinggal-terbatas';
const ITAP_EXT = 'https://sippn.menpan.go.id/pelayanan-publik/8115007';
const ITAS_EXT = 'https://sippn.menpan.go.id/pelayanan-publik/8087431';
/** The day before PMK 9/2022 took effect (16 Apr 2022): the 2014 regime's last day. */
const END_2014 = '2022-04-15';
// The 2014 regime's first day is not in our sources: its rows start with the year of Permenkumham 27/2014.
const FROM_2014 = '2014-01-01';

/**
 * Shared/domain-oversight.md §1.2–§1.5. Windows with no source of their own keep the 2014 regime's (earliest 14
 * days, latest the day before expiry); "the working day before" is kept as 1 calendar day, the officer's page shows
 * the date. ITAP "3 months" is 90 days. EPO: 7 days to leave is in force (two sources, one a university's office for
 * foreigners; 5 days comes from one agent page and is kept, not in force) — a shorter wrong figure would count days
 * as overstay that may not be owed.
 */
const rules: Rule[] = [
  ...[
    { entryBasis: 'visit_visa' as const, maxExtensions: 4 },
    { entryBasis: 'voa' as const, maxExtensions: 1 },
  ].map((r) => ({
    ...r,
    service: 'itk_extension' as const,
    permitType: 'itk' as const,
    stepDays: 30,
    earliestDaysBefore: 14,
    latestDaysBefore: 1,
    tariffItem: 'itk',
    slaWorkingDays: 2,
    validFrom: FROM_2014,
    validUntil: END_2014,
    regulation: 'Permenkumham 27/2014',
    source: BLITAR,
  })),
  ...[
    { entryBasis: 'visit_visa' as const, maxExtensions: 2, stepDays: 60 },
    { entryBasis: 'voa' as const, maxExtensions: 1, stepDays: 30 },
  ].map((r) => ({
    ...r,
    service: 'itk_extension' as const,
    permitType: 'itk' as const,
    earliestDaysBefore: 14,
    latestDaysBefore: 1,
    tariffItem: 'itk',
    slaWorkingDays: 2,
    validFrom: '2022-04-16',
    regulation: SE_2022,
    source: KOTABUMI,
  })),
  {
    service: 'itas_extension',
    permitType: 'itas',
    maxExtensions: 5,
    stepDays: 365,
    earliestDaysBefore: 60,
    latestDaysBefore: 1,
    tariffItem: 'itas',
    slaWorkingDays: 4,
    validFrom: FROM_2014,
    regulation: 'Permenkumham 27/2014 (SIPPN Banggai)',
    source: ITAS_EXT,
  },
  ...(['visit_visa', 'limited_stay_visa'] as const).map((entryBasis) => ({
    service: 'itk_to_itas' as const,
    permitType: 'itk' as const,
    entryBasis,
    maxExtensions: null,
    stepDays: 365,
    earliestDaysBefore: null,
    latestDaysBefore: 30,
    tariffItem: 'itas',
    slaWorkingDays: 5,
    validFrom: FROM_2014,
    regulation: 'Permenkumham 22/2023',
    source: ALIH,
  })),
  ...(['voa', 'visa_free', 'crew'] as const).map((entryBasis) => ({
    service: 'itk_to_itas' as const,
    permitType: 'itk' as const,
    entryBasis,
    allowed: false,
    maxExtensions: null,
    stepDays: null,
    earliestDaysBefore: null,
    latestDaysBefore: 30,
    tariffItem: null,
    slaWorkingDays: 5,
    validFrom: FROM_2014,
    regulation: 'Permenkumham 22/2023',
    source: ALIH,
  })),
  {
    service: 'itas_to_itap',
    permitType: 'itas',
    maxExtensions: null,
    stepDays: 1826,
    earliestDaysBefore: null,
    latestDaysBefore: 1,
    tariffItem: 'itap',
    slaWorkingDays: 5,
    validFrom: FROM_2014,
    regulation: 'Permenkumham 43/2015',
    source: 'https://imigrasimaumere.com/layanan-warga-negara-asing/alih-status-izin-tinggal/',
  },
  {
    service: 'itap_extension',
    permitType: 'itap',
    maxExtensions: null,
    stepDays: 1826,
    earliestDaysBefore: 90,
    latestDaysBefore: 1,
    tariffItem: 'itap',
    slaWorkingDays: 5,
    validFrom: FROM_2014,
    regulation: 'Permenkumham 27/2014 (SIPPN Jawa Barat)',
    source: ITAP_EXT,
  },
  ...(['itas', 'itap'] as const).flatMap((permitType) =>
    [
      {
        stepDays: 7,
        inForce: true,
        source: 'https://sevenstonesindonesia.com/?p=56076 · http://kui.unisma.ac.id/epo-exit-permit-only/',
      },
      { stepDays: 5, inForce: false, source: 'https://www.letsmoveindonesia.com/indonesia-exit-permit-only-epo/' },
    ].map((r) => ({
      ...r,
      service: 'epo' as const,
      permitType,
      maxExtensions: null,
      earliestDaysBefore: null,
      latestDaysBefore: 0,
      tariffItem: 'epo',
      biometrics: false,
      slaWorkingDays: 2,
      validFrom: FROM_2014,
      regulation: 'Permenkumham 27/2014',
    })),
  ),
  ...(['itk', 'itas', 'itap', 'golden_visa'] as const).map((permitType) => ({
    service: 'cancellation' as const,
    permitType,
    maxExtensions: null,
    stepDays: null,
    earliestDaysBefore: null,
    latestDaysBefore: 0,
    tariffItem: null,
    biometrics: false,
    slaWorkingDays: 2,
    validFrom: FROM_2014,
    regulation: 'Permenkumham 27/2014',
    source: 'UU 6/2011 Pasal 52',
  })),
];

const PP45 = 'https://imigrasi.go.id/biaya_imigrasi';
const PP28 = 'https://imigrasi-pamekasan.com/index.php/component/sppagebuilder/13-biaya-wna-foreign-services-fees';
const PMK9 =
  'https://amp.suara.com/news/2022/04/17/130454/tarif-visa-kunjungan-60-hari-non-wisata-naik-ini-daftar-selengkapnya-dari-imigrasi-indonesia';
const row =
  (regulation: string, validFrom: string, validUntil: string | null, source: string) =>
  (item: string, maxDays: number, amount: number) => ({
    regulation,
    item,
    maxDays,
    amount,
    validFrom,
    validUntil,
    source,
  });

/**
 * §1.7. PP 45/2024 in force from 17 Dec 2024 (the earlier of the reported dates, as the passport tariffs). Its
 * ITAS/ITAP amounts are not in our sources: the PP 28/2019 rows stay in force for those items until they are found,
 * and the rows are editable. EPO Rp500.000 comes from an agent page only (⚠).
 */
const tariffs = [
  ...[
    [7, 250_000],
    [14, 350_000],
    [30, 500_000],
    [60, 1_000_000],
    [90, 1_500_000],
    [180, 2_000_000],
  ].map(([days, amount]) => row('PP 45/2024', '2024-12-17', null, PP45)('itk', days!, amount!)),
  row('PMK 9/PMK.02/2022', '2022-04-16', '2024-12-16', PMK9)('itk', 30, 500_000),
  row('PMK 9/PMK.02/2022', '2022-04-16', '2024-12-16', PMK9)('itk', 60, 2_000_000),
  row('PP 28/2019', '2019-05-03', '2022-04-15', PP28)('itk', 30, 500_000),
  row('PP 28/2019', '2019-05-03', '2022-04-15', PP28)('itk', 60, 750_000),
  ...[
    [90, 750_000],
    [183, 1_000_000],
    [366, 1_500_000],
    [731, 2_000_000],
  ].map(([days, amount]) => row('PP 28/2019', '2019-05-03', null, PP28)('itas', days!, amount!)),
  row('PP 28/2019', '2019-05-03', null, ITAP_EXT)('itap', 1827, 5_000_000),
  row('PP 28/2019', '2019-05-03', null, 'https://visa4bali.com/exit-permit-epo-for-kitas-holders/')('epo', 30, 500_000),
];

/** Biometrics visits a working day at each unit serving stay permits until its head of office sets its own (a guess). */
const VISITS_PER_DAY = 20;

/**
 * Idempotent, and edited rows are kept: the rules are written once (into an empty table), tariffs by (regulation,
 * item, days), and the biometrics visits' weekly quota (appointments' `stay_permit` channel) only where a unit has
 * none yet.
 */
export async function seedPermitServices(db: Executor): Promise<void> {
  const existing = await db.select({ id: permitServiceRules.id }).from(permitServiceRules).limit(1);
  if (existing.length === 0) await db.insert(permitServiceRules).values(rules.map((r) => ({ entryBasis: null, ...r })));
  await db.insert(permitTariffs).values(tariffs).onConflictDoNothing();
  const offices = (await listUnits(db)).filter((u) => u.services.includes('stay_permit')).map((u) => u.code);
  await seedQuotaTemplates(db, { channel: VISIT_CHANNEL, unitCodes: offices, perWeekday: VISITS_PER_DAY });
}
