import { and, eq } from 'drizzle-orm';
import { getForeigner, type ForeignerRecord } from '../foreigners/get-foreigner.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { actorScope } from '../units/scope.ts';
import { findOpenCase } from './find-open-case.ts';
import { authorize, authorizeRole } from './policy.ts';
import { resolveCaseSource, type CaseSourceInput } from './resolve-case-source.ts';
import { enforcementCaseActions, enforcementCases, type CaseSource, type EnforcementCase } from './schema.ts';

export type OpenCaseInput = {
  unitCode: string;
  source: CaseSourceInput;
  grounds: string;
  requestId?: string | null;
};

/** The open-case form's and API's flat fields, as the use case takes them. */
export const openCaseInputOf = (b: {
  unitCode: string;
  sourceKind: CaseSource;
  sourceRef: string;
  foreignerId?: string | null;
  grounds: string;
  requestId?: string | null;
}): OpenCaseInput => ({
  unitCode: b.unitCode,
  source: { kind: b.sourceKind, ref: b.sourceRef, foreignerId: b.foreignerId },
  grounds: b.grounds,
  requestId: b.requestId,
});

async function personOf(tx: Tx, id: string): Promise<ForeignerRecord> {
  try {
    return await getForeigner(tx, id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found')
      throw new AppError('validation_failed', { foreignerId: 'enforcement.v.noSuchPerson' });
    throw err;
  }
}

const resentCase = (tx: Tx, openedBy: string, requestId: string) =>
  tx
    .select()
    .from(enforcementCases)
    .where(and(eq(enforcementCases.openedBy, openedBy), eq(enforcementCases.requestId, requestId)))
    .then((rows) => rows[0]);

/**
 * An officer opens a case at a unit in their scope from its source, for the person the source names (who must be in
 * the foreigners register and have no other open case); a source held by a unit outside the officer's scope is
 * refused. A resent request id finds the case it opened.
 */
export async function openCase(tx: Tx, caller: Caller, input: OpenCaseInput): Promise<EnforcementCase> {
  authorizeRole(caller.actor, 'enforcement.handle');
  const scope = await actorScope(tx, caller.actor);
  authorize(caller.actor, 'enforcement.handle', { unitCode: input.unitCode, scope });
  const openedBy = caller.actor!.id;
  if (input.requestId) {
    const done = await resentCase(tx, openedBy, input.requestId);
    if (done) return done;
  }
  const source = await resolveCaseSource(tx, input.source);
  if (source.sourceUnit) authorize(caller.actor, 'enforcement.handle', { unitCode: source.sourceUnit, scope });
  const person = await personOf(tx, source.foreignerId);
  if (await findOpenCase(tx, person.id))
    throw new AppError('validation_failed', { foreignerId: 'enforcement.v.openCaseExists' });
  const [opened] = await tx
    .insert(enforcementCases)
    .values({
      unitCode: input.unitCode,
      foreignerId: person.id,
      nationality: person.nationality,
      sourceKind: input.source.kind,
      sourceRef: input.source.ref,
      grounds: input.grounds,
      openedBy,
      requestId: input.requestId ?? null,
    })
    .returning();
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: enforcementCaseActions,
      entry: { caseId: opened!.id },
      record: enforcementCases,
      recordId: opened!.id,
      type: 'opened',
      status: 'opened',
      payload: { source: input.source.kind, ref: input.source.ref },
      requestId: input.requestId,
    },
    {
      action: 'enforcement_case.open',
      targetType: 'enforcement_case',
      targetId: opened!.id,
      unitCode: input.unitCode,
      details: { source: input.source.kind },
    },
  );
  return opened!;
}
