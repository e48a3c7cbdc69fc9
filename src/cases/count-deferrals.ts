import { countActionsByPayload, type ActionCount } from '../applications/count-actions-by-payload.ts';
import { countSubmittedByVillage } from '../applications/count-submitted-by-village.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';

type Period = { from: IsoDate; to: IsoDate };
export type ReasonCount = { reasonCode: string; count: number };
export type VillageCaseCounts = { applications: number; deferrals: ReasonCount[] };
export type DeferralFigure = { unitCode: string; regencyCode: string; category: string; count: number };

/**
 * The category of deferrals recorded before reason codes existed: not a code (`deferral_reasons` never holds it, and
 * adding it is refused), so they are not mistaken for the real `other`. Named here for whoever shows the counts.
 */
export const UNRECORDED_REASON = {
  code: 'unrecorded',
  nameId: 'Alasan tidak tercatat (sebelum ada kode alasan)',
  nameEn: 'Reason not recorded (before reason codes)',
} as const;

/** Interviews that deferred (outcome `defer`) in the period, by reason code; those from before codes are `unrecorded`. */
const deferrals = (db: Executor, period: Period, villageCodes?: readonly string[], unitCodes?: readonly string[]) =>
  countActionsByPayload(db, {
    type: 'interview',
    match: { outcome: 'defer' },
    key: 'reasonCode',
    period,
    ...(villageCodes ? { villageCodes } : {}),
    ...(unitCodes ? { unitCodes } : {}),
  });
const reasonOf = (row: ActionCount) => row.value ?? UNRECORDED_REASON.code;

/**
 * Per adopted village (Desa Binaan): applications submitted in the period by people living there, and the
 * interviews that deferred them in the period by reason. Every village asked for has an entry, zeros included.
 */
export async function countCasesByVillage(
  db: Executor,
  villageCodes: string[],
  period: Period,
): Promise<Map<string, VillageCaseCounts>> {
  const submitted = await countSubmittedByVillage(db, villageCodes, period);
  const counts = new Map<string, VillageCaseCounts>(
    villageCodes.map((code) => [code, { applications: submitted.get(code) ?? 0, deferrals: [] }]),
  );
  for (const row of await deferrals(db, period, villageCodes)) {
    const entry = counts.get(row.villageCode ?? '');
    if (entry) add(entry.deferrals, reasonOf(row), row.count);
  }
  for (const entry of counts.values()) entry.deferrals.sort(byReason);
  return counts;
}

/**
 * The public figure: deferrals in the period per office, regency of the applicant's address ('' when none) and
 * reason code, without personal data. Sorted by office, regency and reason. `unitCodes` narrows to those units.
 */
export async function countDeferrals(
  db: Executor,
  period: Period,
  unitCodes?: readonly string[],
): Promise<DeferralFigure[]> {
  const figures = new Map<string, DeferralFigure>();
  for (const row of await deferrals(db, period, undefined, unitCodes)) {
    const regencyCode = row.villageCode ? row.villageCode.slice(0, 5) : '';
    const category = reasonOf(row);
    const key = `${row.unitCode}|${regencyCode}|${category}`;
    const figure = figures.get(key) ?? { unitCode: row.unitCode, regencyCode, category, count: 0 };
    figure.count += row.count;
    figures.set(key, figure);
  }
  return [...figures.values()].sort(
    (a, b) =>
      a.unitCode.localeCompare(b.unitCode) ||
      a.regencyCode.localeCompare(b.regencyCode) ||
      a.category.localeCompare(b.category),
  );
}

function add(list: ReasonCount[], reasonCode: string, count: number): void {
  const found = list.find((r) => r.reasonCode === reasonCode);
  if (found) found.count += count;
  else list.push({ reasonCode, count });
}
const byReason = (a: ReasonCount, b: ReasonCount) => a.reasonCode.localeCompare(b.reasonCode);
