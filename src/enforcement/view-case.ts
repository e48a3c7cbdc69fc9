import { asc, eq } from 'drizzle-orm';
import { getForeigner, type ForeignerRecord } from '../foreigners/get-foreigner.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { listPermitsOfForeigner } from '../stay-permits/list-permits-of-foreigner.ts';
import type { StayPermit } from '../stay-permits/schema.ts';
import { actorScope } from '../units/scope.ts';
import { availableCaseSteps } from './available-actions.ts';
import { overstayPaidOf } from './perform-case-action.ts';
import { authorize, authorizeRole } from './policy.ts';
import {
  deportations,
  enforcementCaseActions,
  enforcementCases,
  enforcementMeasures,
  type Deportation,
  type EnforcementCase,
  type EnforcementCaseAction,
  type EnforcementMeasure,
} from './schema.ts';
import type { CaseStep } from './workflow.ts';

export type CaseView = {
  case: EnforcementCase;
  person: ForeignerRecord;
  permits: StayPermit[];
  actions: EnforcementCaseAction[];
  measures: EnforcementMeasure[];
  deportation: Deportation | null;
  overstayPaid: boolean;
  steps: CaseStep[];
};

/**
 * One case as its officers see it: the person, their permits (for a permit action), the history, the decided actions
 * and any deportation, whether an overstay source is paid now, and the steps the reader may take. Audited: it names
 * a person and the grounds against them.
 */
export async function viewCase(tx: Tx, caller: Caller, id: string): Promise<CaseView> {
  authorizeRole(caller.actor, 'enforcement.view');
  const [found] = await tx.select().from(enforcementCases).where(eq(enforcementCases.id, id));
  if (!found) throw new AppError('not_found');
  const scope = await actorScope(tx, caller.actor);
  authorize(caller.actor, 'enforcement.view', { unitCode: found.unitCode, scope });
  // One after another: a transaction is one connection.
  const person = await getForeigner(tx, found.foreignerId);
  const permits = await listPermitsOfForeigner(tx, found.foreignerId);
  const actions = await tx
    .select()
    .from(enforcementCaseActions)
    .where(eq(enforcementCaseActions.caseId, id))
    .orderBy(asc(enforcementCaseActions.id));
  const measures = await tx
    .select()
    .from(enforcementMeasures)
    .where(eq(enforcementMeasures.caseId, id))
    .orderBy(asc(enforcementMeasures.type));
  const [deportation] = await tx.select().from(deportations).where(eq(deportations.caseId, id));
  const overstayPaid = await overstayPaidOf(tx, found);
  await appendAudit(tx, caller, {
    action: 'enforcement_case.view',
    targetType: 'enforcement_case',
    targetId: found.id,
    unitCode: found.unitCode,
  });
  return {
    case: found,
    person,
    permits,
    actions,
    measures,
    deportation: deportation ?? null,
    overstayPaid,
    steps: availableCaseSteps(caller.actor!, found, scope, overstayPaid),
  };
}
