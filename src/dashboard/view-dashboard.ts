import { listDeferralReasons } from '../cases/list-deferral-reasons.ts';
import { periodOfAtMost } from '../platform/http/fields.ts';
import { MAX_PERIOD_DAYS } from './inputs.ts';
import { UNRECORDED_REASON } from '../cases/count-deferrals.ts';
import type { Actor } from '../platform/auth/actor.ts';
import { addMonths, type IsoDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { getUnit, listUnits } from '../units/list-units.ts';
import type { Unit } from '../units/schema.ts';
import { actorScope, unitScope } from '../units/scope.ts';
import {
  computeFigures,
  computeFiguresByUnit,
  deferralsByReason,
  figureCodes,
  passportsByType,
  sharing,
  type FigureCode,
} from './figures.ts';
import { authorize, authorizeRole } from './policy.ts';

export type ComparedFigure = {
  code: FigureCode;
  current: number | null;
  previous: number | null;
  changePercent: number | null;
};
type Compared = { current: number; previous: number };

export type Dashboard = {
  unit: Unit;
  from: IsoDate;
  to: IsoDate;
  previousFrom: IsoDate;
  previousTo: IsoDate;
  figures: ComparedFigure[];
  units: { unitCode: string; unitName: string; figures: Record<FigureCode, number | null> }[];
  breakdowns: {
    passportsByType: (Compared & { type: string })[];
    deferralsByReason: (Compared & { reasonCode: string; nameId: string; nameEn: string })[];
  };
  /** The units the viewer may choose (their scope), in the units' order. */
  choosable: Unit[];
};

/** The period asked for, completed: this year to date when left out, a lone `to` from its year's 1 January. */
export function dashboardPeriod(
  input: { from?: IsoDate; to?: IsoDate },
  today: IsoDate,
): { from: IsoDate; to: IsoDate } {
  const to = input.to ?? (input.from && input.from > today ? input.from : today);
  const from = input.from ?? `${to.slice(0, 4)}-01-01`;
  // Checked once the period is complete: a lone `from` years back would otherwise ask for decades.
  if (from > to || !periodOfAtMost(MAX_PERIOD_DAYS)({ from, to }))
    throw new AppError('validation_failed', { [input.to ? 'to' : 'from']: 'dashboard.v.period' });
  return { from, to };
}

/** Change in % against the previous year, to a tenth; none where either is missing or the previous was nothing. */
export function changePercent(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return Math.round(((current - previous) / previous) * 1000) / 10;
}

/** A breakdown's rows for both periods, by their key: a key in one period only has 0 in the other. */
function compare(
  current: { key: string; count: number }[],
  previous: { key: string; count: number }[],
): (Compared & { key: string })[] {
  const rows = new Map<string, Compared>();
  for (const r of current) rows.set(r.key, { current: r.count, previous: 0 });
  for (const r of previous) rows.set(r.key, { current: rows.get(r.key)?.current ?? 0, previous: r.count });
  return [...rows].map(([key, v]) => ({ key, ...v }));
}

/**
 * The dashboard of a unit in the viewer's scope (their own unit when none is asked for): the scope's figures for the
 * period and the same period a year before, each unit's own figures, passports by type and deferrals by reason.
 */
export async function viewDashboard(
  db: Executor,
  actor: Actor,
  input: { unit?: string; from?: IsoDate; to?: IsoDate },
  today: IsoDate,
  maxAgeSeconds = 0,
): Promise<Dashboard> {
  authorizeRole(actor);
  const scope = await actorScope(db, actor);
  const unitCode = input.unit ?? actor.unitCode!;
  const unit = await getUnit(db, unitCode);
  authorize(actor, { unitCode: unit.code, scope });
  const { from, to } = dashboardPeriod(input, today);
  const unitCodes = await unitScope(db, unit.code);
  const previousFrom = addMonths(from, -12);
  const previousTo = addMonths(to, -12);
  const q = sharing({ unitCodes, from, to, today, maxAgeSeconds });
  const p = sharing({ unitCodes, from: previousFrom, to: previousTo, today, maxAgeSeconds });
  const current = await computeFiguresByUnit(db, q);
  const previous = await computeFigures(db, p);
  const all = await listUnits(db);
  const names = new Map(all.map((u) => [u.code, u.name]));
  const reasons = new Map((await listDeferralReasons(db, { all: true })).map((r) => [r.code, r]));
  const byType = (rows: { type: string; count: number }[]) => rows.map((r) => ({ key: r.type, count: r.count }));
  const byReason = (rows: { reasonCode: string; count: number }[]) =>
    rows.map((r) => ({ key: r.reasonCode, count: r.count }));
  const reasonNames = (r: { nameId: string; nameEn: string }) => ({ nameId: r.nameId, nameEn: r.nameEn });
  const reasonName = (code: string) =>
    code === UNRECORDED_REASON.code ? UNRECORDED_REASON : (reasons.get(code) ?? { nameId: code, nameEn: code });
  return {
    unit,
    from,
    to,
    previousFrom,
    previousTo,
    figures: figureCodes.map((code) => ({
      code,
      current: current.totals[code],
      previous: previous[code],
      changePercent: changePercent(current.totals[code], previous[code]),
    })),
    units: unitCodes.map((code) => ({
      unitCode: code,
      unitName: names.get(code) ?? code,
      figures: current.units.get(code)!,
    })),
    breakdowns: {
      passportsByType: compare(byType(await passportsByType(db, q)), byType(await passportsByType(db, p))).map(
        ({ key, ...r }) => ({ type: key, ...r }),
      ),
      deferralsByReason: compare(
        byReason(await deferralsByReason(db, q)),
        byReason(await deferralsByReason(db, p)),
      ).map(({ key, ...r }) => ({ reasonCode: key, ...r, ...reasonNames(reasonName(key)) })),
    },
    choosable: all.filter((u) => scope.includes(u.code)),
  };
}
