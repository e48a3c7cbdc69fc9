import { and, eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import { addDays, witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { actorScope } from '../units/scope.ts';
import { authorize, authorizeRole } from './policy.ts';
import { refugeeActions, refugeeReports, refugees, type Refugee } from './schema.ts';
import { refugeeWorkflow, type RefugeeStep } from './workflow.ts';

export type RefugeeActionInput =
  | { step: 'report'; month: string; reportedOn?: string; requestId?: string | null }
  | { step: Exclude<RefugeeStep, 'report'>; on: string; note?: string; requestId?: string | null };

async function lockRefugee(tx: Tx, id: string): Promise<Refugee> {
  const [refugee] = await tx.select().from(refugees).where(eq(refugees.id, id)).for('update');
  if (!refugee) throw new AppError('not_found');
  return refugee;
}

/**
 * How many days into a month a report may still be entered for the month before (a refugee who came on the last day,
 * stamped the next morning). Any earlier day is refused, so past months cannot be filled in later to clear a streak.
 */
export const REPORT_GRACE_DAYS = 5;

/** The earliest day a report entered `today` may carry: this month's first day, or last month's within the grace. */
export function earliestReportDay(today: string): string {
  const monthStart = `${today.slice(0, 7)}-01`;
  const day = Number(today.slice(8, 10));
  return day <= REPORT_GRACE_DAYS ? `${addDays(monthStart, -1).slice(0, 7)}-01` : monthStart;
}

/**
 * A report stamps the month of its day only, the day neither in the future nor before `earliestReportDay`; the month
 * must be owed (from the first month) and is stamped once.
 */
async function stampMonth(tx: Tx, caller: Caller, refugee: Refugee, month: string, reportedOn: string, today: string) {
  if (reportedOn > today || reportedOn < earliestReportDay(today))
    throw new AppError('validation_failed', { reportedOn: 'detention.v.dayOutside' });
  if (month < refugee.firstMonth || month !== reportedOn.slice(0, 7))
    throw new AppError('validation_failed', { month: 'detention.v.monthOutside' });
  const [stamped] = await tx
    .select({ id: refugeeReports.id })
    .from(refugeeReports)
    .where(and(eq(refugeeReports.refugeeId, refugee.id), eq(refugeeReports.month, month)));
  if (stamped) throw new AppError('validation_failed', { month: 'detention.v.monthStamped' });
  await tx
    .insert(refugeeReports)
    .values({ refugeeId: refugee.id, month, reportedOn, stampedBy: caller.actor?.id ?? null });
}

/**
 * Every change to a refugee goes through here: the monthly self-report stamped by an officer (Perpres 125/2016
 * Pasal 36), and the ends of oversight (resettled, voluntary return, placed in detention, deceased, absconded). A
 * resent request id answers with the record as it is; a step the status does not allow changes nothing.
 */
export async function performRefugeeAction(
  tx: Tx,
  caller: Caller,
  refugeeId: string,
  input: RefugeeActionInput,
): Promise<Refugee> {
  const rule = refugeeWorkflow[input.step];
  authorizeRole(caller.actor, rule.by);
  const refugee = await lockRefugee(tx, refugeeId);
  authorize(caller.actor, rule.by, { unitCode: refugee.unitCode, scope: await actorScope(tx, caller.actor) });
  if (await findActionByRequest(tx, refugeeActions, refugeeActions.refugeeId, refugee.id, input.requestId))
    return refugee;
  assertStepAllowed(refugeeWorkflow, input.step, refugee.status);
  const today = witaDate();
  let payload: Record<string, unknown>;
  if (input.step === 'report') {
    const reportedOn = input.reportedOn ?? today;
    await stampMonth(tx, caller, refugee, input.month, reportedOn, today);
    payload = { month: input.month, reportedOn };
  } else {
    if (input.on > today) throw new AppError('validation_failed', { on: 'detention.v.dayOutside' });
    payload = { on: input.on, note: input.note };
  }
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: refugeeActions,
      entry: { refugeeId: refugee.id },
      record: refugees,
      recordId: refugee.id,
      type: input.step,
      status: rule.to,
      set: rule.to && input.step !== 'report' ? { endedOn: input.on } : undefined,
      payload,
      requestId: input.requestId,
    },
    { action: `refugee.${input.step}`, targetType: 'refugee', targetId: refugee.id, unitCode: refugee.unitCode },
  );
  return lockRefugee(tx, refugee.id);
}
