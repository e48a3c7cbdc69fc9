import { sql, type SQL } from 'drizzle-orm';
import type { ApplicationStatus } from '../applications/schema.ts';
import { openCaseStatuses, stepRules } from '../cases/workflow.ts';
import type { OfficerRole } from '../platform/auth/schema.ts';
import { closedDaysOfUnits } from '../holidays/closed-days.ts';
import { addDays, witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import { workingDaysBetween } from '../platform/calendar/working-days.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { unitScope } from '../units/scope.ts';
import type { Caseworker } from './access.ts';

export const WORK_PAGE_SIZE = 25;

/** `late`: past its due day; `today`: due today; `upcoming`: due later; null: no service level yet (before biometrics). */
export type DueState = 'late' | 'today' | 'upcoming' | null;

export type WorkItem = {
  id: string;
  trackingCode: string;
  fullName: string | null;
  status: ApplicationStatus;
  unitCode: string;
  speed: string | null;
  statusAt: Date;
  dueOn: IsoDate | null;
  due: DueState;
  /** Working days of the unit between the due day and today (0 when only a weekend or holiday has passed). */
  workingDaysLate: number;
  holder: { id: string; name: string } | null;
};

export type WorkFilters = { unit?: string; status?: string; mine?: boolean; overdue?: boolean; page?: number };
export type WorkPage = { items: WorkItem[]; page: number; hasNext: boolean; statuses: readonly ApplicationStatus[] };

/** The open statuses a role acts on next: those from which a step the role runs may start. */
export function queueStatuses(role: OfficerRole | null): ApplicationStatus[] {
  const steps = Object.values(stepRules).filter((s) => role && s.roles.includes(role));
  return openCaseStatuses.filter((status) => steps.some((s) => s.from.includes(status)));
}

type Row = {
  id: string;
  tracking_code: string;
  full_name: string | null;
  status: string;
  unit_code: string;
  speed: string | null;
  status_at: Date | string;
  due_on: string | null;
  holder_id: string | null;
  holder_name: string | null;
};

/**
 * The cases waiting for the officer's role in the units of their scope: overdue first, then the longest waiting.
 * Pages are offsets of WORK_PAGE_SIZE: a queue is worked from its head, so deep pages are rare.
 */
export async function listWorkQueue(db: Executor, worker: Caseworker, filters: WorkFilters = {}): Promise<WorkPage> {
  const statuses = queueStatuses(worker.actor.role);
  let units = worker.scope;
  if (filters.unit) {
    if (!worker.scope.includes(filters.unit)) throw new AppError('forbidden');
    units = await unitScope(db, filters.unit);
  }
  const wanted = filters.status ? statuses.filter((s) => s === filters.status) : statuses;
  const page = Math.max(1, filters.page ?? 1);
  if (wanted.length === 0 || units.length === 0) return { items: [], page, hasNext: false, statuses };
  const today = witaDate();
  const conditions: SQL[] = [sql`a.unit_code in ${units}`, sql`a.status in ${wanted}`];
  if (filters.mine) conditions.push(sql`a.holder_id = ${worker.actor.id}`);
  if (filters.overdue) conditions.push(sql`a.due_on < ${today}::date`);
  const rows = await queryRows<Row>(
    db,
    sql`
    select a.id, a.tracking_code, a.full_name, a.status, a.unit_code, a.speed, a.status_at, a.due_on::text as due_on,
      a.holder_id, h.name as holder_name
    from applications a left join accounts h on h.id = a.holder_id
    where ${sql.join(conditions, sql` and `)}
    order by (a.due_on < ${today}::date) is true desc, a.status_at, a.id
    limit ${WORK_PAGE_SIZE + 1} offset ${(page - 1) * WORK_PAGE_SIZE}`,
  );
  const shown = rows.slice(0, WORK_PAGE_SIZE);
  const late = await workingDaysLate(db, shown, today);
  return {
    items: shown.map((r) => ({
      id: r.id,
      trackingCode: r.tracking_code,
      fullName: r.full_name,
      status: r.status,
      unitCode: r.unit_code,
      speed: r.speed,
      statusAt: new Date(r.status_at),
      dueOn: r.due_on,
      due: !r.due_on ? null : r.due_on < today ? 'late' : r.due_on === today ? 'today' : 'upcoming',
      workingDaysLate: late.get(r.id) ?? 0,
      holder: r.holder_id ? { id: r.holder_id, name: r.holder_name ?? '' } : null,
    })),
    page,
    hasNext: rows.length > WORK_PAGE_SIZE,
    statuses,
  };
}

/** Counts, for each late case, the days after its due day up to today on which its unit was open (one query). */
async function workingDaysLate(db: Executor, rows: Row[], today: IsoDate): Promise<Map<string, number>> {
  const late = rows.filter((r) => r.due_on && r.due_on < today);
  if (late.length === 0) return new Map();
  const from = late.reduce((min, r) => (r.due_on! < min ? r.due_on! : min), today);
  const unitCodes = [...new Set(late.map((r) => r.unit_code))];
  const closed = await closedDaysOfUnits(db, unitCodes, addDays(from, 1), today);
  return new Map(
    late.map((r) => [r.id, workingDaysBetween(r.due_on!, today, (day) => closed.get(r.unit_code)!.has(day))]),
  );
}
