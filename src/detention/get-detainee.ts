import { asc, eq } from 'drizzle-orm';
import { getForeigner } from '../foreigners/get-foreigner.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { actorScope } from '../units/scope.ts';
import { withCounts } from './list-detainees.ts';
import { listProperty } from './list-property.ts';
import { authorize, authorizeRole, can } from './policy.ts';
import { detaineeActions, detaineeHealthChecks, detainees, type HealthCheck } from './schema.ts';

/**
 * One detainee with the person, the count against Pasal 85, the property deposit, the history and, for the Rudenim's
 * own officers only, the health checks (null for anyone else). The reading is audited.
 */
export async function getDetainee(tx: Tx, caller: Caller, id: string) {
  authorizeRole(caller.actor, 'detention.view');
  const [detainee] = await tx.select().from(detainees).where(eq(detainees.id, id));
  if (!detainee) throw new AppError('not_found');
  const scope = await actorScope(tx, caller.actor);
  authorize(caller.actor, 'detention.view', { ...detainee, scope });
  const [counted] = await withCounts(tx, [detainee]);
  const person = await getForeigner(tx, detainee.foreignerId);
  const property = await listProperty(tx, detainee.id);
  const history = await tx
    .select()
    .from(detaineeActions)
    .where(eq(detaineeActions.detaineeId, id))
    .orderBy(asc(detaineeActions.id));
  let health: HealthCheck[] | null = null;
  if (can(caller.actor, 'detention.health', { ...detainee, scope }))
    health = await tx
      .select()
      .from(detaineeHealthChecks)
      .where(eq(detaineeHealthChecks.detaineeId, id))
      .orderBy(asc(detaineeHealthChecks.id));
  await appendAudit(tx, caller, {
    action: 'detainee.view',
    targetType: 'detainee',
    targetId: id,
    unitCode: detainee.unitCode,
    details: { health: health !== null },
  });
  return { detainee: counted!, person, property, history, health, scope };
}
export type DetaineeView = Awaited<ReturnType<typeof getDetainee>>;
