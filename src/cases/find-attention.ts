import type { ApplicationActionEntry } from '../applications/list-application-actions.ts';
import type { Application } from '../applications/schema.ts';
import { findAdoptedVillagesFor, type AdoptedVillageNote } from '../adopted-villages/find-adopted-villages.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { parseNik } from '../regions/check-nik.ts';
import { findOpenWarningsFor, type WarningNote } from '../village-tips/find-open-warnings.ts';

/**
 * What the interviewing officer should know before asking (Desa Binaan's early warning): the adopted villages the
 * applicant's address or NIK kecamatan falls in, with their village officers (PIMPASA) to call, and the open
 * warnings about the person, their village or a recruiter working there or named as their sponsor. It carries
 * only what the two look-ups return, which never includes the tip or who sent it.
 */
export type Attention = { villages: AdoptedVillageNote[]; warnings: WarningNote[] };
/**
 * `warnings`: whether the reader may see warnings at all (policy's `case.warnings`); the villages are public and
 * always given. `sponsors`: names the officer is typing in now (the interview form sent back), matched too.
 */
export type AttentionOptions = { warnings: boolean; sponsors?: readonly string[] };

/** The sponsors the applicant named at earlier interviews: a deferred case is interviewed again with them known. */
export function sponsorsNamed(history: ApplicationActionEntry[]): string[] {
  const names = history
    .filter((h) => h.type === 'interview')
    .map((h) => (h.payload.checklist as { sponsor?: unknown } | undefined)?.sponsor)
    .filter((s): s is string => typeof s === 'string' && s.trim() !== '');
  return [...new Set(names)];
}

export async function findAttention(
  db: Executor,
  application: Application,
  history: ApplicationActionEntry[],
  today: IsoDate,
  options: AttentionOptions,
): Promise<Attention> {
  const districtCode = application.nik ? (parseNik(application.nik)?.districtCode ?? null) : null;
  const villages = await findAdoptedVillagesFor(db, { villageCode: application.villageCode, districtCode }, today);
  if (!options.warnings) return { villages, warnings: [] };
  const warnings = await findOpenWarningsFor(
    db,
    {
      nik: application.nik,
      fullName: application.fullName,
      birthDate: application.birthDate,
      villageCode: application.villageCode,
      recruiterNames: [...new Set([...sponsorsNamed(history), ...(options.sponsors ?? [])])],
    },
    today,
  );
  return { villages, warnings };
}

/** Whether there is anything to show. */
export const hasAttention = (a: Attention) => a.villages.length > 0 || a.warnings.length > 0;
